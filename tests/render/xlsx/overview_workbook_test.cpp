// The batch's overview workbook: overview_row counts what it should, openpyxl finds the layout (frozen header,
// autofilter, fonts, Thai number formats, live totals, Thai-only headers, the findings sheet with its filter, A4
// landscape), LibreOffice recalculates the totals to the model's numbers (cached results removed first) and shows
// them in Thai digits, and the same rows give the same bytes.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <thread>

#include "compose/thai_format.h"
#include "render/xlsx/overview_workbook.h"
#include "render/xlsx/tracking_fixture.h"
#include "render/xlsx/workbook_tools.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// A second agency whose documents failed: other year and round, scores of its year, every status.
model::Report other_report() {
    model::Report r;
    r.memo.agency = "กรมทดสอบ";
    r.memo.agency_abbr = "กท.";
    r.memo.fiscal_year_be = 2565;
    r.memo.round_months = 6;
    r.memo.date = {2022, 3, 31};
    model::ScoreRow old_year{2564, 70, 71, 72, 71.5, "B", {}, {}, {}};
    model::ScoreRow year{2565, 80, 90, 86.25, 85.5, "A", {}, {}, {}};
    r.scores = {old_year, year};
    model::Measure m;
    m.number = 1;
    for (auto [no, status] : {std::pair{1, model::Status::done}, {2, model::Status::in_progress},
                              {3, model::Status::in_progress}, {4, model::Status::not_started}}) {
        model::Step s;
        s.measure_no = 1;
        s.step_no = no;
        s.status = status;
        m.steps.push_back(s);
    }
    r.measures = {m};
    return r;
}

std::vector<model::Diagnostic> other_findings() {
    return {
        {model::Severity::error, {"/srv/run/inputs/test.xlsx", "คะแนน", 3, 5}, "ระดับไม่ตรง"},
        {model::Severity::error, {"/srv/run/inputs/test.xlsx", "คะแนน", 3, 2}, "คะแนนเกิน ๑๐๐"},
        {model::Severity::warning, {"/srv/run/inputs/test.xlsx", "หนังสือ", 5, 2}, "วันที่นอกปีงบประมาณ"},
        {model::Severity::warning, {"/srv/run/templates/memo.xml", "", 12, 5}, "ไม่มีค่า (in /srv/run/inputs/test.xlsx)"}};
}

// Sample (produced), the other agency (failed) and a file that did not read at all (failed, nothing known).
std::vector<render::AgencyRow> overview_rows() {
    return {
        render::overview_row(sample_report(), sample_findings(), true, "inputs/sample.xlsx"),
        render::overview_row(other_report(), other_findings(), false, "test.xlsx", "/srv/run/inputs/test.xlsx"),
        render::overview_row(model::Report{}, {{model::Severity::error, {"inputs/broken.xlsx", "", 0, 0}, "อ่านไม่ได้"}},
                             false, "inputs/broken.xlsx"),
    };
}

const model::ScoreRow& sample_year() {
    for (const auto& s : sample_report().scores)
        if (s.fiscal_year_be == 2564) return s;
    BOOST_FAIL("the sample has no 2564 scores");
    throw 0;
}

fs::path write_overview(const fs::path& dir, const std::string& name = "overview.xlsx") {
    const fs::path path = dir / name;
    const std::string error = render::write_overview_workbook(overview_rows(), path.string());
    BOOST_TEST_REQUIRE(error.empty(), "write_overview_workbook failed: " << error);
    return path;
}

// What openpyxl finds, once for the suite: key → values in order.
const std::multimap<std::string, std::string>& inspected() {
    static const std::multimap<std::string, std::string> found = [] {
        TempDir dir;
        std::multimap<std::string, std::string> out;
        for (const std::string& line : workbook_tool({"overview", write_overview(dir.path()).string()})) {
            auto eq = line.find('=');
            if (eq != std::string::npos) out.emplace(line.substr(0, eq), line.substr(eq + 1));
        }
        return out;
    }();
    return found;
}

std::string one(const std::string& key) {
    auto [first, last] = inspected().equal_range(key);
    BOOST_TEST_REQUIRE(std::distance(first, last) == 1, "one " << key);
    return first->second;
}

