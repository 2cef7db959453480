// .ods workbooks: LibreOffice's own conversion of inputs/sample.xlsx reads to the same report as the .xlsx, and
// hand-made .ods files (content.xml written here, zipped with libzip) cover each kind of value, the text markup,
// repeats and spans, huge empty repeats, refused characters, and files that are not an .ods.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <cmath>
#include <cstring>
#include <sstream>
#include <stdexcept>
#include <string>
#include <type_traits>
#include <vector>

#include "ingest/ods_reader.h"
#include "ingest/report_reader.h"
#include "ingest/xlsx_builder.h"
#include "support/diagnostics.h"
#include "support/process.h"
#include "text/dates.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::TempDir;
namespace fs = std::filesystem;

namespace {

const std::string spreadsheet = "application/vnd.oasis.opendocument.spreadsheet";

// content.xml with these tables (and table styles), the namespaces declared as LibreOffice declares them.
std::string content_xml(const std::string& tables, const std::string& styles = "") {
    return R"(<?xml version="1.0" encoding="UTF-8"?>)"
           R"(<office:document-content xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
           R"(xmlns:style="urn:oasis:names:tc:opendocument:xmlns:style:1.0" )"
           R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0" )"
           R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
           R"(xmlns:calcext="urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0" )"
           R"(office:version="1.3"><office:automatic-styles>)" +
           styles + "</office:automatic-styles><office:body><office:spreadsheet>" + tables +
           "</office:spreadsheet></office:body></office:document-content>";
}

std::string table(const std::string& name, const std::string& rows, const std::string& style = "") {
    return "<table:table table:name=\"" + name + "\"" + (style.empty() ? "" : " table:style-name=\"" + style + "\"") +
           "><table:table-column table:number-columns-repeated=\"16384\"/>" + rows + "</table:table>";
}

std::string row(const std::string& cells, const std::string& attributes = "") {
    return "<table:table-row" + attributes + ">" + cells + "</table:table-row>";
}

std::string text_cell(const std::string& paragraph, const std::string& attributes = "") {
    return "<table:table-cell office:value-type=\"string\" calcext:value-type=\"string\"" + attributes +
           "><text:p>" + paragraph + "</text:p></table:table-cell>";
}

std::string float_cell(const std::string& value, const std::string& attributes = "") {
    return "<table:table-cell office:value-type=\"float\" office:value=\"" + value + "\"" + attributes +
           "><text:p>" + value + "</text:p></table:table-cell>";
}

std::string empty_cells(int count) {
    return "<table:table-cell table:number-columns-repeated=\"" + std::to_string(count) + "\"/>";
}

std::vector<std::byte> ods_of(const std::string& content, const std::string& mimetype = spreadsheet) {
    return test::make_zip({{"mimetype", mimetype}, {"content.xml", content}});
}

ingest::XlsxResult read(const std::string& content, const ingest::Limits& limits = {}) {
    return ingest::read_ods(ods_of(content), "t.ods", limits);
}

const ingest::Cell* cell_at(const ingest::Sheet& sheet, int r, int c) {
    for (const ingest::Cell& cell : sheet.cells)
        if (cell.row == r && cell.col == c) return &cell;
    return nullptr;
}

void write_bytes(const fs::path& path, const std::vector<std::byte>& bytes) {
    testing::write_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

std::vector<std::byte> bytes_of(const std::string& s) {
    std::vector<std::byte> out(s.size());
    std::memcpy(out.data(), s.data(), s.size());
    return out;
}

// ---- a report as lines, to compare two readings field by field

std::string where(const model::CellRef& at, const std::string& path) {
    return (at.file == path ? std::string("<input>") : at.file) + "|" + at.sheet + "|" + std::to_string(at.row) +
           "|" + std::to_string(at.col);
}

template <typename Map>
void dump_map(std::vector<std::string>& out, const std::string& prefix, const Map& map, const std::string& path) {
    for (const auto& [key, value] : map) {
        if constexpr (std::is_same_v<std::decay_t<decltype(value)>, model::CellRef>)
            out.push_back(prefix + key + " @ " + where(value, path));
        else
            out.push_back(prefix + key + " = " + value);
    }
}

std::string number(double x) {
    std::ostringstream s;
    s.precision(17);
    s << x;
    return s.str();
}

void dump_item(std::vector<std::string>& out, const std::string& p, const auto& item, const std::string& path) {
    out.push_back(p + "text = " + item.text);
    out.push_back(p + "target_group = " + item.target_group);
    out.push_back(p + "indicator = " + item.indicator);
    out.push_back(p + "owner = " + item.owner);
    out.push_back(p + "monitoring = " + item.monitoring);
    out.push_back(p + "at = " + where(item.at, path));
    dump_map(out, p + "field_at.", item.field_at, path);
}

std::vector<std::string> dump(const model::Report& r, const std::string& path) {
    std::vector<std::string> out;
    for (const model::MemoTextField& f : model::memo_text_fields())
        out.push_back("memo." + std::string(f.key) + " = " + r.memo.*f.field);
    out.push_back("memo.date = " + text::iso_date(r.memo.date));
    out.push_back("memo.fiscal_year = " + std::to_string(r.memo.fiscal_year_be));
    out.push_back("memo.round = " + std::to_string(r.memo.round_months));
    dump_map(out, "memo.at.", r.memo.at, path);
    for (std::size_t i = 0; i < r.scores.size(); ++i) {
        const model::ScoreRow& s = r.scores[i];
        const std::string p = "score[" + std::to_string(i) + "].";
        out.push_back(p + "year = " + std::to_string(s.fiscal_year_be) + " iit = " + number(s.iit) + " eit = " +
                      number(s.eit) + " oit = " + number(s.oit) + " ita = " + number(s.ita) + " level = " + s.level);
        out.push_back(p + "at = " + where(s.at, path));
        dump_map(out, p + "extra.", s.extra, path);
        dump_map(out, p + "field_at.", s.field_at, path);
    }
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        const model::Measure& m = r.measures[i];
        const std::string p = "measure[" + std::to_string(m.number) + "].";
        dump_item(out, p, m, path);
        for (const model::Step& s : m.steps) {
            const std::string q = p + "step[" + std::to_string(s.measure_no) + "." + std::to_string(s.step_no) + "].";
            dump_item(out, q, s, path);
            out.push_back(q + "status = " + std::to_string(int(s.status)) + " progress = " + s.progress +
                          " due = " + s.due);
            dump_map(out, q + "extra.", s.extra, path);
        }
    }
    dump_map(out, "variable.", r.variables, path);
    dump_map(out, "variable_at.", r.variable_at, path);
    dump_map(out, "sheet_at.", r.sheet_at, path);
    return out;
}

std::string messages_without(const std::vector<model::Diagnostic>& diagnostics, const std::string& path) {
    std::string text = all_messages(diagnostics);
    for (auto at = text.find(path); at != std::string::npos; at = text.find(path, at))
        text.replace(at, path.size(), "<input>");
    return text;
}

// The docs' minimal example (docs/input-workbook.md), as an .ods.
std::string minimal_ita_content() {
    auto kv = [](const std::string& key, const std::string& value) {
        return row(text_cell(key) + (value.starts_with("n:") ? float_cell(value.substr(2)) : text_cell(value)));
    };
    std::string memo = kv("คีย์", "ค่า") + kv("หน่วยงาน", "กรมส่งเสริมสหกรณ์") + kv("ชื่อย่อ", "กสส.") +
                       kv("ส่วนราชการ", "กองการเจ้าหน้าที่ กลุ่มงานจริยธรรม") +
                       kv("เรื่อง", "รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส") +
                       kv("เรียน", "อธิบดีกรมส่งเสริมสหกรณ์") + kv("ผู้ลงนาม", "นายสมมติ ทดสอบดี") +
                       kv("ตำแหน่ง", "ผู้อำนวยการกองการเจ้าหน้าที่") + kv("ปีงบประมาณ", "n:2567") +
                       kv("รอบรายงาน", "n:12") +
                       "<table:table-row><table:table-cell office:value-type=\"string\"><text:p>วันที่</text:p>"
                       "</table:table-cell><table:table-cell office:value-type=\"date\" "
                       "office:date-value=\"2024-09-17\"><text:p>17/09/67</text:p></table:table-cell></table:table-row>";
    std::string scores = row(text_cell("ปีงบประมาณ") + text_cell("IIT") + text_cell("EIT") + text_cell("OIT") +
                             text_cell("ITA") + text_cell("ระดับ")) +
                         row(float_cell("2567") + float_cell("90") + float_cell("85") + float_cell("80") +
                             float_cell("84.5") + text_cell("B"));
    // The status as PDF-copied text (◌ํ + า): read as ำ.
    std::string measures =
        row(text_cell("ลำดับ") + text_cell("มาตรการ/ขั้นตอน") + text_cell("สถานะ")) +
        row(float_cell("1") + text_cell("เสริมสร้างวัฒนธรรมองค์กรสุจริต")) +
        row(text_cell("1.1") + text_cell("จัดอบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน") +
            text_cell("ด\u0E4D\u0E32เนินการแล้ว")) +
        row(text_cell("1.2") + text_cell("เผยแพร่คู่มือการปฏิบัติงาน<text:s/>บนเว็บไซต์กรม") +
            text_cell("อยู่ระหว่างดำเนินการ"));
    return content_xml(table("หนังสือ", memo) + table("คะแนน", scores) + table("มาตรการ", measures));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_ods_reader)

// ---- LibreOffice's own .ods

BOOST_AUTO_TEST_CASE(libreoffice_conversion_of_the_sample_reads_to_the_same_report) {
    TempDir tmp;
    const std::string xlsx = SARABAN_SOURCE_DIR "/inputs/sample.xlsx";
    const testing::Result r = testing::run_program(
        "soffice", {"-env:UserInstallation=file://" + (tmp / "profile").string(), "--headless", "--convert-to", "ods",
                    "--outdir", tmp.path().string(), xlsx});
    BOOST_TEST_REQUIRE(r.status != 127, "soffice (LibreOffice) is not installed: install libreoffice-calc");
    BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << r.out << r.err);
    const std::string ods = (tmp / "sample.ods").string();
    BOOST_TEST_REQUIRE(fs::exists(ods), "LibreOffice wrote no sample.ods: " << r.out << r.err);
    BOOST_TEST(ingest::looks_like_ods(bytes_of(testing::read_file(ods))));

