// openpyxl (a reader other than ours and LibreOffice) finds what staff rely on in the tracking workbook: the
// status dropdown on exactly the step rows, the status colours, the frozen header, the autofilter, the print
// set-up, the fonts and number formats, the live formulas, the trend chart and the hidden metadata.
// inspect_workbook.py prints what it finds as key=value lines; this file asserts them.
#include <boost/test/unit_test.hpp>

#include <map>
#include <sstream>

#include "render/xlsx/tracking_fixture.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// Debian's python3-openpyxl installs for /usr/bin/python3, whatever python3 comes first on PATH.
const std::string python = "/usr/bin/python3";
const std::string script = SARABAN_SOURCE_DIR "/tests/render/xlsx/inspect_workbook.py";

using Found = std::multimap<std::string, std::string>;

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::stringstream in(s);
    for (std::string part; std::getline(in, part, sep);) parts.push_back(part);
    if (!s.empty() && s.back() == sep) parts.emplace_back();
    return parts;
}

// Runs the script on the sample's workbook once for the suite.
const Found& found() {
    static const Found lines = [] {
        TempDir dir;
        const fs::path path = write_workbook(sample_report(), sample_findings(), dir.path());
        const Result r = run_program(python, {script, path.string()});
        BOOST_TEST_REQUIRE(r.status != 127, python << " is missing: install the Debian packages python3 and "
                                                      "python3-openpyxl (scripts/setup.sh --tests)");
        BOOST_TEST_REQUIRE(r.status != 3, r.err);
        BOOST_TEST_REQUIRE(r.status == 0, "inspect_workbook.py failed: " << r.err);
        Found out;
        std::stringstream in(r.out);
        for (std::string line; std::getline(in, line);) {
            auto eq = line.find('=');
            if (eq != std::string::npos) out.emplace(line.substr(0, eq), line.substr(eq + 1));
        }
        return out;
    }();
    return lines;
}

std::vector<std::string> all(const std::string& key) {
    std::vector<std::string> values;
    auto [first, last] = found().equal_range(key);
    for (auto it = first; it != last; ++it) values.push_back(it->second);
    return values;
}

std::string one(const std::string& key) {
    const auto values = all(key);
    BOOST_TEST_REQUIRE(values.size() == 1u, "expected one " << key << ", found " << values.size());
    return values[0];
}

// The rows (1-based) of the measures sheet that hold steps, from the model: header rows 1 (keys, hidden) and 2,
// then each measure followed by its steps.
std::vector<std::string> step_cells(const model::Report& report, const std::string& column) {
    std::vector<std::string> cells;
    int row = 3;
    for (const model::Measure& m : report.measures) {
        ++row;
        for (std::size_t i = 0; i < m.steps.size(); ++i) cells.push_back(column + std::to_string(row++));
    }
    return cells;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_openpyxl)

BOOST_AUTO_TEST_CASE(sheets_in_order_metadata_hidden) {
    BOOST_TEST(one("sheets") == "หนังสือ|คะแนน|มาตรการ|ตัวแปร|สรุป|ผลการตรวจสอบ|_saraban");
    BOOST_TEST(one("hidden") == "_saraban");
    BOOST_TEST(one("active") == "มาตรการ");
    const std::vector<std::string> meta = all("meta");
    const std::vector<std::string> want = {"format_version|2", "generator|saraban",
                                           "agency|สำนักงานบริหารหนี้สาธารณะ", "agency_abbr|สบน.",
                                           "fiscal_year|2564", "round|12", "source|sample.xlsx"};
    BOOST_TEST(meta == want, boost::test_tools::per_element());
    BOOST_TEST(one("meta_protected") == "True");
}