// cell=COORD|kind|value|format|font|size|bold → the fields after COORD.
std::vector<std::string> cell(const std::string& coordinate) {
    auto [first, last] = inspected().equal_range("cell");
    for (auto it = first; it != last; ++it) {
        std::vector<std::string> parts;
        std::stringstream in(it->second);
        for (std::string part; std::getline(in, part, '|');) parts.push_back(part);
        if (it->second.back() == '|') parts.emplace_back();
        if (!parts.empty() && parts[0] == coordinate) return parts;
    }
    BOOST_FAIL("openpyxl found no cell " << coordinate);
    return {};
}

// LibreOffice's CSV of the sheet as shown, after the cached results are removed (so that it computes them).
const Table& recalculated() {
    static const Table table = [] {
        TempDir dir;
        const fs::path path = write_overview(dir.path(), "stale.xlsx");
        BOOST_TEST_REQUIRE(strip_cached_results(path) >= 14);
        convert_to_csv({path}, dir / "csv", dir / "profile");
        const fs::path csv = dir / "csv" / "stale-ภาพรวม.csv";
        BOOST_TEST_REQUIRE(fs::exists(csv), "LibreOffice wrote no " << csv);
        return read_csv(csv);
    }();
    return table;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_overview)

BOOST_AUTO_TEST_CASE(overview_row_counts_from_report_and_findings) {
    const auto rows = overview_rows();
    const render::AgencyRow& s = rows[0];
    BOOST_TEST(s.agency == "สำนักงานบริหารหนี้สาธารณะ");
    BOOST_TEST(s.agency_abbr == "สบน.");
    BOOST_TEST(s.fiscal_year_be == 2564);
    BOOST_TEST(s.round_months == 12);
    BOOST_TEST_REQUIRE(s.ita.has_value());
    BOOST_TEST(*s.ita == sample_year().ita);
    BOOST_TEST(*s.iit == 96.29);
    BOOST_TEST(*s.oit == 100.0);
    BOOST_TEST(s.level == "AA");
    BOOST_TEST(s.steps_done == 10);
    BOOST_TEST(s.steps_in_progress == 2);
    BOOST_TEST(s.steps_not_started == 0);
    BOOST_TEST(s.errors == 1);
    BOOST_TEST(s.warnings == 1);
    BOOST_TEST(s.produced);
    const render::AgencyRow& o = rows[1];
    BOOST_TEST(*o.ita == 85.5, "the fiscal year's row, not the first");
    BOOST_TEST(o.steps_done == 1);
    BOOST_TEST(o.steps_in_progress == 2);
    BOOST_TEST(o.steps_not_started == 1);
    BOOST_TEST(o.errors == 2);
    BOOST_TEST(o.warnings == 2);
    BOOST_TEST(!o.produced);
    const render::AgencyRow& b = rows[2];
    BOOST_TEST(!b.ita.has_value());
    BOOST_TEST(b.steps_done + b.steps_in_progress + b.steps_not_started == 0);
    BOOST_TEST(b.errors == 1);
}

