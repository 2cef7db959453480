// read_xlsx on hand-made workbooks: cell kinds, positions, styles, and the refusals that protect against hostile
// files (not a zip, old .xls, .ods, zip bombs, DTDs, deep XML).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <cstring>
#include <string>

#include "ingest/xlsx_reader.h"
#include "ingest/xlsx_builder.h"

using namespace saraban;
using saraban::test::Part;

namespace {

std::vector<std::byte> bytes_of(std::string_view s) {
    std::vector<std::byte> out(s.size());
    std::memcpy(out.data(), s.data(), s.size());
    return out;
}

std::string all_messages(const ingest::XlsxResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += model::to_string(d) + "\n";
    return out;
}

// One-sheet workbook with this worksheet XML and any extra parts.
std::vector<std::byte> one_sheet(const std::string& worksheet, std::vector<Part> extra = {}) {
    auto parts = test::workbook_parts({"Sheet1"}, {worksheet});
    for (Part& p : extra) {
        for (Part& existing : parts)
            if (existing.name == p.name) existing.content = p.content;
        if (std::none_of(parts.begin(), parts.end(), [&](const Part& e) { return e.name == p.name; }))
            parts.push_back(p);
    }
    return test::make_zip(parts);
}

const std::string sheet_head =
    R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
const std::string sheet_tail = "</sheetData></worksheet>";

const std::string workbook_rels_with_strings_and_styles =
    R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
    R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/>)"
    R"(<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/>)"
    R"(<Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="../xl/styles.xml"/>)"
    R"(</Relationships>)";

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_xlsx_reader)

BOOST_AUTO_TEST_CASE(reads_every_kind_of_cell) {
    std::string sheet = sheet_head +
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="inlineStr"><is><t>inline</t></is></c></row>)"
        R"(<row r="2"><c r="A2"><v>96.29</v></c><c r="B2" t="b"><v>1</v></c><c r="C2" t="e"><v>#DIV/0!</v></c>)"
        R"(<c r="D2" t="str"><f>A1&amp;"x"</f><v>formula text</v></c><c r="E2"><f>1+1</f><v>2</v></c><c r="F2" s="1"/></row>)"
        R"(<row r="3"><c r="A3" s="1"><v>44456</v></c><c r="B3" s="2"><v>44456</v></c><c r="C3" s="3"><v>1.5</v></c><c r="D3" s="4"><v>1</v></c></row>)" +
        sheet_tail;
    std::string strings =
        R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<si><t>สบน.</t></si>)"
        R"(<si><r><t>rich </t></r><r><rPr><b/></rPr><t>text</t></r><rPh sb="0" eb="1"><t>PHONETIC</t></rPh></si>)"
        R"(</sst>)";
    std::string styles =
        R"(<?xml version="1.0" encoding="UTF-8"?><styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<numFmts count="3"><numFmt numFmtId="164" formatCode="[$-th-TH]d mmmm bbbb"/><numFmt numFmtId="165" formatCode="[Red]0.00"/>)"
        R"(<numFmt numFmtId="166" formatCode="0.0 &quot;days&quot;"/></numFmts>)"
        R"(<cellXfs count="5"><xf numFmtId="0"/><xf numFmtId="14"/><xf numFmtId="164"/><xf numFmtId="165"/><xf numFmtId="166"/></cellXfs></styleSheet>)";
    auto bytes = one_sheet(sheet, {{"xl/_rels/workbook.xml.rels", workbook_rels_with_strings_and_styles},
                                   {"xl/sharedStrings.xml", strings},
                                   {"xl/styles.xml", styles}});
    auto result = ingest::read_xlsx(bytes, "kinds.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result));
    BOOST_TEST_REQUIRE(result.workbook.sheets.size() == 1u);
    const auto& cells = result.workbook.sheets[0].cells;
    BOOST_TEST_REQUIRE(cells.size() == 12u);  // F2 (styled, no value) is empty
    BOOST_TEST(cells[0].text == "สบน.");
    BOOST_TEST(cells[1].text == "rich text");
    BOOST_TEST(cells[2].text == "inline");
    BOOST_TEST((cells[3].kind == ingest::Cell::Kind::number && cells[3].number == 96.29));
    BOOST_TEST((cells[4].kind == ingest::Cell::Kind::boolean && cells[4].number == 1));
    BOOST_TEST((cells[5].kind == ingest::Cell::Kind::error && cells[5].text == "#DIV/0!"));
    BOOST_TEST(cells[6].text == "formula text");
    BOOST_TEST(cells[7].number == 2);
    BOOST_TEST(cells[8].is_date);    // built-in 14
    BOOST_TEST(cells[9].is_date);    // custom Thai date format
    BOOST_TEST(!cells[10].is_date);  // [Red]0.00
    BOOST_TEST(!cells[11].is_date);  // 0.0 "days"
    BOOST_TEST(cells[11].row == 3);
    BOOST_TEST(cells[11].col == 4);
}

