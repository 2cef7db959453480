// Workbooks as real writers make them, read through read_xlsx and read_report: Excel's merged cells (the seed's
// two-row status header, items merged across columns, cells merged down over rows), Google Sheets' xlsx export,
// and score cells holding a TRUE/FALSE or a formula error.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "support/diagnostics.h"
#include "ingest/report_reader.h"
#include "ingest/text.h"
#include "ingest/xlsx_builder.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;
using test::Part;
using test::Rows;

namespace {

Rows memo_rows() {
    return {
        {"หน่วยงาน", "สำนักงานบริหารหนี้สาธารณะ"},
        {"ชื่อย่อ", "สบน."},
        {"ส่วนราชการ", "สำนักงานเลขาธิการกรม ส่วนอำนวยการ"},
        {"ที่", "กค ๐๙๐๑/สลก./๙๔๒"},
        {"วันที่", "๑๗ กันยายน ๒๕๖๔"},
        {"เรื่อง", "รายงานผล"},
        {"เรียน", "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ"},
        {"ผู้ลงนาม", "นางสาวสิริภา สัตยานนท์"},
        {"ตำแหน่ง", "เลขานุการกรม"},
        {"ปีงบประมาณ", "n:2564"},
        {"รอบรายงาน", "n:12"},
    };
}

Rows score_rows() {
    return {
        {"ปีงบประมาณ", "IIT", "EIT", "OIT", "ITA", "ระดับ"},
        {"n:2564", "n:96.29", "n:95.2", "n:100", "n:97.45", "AA"},
    };
}

// An ITA workbook whose three sheets are written as Excel writes them, each with its merged regions.
ingest::ReportResult read_excel_style(const Rows& measures, const std::vector<std::string>& merges,
                                      const std::string& name = "merged.xlsx") {
    std::vector<std::string> strings;
    std::vector<std::string> sheets = {test::excel_worksheet_xml(memo_rows(), {}, strings),
                                       test::excel_worksheet_xml(score_rows(), {}, strings),
                                       test::excel_worksheet_xml(measures, merges, strings)};
    auto parts = test::with_parts(test::workbook_parts({"หนังสือ", "คะแนน", "มาตรการ"}, sheets),
                                  {{"xl/sharedStrings.xml", test::shared_strings_xml(strings)}});
    auto xlsx = ingest::read_xlsx(test::make_zip(parts), name);
    BOOST_TEST_REQUIRE(bool(xlsx), all_messages(xlsx.diagnostics));
    return ingest::read_report(xlsx.workbook, name);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_spreadsheet_variants)

BOOST_AUTO_TEST_CASE(merged_ranges_are_read_from_the_sheet) {
    std::string sheet =
        R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">)"
        R"(<sheetData><row r="2"><c r="B2" t="inlineStr"><is><t>x</t></is></c><c r="C2" s="1"/></row></sheetData>)"
        R"(<mergeCells count="5"><mergeCell ref="B2:D2"/><mergeCell ref="A3:A4"/><mergeCell ref="C5"/>)"
        R"(<mergeCell ref="C5:C5"/><mergeCell ref="oops"/><mergeCell ref="D9:B7"/></mergeCells></worksheet>)";
    auto result = ingest::read_xlsx(test::make_zip(test::workbook_parts({"Sheet1"}, {sheet})), "m.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    const auto& merged = result.workbook.sheets.at(0).merged;
    BOOST_TEST_REQUIRE(merged.size() == 3u);  // single cells merge nothing
    BOOST_TEST((merged[0].first_row == 2 && merged[0].first_col == 2 && merged[0].last_row == 2 &&
                merged[0].last_col == 4));
    BOOST_TEST((merged[1].first_row == 3 && merged[1].first_col == 1 && merged[1].last_row == 4));
    BOOST_TEST((merged[2].first_row == 7 && merged[2].first_col == 2 && merged[2].last_row == 9 &&
                merged[2].last_col == 4));  // written bottom-right first
    BOOST_TEST(merged[0].contains(2, 3));
    BOOST_TEST(!merged[0].contains(3, 3));
    BOOST_TEST(all_messages(result.diagnostics) ==
               "m.xlsx: sheet Sheet1: warning: ช่วงเซลล์ที่ผสานไม่ถูกต้อง \"oops\" ข้ามไป (malformed merged range "
               "\"oops\": ignored)\n");
    BOOST_TEST(result.workbook.sheets[0].cells.size() == 1u);  // the covered C2 is an empty styled cell

    ingest::Limits limits;
    limits.max_merged_ranges = 2;
    auto refused = ingest::read_xlsx(test::make_zip(test::workbook_parts({"Sheet1"}, {sheet})), "m.xlsx", limits);
    BOOST_TEST(!refused);
    BOOST_TEST(all_messages(refused.diagnostics).find("more than 2 merged ranges") != std::string::npos,
               all_messages(refused.diagnostics));
}

// The seed's table as a secretariat types it in Excel: ลำดับ and มาตรการ/ขั้นตอน merged down over the two header
// rows, "ผลการดำเนินการ" merged over the three status columns with the statuses under it, each measure's text
// merged across the status columns, and the owner of measure 1's two steps merged down over both.
BOOST_AUTO_TEST_CASE(excel_merged_headers_and_items_read_as_the_seed_table) {
    Rows measures = {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "ผลการดำเนินการ", "", "", "ผู้รับผิดชอบ"},
        {"", "", "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"},
        {"๑", "มาตรการ/แนวทางที่ ๑. ทบทวนการดำเนินงานเกี่ยวกับการส่งเสริมคุณธรรม", "", "", "", "สลก."},
        {"๑.๑", "๑.๑ จัดโครงการอบรมการพัฒนาบุคลากร", "✓", "", "", "ศทส."},
        {"๑.๒", "๑.๒ จัดทำและดำเนินการตามมาตรการ", "", "✓"},
        {"๕", "มาตรการ/แนวทาง ๕.การบูรณาการงานด้านคุณธรรม"},
        {"๕.๑", "๕.๑ พัฒนาระบบ QR Code", "", "✓"},
        {"๕.๒", "๕.๒ ทบทวนแนวปฏิบัติ"},
    };
    // 5.1 and 5.2 share one in-progress mark merged down over both rows.
    auto result = read_excel_style(measures, {"A1:A2", "B1:B2", "C1:E1", "F1:F2", "B3:E3", "F4:F5", "B6:E6",
                                              "D7:D8"});
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.diagnostics.empty(), all_messages(result.diagnostics));
    const auto& m = result.report.measures;
    BOOST_TEST_REQUIRE(m.size() == 2u);
    BOOST_TEST(m[0].number == 1);
    BOOST_TEST(m[0].text == "ทบทวนการดำเนินงานเกี่ยวกับการส่งเสริมคุณธรรม");
    BOOST_TEST(m[0].owner == "สลก.");
    BOOST_TEST_REQUIRE(m[0].steps.size() == 2u);
    BOOST_TEST(m[0].steps[0].text == "จัดโครงการอบรมการพัฒนาบุคลากร");
    BOOST_TEST((m[0].steps[0].status == model::Status::done));
    BOOST_TEST((m[0].steps[1].status == model::Status::in_progress));
    BOOST_TEST(m[0].steps[0].owner == "ศทส.");
    BOOST_TEST(m[0].steps[1].owner == "ศทส.");  // merged down from F4, not the measure's สลก.
    BOOST_TEST((m[0].steps[0].field_at.at("status") == model::CellRef{"merged.xlsx", "มาตรการ", 4, 3}));
    BOOST_TEST(m[1].text == "การบูรณาการงานด้านคุณธรรม");
    BOOST_TEST_REQUIRE(m[1].steps.size() == 2u);
    BOOST_TEST((m[1].steps[0].status == model::Status::in_progress));
    BOOST_TEST((m[1].steps[1].status == model::Status::in_progress));  // the mark merged over D7:D8
    BOOST_TEST((model::measure_status(m[1]) == model::Status::in_progress));
    BOOST_TEST(m[1].steps[1].owner.empty());
}