BOOST_AUTO_TEST_CASE(layout_found_by_openpyxl) {
    BOOST_TEST(one("sheets") == "ภาพรวม|ผลการตรวจสอบ");
    BOOST_TEST(one("freeze") == "B2");         // the header row and the agency column
    BOOST_TEST(one("autofilter") == "A1:R4");  // header and the three agencies, not the totals
    BOOST_TEST(one("orientation") == "landscape");
    BOOST_TEST(one("max_row") == "5");
    // Values and Thai number formats of the data rows.
    BOOST_TEST((cell("A2") == std::vector<std::string>{"A2", "str", "สำนักงานบริหารหนี้สาธารณะ", "General",
                                                         "TH Sarabun New", "16.0", "False"}));
    BOOST_TEST(cell("C3")[2] == "2565");
    BOOST_TEST(cell("C3")[3] == "[$-D00041E]0");
    BOOST_TEST(cell("E3")[1] == "float");
    BOOST_TEST(cell("E3")[2] == "85.5");
    BOOST_TEST(cell("E3")[3] == "[$-D00041E]0.00");
    BOOST_TEST(cell("J2")[2] == "10");
    BOOST_TEST(cell("K3")[2] == "2");
    BOOST_TEST(cell("O3")[2] == "2");
    BOOST_TEST(cell("Q2")[2] == "สร้างแล้ว");
    BOOST_TEST(cell("Q4")[2] == "ไม่สำเร็จ");
    BOOST_TEST(cell("R3")[2] == "test.xlsx");  // relative to the input folder, not /srv/run/inputs/test.xlsx
    BOOST_TEST(cell("R4")[2] == "inputs/broken.xlsx");
    BOOST_TEST(cell("M2")[2] == "=SUM(J2:L2)");
    BOOST_TEST(cell("N2")[2] == "=IF(M2=0,\"\",J2/M2)");
    BOOST_TEST(cell("N2")[3] == "[$-D00041E]0.00%");
    // The totals row: bold, live formulas over the agencies' rows.
    BOOST_TEST(cell("A5")[2] == "รวม / เฉลี่ย");
    BOOST_TEST(cell("A5")[6] == "True");
    BOOST_TEST(cell("B5")[2] == "=SUBTOTAL(3,Q2:Q4)");
    BOOST_TEST(cell("E5")[2] == "=IFERROR(SUBTOTAL(1,E2:E4),\"\")");
    BOOST_TEST(cell("J5")[2] == "=SUBTOTAL(9,J2:J4)");
    BOOST_TEST(cell("J5")[3] == "[$-D00041E]0");
    BOOST_TEST(cell("N5")[2] == "=IF(M5=0,\"\",J5/M5)");
    BOOST_TEST(cell("Q5")[2] == "=COUNTIF(Q2:Q4,\"สร้างแล้ว\")");
    // Every written cell in the body font.
    auto [first, last] = inspected().equal_range("cell");
    int cells = 0;
    for (auto it = first; it != last; ++it, ++cells)
        BOOST_TEST(it->second.find("|TH Sarabun New|16.0|") != std::string::npos, it->second);
    BOOST_TEST(cells > 50);
    auto [cf_first, cf_last] = inspected().equal_range("conditional");
    BOOST_TEST(std::distance(cf_first, cf_last) == 2);
    BOOST_TEST(cf_first->second == "Q2:Q4|cellIs|equal|\"สร้างแล้ว\"");
}

BOOST_AUTO_TEST_CASE(headers_are_thai_only) {
    // Set on the lines they wrap to (\n as workbook_tool.py prints a line break).
    const char* expected[] = {"หน่วยงาน",
                              "ชื่อย่อ",
                              "ปีงบประมาณ",
                              "รอบ\\n(เดือน)",
                              "ITA",
                              "IIT",
                              "EIT",
                              "OIT",
                              "ระดับ",
                              "ดำเนินการ\\nแล้ว",
                              "อยู่ระหว่าง\\nดำเนินการ",
                              "ยังไม่ได้\\nดำเนินการ",
                              "ขั้นตอน\\nทั้งหมด",
                              "ร้อยละที่\\nดำเนินการแล้ว",
                              "ข้อผิดพลาด",
                              "คำเตือน",
                              "ผลการสร้าง\\nเอกสาร",
                              "ไฟล์ต้นทาง"};
    for (int c = 0; c < 18; ++c) {
        const std::string coordinate = std::string(1, char('A' + c)) + "1";
        BOOST_TEST(cell(coordinate)[2] == expected[c], coordinate);
        BOOST_TEST(cell(coordinate)[2].find('[') == std::string::npos, coordinate);
    }
}

BOOST_AUTO_TEST_CASE(every_finding_on_a_sheet_with_a_filter) {
    auto [first, last] = inspected().equal_range("finding");
    std::vector<std::string> rows;
    for (auto it = first; it != last; ++it) rows.push_back(it->second);
    // The header, the sample's 2 findings, the other agency's 4, the broken file's 1: agency, file, sheet, cell,
    // severity, message; files relative to the input folder (a template by its name), never an absolute path.
    BOOST_TEST_REQUIRE(rows.size() == 8u);
    BOOST_TEST(rows[0] == "หน่วยงาน|ไฟล์|ชีต|เซลล์|ระดับ|ข้อความ");
    BOOST_TEST(rows[3] == "กรมทดสอบ|test.xlsx|คะแนน|E3|ข้อผิดพลาด|ระดับไม่ตรง");
    BOOST_TEST(rows[5] == "กรมทดสอบ|test.xlsx|หนังสือ|B5|คำเตือน|วันที่นอกปีงบประมาณ");
    BOOST_TEST(rows[6] == "กรมทดสอบ|memo.xml||12:5|คำเตือน|ไม่มีค่า (in test.xlsx)");
    BOOST_TEST(rows[7] == "inputs/broken.xlsx|inputs/broken.xlsx|||ข้อผิดพลาด|อ่านไม่ได้");
    for (const std::string& r : rows) BOOST_TEST(r.find("/srv/") == std::string::npos, r);
    // Both sheets: A4 (9) landscape at 75-76 % (16 pt → 12 pt), header row repeated, filters over what they hold.
    auto [p_first, p_last] = inspected().equal_range("print");
    std::vector<std::string> lines;
    for (auto it = p_first; it != p_last; ++it) lines.push_back(it->second);
    BOOST_TEST_REQUIRE(lines.size() == 2u);
    BOOST_TEST(lines[0] == "ภาพรวม|landscape|9|75|$1:$1|$A:$A|A1:R4|B2");
    BOOST_TEST(lines[1] == "ผลการตรวจสอบ|landscape|9|76|$1:$1|None|A1:F8|A2");
}