    const ingest::ReportResult from_xlsx = ingest::read_report_file(xlsx);
    const ingest::ReportResult from_ods = ingest::read_report_file(ods);
    BOOST_TEST(messages_without(from_ods.diagnostics, ods) == messages_without(from_xlsx.diagnostics, xlsx));
    BOOST_TEST(bool(from_ods), all_messages(from_ods.diagnostics));
    const std::vector<std::string> want = dump(from_xlsx.report, xlsx);
    const std::vector<std::string> got = dump(from_ods.report, ods);
    BOOST_TEST(got == want, boost::test_tools::per_element());
    // Not two empty reports: the sample's facts, the date from a date cell among them.
    BOOST_TEST(from_ods.report.source == ods);
    BOOST_TEST(from_ods.report.memo.agency_abbr == "สบน.");
    BOOST_TEST((from_ods.report.memo.date == model::Date{2021, 9, 17}));
    BOOST_TEST(from_ods.report.scores.size() >= 7u);
    BOOST_TEST_REQUIRE(from_ods.report.measures.size() == 6u);
    BOOST_TEST((from_ods.report.measures[4].steps[0].status == model::Status::in_progress));
    BOOST_TEST(from_ods.report.variables.count("measures_approved_date") == 1u);

    // Renamed .xlsx, it is still read as the .ods it is.
    const std::string renamed = (tmp / "renamed.xlsx").string();
    fs::copy_file(ods, renamed);
    const ingest::ReportResult from_renamed = ingest::read_report_file(renamed);
    BOOST_TEST(bool(from_renamed), all_messages(from_renamed.diagnostics));
    BOOST_TEST(dump(from_renamed.report, renamed) == want, boost::test_tools::per_element());
}