// A ลำดับ cell merged down over several rows makes them one item: a long step typed over two rows, its progress
// note continued on the second. A different status on a continuing row is an error at that cell.
BOOST_AUTO_TEST_CASE(a_no_cell_merged_over_rows_makes_them_one_item) {
    Rows measures = {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "ผู้รับผิดชอบ", "สถานะ", "ความคืบหน้า"},
        {"1", "ทบทวนการดำเนินงาน", "สลก."},
        {"1.1", "พัฒนาระบบ QR Code", "", "อยู่ระหว่างดำเนินการ", "ทดสอบระบบแล้ว"},
        {"", "และเชื่อมโยงระบบพัสดุ", "ศทส.", "", "จะแล้วเสร็จในไตรมาสที่ ๒"},
        {"1.2", "วางระบบตรวจสอบพัสดุ", "", "ดำเนินการแล้ว"},
        {"", "", "", "อยู่ระหว่างดำเนินการ"},
        {"", "", "", "ดำเนินการแล้ว"},
    };
    auto result = read_excel_style(measures, {"A3:A4", "D3:D4", "A5:A7"});
    BOOST_TEST(!result);
    BOOST_TEST_REQUIRE(result.diagnostics.size() == 1u, all_messages(result.diagnostics));
    BOOST_TEST(has_line(result.diagnostics,
                        "merged.xlsx: sheet มาตรการ, cell D6: error: แถวนี้ต่อจากขั้นตอน 1.2 (ลำดับผสานเซลล์) แต่สถานะ "
                        "\"อยู่ระหว่างดำเนินการ\" ไม่ตรงกับของขั้นตอน (this row continues step 1.2, whose ลำดับ cell "
                        "is merged over it, but its status \"อยู่ระหว่างดำเนินการ\" differs from the step's)"),
               all_messages(result.diagnostics));
    const auto& m = result.report.measures;
    BOOST_TEST_REQUIRE(m.size() == 1u);
    BOOST_TEST_REQUIRE(m[0].steps.size() == 2u);
    const model::Step& s = m[0].steps[0];
    BOOST_TEST(s.text == "พัฒนาระบบ QR Code และเชื่อมโยงระบบพัสดุ");
    BOOST_TEST(s.progress == "ทดสอบระบบแล้ว จะแล้วเสร็จในไตรมาสที่ ๒");
    BOOST_TEST(s.owner == "ศทส.");  // its own, from the continuing row
    BOOST_TEST((s.status == model::Status::in_progress));
    BOOST_TEST((s.at == model::CellRef{"merged.xlsx", "มาตรการ", 3, 0}));
    BOOST_TEST(m[0].steps[1].owner == "สลก.");  // inherited

    // Without the merges the second row is a row of its own, and it has no ลำดับ.
    auto unmerged = read_excel_style({measures.begin(), measures.begin() + 5}, {});
    BOOST_TEST(!unmerged);
    BOOST_TEST(all_messages(unmerged.diagnostics).find("merged.xlsx: sheet มาตรการ, cell A4: error: ไม่มีลำดับ") !=
                   std::string::npos,
               all_messages(unmerged.diagnostics));
}

