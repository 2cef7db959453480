// The limits as settings (set_limit, the table docs/limits.md documents), and the streaming count of an XML part
// that refuses it before pugixml builds its tree: what it counts and what it leaves alone.
#include <boost/test/unit_test.hpp>

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

#include "ingest/limits.h"
#include "ingest/xlsx_builder.h"
#include "ingest/xlsx_reader.h"
#include "support/process.h"

using namespace saraban;

namespace {

const std::string head = R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
const std::string tail = "</sheetData></worksheet>";

ingest::XlsxResult read_sheet(const std::string& body, const ingest::Limits& limits) {
    return ingest::read_xlsx(test::make_zip(test::workbook_parts({"Sheet1"}, {head + body + tail})), "t.xlsx", limits);
}

std::string messages(const ingest::XlsxResult& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += model::to_string(d) + "\n";
    return out;
}

// A workbook's zip whose end record declares `entries` (through a Zip64 record when they pass 0xFFFF), with the
// directory it really has: libzip would call it inconsistent, so only a count read before opening names it.
std::vector<std::byte> declaring_entries(std::uint64_t entries) {
    std::vector<std::byte> zip = test::make_zip(test::workbook_parts({"Sheet1"}, {head + tail}));
    const std::size_t eocd = zip.size() - 22;  // make_zip writes no comment
    auto put = [](std::vector<std::byte>& bytes, std::size_t at, std::uint64_t value, int width) {
        for (int i = 0; i < width; ++i) bytes[at + i] = std::byte(value >> (8 * i) & 0xFF);
    };
    if (entries < 0xFFFF) {
        put(zip, eocd + 8, entries, 2);
        put(zip, eocd + 10, entries, 2);
        return zip;
    }
    std::vector<std::byte> end(zip.begin() + std::ptrdiff_t(eocd), zip.end());
    zip.resize(eocd);
    std::vector<std::byte> zip64(56 + 20);
    const char* record = "PK\x06\x06";
    const char* locator = "PK\x06\x07";
    for (int i = 0; i < 4; ++i) zip64[i] = std::byte(record[i]), zip64[56 + i] = std::byte(locator[i]);
    put(zip64, 4, 44, 8);
    put(zip64, 24, entries, 8);
    put(zip64, 32, entries, 8);
    put(zip64, 56 + 8, eocd, 8);  // where the Zip64 record starts
    put(zip64, 56 + 16, 1, 4);
    put(end, 8, 0xFFFF, 2);
    put(end, 10, 0xFFFF, 2);
    zip.insert(zip.end(), zip64.begin(), zip64.end());
    zip.insert(zip.end(), end.begin(), end.end());
    return zip;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_limits)

// libzip allocates a record per declared entry as it opens a zip (80 MB for 370,000 entries of a 30 MB file), so the
// count is read from the end record first, and the classic and the Zip64 count both refuse the file before that.
BOOST_AUTO_TEST_CASE(zip_entries_are_counted_before_libzip_opens_the_zip) {
    const std::string refused = "t.xlsx: error: ไฟล์ zip มีรายการมากเกินไป (too many zip entries: ";
    const std::string hint = ", at most 10000); ปรับได้ด้วย --limit zip-entries=… (raise it with --limit zip-entries=N)\n";
    BOOST_TEST(messages(ingest::read_xlsx(declaring_entries(20004), "t.xlsx")) == refused + "20004" + hint);
    BOOST_TEST(messages(ingest::read_xlsx(declaring_entries(1ull << 40), "t.xlsx")) ==
               refused + "1099511627776" + hint);
    // A count within the limit goes on to libzip, which finds the directory does not hold it.
    BOOST_TEST(messages(ingest::read_xlsx(declaring_entries(9000), "t.xlsx")).find("inconsistent") !=
               std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_limit_is_set_by_its_name) {
    ingest::Limits limits;
    BOOST_TEST(ingest::set_limit(limits, "rows=200000") == "");
    BOOST_TEST(limits.max_rows == 200000);
    BOOST_TEST(ingest::set_limit(limits, "part-bytes=64MiB") == "");
    BOOST_TEST(limits.max_part_uncompressed == 64ull << 20);
    BOOST_TEST(ingest::set_limit(limits, "cells=5000000") == "");
    BOOST_TEST(limits.max_cells == 5'000'000);
}

BOOST_AUTO_TEST_CASE(a_bad_setting_is_refused_and_changes_nothing) {
    ingest::Limits limits;
    BOOST_TEST(ingest::set_limit(limits, "row=5").find("no such limit; the limits are file-bytes, ") !=
               std::string::npos);
    BOOST_TEST(ingest::set_limit(limits, "rows=0").find("not a whole number from 1 to 2147483647") != std::string::npos);
    BOOST_TEST(ingest::set_limit(limits, "rows=3000000000").find("not a whole number") != std::string::npos);
    BOOST_TEST(ingest::set_limit(limits, "rows=2MiB").find("not a whole number") != std::string::npos);  // a count
    BOOST_TEST(ingest::set_limit(limits, "rows").find("needs a value") != std::string::npos);
    BOOST_TEST(limits.max_rows == ingest::Limits{}.max_rows);
}

// docs/limits.md is where the user learns what to raise: every setting is in its table, with its default.
BOOST_AUTO_TEST_CASE(every_setting_is_documented_with_its_default) {
    const std::string doc = testing::read_file(std::string(SARABAN_SOURCE_DIR) + "/docs/limits.md");
    const ingest::Limits defaults;
    for (const ingest::LimitSetting& s : ingest::limit_settings()) {
        const std::uint64_t value = ingest::limit_value(defaults, s);
        const std::string shown = s.unit == "bytes" && value % (1 << 20) == 0 ? std::to_string(value >> 20) + " MiB"
                                                                              : std::to_string(value);
        BOOST_TEST(doc.find("| `" + std::string(s.name) + "` | " + shown + " |") != std::string::npos,
                   s.name << " (default " << shown << ") is not in docs/limits.md's table");
    }
}

BOOST_AUTO_TEST_CASE(elements_are_counted_before_the_tree_is_built) {
    ingest::Limits limits;
    limits.max_xml_nodes = 20;
    // <worksheet>, <sheetData>, and one <row><c><v>1 (four nodes) a row: four rows fit, five do not.
    std::string four, five;
    for (int r = 1; r <= 4; ++r) four += "<row><c><v>1</v></c></row>";
    five = four + "<row><c><v>1</v></c></row>";
    BOOST_TEST(bool(read_sheet(four, limits)), messages(read_sheet(four, limits)));
    const auto refused = read_sheet(five, limits);
    BOOST_TEST(messages(refused).find("(more than 20 XML elements and text runs); ปรับได้ด้วย --limit xml-elements=") !=
               std::string::npos, messages(refused));
}

// Comments, CDATA, processing instructions and quoted values may hold "<" and ">": they are not elements.
BOOST_AUTO_TEST_CASE(markup_inside_comments_and_values_is_not_counted) {
    ingest::Limits limits;
    limits.max_xml_nodes = 10;
    limits.max_xml_attributes = 6;  // workbook.xml has five (two of them xmlns)
    limits.max_xml_depth = 6;       // worksheet, sheetData, row, c, is, t
    const std::string many = "<a/><a/><a/><a/><a/><a/><a/><a/><a/><a/><a/>";
    const std::string tricky = "<!-- " + many + " --><?pi " + many + R"( ?><row r="1" spans="/>"><c r="A1" )"
                               R"(t="inlineStr"><is><t><![CDATA[)" + many + "]]></t></is></c></row>";
    const auto read = read_sheet(tricky, limits);
    BOOST_TEST_REQUIRE(bool(read), messages(read));
    BOOST_TEST(read.workbook.sheets.at(0).cells.at(0).text == many);
    const auto deep = read_sheet(R"(<row r="1"><c r="A1"><v><x><y>1</y></x></v></c></row>)", limits);
    BOOST_TEST(messages(deep).find("(XML nested deeper than 6 elements)") != std::string::npos, messages(deep));
    const auto attributes = read_sheet(R"(<row r="1" a="1" b="1" c="1" d="1" e="1"/>)", limits);
    BOOST_TEST(messages(attributes).find("(more than 6 XML attributes)") != std::string::npos, messages(attributes));
}

BOOST_AUTO_TEST_CASE(cells_and_shared_strings_stop_at_their_limits) {
    ingest::Limits limits;
    limits.max_cells = 2;
    const auto cells = read_sheet(R"(<row r="1"><c r="A1"><v>1</v></c><c r="B1"><v>2</v></c><c r="C1"><v>3</v></c></row>)",
                                  limits);
    BOOST_TEST(messages(cells) == "t.xlsx: sheet Sheet1, cell C1: error: ส่วน xl/worksheets/sheet1.xml (part "
                                  "xl/worksheets/sheet1.xml): มีเซลล์ที่มีค่าเกิน 2 เซลล์ (more than 2 cells with a value); "
                                  "ปรับได้ด้วย --limit cells=… (raise it with --limit cells=N)\n");
}

BOOST_AUTO_TEST_SUITE_END()