// ---- values

BOOST_AUTO_TEST_CASE(reads_every_kind_of_value) {
    const std::string cells =
        text_cell("สถานะ") + float_cell("96.29") + float_cell("96.29000000000001") +
        R"(<table:table-cell office:value-type="percentage" office:value="0.25"><text:p>25%</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="currency" office:currency="THB" office:value="1234.5"><text:p>1,234.50 ฿</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="date" office:date-value="2021-09-17"><text:p>17/09/21</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="date" office:date-value="2021-09-17T12:00:00"><text:p>x</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="date" office:date-value="2564-09-17"><text:p>17/09/2564</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="date" office:date-value="1900-02-28"><text:p>x</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="time" office:time-value="PT08H30M00S"><text:p>08:30</text:p></table:table-cell>)";
    const std::string cells2 =
        R"(<table:table-cell office:value-type="boolean" office:boolean-value="true"><text:p>TRUE</text:p></table:table-cell>)"
        R"(<table:table-cell office:value-type="boolean" office:boolean-value="false"><text:p>FALSE</text:p></table:table-cell>)"
        R"(<table:table-cell table:formula="of:=[.B1]*2" office:value-type="float" office:value="192.58" calcext:value-type="float"><text:p>192.58</text:p></table:table-cell>)"
        R"(<table:table-cell table:formula="of:=&quot;a&quot;&amp;&quot;b&quot;" office:value-type="string" office:string-value="ab" calcext:value-type="string"><text:p>ab</text:p></table:table-cell>)"
        R"(<table:table-cell table:formula="of:=1/0" office:value-type="string" office:string-value="" calcext:value-type="error"><text:p>#DIV/0!</text:p></table:table-cell>)"
        R"(<table:table-cell table:formula="of:=[.B1]"/>)"
        R"(<table:table-cell office:value-type="string"><text:p/></table:table-cell>)"
        R"(<table:table-cell><text:p>untyped</text:p></table:table-cell>)";
    const ingest::XlsxResult r = read(content_xml(table("Sheet1", row(cells) + row(cells2))));
    BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
    BOOST_TEST(!r.workbook.date1904);
    const ingest::Sheet& s = r.workbook.sheets.at(0);
    using Kind = ingest::Cell::Kind;
    auto at = [&](int rr, int c) {
        const ingest::Cell* cell = cell_at(s, rr, c);
        BOOST_TEST_REQUIRE(cell != nullptr, "no cell at row " << rr << ", column " << c);
        return *cell;
    };
    BOOST_TEST((at(1, 1).kind == Kind::text && at(1, 1).text == "สถานะ"));
    BOOST_TEST((at(1, 2).kind == Kind::number && at(1, 2).number == 96.29 && !at(1, 2).is_date));
    BOOST_TEST(at(1, 3).number == 96.29);  // rounded to the 15 digits a spreadsheet shows, as read_xlsx does
    BOOST_TEST(at(1, 4).number == 0.25);
    BOOST_TEST(at(1, 5).number == 1234.5);
    // A date cell: the serial an .xlsx holds for the day (Excel's 44456 for 2021-09-17), flagged as a date.
    BOOST_TEST((at(1, 6).kind == Kind::number && at(1, 6).is_date && at(1, 6).number == 44456));
    BOOST_TEST((at(1, 7).is_date && at(1, 7).number == 44456.5));
    BOOST_TEST((text::date_from_excel_serial(at(1, 8).number, false) == model::Date{2021, 9, 17}));  // B.E. typed
    BOOST_TEST(at(1, 9).number == 59);  // Excel's serial of 28 February 1900
    BOOST_TEST((text::date_from_excel_serial(at(1, 9).number, false) == model::Date{1900, 2, 28}));
    BOOST_TEST((at(1, 10).is_date && std::abs(at(1, 10).number - 8.5 / 24) < 1e-12));
    BOOST_TEST((at(2, 1).kind == Kind::boolean && at(2, 1).number == 1 && at(2, 1).text == "TRUE"));
    BOOST_TEST((at(2, 2).kind == Kind::boolean && at(2, 2).number == 0 && at(2, 2).text == "FALSE"));
    BOOST_TEST((at(2, 3).kind == Kind::number && at(2, 3).number == 192.58));  // a formula's cached value
    BOOST_TEST((at(2, 4).kind == Kind::text && at(2, 4).text == "ab"));
    BOOST_TEST((at(2, 5).kind == Kind::error && at(2, 5).text == "#DIV/0!"));
    BOOST_TEST(cell_at(s, 2, 6) == nullptr);  // a formula without a cached value
    BOOST_TEST(cell_at(s, 2, 7) == nullptr);  // empty text
    BOOST_TEST(at(2, 8).text == "untyped");
    BOOST_TEST(s.cells.size() == 16u);
}

