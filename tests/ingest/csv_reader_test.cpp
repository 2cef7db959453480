// read_csv and decode_text on bytes made in the test: quoting, separators, encodings, and the limits.
#include <boost/test/unit_test.hpp>

#include <cstring>
#include <string>
#include <vector>

#include "support/diagnostics.h"
#include "ingest/csv_reader.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;

namespace {

std::vector<std::byte> bytes_of(std::string_view s) {
    std::vector<std::byte> out(s.size());
    std::memcpy(out.data(), s.data(), s.size());
    return out;
}

// The sheet's cells as "A1=text" lines, in order.
std::string cells_of(const ingest::Sheet& sheet) {
    std::string out;
    for (const auto& c : sheet.cells) out += model::cell_name(c.row, c.col) + "=" + c.text + "\n";
    return out;
}

ingest::CsvResult read(std::string_view text, const ingest::Limits& limits = {}) {
    return ingest::read_csv(bytes_of(text), "in/คะแนน.csv", "คะแนน", limits);
}

// UTF-16 of an ASCII-and-Thai string, by hand: Thai is U+0E00–U+0E7F, so each UTF-8 triple E0 B8/B9 xx is one unit.
std::string utf16(std::string_view utf8, bool little_endian) {
    std::string out;
    for (std::size_t i = 0; i < utf8.size();) {
        unsigned unit = 0;
        auto b = static_cast<unsigned char>(utf8[i]);
        if (b < 0x80) {
            unit = b;
            i += 1;
        } else {
            unit = ((b & 0x0F) << 12) | ((utf8[i + 1] & 0x3F) << 6) | (utf8[i + 2] & 0x3F);
            i += 3;
        }
        char hi = char(unit >> 8), lo = char(unit & 0xFF);
        out += little_endian ? std::string{lo, hi} : std::string{hi, lo};
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_csv_reader)

BOOST_AUTO_TEST_CASE(quoted_fields_hold_separators_line_breaks_and_quotes) {
    auto result = read("ลำดับ,มาตรการ/ขั้นตอน,สถานะ\r\n"
                       "1.1,\"อบรม, ครั้งที่ ๑\r\nรุ่น \"\"ก\"\"\",ดำเนินการแล้ว\r\n"
                       "\r\n"
                       "1.2,,x\"y\n");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(cells_of(result.sheet) == "A1=ลำดับ\nB1=มาตรการ/ขั้นตอน\nC1=สถานะ\n"
                                         "A2=1.1\nB2=อบรม, ครั้งที่ ๑\r\nรุ่น \"ก\"\nC2=ดำเนินการแล้ว\n"
                                         "A4=1.2\nC4=x\"y\n");  // row 3 empty; a quoted line break is no row
    BOOST_TEST(result.sheet.name == "คะแนน");
    BOOST_TEST(result.sheet.source == "in/คะแนน.csv");
}

BOOST_AUTO_TEST_CASE(separator_is_the_one_the_header_uses) {
    auto semicolon = read("ปีงบประมาณ;IIT;ITA\n2564;96,29;\"97,45\"\n");
    BOOST_TEST(cells_of(semicolon.sheet) == "A1=ปีงบประมาณ\nB1=IIT\nC1=ITA\nA2=2564\nB2=96,29\nC2=97,45\n");
    auto tab = read("a,b\tc\td\n1\t2\t3\n");  // two tabs beat one comma
    BOOST_TEST(cells_of(tab.sheet) == "A1=a,b\nB1=c\nC1=d\nA2=1\nB2=2\nC2=3\n");
    auto comma = read("\"a;b\",c\n");  // the semicolon is quoted: comma
    BOOST_TEST(cells_of(comma.sheet) == "A1=a;b\nB1=c\n");
}

BOOST_AUTO_TEST_CASE(excel_sep_line_names_the_separator_and_is_not_a_row) {
    // Detection alone would take the comma here (two commas, one semicolon in the header).
    auto semicolon = read("sep=;\r\nปีงบประมาณ;IIT, EIT;ITA, OIT\r\n2564;96,29;97,45\r\n");
    BOOST_TEST_REQUIRE(bool(semicolon), all_messages(semicolon.diagnostics));
    BOOST_TEST(cells_of(semicolon.sheet) == "A1=ปีงบประมาณ\nB1=IIT, EIT\nC1=ITA, OIT\nA2=2564\nB2=96,29\nC2=97,45\n");

    auto comma = read("\xEF\xBB\xBFsep=,\nก;ข;ค,ง\n");  // after a byte-order mark too
    BOOST_TEST(cells_of(comma.sheet) == "A1=ก;ข;ค\nB1=ง\n");

    auto tab = read("sep=\t\na\tb,c;d\n");
    BOOST_TEST(cells_of(tab.sheet) == "A1=a\nB1=b,c;d\n");
    auto written_tab = read("SEP=\\t\na\tb,c\n");  // "\t" typed out
    BOOST_TEST(cells_of(written_tab.sheet) == "A1=a\nB1=b,c\n");

    // Rows count from the line after it, as Excel shows the file: the unclosed quote is in row 2.
    auto unclosed = read("sep=;\na;b\n\"c;d\n");
    BOOST_TEST(all_messages(unclosed.diagnostics).starts_with("in/คะแนน.csv: sheet คะแนน, row 2: error:"),
               all_messages(unclosed.diagnostics));

    // Anything else on that line is data.
    auto not_a_declaration = read("sep=;x,y\n");
    BOOST_TEST(cells_of(not_a_declaration.sheet) == "A1=sep=;x\nB1=y\n");
    auto only_line = read("sep=;");
    BOOST_TEST(bool(only_line));
    BOOST_TEST(only_line.sheet.cells.empty());
}

BOOST_AUTO_TEST_CASE(every_encoding_gives_the_same_cells) {
    const std::string text = "ระดับ,ITA\nAA,๙๗.๔๕\n";
    const std::string expected = "A1=ระดับ\nB1=ITA\nA2=AA\nB2=๙๗.๔๕\n";
    // windows-874 of the same text: ร ะ ด ั บ = 0xC3 0xD0 0xB4 0xD1 0xBA; ๙ ๗ . ๔ ๕ = 0xF9 0xF7 . 0xF4 0xF5.
    const std::string tis620 = "\xC3\xD0\xB4\xD1\xBA,ITA\nAA,\xF9\xF7.\xF4\xF5\n";
    const std::vector<std::pair<std::string, std::string>> inputs = {
        {"UTF-8", text},
        {"UTF-8", "\xEF\xBB\xBF" + text},
        {"UTF-16LE", "\xFF\xFE" + utf16(text, true)},
        {"UTF-16BE", "\xFE\xFF" + utf16(text, false)},
        {"windows-874", tis620},
    };
    for (const auto& [encoding, bytes] : inputs) {
        BOOST_TEST_CONTEXT(encoding) {
            BOOST_TEST(ingest::decode_text(bytes_of(bytes), "x.csv").encoding == encoding);
            auto result = read(bytes);
            BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
            BOOST_TEST(cells_of(result.sheet) == expected);
        }
    }
}

BOOST_AUTO_TEST_CASE(windows_874_punctuation_is_read) {
    // 0x96 en dash, 0x93/0x94 curly quotes, 0xA0 no-break space: bytes Excel writes that TIS-620 lacks.
    auto decoded = ingest::decode_text(bytes_of("\xA1\x96\x93\xA1\x94\xA0"), "x.csv");
    BOOST_TEST(decoded.encoding == "windows-874");
    BOOST_TEST(decoded.utf8 == "ก–“ก”\u00A0");
}

BOOST_AUTO_TEST_CASE(text_in_another_encoding_is_refused_naming_the_file_and_line) {
    auto result = read("IIT,EIT\n2564,\x81\xFE\n");
    BOOST_TEST(!result);
    BOOST_TEST(all_messages(result.diagnostics) ==
               "in/คะแนน.csv:2: error: อ่านข้อความไม่ได้ ไม่ใช่ UTF-8 หรือ TIS-620 (not UTF-8, UTF-16 or "
               "TIS-620/windows-874 text: byte 0x81 at offset 13); บันทึกเป็น CSV UTF-8 แล้วลองใหม่ (save it as "
               "\"CSV UTF-8\")\n");
    BOOST_TEST(result.sheet.cells.empty());
    // A UTF-8 file with a byte-order mark is not guessed to be windows-874 when it breaks.
    auto with_bom = ingest::decode_text(bytes_of("\xEF\xBB\xBF\xC3\xD0\n"), "x.csv");
    BOOST_TEST(all_messages(with_bom.diagnostics).find("byte 0xC3 at offset 3") != std::string::npos,
               all_messages(with_bom.diagnostics));
    // Bytes windows-874 leaves unassigned (0xDB–0xDE) are not Thai.
    BOOST_TEST(!read("\xA1\xDB"));
}

BOOST_AUTO_TEST_CASE(bytes_that_are_not_utf8_in_a_utf8_file_name_each_cell) {
    // Other cells are UTF-8 Thai (or the file has a byte-order mark): the file is UTF-8, these cells are broken.
    auto result = read("ปีงบประมาณ,IIT\n2564,\x81\xFE\nสบน.,ก\xFF\n");
    BOOST_TEST(all_messages(result.diagnostics) ==
               "in/คะแนน.csv: sheet คะแนน, cell B2: error: ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ 0x81 ที่อักขระที่ 1 "
               "ให้พิมพ์ข้อความในเซลล์นี้ใหม่ (invalid UTF-8: byte 0x81 at character 1; retype the cell's text)\n"
               "in/คะแนน.csv: sheet คะแนน, cell B3: error: ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ 0xFF ที่อักขระที่ 2 "
               "ต่อจาก \"ก\" ให้พิมพ์ข้อความในเซลล์นี้ใหม่ (invalid UTF-8: byte 0xFF at character 2, after \"ก\"; "
               "retype the cell's text)\n");
    BOOST_TEST(result.sheet.cells.empty());
    auto with_bom = read("\xEF\xBB\xBF\xC3\xD0\n");
    BOOST_TEST(all_messages(with_bom.diagnostics).starts_with("in/คะแนน.csv: sheet คะแนน, cell A1: error: "
                                                              "ข้อความไม่ใช่ UTF-8"),
               all_messages(with_bom.diagnostics));
}

BOOST_AUTO_TEST_CASE(control_characters_in_every_encoding_name_the_cell) {
    // BEL in UTF-8, ESC in windows-874 (0x1B), NUL (U+0000) in UTF-16: each an error at its cell, which is left out.
    const std::vector<std::pair<std::string, std::string>> inputs = {
        {"UTF-8", "ระดับ,ITA\nAA,๙๗\a.๔๕\n"},
        {"windows-874", "\xC3\xD0\xB4\xD1\xBA,ITA\nAA,\xF9\xF7\x1B.\xF4\xF5\n"},
        {"UTF-16LE", "\xFF\xFE" + utf16("ระดับ,ITA\nAA,๙๗", true) + std::string(2, '\0') + utf16(".๔๕\n", true)},
    };
    const std::vector<std::string> names = {"U+0007 (BEL)", "U+001B (ESC)", "U+0000 (NUL)"};
    for (std::size_t i = 0; i < inputs.size(); ++i) {
        BOOST_TEST_CONTEXT(inputs[i].first) {
            auto result = read(inputs[i].second);
            BOOST_TEST(all_messages(result.diagnostics) ==
                       "in/คะแนน.csv: sheet คะแนน, cell B2: error: มีอักขระควบคุม " + names[i] +
                           " ที่อักขระที่ 3 ต่อจาก \"๙๗\" ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character " +
                           names[i] + " at character 3, after \"๙๗\": it cannot be seen or printed; delete it)\n");
            BOOST_TEST(result.sheet.cells.empty());
        }
    }
    // DEL and a C1 control (U+0085) too; tab and line breaks are text.
    BOOST_TEST(all_messages(read("a\x7F\n").diagnostics).find("U+007F (DEL) at character 2") != std::string::npos);
    BOOST_TEST(all_messages(read("\xC2\x85\n").diagnostics).find("U+0085 at character 1") != std::string::npos);
    auto allowed = read("\"a\tb\r\nc\nd\"\n");
    BOOST_TEST_REQUIRE(bool(allowed), all_messages(allowed.diagnostics));
    BOOST_TEST(cells_of(allowed.sheet) == "A1=a\tb\r\nc\nd\n");
}

BOOST_AUTO_TEST_CASE(nul_bytes_and_broken_utf16_are_refused) {
    auto nul = read(utf16("a,b\n", true));  // UTF-16 without a byte-order mark
    BOOST_TEST(all_messages(nul.diagnostics).starts_with("in/คะแนน.csv:1: error: มีไบต์ศูนย์"),
               all_messages(nul.diagnostics));
    auto odd = read("\xFF\xFE" "a");  // an odd number of bytes
    BOOST_TEST(all_messages(odd.diagnostics).find("broken UTF-16LE text") != std::string::npos,
               all_messages(odd.diagnostics));
    auto lone_surrogate = read(std::string("\xFF\xFE\x00\xD8\x41\x00", 6));
    BOOST_TEST(!lone_surrogate);
}

BOOST_AUTO_TEST_CASE(unclosed_quote_names_the_row_it_opened_in) {
    auto result = read("a,b\n1,\"open\n2,3\n");
    BOOST_TEST(all_messages(result.diagnostics) ==
               "in/คะแนน.csv: sheet คะแนน, row 2: error: เครื่องหมายคำพูด \" ไม่ได้ปิด (a quoted field opened in "
               "this row is never closed)\n");
}

BOOST_AUTO_TEST_CASE(a_huge_line_stops_at_the_limit) {
    std::string huge = "a,b\n1," + std::string(3u << 20, 'x') + "\n";
    auto result = read(huge);
    BOOST_TEST(all_messages(result.diagnostics) ==
               "in/คะแนน.csv: sheet คะแนน, row 2: error: แถวยาวเกิน 1 MiB (a row longer than 1 MiB: a quote never "
               "closed, or not a CSV file?); ปรับได้ด้วย --limit csv-row-bytes=… (raise it with --limit csv-row-bytes=N)\n");
    BOOST_TEST(result.sheet.cells.empty());
}

BOOST_AUTO_TEST_CASE(row_and_column_limits) {
    ingest::Limits limits;
    limits.max_rows = 3;
    limits.max_cols = 2;
    BOOST_TEST(bool(read("1\n2\n3\n", limits)));
    auto rows = read("1\n2\n3\n4\n", limits);
    BOOST_TEST(all_messages(rows.diagnostics) ==
               "in/คะแนน.csv: sheet คะแนน, row 4: error: เกิน 3 แถว (more than 3 rows); ปรับได้ด้วย --limit rows=… (raise it with --limit rows=N)\n");
    auto cols = read("1,2,3\n", limits);
    BOOST_TEST(all_messages(cols.diagnostics) ==
               "in/คะแนน.csv: sheet คะแนน, row 1: error: เกิน 2 คอลัมน์ (more than 2 columns); ปรับได้ด้วย --limit columns=… (raise it with --limit columns=N)\n");
}

BOOST_AUTO_TEST_CASE(cells_are_nfc) {
    // e + U+0301 (combining acute) → é (U+00E9), as the .xlsx reader normalises.
    auto result = read("e\xCC\x81\n");
    BOOST_TEST_REQUIRE(result.sheet.cells.size() == 1u);
    BOOST_TEST(result.sheet.cells[0].text == "\xC3\xA9");
}

BOOST_AUTO_TEST_CASE(sara_am_copied_from_a_pdf_is_sara_am) {
    // ◌ํ + า, and ◌ํ + ◌้ + า, as text copied from a PDF stores ำ; in windows-874 ◌ํ is 0xED, า 0xD2, ◌้ 0xE9.
    const std::string expected = "A1=ดำเนินการ\nB1=น\u0E49\u0E33\n";
    auto utf8 = read("ด\u0E4D\u0E32เนินการ,น\u0E4D\u0E49\u0E32\n");
    BOOST_TEST(cells_of(utf8.sheet) == expected);
    auto tis620 = read("\xB4\xED\xD2\xE0\xB9\xD4\xB9\xA1\xD2\xC3,\xB9\xED\xE9\xD2\n");
    BOOST_TEST(cells_of(tis620.sheet) == expected);
}

BOOST_AUTO_TEST_SUITE_END()