BOOST_AUTO_TEST_CASE(bad_characters_in_any_cell_are_errors_naming_it) {
    // Shared strings (an escaped BEL used by two cells, raw bytes that are not UTF-8), an inline string (ESC as an
    // XML character reference), a formula's string result (an escaped NUL), an error cell (BEL), an inline C1
    // control (U+0085), a malformed number (DEL) and a NUL as a character reference (which pugixml would take for
    // the end of the text): each cell an error, reading going on to the last.
    std::string sheet = sheet_head +
        R"(<row r="1"><c r="A1" t="s"><v>0</v></c><c r="B1" t="s"><v>1</v></c><c r="C1" t="s"><v>0</v></c></row>)"
        R"(<row r="2"><c r="A2" t="inlineStr"><is><t>โทร&#27;</t></is></c><c r="B2" t="str"><v>_x0000_x</v></c>)"
        "<c r=\"C2\" t=\"e\"><v>#N/A\a</v></c><c r=\"D2\" t=\"inlineStr\"><is><t>a\u0085</t></is></c>"
        "<c r=\"E2\"><v>1\x7F</v></c><c r=\"F2\" t=\"inlineStr\"><is><t>ab&#x00;cd</t></is></c></row>" +
        sheet_tail;
    std::string strings =
        R"(<?xml version="1.0" encoding="UTF-8"?><sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        "<si><t>ลำดับ_x0007_</t></si><si><t>สำนักงาน\xFF\xFEบริหาร</t></si></sst>";
    auto bytes = one_sheet(sheet, {{"xl/_rels/workbook.xml.rels", workbook_rels_with_strings_and_styles},
                                   {"xl/sharedStrings.xml", strings}});
    auto result = ingest::read_xlsx(bytes, "bad.xlsx");
    const std::string bel = "มีอักขระควบคุม U+0007 (BEL) ที่อักขระที่ 6 ต่อจาก \"ลำดับ\" ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก "
                            "(a control character U+0007 (BEL) at character 6, after \"ลำดับ\": it cannot be seen or "
                            "printed; delete it)";
    BOOST_TEST(all_messages(result) ==
               "bad.xlsx: sheet Sheet1, cell A1: error: " + bel + "\n"
               "bad.xlsx: sheet Sheet1, cell B1: error: ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ 0xFF ที่อักขระที่ 9 ต่อจาก "
               "\"สำนักงาน\" ให้พิมพ์ข้อความในเซลล์นี้ใหม่ (invalid UTF-8: byte 0xFF at character 9, after \"สำนักงาน\"; "
               "retype the cell's text)\n"
               "bad.xlsx: sheet Sheet1, cell C1: error: " + bel + "\n"
               "bad.xlsx: sheet Sheet1, cell A2: error: มีอักขระควบคุม U+001B (ESC) ที่อักขระที่ 4 ต่อจาก \"โทร\" "
               "ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+001B (ESC) at character 4, after \"โทร\": "
               "it cannot be seen or printed; delete it)\n"
               "bad.xlsx: sheet Sheet1, cell B2: error: มีอักขระควบคุม U+0000 (NUL) ที่อักขระที่ 1 ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ "
               "ให้ลบออก (a control character U+0000 (NUL) at character 1: it cannot be seen or printed; delete it)\n"
               "bad.xlsx: sheet Sheet1, cell C2: error: มีอักขระควบคุม U+0007 (BEL) ที่อักขระที่ 5 ต่อจาก \"#N/A\" "
               "ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+0007 (BEL) at character 5, after \"#N/A\": "
               "it cannot be seen or printed; delete it)\n"
               "bad.xlsx: sheet Sheet1, cell D2: error: มีอักขระควบคุม U+0085 ที่อักขระที่ 2 ต่อจาก \"a\" "
               "ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+0085 at character 2, after \"a\": "
               "it cannot be seen or printed; delete it)\n"
               "bad.xlsx: sheet Sheet1, cell E2: error: มีอักขระควบคุม U+007F (DEL) ที่อักขระที่ 2 ต่อจาก \"1\" "
               "ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+007F (DEL) at character 2, after \"1\": "
               "it cannot be seen or printed; delete it)\n"
               "bad.xlsx: sheet Sheet1, cell F2: error: มีอักขระควบคุม U+0000 (NUL) ที่อักขระที่ 3 ต่อจาก \"ab\" "
               "ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+0000 (NUL) at character 3, after \"ab\": "
               "it cannot be seen or printed; delete it)\n");
    BOOST_TEST(result.workbook.sheets.empty());  // nothing downstream sees the bytes
}