BOOST_AUTO_TEST_CASE(reads_the_text_markup) {
    const std::string cells =
        text_cell("a<text:s text:c=\"3\"/>b<text:s/>c") +                      // A1: spaces
        text_cell("x<text:tab/>y<text:line-break/>z") +                         // B1: tab and line break
        text_cell("<text:span text:style-name=\"T1\">ตัว</text:span>หนา <text:a xlink:href=\"http://x\">ลิงก์</text:a>") +
        R"(<table:table-cell office:value-type="string"><office:annotation><text:p>a comment</text:p></office:annotation>)"
        R"(<text:p>บรรทัด 1</text:p><text:p>บรรทัด 2</text:p></table:table-cell>)" +  // D1: two paragraphs
        text_cell(" <text:span>(1)  </text:span>two\n spaces") +               // E1: white space as written
        text_cell("<text:span>a</text:span> <text:span>b</text:span>") +        // F1: a space between spans
        text_cell("ด\u0E4D\u0E32เนินการ");                                      // G1: ◌ํ + า
    const std::string content = content_xml(table("Sheet1", row(cells)));
    const ingest::XlsxResult r = read(content.substr(0, content.find("office:version")) +
                                      "xmlns:xlink=\"http://www.w3.org/1999/xlink\" " +
                                      content.substr(content.find("office:version")));
    BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
    const ingest::Sheet& s = r.workbook.sheets.at(0);
    BOOST_TEST_REQUIRE(s.cells.size() == 7u);
    BOOST_TEST(s.cells[0].text == "a   b c");
    BOOST_TEST(s.cells[1].text == "x\ty\nz");
    BOOST_TEST(s.cells[2].text == "ตัวหนา ลิงก์");
    BOOST_TEST(s.cells[3].text == "บรรทัด 1\nบรรทัด 2");
    BOOST_TEST(s.cells[4].text == " (1)  two\n spaces");  // as LibreOffice reads it (and writes it to .xlsx)
    BOOST_TEST(s.cells[5].text == "a b");
    BOOST_TEST(s.cells[6].text == "ดำเนินการ");
}