// What Google Sheets' File > Download > .xlsx writes: rId4-style relationships with a theme, state="visible", a
// <definedNames> filter range, styles with no <numFmts> (a date in built-in format 14), shared strings with
// xml:space="preserve" and rich-text runs, no <dimension>, integers written "2564.0", formula results with the
// binary noise of doubles, TRUE as t="b", empty styled cells down the sheet, <mergeCells> then <drawing>.
BOOST_AUTO_TEST_CASE(google_sheets_export_reads_to_the_model) {
    const std::string ns = R"(xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" mc:Ignorable="x14ac")";
    const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
    auto sheet = [&](const std::string& rows, const std::string& tail = "") {
        return R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><worksheet )" + ns +
               R"(><sheetPr><outlinePr summaryBelow="0" summaryRight="0"/></sheetPr><sheetViews><sheetView workbookViewId="0"/></sheetViews>)"
               R"(<sheetFormatPr customHeight="1" defaultColWidth="12.63" defaultRowHeight="15.75"/><cols><col customWidth="1" min="2" max="2" width="48.0"/></cols><sheetData>)" +
               rows + R"(<row r="40"><c r="A40" s="1"/><c r="B40" s="1"/></row></sheetData>)" + tail +
               R"(<drawing r:id="rId1"/></worksheet>)";
    };
    auto s = [](const std::string& ref, int index) {
        return "<c r=\"" + ref + "\" s=\"1\" t=\"s\"><v>" + std::to_string(index) + "</v></c>";
    };
    auto n = [](const std::string& ref, const std::string& v, const std::string& formula = "") {
        return "<c r=\"" + ref + "\" s=\"1\">" + (formula.empty() ? "" : "<f>" + formula + "</f>") + "<v>" + v +
               "</v></c>";
    };
    std::vector<std::string> strings = {
        "หน่วยงาน", "สำนักงานบริหารหนี้สาธารณะ", "ชื่อย่อ", "ส่วนราชการ", "สำนักงานเลขาธิการกรม ส่วนอำนวยการ", "ที่",
        "กค ๐๙๐๑/สลก./๙๔๒", "วันที่", "เรื่อง", "เรียน", "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ", "ผู้ลงนาม",
        "นางสาวสิริภา สัตยานนท์", "ตำแหน่ง", "เลขานุการกรม", "ปีงบประมาณ", "รอบรายงาน",           // 0–16
        "IIT", "EIT", "OIT", "ITA", "ระดับ", "AA", "ค่าเฉลี่ย",                                          // 17–23
        "ลำดับ", "มาตรการ/ขั้นตอน", "สถานะ", "ดำเนินการแล้ว", "ทบทวนการดำเนินงาน", "(unused)",         // 24–29
    };
    std::string sst = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><sst )" + ns + " count=\"33\" uniqueCount=\"33\">";
    for (const std::string& text : strings) sst += "<si><t xml:space=\"preserve\">" + test::xml_escape(text) + "</t></si>";
    // 30: the subject in three runs, the middle one a lone space; 31: text with padding; 32: "1.1" typed as text
    sst += R"(<si><r><t xml:space="preserve">รายงานผล</t></r><r><rPr><b/><sz val="10.0"/></rPr><t xml:space="preserve"> </t></r>)"
           R"(<r><rPr><color rgb="FF1155CC"/><u/></rPr><t xml:space="preserve">ITA ปี ๒๕๖๔</t></r></si>)"
           R"(<si><t xml:space="preserve">  สบน. </t></si><si><t xml:space="preserve">1.1</t></si></sst>)";
    std::string memo = sheet(
        "<row r=\"1\">" + s("A1", 0) + s("B1", 1) + "</row><row r=\"2\">" + s("A2", 2) + s("B2", 31) + "</row>" +
        "<row r=\"3\">" + s("A3", 3) + s("B3", 4) + "</row><row r=\"4\">" + s("A4", 5) + s("B4", 6) + "</row>" +
        "<row r=\"5\">" + s("A5", 7) + "<c r=\"B5\" s=\"2\"><v>44456.0</v></c></row>" +
        "<row r=\"6\">" + s("A6", 8) + s("B6", 30) + "</row><row r=\"7\">" + s("A7", 9) + s("B7", 10) + "</row>" +
        "<row r=\"8\">" + s("A8", 11) + s("B8", 12) + "</row><row r=\"9\">" + s("A9", 13) + s("B9", 14) + "</row>" +
        "<row r=\"10\">" + s("A10", 15) + n("B10", "2564.0") + "</row><row r=\"11\">" + s("A11", 16) +
        n("B11", "12.0") + "</row>" + "<row r=\"12\">" + s("A12", 23) + n("B12", "0.30000000000000004", "0.1+0.2") +
        "</row>");
    std::string scores = sheet(
        "<row r=\"1\">" + s("A1", 15) + s("B1", 17) + s("C1", 18) + s("D1", 19) + s("E1", 20) + s("F1", 21) +
        s("G1", 23) + "</row><row r=\"2\">" + n("A2", "2564.0") + n("B2", "96.29000000000001", "AVERAGE(H2:J2)") +
        n("C2", "95.19999999999999") + n("D2", "100.0") + n("E2", "97.45000000000002") +
        s("F2", 22) + n("G2", "97.16333333333334", "AVERAGE(B2:D2)") + "</row>");
    std::string measures = sheet(
        "<row r=\"1\">" + s("A1", 24) + s("B1", 25) + "<c r=\"C1\" s=\"1\"/>" + s("D1", 26) + "</row>" +
        "<row r=\"2\">" + n("A2", "1.0") + s("B2", 28) + "<c r=\"C2\" s=\"1\"/></row>" +
        "<row r=\"3\">" + s("A3", 32) +
        R"(<c r="B3" s="1" t="inlineStr"><is><r><t xml:space="preserve">จัดโครงการ </t></r><r><rPr><i/></rPr><t>อบรม</t></r></is></c>)" +
        "<c r=\"C3\" s=\"1\" t=\"b\"><v>1</v></c>" + s("D3", 27) + "</row>",
        R"(<mergeCells count="1"><mergeCell ref="B1:C1"/></mergeCells>)");

    std::string styles =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><styleSheet )" + ns +
        R"(><fonts count="1"><font><sz val="10.0"/><color rgb="FF000000"/><name val="Arial"/><scheme val="minor"/></font></fonts>)"
        R"(<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="lightGray"/></fill></fills>)"
        R"(<borders count="1"><border/></borders><cellStyleXfs count="1"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" applyAlignment="1" applyFont="1"/></cellStyleXfs>)"
        R"(<cellXfs count="3"><xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1" applyFont="1"><alignment readingOrder="0" shrinkToFit="0" vertical="bottom" wrapText="0"/></xf>)"
        R"(<xf borderId="0" fillId="0" fontId="0" numFmtId="0" xfId="0" applyAlignment="1"><alignment readingOrder="0" vertical="bottom"/></xf>)"
        R"(<xf borderId="0" fillId="0" fontId="0" numFmtId="14" xfId="0" applyAlignment="1" applyFont="1" applyNumberFormat="1"/></cellXfs>)"
        R"(<cellStyles count="1"><cellStyle xfId="0" name="Normal" builtinId="0"/></cellStyles><dxfs count="0"/></styleSheet>)";
    std::string workbook =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><workbook )" + ns +
        R"(><workbookPr/><sheets><sheet state="visible" name="หนังสือ" sheetId="1" r:id="rId4"/>)"
        R"(<sheet state="visible" name="คะแนน" sheetId="2" r:id="rId5"/><sheet state="visible" name="มาตรการ" sheetId="3" r:id="rId6"/></sheets>)"
        R"(<definedNames><definedName hidden="1" localSheetId="2" name="_xlnm._FilterDatabase">'มาตรการ'!$A$1:$D$3</definedName>)"
        R"(<definedName name="คะแนนปีนี้">'คะแนน'!$E$2</definedName></definedNames><calcPr/></workbook>)";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                       R"(<Relationship Id="rId1" Type=")" + rel + R"(theme" Target="theme/theme1.xml"/>)"
                       R"(<Relationship Id="rId2" Type=")" + rel + R"(styles" Target="styles.xml"/>)"
                       R"(<Relationship Id="rId3" Type=")" + rel + R"(sharedStrings" Target="sharedStrings.xml"/>)"
                       R"(<Relationship Id="rId4" Type=")" + rel + R"(worksheet" Target="worksheets/sheet1.xml"/>)"
                       R"(<Relationship Id="rId5" Type=")" + rel + R"(worksheet" Target="worksheets/sheet2.xml"/>)"
                       R"(<Relationship Id="rId6" Type=")" + rel + R"(worksheet" Target="worksheets/sheet3.xml"/></Relationships>)";
    std::vector<Part> parts = {
        {"[Content_Types].xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default ContentType="application/xml" Extension="xml"/></Types>)"},
        {"_rels/.rels", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")" + rel + R"(officeDocument" Target="xl/workbook.xml"/></Relationships>)"},
        {"xl/workbook.xml", workbook},
        {"xl/_rels/workbook.xml.rels", rels},
        {"xl/styles.xml", styles},
        {"xl/sharedStrings.xml", sst},
        {"xl/theme/theme1.xml", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><a:theme xmlns:a="http://schemas.openxmlformats.org/drawingml/2006/main" name="Sheets"/>)"},
        {"xl/worksheets/sheet1.xml", memo},
        {"xl/worksheets/sheet2.xml", scores},
        {"xl/worksheets/sheet3.xml", measures},
        {"xl/worksheets/_rels/sheet1.xml.rels", R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type=")" + rel + R"(drawing" Target="../drawings/drawing1.xml"/></Relationships>)"},
    };
    auto xlsx = ingest::read_xlsx(test::make_zip(parts), "google.xlsx");
    BOOST_TEST_REQUIRE(bool(xlsx), all_messages(xlsx.diagnostics));
    BOOST_TEST(xlsx.diagnostics.empty(), all_messages(xlsx.diagnostics));
    BOOST_TEST_REQUIRE(xlsx.workbook.sheets.size() == 3u);
    BOOST_TEST(!xlsx.workbook.sheets[0].hidden);
    const auto& iit_cell = xlsx.workbook.sheets[1].cells.at(8);
    BOOST_TEST((iit_cell.row == 2 && iit_cell.col == 2));
    BOOST_TEST(iit_cell.text == "96.29000000000001");  // as written
    BOOST_TEST(iit_cell.number == 96.29);                // as the cell shows
    BOOST_TEST(xlsx.workbook.sheets[0].cells.at(9).is_date);

    auto result = ingest::read_report(xlsx.workbook, "google.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.diagnostics.empty(), all_messages(result.diagnostics));
    const model::Report& r = result.report;
    BOOST_TEST(r.memo.agency_abbr == "สบน.");
    BOOST_TEST(r.memo.subject == "รายงานผล ITA ปี ๒๕๖๔");
    BOOST_TEST((r.memo.date == model::Date{2021, 9, 17}));
    BOOST_TEST(r.memo.fiscal_year_be == 2564);
    BOOST_TEST(r.memo.round_months == 12);
    BOOST_TEST(r.variables.at("ค่าเฉลี่ย") == "0.3");
    BOOST_TEST_REQUIRE(r.scores.size() == 1u);
    BOOST_TEST(r.scores[0].fiscal_year_be == 2564);
    BOOST_TEST(r.scores[0].iit == 96.29);  // so "at most 2 decimals" holds
    BOOST_TEST(r.scores[0].eit == 95.2);
    BOOST_TEST(r.scores[0].oit == 100.0);
    BOOST_TEST(r.scores[0].ita == 97.45);
    BOOST_TEST(ingest::format_number(r.scores[0].iit) == "96.29");
    BOOST_TEST(r.scores[0].extra.at("ค่าเฉลี่ย") == "97.1633333333333");  // 15 significant digits
    BOOST_TEST_REQUIRE(r.measures.size() == 1u);
    BOOST_TEST(r.measures[0].text == "ทบทวนการดำเนินงาน");
    BOOST_TEST_REQUIRE(r.measures[0].steps.size() == 1u);
    BOOST_TEST(r.measures[0].steps[0].text == "จัดโครงการ อบรม");
    BOOST_TEST((r.measures[0].steps[0].status == model::Status::done));
    BOOST_TEST(r.measures[0].steps[0].extra.empty());  // C3, a TRUE under the merged item header, is no column
}

BOOST_AUTO_TEST_CASE(doubles_round_to_the_fifteen_digits_a_spreadsheet_shows) {
    BOOST_TEST(ingest::to_shown_precision(96.29000000000001) == 96.29);
    BOOST_TEST(ingest::to_shown_precision(0.1 + 0.2) == 0.3);
    BOOST_TEST(ingest::to_shown_precision(95.19999999999999) == 95.2);
    BOOST_TEST(ingest::to_shown_precision(2564.0000001) == 2564.0000001);  // real decimals stay
    BOOST_TEST(ingest::to_shown_precision(-1e-300) == -1e-300);
    BOOST_TEST(ingest::to_shown_precision(0.0) == 0.0);
    BOOST_TEST(ingest::parse_number_text("96.29000000000001").value() == 96.29);
}

BOOST_AUTO_TEST_CASE(true_false_and_error_cells_in_scores_name_the_cell) {
    Rows scores = score_rows();
    scores[1][1] = "b:1";
    scores[1][4] = "e:#N/A";
    scores.push_back({"e:#REF!", "n:81.42", "n:80.38", "n:98.75", "n:88.04", "A"});
    std::vector<test::SheetSpec> sheets = {{"หนังสือ", memo_rows()}, {"คะแนน", scores},
                                           {"มาตรการ", {{"ลำดับ", "มาตรการ/ขั้นตอน", "สถานะ"}, {"1", "ก"}}}};
    auto xlsx = ingest::read_xlsx(test::make_xlsx(sheets), "t.xlsx");
    BOOST_TEST_REQUIRE(bool(xlsx), all_messages(xlsx.diagnostics));
    auto result = ingest::read_report(xlsx.workbook, "t.xlsx");
    BOOST_TEST(!result);
    const auto& d = result.diagnostics;
    BOOST_TEST(d.size() == 3u, all_messages(d));
    BOOST_TEST(has_line(d, "t.xlsx: sheet คะแนน, cell B2: error: ค่าจริง/เท็จ TRUE ใน IIT ต้องเป็นตัวเลข (a TRUE/FALSE "
                           "cell, TRUE, for iit: a number is required)"),
               all_messages(d));
    BOOST_TEST(has_line(d, "t.xlsx: sheet คะแนน, cell E2: error: สูตรคำนวณผิดพลาด #N/A ใน ITA ต้องเป็นตัวเลข "
                           "แก้สูตรหรือพิมพ์ตัวเลข (a formula error #N/A for ita: a number is required; fix the "
                           "formula or type the number)"),
               all_messages(d));
    BOOST_TEST(has_line(d, "t.xlsx: sheet คะแนน, cell A3: error: สูตรคำนวณผิดพลาด #REF! ใน ปีงบประมาณ [fiscal_year] "
                           "ต้องเป็นตัวเลข แก้สูตรหรือพิมพ์ตัวเลข (a formula error #REF! for fiscal_year: a number is "
                           "required; fix the formula or type the number)"),
               all_messages(d));
}

BOOST_AUTO_TEST_SUITE_END()