BOOST_AUTO_TEST_CASE(status_dropdown_on_step_rows_only) {
    std::vector<std::string> covered;
    for (const std::string& v : all("validation")) {
        const auto parts = split(v, '|');
        BOOST_TEST_REQUIRE(parts.size() == 5u, v);
        BOOST_TEST(parts[0] == "list");
        BOOST_TEST(parts[1] == "\"ดำเนินการแล้ว,อยู่ระหว่างดำเนินการ,ยังไม่ได้ดำเนินการ\"");
        BOOST_TEST(parts[2] != "True", "showDropDown=1 would hide the arrow");
        for (const std::string& cell : split(parts[4], ' ')) covered.push_back(cell);
    }
    const std::vector<std::string> want = step_cells(sample_report(), "G");
    BOOST_TEST(want.size() == 12u);
    BOOST_TEST(covered == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(status_colours_keyed_on_text) {
    const std::vector<std::string> want = {
        "G3:G220|cellIs|equal|\"ดำเนินการแล้ว\"|FFC6EFCE",
        "G3:G220|cellIs|equal|\"อยู่ระหว่างดำเนินการ\"|FFFFEB9C",
        "G3:G220|cellIs|equal|\"ยังไม่ได้ดำเนินการ\"|FFFFC7CE",
    };
    BOOST_TEST(all("conditional") == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(frozen_header_autofilter_print_setup) {
    BOOST_TEST(one("freeze") == "A3");
    BOOST_TEST(one("autofilter") == "A2:J20");  // ลำดับ … เปลี่ยนแปลงจากรอบก่อน, Thai header and 18 rows
    BOOST_TEST(one("orientation") == "landscape");
    BOOST_TEST(one("paper") == "9");  // A4
    BOOST_TEST(one("print_titles") == "$1:$2");  // the hidden key row prints nothing
    BOOST_TEST(std::stod(one("width_G")) >= 12.0, "the status column fits อยู่ระหว่าง / ดำเนินการ");
    BOOST_TEST(std::stod(one("width_A")) < 12.0);
}

BOOST_AUTO_TEST_CASE(measure_rows_bold_in_the_body_font) {
    const auto rows = all("row");
    BOOST_TEST_REQUIRE(rows.size() == 18u);
    for (const std::string& r : rows) {
        const auto parts = split(r, '|');
        BOOST_TEST_REQUIRE(parts.size() == 6u, r);
        const bool measure = parts[0].find('.') == std::string::npos;
        BOOST_TEST(parts[1] == "s", "ลำดับ is text: " << r);
        BOOST_TEST(parts[2] == (measure ? "True" : "False"), r);
        BOOST_TEST(parts[3] == "TH Sarabun New", r);
        BOOST_TEST(parts[4] == "16.0", r);
        BOOST_TEST(parts[5] == "True", "wrapped: " << r);
    }
}

BOOST_AUTO_TEST_CASE(dates_and_scores_are_numbers_with_thai_formats) {
    const std::vector<std::string> memo = all("memo");
    const std::vector<std::string> want = {
        "วันที่|datetime|[$-D07041E]d mmmm yyyy|TH Sarabun New|16.0",
        "ปีงบประมาณ|int|[$-D00041E]0|TH Sarabun New|16.0",
    };
    BOOST_TEST(memo == want, boost::test_tools::per_element());
    BOOST_TEST(one("score") == "float|[$-D00041E]0.00|TH Sarabun New");
}

BOOST_AUTO_TEST_CASE(summary_formulas_are_live) {
    std::map<std::string, std::string> formulas;
    for (const std::string& f : all("formula")) {
        const auto parts = split(f, '|');
        BOOST_TEST_REQUIRE(parts.size() == 3u, f);
        formulas[parts[0]] = parts[1] + "|" + parts[2];
    }
    BOOST_TEST(formulas.size() == 9u + 6u * 5u);  // 4 status counts + total + share + 4 measure counts; 6 measures
    BOOST_TEST(formulas["B5"] == "=COUNTIFS('มาตรการ'!$A:$A,\"*.*\",'มาตรการ'!$G:$G,$A5)|[$-D00041E]0");
    BOOST_TEST(formulas["B9"] == "=IF(B8=0,0,B5/B8)|[$-D00041E]0.00%");
    BOOST_TEST(formulas["E22"] == "=COUNTIFS('มาตรการ'!$A:$A,$A22&\".*\",'มาตรการ'!$G:$G,E$17)|[$-D00041E]0");
}

BOOST_AUTO_TEST_CASE(trend_chart_of_the_scores) {
    const std::string want = std::string("lineChart|4|") +
                             "'คะแนน'!$E$2>'คะแนน'!$A$3:$A$9>'คะแนน'!$E$3:$E$9;"
                             "'คะแนน'!$B$2>'คะแนน'!$A$3:$A$9>'คะแนน'!$B$3:$B$9;"
                             "'คะแนน'!$C$2>'คะแนน'!$A$3:$A$9>'คะแนน'!$C$3:$C$9;"
                             "'คะแนน'!$D$2>'คะแนน'!$A$3:$A$9>'คะแนน'!$D$3:$D$9";
    BOOST_TEST(sample_report().scores.size() == 7u);
    BOOST_TEST(one("chart") == want);
    // Thai digits on both axes from their own number formats (a chart's axis takes none from its cells); the
    // years are Buddhist era in the cells already. Titles in Thai.
    const std::vector<std::string> axes = {"x|[$-D00041E]0|False|ปีงบประมาณ (พ.ศ.)",
                                           "y|[$-D00041E]0|False|คะแนน (ร้อยละ)"};
    BOOST_TEST(all("chart_axis") == axes, boost::test_tools::per_element());
    BOOST_TEST(one("chart_title") == "ผลคะแนน ITA รายปีงบประมาณ");
}

BOOST_AUTO_TEST_CASE(findings_one_row_each) {
    const std::vector<std::string> want = {
        "คำเตือน|inputs/sample.xlsx: sheet คะแนน, cell E3|คะแนนรวมไม่ตรงกับผลรวมถ่วงน้ำหนัก",
        "ข้อผิดพลาด|inputs/sample.xlsx: sheet มาตรการ, cell G14|ขั้นตอน 5.1 ไม่มีสถานะ",
    };
    BOOST_TEST(all("finding") == want, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(headers_thai_only_over_hidden_english_keys) {
    BOOST_TEST(one("key_row") == "no|item|target_group|indicator|owner|monitoring|status|progress|due|change");
    BOOST_TEST(one("key_row_hidden") == "True");
    BOOST_TEST(one("header_row") == "ลำดับ|มาตรการ/ขั้นตอน|กลุ่มเป้าหมาย|ตัวชี้วัด|ผู้รับผิดชอบ|การกำกับติดตาม|สถานะ|"
                                    "ความคืบหน้า|กำหนดแล้วเสร็จ|เปลี่ยนแปลงจากรอบก่อน");
    BOOST_TEST(one("score_keys") == "fiscal_year|iit|eit|oit|ita|level|iit_respondents|eit_respondents|eit_population");
    BOOST_TEST(one("score_keys_hidden") == "True");
    BOOST_TEST(one("score_headers") == "ปีงบประมาณ|IIT|EIT|OIT|ITA|ระดับ|ผู้ตอบ IIT|ผู้ตอบ EIT|ผู้มีส่วนได้ส่วนเสียภายนอก");
    // หนังสือ: Thai keys, their English names in a hidden column C.
    BOOST_TEST(one("memo_english_hidden") == "True");
    BOOST_TEST(one("memo_english") == "agency|agency_abbr|division|sender|sender_abbr|phone|ref|date|subject|to|via|"
                                      "signer|signer_title|fiscal_year|round|template");
    BOOST_TEST(one("memo_thai") == "หน่วยงาน|ชื่อย่อ|ส่วนราชการ|หน่วยงานผู้เสนอ|ชื่อย่อผู้เสนอ|โทร|ที่|วันที่|เรื่อง|เรียน|"
                                   "ผ่าน|ผู้ลงนาม|ตำแหน่ง|ปีงบประมาณ|รอบรายงาน|แม่แบบ");
    // No visible cell of any visible sheet says "[status]" or the like.
    for (const std::string& cell : all("bracket")) BOOST_TEST(cell.empty(), "an English key shown: " << cell);
}

BOOST_AUTO_TEST_CASE(every_sheet_prints_a4_landscape_at_a_readable_scale) {
    const auto sheets = all("print");
    BOOST_TEST(sheets.size() == 6u);  // the visible ones
    for (const std::string& p : sheets) {
        const auto parts = split(p, '|');
        BOOST_TEST_REQUIRE(parts.size() == 10u, p);
        BOOST_TEST_CONTEXT(parts[0]) {
            BOOST_TEST(parts[1] == "landscape");
            BOOST_TEST(parts[2] == "9");  // A4
            // A fixed scale (absent: 100), never fit to page, which shrank มาตรการ to about 6 pt.
            const int scale = parts[3] == "None" ? 100 : std::stoi(parts[3]);
            BOOST_TEST(scale >= 75, "16-pt body at " << scale << " % is under 12 pt");
            BOOST_TEST(parts[4] != "True");
            BOOST_TEST(parts[5] == (parts[0] == "ผลการตรวจสอบ" ? "ผลการตรวจสอบข้อมูล"
                                                              : "ติดตามมาตรการ ITA สำนักงานบริหารหนี้สาธารณะ (สบน.)"));
            if (parts[0] != "ผลการตรวจสอบ") BOOST_TEST(parts[6] == "ปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน");
            BOOST_TEST(parts[7] == parts[0]);  // the sheet's name
            BOOST_TEST(parts[8] == "หน้า &P / &N");
            BOOST_TEST(parts[9] == "16");
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