// ---- repeats, spans, sheets

BOOST_AUTO_TEST_CASE(expands_repeats_with_a_value_and_reads_spans_as_merges) {
    const std::string rows =
        row(empty_cells(2) + float_cell("7", " table:number-columns-repeated=\"3\"") + text_cell("end")) +  // row 1
        row(text_cell("twice"), " table:number-rows-repeated=\"2\"") +                                   // rows 2-3
        row(empty_cells(16384), " table:number-rows-repeated=\"4\"") +                                   // rows 4-7
        "<table:table-row-group><table:table-header-rows>" +
        row(text_cell("merged", " table:number-columns-spanned=\"3\" table:number-rows-spanned=\"2\"") +
            "<table:covered-table-cell office:value-type=\"string\"><text:p>hidden</text:p></table:covered-table-cell>"
            "<table:covered-table-cell/>" + text_cell("D8")) +                                          // row 8
        "</table:table-header-rows>" +
        row("<table:covered-table-cell table:number-columns-repeated=\"3\"/>" + text_cell("D9")) +      // row 9
        "</table:table-row-group>";
    const ingest::XlsxResult r = read(content_xml(table("Sheet1", rows)));
    BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
    const ingest::Sheet& s = r.workbook.sheets.at(0);
    std::vector<std::string> got;
    for (const ingest::Cell& c : s.cells) got.push_back(model::cell_name(c.row, c.col) + "=" + c.text);
    const std::vector<std::string> want = {"C1=7", "D1=7", "E1=7", "F1=end", "A2=twice", "A3=twice",
                                           "A8=merged", "D8=D8", "D9=D9"};
    BOOST_TEST(got == want, boost::test_tools::per_element());
    BOOST_TEST_REQUIRE(s.merged.size() == 1u);
    BOOST_TEST((s.merged[0].first_row == 8 && s.merged[0].first_col == 1 && s.merged[0].last_row == 9 &&
                s.merged[0].last_col == 3));
}

BOOST_AUTO_TEST_CASE(hidden_sheets_are_sheets_in_order) {
    const std::string styles =
        R"(<style:style style:name="ta1" style:family="table"><style:table-properties table:display="true"/></style:style>)"
        R"(<style:style style:name="ta2" style:family="table"><style:table-properties table:display="false"/></style:style>)";
    const ingest::XlsxResult r = read(content_xml(table("ก", row(text_cell("1")), "ta1") +
                                                      table("ซ่อน", row(text_cell("2")), "ta2") +
                                                      table("ว่าง", "") + table("ค", row(text_cell("3"))),
                                                  styles));
    BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
    BOOST_TEST_REQUIRE(r.workbook.sheets.size() == 4u);
    BOOST_TEST(r.workbook.sheets[0].name == "ก");
    BOOST_TEST(!r.workbook.sheets[0].hidden);
    BOOST_TEST(r.workbook.sheets[1].name == "ซ่อน");
    BOOST_TEST(r.workbook.sheets[1].hidden);
    BOOST_TEST(r.workbook.sheets[2].cells.empty());
    BOOST_TEST(r.workbook.sheets[3].cells.at(0).text == "3");
}