BOOST_AUTO_TEST_CASE(libreoffice_recalculates_the_totals) {
    const Table& t = recalculated();
    BOOST_TEST_REQUIRE(t.size() == 5u);
    const auto& total = t[4];
    BOOST_TEST_REQUIRE(total.size() >= 17u);
    BOOST_TEST(total[0] == "รวม / เฉลี่ย");
    BOOST_TEST(total[1] == "๓ หน่วยงาน");
    // Means of the two agencies with scores (the broken one has none).
    const double ita_mean = (sample_year().ita + 85.5) / 2;
    BOOST_TEST(total[4] == compose::format_number(ita_mean, 2));
    BOOST_TEST(total[5] == compose::format_number((96.29 + 80) / 2, 2));
    BOOST_TEST(total[9] == "๑๑");   // done: 10 + 1
    BOOST_TEST(total[10] == "๔");   // in progress: 2 + 2
    BOOST_TEST(total[11] == "๑");   // not started
    BOOST_TEST(total[12] == "๑๖");  // steps
    BOOST_TEST(total[13] == "๖๘.๗๕%");  // 11 / 16
    BOOST_TEST(total[14] == "๔");   // errors: 1 + 2 + 1
    BOOST_TEST(total[15] == "๓");   // warnings: 1 + 2
    BOOST_TEST(total[16] == "๑ สร้างแล้ว");
    // Each row's own formulas, and the broken file's empty share.
    BOOST_TEST(t[1][12] == "๑๒");
    BOOST_TEST(t[1][13] == "๘๓.๓๓%");
    BOOST_TEST(t[2][13] == "๒๕.๐๐%");
    BOOST_TEST(t[3][12] == "๐");
    BOOST_TEST(t[3][13] == "");
    // Numbers shown in Thai digits by their formats.
    BOOST_TEST(t[2][2] == "๒๕๖๕");
    BOOST_TEST(t[2][4] == "๘๕.๕๐");
}

BOOST_AUTO_TEST_CASE(same_rows_give_the_same_bytes) {
    TempDir dir;
    const fs::path first = write_overview(dir.path(), "first.xlsx");
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const fs::path second = write_overview(dir.path(), "second.xlsx");
    const std::string a = read_file(first);
    BOOST_TEST(a.size() > 5000u);
    BOOST_TEST((a == read_file(second)));
    // The creation time is the latest memo date (the sample's 2021-09-17 against 2022-03-31).
    std::string core;
    rewrite_parts(first, [&](const std::string& name, std::string xml) {
        if (name == "docProps/core.xml") core = xml;
        return xml;
    });
    BOOST_TEST(core.find("2022-03-31T00:00:00Z") != std::string::npos, core);
}

BOOST_AUTO_TEST_CASE(no_agencies_and_unwritable_path) {
    TempDir dir;
    const fs::path empty = dir / "empty.xlsx";
    BOOST_TEST_REQUIRE(render::write_overview_workbook({}, empty.string()).empty());
    const std::vector<std::string> lines = workbook_tool({"overview", empty.string()});
    BOOST_TEST((std::find(lines.begin(), lines.end(), "max_row=3") != lines.end()));
    const fs::path bad = dir / "no-such-folder" / "overview.xlsx";
    const std::string error = render::write_overview_workbook(overview_rows(), bad.string());
    BOOST_TEST(error.starts_with(bad.string() + ": workbook_close: "), error);
    BOOST_TEST(!fs::exists(bad));
}

BOOST_AUTO_TEST_SUITE_END()