BOOST_AUTO_TEST_CASE(escapes_give_tabs_line_breaks_and_surrogate_pairs) {
    // _x0009_ _x000D_ _x000A_ are text; an escaped surrogate pair is one character (U+1F600).
    std::string sheet = sheet_head +
        R"(<row r="1"><c r="A1" t="inlineStr"><is><t>a_x0009_b_x000D__x000A_c</t></is></c>)"
        R"(<c r="B1" t="str"><v>_xD83D__xDE00_ _x005F_x0007_</v></c></row>)" + sheet_tail;
    auto result = ingest::read_xlsx(one_sheet(sheet), "escapes.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result));
    const auto& cells = result.workbook.sheets[0].cells;
    BOOST_TEST_REQUIRE(cells.size() == 2u);
    BOOST_TEST(cells[0].text == "a\tb\r\nc");
    BOOST_TEST(cells[1].text == "\U0001F600 _x0007_");  // _x005F_ escapes the underscore: no BEL
}

BOOST_AUTO_TEST_CASE(rows_and_cells_without_r_follow_each_other) {
    std::string sheet = sheet_head +
        R"(<row><c t="inlineStr"><is><t>a</t></is></c><c t="inlineStr"><is><t>b</t></is></c></row>)"
        R"(<row r="5"><c><v>1</v></c><c r="D5"><v>2</v></c><c><v>3</v></c></row>)"
        R"(<row><c t="inlineStr"><is><t>c</t></is></c></row>)" +
        sheet_tail;
    auto result = ingest::read_xlsx(one_sheet(sheet), "no-r.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result));
    const auto& cells = result.workbook.sheets[0].cells;
    BOOST_TEST_REQUIRE(cells.size() == 6u);
    BOOST_TEST((cells[0].row == 1 && cells[0].col == 1 && cells[0].text == "a"));
    BOOST_TEST((cells[1].row == 1 && cells[1].col == 2 && cells[1].text == "b"));
    BOOST_TEST((cells[2].row == 5 && cells[2].col == 1));
    BOOST_TEST((cells[3].row == 5 && cells[3].col == 4));
    BOOST_TEST((cells[4].row == 5 && cells[4].col == 5 && cells[4].number == 3));
    BOOST_TEST((cells[5].row == 6 && cells[5].col == 1 && cells[5].text == "c"));
}

BOOST_AUTO_TEST_CASE(hidden_sheets_and_date1904) {
    auto parts = test::workbook_parts({"One", "Two"}, {sheet_head + sheet_tail, sheet_head + sheet_tail});
    for (Part& p : parts)
        if (p.name == "xl/workbook.xml")
            p.content =
                R"(<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">)"
                R"(<workbookPr date1904="1"/><sheets><sheet name="One" sheetId="1" r:id="rId1"/>)"
                R"(<sheet name="Two" sheetId="2" state="veryHidden" r:id="rId2"/></sheets></workbook>)";
    auto result = ingest::read_xlsx(test::make_zip(parts), "hidden.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result));
    BOOST_TEST(result.workbook.date1904);
    BOOST_TEST_REQUIRE(result.workbook.sheets.size() == 2u);
    BOOST_TEST(!result.workbook.sheets[0].hidden);
    BOOST_TEST(result.workbook.sheets[1].hidden);
}

BOOST_AUTO_TEST_CASE(not_a_zip_is_refused_naming_the_file) {
    auto result = ingest::read_xlsx(bytes_of("ปีงบประมาณ,IIT\n2564,96.29\n"), "inputs/scores.xlsx");
    BOOST_TEST_REQUIRE(result.diagnostics.size() == 1u);
    BOOST_TEST(model::to_string(result.diagnostics[0]) ==
               "inputs/scores.xlsx: error: ไม่ใช่ไฟล์ .xlsx (not an .xlsx file: no zip signature); "
               "บันทึกเป็น .xlsx แล้วลองใหม่ (save it as .xlsx)");
}

BOOST_AUTO_TEST_CASE(old_xls_and_ods_get_save_as_advice) {
    auto xls = ingest::read_xlsx(bytes_of("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1 rest of an OLE2 file"), "old.xls");
    BOOST_TEST_REQUIRE(!xls);
    BOOST_TEST(all_messages(xls).find("old.xls: error:") == 0u);
    BOOST_TEST(all_messages(xls).find("save it as .xlsx") != std::string::npos);

    auto ods = ingest::read_xlsx(test::make_zip({{"mimetype", "application/vnd.oasis.opendocument.spreadsheet"},
                                                 {"content.xml", "<office:document-content/>"}}),
                                 "calc.ods");
    BOOST_TEST_REQUIRE(!ods);
    BOOST_TEST(all_messages(ods).find("OpenDocument") != std::string::npos);
    BOOST_TEST(all_messages(ods).find("save it as .xlsx") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(zip_without_workbook_is_refused) {
    auto result = ingest::read_xlsx(test::make_zip({{"hello.txt", "hi"}}), "other.zip");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("missing workbook.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(zip_bomb_is_refused_in_bounded_time) {
    // 300 MiB of zeros deflate to about 300 KiB; the default limit for one part is 128 MiB.
    auto parts = test::workbook_parts({"Sheet1"}, {sheet_head + sheet_tail});
    std::erase_if(parts, [](const Part& p) { return p.name == "xl/worksheets/sheet1.xml"; });
    auto bytes = test::make_zip(parts, {{"xl/worksheets/sheet1.xml", 300ull << 20}});
    BOOST_TEST(bytes.size() < (2u << 20));

    auto start = std::chrono::steady_clock::now();
    auto result = ingest::read_xlsx(bytes, "bomb.xlsx");
    auto seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST_MESSAGE("zip bomb refused in " << seconds << " s");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("bomb.xlsx: error: ส่วน xl/worksheets/sheet1.xml") == 0u);
    BOOST_TEST(all_messages(result).find("too large when uncompressed") != std::string::npos);

    // A smaller limit stops sooner.
    ingest::Limits small;
    small.max_part_uncompressed = 1 << 20;
    auto limited = ingest::read_xlsx(bytes, "bomb.xlsx", small);
    BOOST_TEST(!limited);
}

BOOST_AUTO_TEST_CASE(total_size_limit_counts_all_parts) {
    ingest::Limits limits;
    limits.max_total_uncompressed = 1000;
    std::string big(600, ' ');
    auto bytes = one_sheet(sheet_head + "<!--" + big + "-->" + sheet_tail,
                           {{"xl/sharedStrings.xml", "<sst>" + big + "</sst>"}});
    BOOST_TEST(!ingest::read_xlsx(bytes, "total.xlsx", limits));
}

BOOST_AUTO_TEST_CASE(doctype_and_entities_are_refused) {
    std::string laughs = R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>)"
                         R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)"
                         R"(<row r="1"><c r="A1" t="inlineStr"><is><t>&lol2;</t></is></c></row></sheetData></worksheet>)";
    auto result = ingest::read_xlsx(one_sheet(laughs), "laughs.xlsx");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("DOCTYPE") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(deep_xml_is_refused) {
    std::string deep = sheet_head;
    for (int i = 0; i < 1000; ++i) deep += "<x>";
    for (int i = 0; i < 1000; ++i) deep += "</x>";
    auto result = ingest::read_xlsx(one_sheet(deep + sheet_tail), "deep.xlsx");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("nested deeper") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(limits_on_rows_and_strings) {
    ingest::Limits limits;
    limits.max_rows = 10;
    limits.max_string_bytes = 8;
    auto rows = ingest::read_xlsx(one_sheet(sheet_head + R"(<row r="11"><c r="A11"><v>1</v></c></row>)" + sheet_tail),
                                  "rows.xlsx", limits);
    BOOST_TEST(!rows);
    auto text = ingest::read_xlsx(
        one_sheet(sheet_head + R"(<row r="1"><c r="A1" t="inlineStr"><is><t>longer than eight</t></is></c></row>)" +
                  sheet_tail),
        "text.xlsx", limits);
    BOOST_TEST_REQUIRE(!text);
    BOOST_TEST(all_messages(text).find("text.xlsx: sheet Sheet1, cell A1: error:") == 0u);
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_the_part) {
    auto result = ingest::read_xlsx(one_sheet(sheet_head + "<row><c>"), "broken.xlsx");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("xl/worksheets/sheet1.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(truncated_zip_is_refused) {
    auto bytes = test::make_xlsx({{"Sheet1", {{"a", "b"}}}});
    bytes.resize(bytes.size() / 2);
    auto result = ingest::read_xlsx(bytes, "half.xlsx");
    BOOST_TEST_REQUIRE(!result);
    BOOST_TEST(all_messages(result).find("half.xlsx: error:") == 0u);
}

BOOST_AUTO_TEST_SUITE_END()