// LibreOffice pads every sheet with 1048576 rows of 16384 empty cells: skipped, never expanded.
BOOST_AUTO_TEST_CASE(huge_empty_repeats_are_fast_and_small) {
    std::string tables;
    for (int i = 0; i < 50; ++i)
        tables += table("S" + std::to_string(i),
                        row(text_cell("first") + empty_cells(16383)) +
                            row(empty_cells(16384), " table:number-rows-repeated=\"1048574\"") +
                            row(empty_cells(16384)));
    const auto start = std::chrono::steady_clock::now();
    const ingest::XlsxResult r = read(content_xml(tables));
    const double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST_MESSAGE("50 sheets of 1048576 x 16384 empty cells read in " << seconds << " s");
    BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
    BOOST_TEST(r.workbook.sheets.size() == 50u);
    for (const ingest::Sheet& s : r.workbook.sheets) BOOST_TEST(s.cells.size() == 1u);
    BOOST_TEST(seconds < 1.0);
}

BOOST_AUTO_TEST_CASE(repeats_with_a_value_stop_at_the_limits) {
    auto timed = [](const std::string& content, const ingest::Limits& limits = {}) {
        const auto start = std::chrono::steady_clock::now();
        ingest::XlsxResult r = read(content, limits);
        BOOST_TEST(std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count() < 1.0);
        return r;
    };
    // A value in 1048576 rows: an error at the first row past the limit, not a million copies.
    ingest::XlsxResult rows =
        timed(content_xml(table("S", row(text_cell("x"), " table:number-rows-repeated=\"1048576\""))));
    BOOST_TEST(all_messages(rows.diagnostics) ==
               "t.ods: sheet S, cell A100001: error: ส่วน content.xml (part content.xml): เซลล์อยู่เกินแถว 100000 หรือคอลัมน์ "
               "16384 (a cell beyond row 100000 or column 16384); ปรับได้ด้วย --limit rows=… (raise it with --limit rows=N)\n");
    BOOST_TEST(rows.workbook.sheets.empty());
    ingest::XlsxResult cols =
        timed(content_xml(table("S", row(float_cell("1", " table:number-columns-repeated=\"20000\"")))));
    BOOST_TEST(all_messages(cols.diagnostics).find("cell XFE1: error:") != std::string::npos,
               all_messages(cols.diagnostics));
    // A value in 1000 columns of 2000 rows: two million cells, past max_cells (made small to keep the test fast).
    ingest::Limits few;
    few.max_cells = 10'000;
    ingest::XlsxResult cells = timed(content_xml(table(
        "S", row(float_cell("1", " table:number-columns-repeated=\"1000\""), " table:number-rows-repeated=\"2000\""))),
        few);
    BOOST_TEST(all_messages(cells.diagnostics) ==
                   "t.ods: sheet S, cell A11: error: ส่วน content.xml (part content.xml): มีเซลล์ที่มีค่าเกิน 10000 เซลล์ "
                   "(more than 10000 cells with a value); ปรับได้ด้วย --limit cells=… (raise it with --limit cells=N)\n",
               all_messages(cells.diagnostics));
    BOOST_TEST(ingest::Limits{}.max_cells == 1'000'000);
    // One long text repeated: the cells' text shares the budget for bytes uncompressed.
    ingest::Limits small;
    small.max_total_uncompressed = 1 << 20;
    const std::string long_text = text_cell(std::string(1000, 'x'), " table:number-columns-repeated=\"2000\"");
    ingest::XlsxResult text = timed(content_xml(table("S", row(long_text))), small);
    BOOST_TEST(all_messages(text.diagnostics).find("the cells' text adds up to more than 1048576 bytes") !=
               std::string::npos, all_messages(text.diagnostics));
}

// ---- refused characters

BOOST_AUTO_TEST_CASE(a_control_character_is_an_error_naming_the_cell) {
    const std::string rows =
        row(text_cell("ลำดับ") + text_cell("ok")) +
        row(empty_cells(1) + text_cell("ก&#7;ข")) +                                            // B2: BEL
        row(empty_cells(2) + text_cell("esc\x1B")) +                                            // C3: raw ESC
        row(empty_cells(3) + text_cell("nul&#0;gone")) +                                        // D4: NUL
        row(empty_cells(4) + text_cell("bad \xFF byte")) +                                      // E5: not UTF-8
        row("<table:table-cell table:formula=\"of:=1\" office:value-type=\"string\" "
            "office:string-value=\"f&#x85;\"><text:p>f</text:p></table:table-cell>");            // A6: C1 NEL
    const ingest::XlsxResult r = read(content_xml(table("มาตรการ", rows)));
    BOOST_TEST(!r);
    std::vector<std::string> places;
    for (const model::Diagnostic& d : r.diagnostics) places.push_back(model::to_string(d.at));
    const std::vector<std::string> want = {"t.ods: sheet มาตรการ, cell B2", "t.ods: sheet มาตรการ, cell C3",
                                           "t.ods: sheet มาตรการ, cell D4", "t.ods: sheet มาตรการ, cell E5",
                                           "t.ods: sheet มาตรการ, cell A6"};
    BOOST_TEST(places == want, boost::test_tools::per_element());
    const std::string all = all_messages(r.diagnostics);
    for (const char* what : {"U+0007", "U+001B", "U+0000", "0xFF", "U+0085"})
        BOOST_TEST(all.find(what) != std::string::npos, what << " in " << all);

    // Through read_report_file, one line names the file, sheet and cell.
    TempDir tmp;
    const std::string path = (tmp / "bel.ods").string();
    const std::string bel = row(text_cell("ลำดับ")) + row(empty_cells(1) + text_cell("ก&#7;ข"));
    write_bytes(path, ods_of(content_xml(table("มาตรการ", bel))));
    const ingest::ReportResult report = ingest::read_report_file(path);
    BOOST_TEST(!report);
    BOOST_TEST(all_messages(report.diagnostics).find(path + ": sheet มาตรการ, cell B2: error: ") != std::string::npos,
               all_messages(report.diagnostics));
}

// ---- read_report_file

BOOST_AUTO_TEST_CASE(read_report_file_reads_an_ods_by_name_or_by_signature) {
    TempDir tmp;
    const std::vector<std::byte> bytes = ods_of(minimal_ita_content());
    BOOST_TEST(ingest::looks_like_ods(bytes));
    for (const std::string name : {"kss.ods", "kss-renamed.xlsx"}) {
        BOOST_TEST_CONTEXT(name) {
            const std::string path = (tmp / name).string();
            write_bytes(path, bytes);
            const ingest::ReportResult r = ingest::read_report_file(path);
            BOOST_TEST_REQUIRE(r.diagnostics.empty(), all_messages(r.diagnostics));
            BOOST_TEST(r.report.memo.agency_abbr == "กสส.");
            BOOST_TEST(r.report.memo.fiscal_year_be == 2567);
            BOOST_TEST(r.report.memo.round_months == 12);
            BOOST_TEST((r.report.memo.date == model::Date{2024, 9, 17}));
            BOOST_TEST_REQUIRE(r.report.scores.size() == 1u);
            BOOST_TEST(r.report.scores[0].ita == 84.5);
            BOOST_TEST(r.report.scores[0].level == "B");
            BOOST_TEST_REQUIRE(r.report.measures.size() == 1u);
            BOOST_TEST_REQUIRE(r.report.measures[0].steps.size() == 2u);
            BOOST_TEST((r.report.measures[0].steps[0].status == model::Status::done));
            BOOST_TEST((r.report.measures[0].steps[1].status == model::Status::in_progress));
            BOOST_TEST(r.report.measures[0].steps[1].text == "เผยแพร่คู่มือการปฏิบัติงาน บนเว็บไซต์กรม");
            BOOST_TEST((r.report.memo.at.at("date") == model::CellRef{path, "หนังสือ", 11, 2}));
        }
    }
}

// ---- files that are not an .ods

BOOST_AUTO_TEST_CASE(what_is_not_an_ods_is_an_error_naming_the_file) {
    TempDir tmp;
    const std::string save = "เปิดใน LibreOffice แล้วบันทึกเป็น .ods หรือ .xlsx อีกครั้ง (open it in LibreOffice and save it "
                             "as .ods or .xlsx again)";
    const std::vector<std::byte> good = ods_of(minimal_ita_content());
    auto truncated = good;
    truncated.resize(truncated.size() / 2);
    const std::vector<std::pair<std::string, std::vector<std::byte>>> files = {
        {"xlsx-inside.ods", test::make_zip(test::workbook_parts({"Sheet1"}, {test::worksheet_xml({{"x"}})}))},
        {"text.ods", ods_of(content_xml(""), "application/vnd.oasis.opendocument.text")},
        {"no-content.ods", test::make_zip({{"mimetype", spreadsheet}, {"styles.xml", "<x/>"}})},
        {"truncated.ods", truncated},
        {"empty.ods", {}},
        {"not-a-zip.ods", bytes_of("คีย์,ค่า\n")},
        {"writer.ods", test::make_zip({{"content.xml", R"(<office:document-content xmlns:office="urn:oasis:)"
                                                      R"(names:tc:opendocument:xmlns:office:1.0"><office:body>)"
                                                      R"(<office:text/></office:body></office:document-content>)"}})},
        {"dtd.ods", ods_of("<!DOCTYPE x [<!ENTITY a \"aaaa\">]>" + content_xml(""))},
        {"encrypted.ods", test::make_zip({{"mimetype", spreadsheet}, {"content.xml", "\x01\x02garbage"},
                                          {"META-INF/manifest.xml", "<manifest:encryption-data/>"}})},
    };
    const std::vector<std::string> lines = {
        "xlsx-inside.ods: error: เป็นสมุดงาน .xlsx ที่ตั้งชื่อเป็น .ods ให้เปลี่ยนนามสกุลเป็น .xlsx (an .xlsx workbook named "
        ".ods: rename it .xlsx)",
        "text.ods: error: ไม่ใช่สมุดงาน OpenDocument (.ods) (not an OpenDocument spreadsheet: its mimetype is "
        "\"application/vnd.oasis.opendocument.text\"); " + save,
        "no-content.ods: error: ไม่พบ content.xml ไม่ใช่สมุดงาน .ods (missing content.xml: not an OpenDocument "
        "spreadsheet); " + save,
        "truncated.ods: error: ไฟล์ .ods เสียหาย อ่านไฟล์ zip ไม่ได้ (a damaged .ods: the zip cannot be read: Not a zip "
        "archive); " + save,
        "empty.ods: error: ไฟล์ว่าง (empty file); " + save,
        "not-a-zip.ods: error: ไม่ใช่ไฟล์ .ods (not an .ods file: no zip signature); " + save,
        "writer.ods: error: ส่วน content.xml (part content.xml): ไม่ใช่สมุดงาน OpenDocument (not an OpenDocument "
        "spreadsheet: no office:spreadsheet); " + save,
        "dtd.ods: error: ส่วน content.xml (part content.xml): มีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาต (has a DOCTYPE or "
        "entity declaration, which .ods never needs: refused)",
        "encrypted.ods: error: สมุดงานตั้งรหัสผ่าน (a password-protected workbook); " + save + " without a password",
    };
    for (std::size_t i = 0; i < files.size(); ++i) {
        const std::string path = (tmp / files[i].first).string();
        write_bytes(path, files[i].second);
        const ingest::ReportResult r = ingest::read_report_file(path);
        BOOST_TEST(!r);
        BOOST_TEST(all_messages(r.diagnostics) == (tmp.path() / lines[i]).string() + "\n");
    }
}

BOOST_AUTO_TEST_CASE(a_zip_bomb_and_deep_xml_are_refused) {
    ingest::Limits limits;
    limits.max_part_uncompressed = 1 << 20;
    const std::vector<std::byte> bomb =
        test::make_zip({{"mimetype", spreadsheet}}, {test::Zeros{"content.xml", 64ull << 20}});
    const ingest::XlsxResult big = ingest::read_ods(bomb, "bomb.ods", limits);
    const std::string refused = all_messages(big.diagnostics);
    BOOST_TEST(refused.find("too large when uncompressed: over 1048576 bytes") != std::string::npos, refused);
    std::string deep;
    for (int i = 0; i < 300; ++i) deep += "<text:span>";
    for (int i = 0; i < 300; ++i) deep += "</text:span>";
    const ingest::XlsxResult nested = read(content_xml(table("S", row(text_cell(deep)))));
    BOOST_TEST(all_messages(nested.diagnostics).find("XML nested deeper than 256 elements") != std::string::npos,
               all_messages(nested.diagnostics));
}

BOOST_AUTO_TEST_SUITE_END()
