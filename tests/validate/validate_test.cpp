// Validation rules: each with a case that fails it and one that passes; the ITA tables read from templates/.
#include <boost/test/unit_test.hpp>

#include <string>

#include "support/diagnostics.h"
#include "validate/validate.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;

namespace {

const std::string templates = SARABAN_SOURCE_DIR "/templates";

const validate::Rules& shipped_rules() {
    static const validate::RulesResult loaded = validate::load_rules(templates);
    BOOST_TEST_REQUIRE(bool(loaded), all_messages(loaded.diagnostics));
    return loaded.rules;
}

// A score row as the reader makes it: in row `row` of sheet คะแนน, columns A–F.
model::ScoreRow score_row(int row, int year, double iit, double eit, double oit, double ita, const char* level) {
    model::ScoreRow s;
    s.fiscal_year_be = year;
    s.iit = iit;
    s.eit = eit;
    s.oit = oit;
    s.ita = ita;
    s.level = level;
    s.at = {"x.xlsx", "คะแนน", row, 0};
    const char* keys[] = {"fiscal_year", "iit", "eit", "oit", "ita", "level"};
    for (int col = 1; col <= 6; ++col) s.field_at[keys[col - 1]] = {"x.xlsx", "คะแนน", row, col};
    return s;
}

model::Step step(int measure, int number, int row) {
    model::Step s;
    s.measure_no = measure;
    s.step_no = number;
    s.at = {"x.xlsx", "มาตรการ", row, 0};
    s.field_at["no"] = {"x.xlsx", "มาตรการ", row, 1};
    return s;
}

model::Measure measure(int number, int row, int steps) {
    model::Measure m;
    m.number = number;
    m.at = {"x.xlsx", "มาตรการ", row, 0};
    m.field_at["no"] = {"x.xlsx", "มาตรการ", row, 1};
    for (int i = 1; i <= steps; ++i) m.steps.push_back(step(number, i, row + i));
    return m;
}

model::Report good_report() {
    model::Report r;
    r.source = "x.xlsx";
    model::MemoHeader& memo = r.memo;
    memo.agency = "สำนักงานบริหารหนี้สาธารณะ";
    memo.agency_abbr = "สบน.";
    memo.division = "สำนักงานเลขาธิการกรม ส่วนอำนวยการ";
    memo.ref = "กค ๐๙๐๑/สลก./๙๔๒";
    memo.date = {2021, 9, 17};
    memo.subject = "รายงานผล";
    memo.to = "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ";
    memo.signer = "นางสาวสิริภา สัตยานนท์";
    memo.signer_title = "เลขานุการกรม";
    memo.fiscal_year_be = 2564;
    memo.round_months = 12;
    memo.at["date"] = {"x.xlsx", "หนังสือ", 2, 2};
    memo.at["fiscal_year"] = {"x.xlsx", "หนังสือ", 3, 2};
    memo.at["round"] = {"x.xlsx", "หนังสือ", 4, 2};
    memo.at["signer"] = {"x.xlsx", "หนังสือ", 5, 2};
    r.scores.push_back(score_row(8, 2564, 96.29, 95.2, 100, 97.45, "AA"));
    r.measures.push_back(measure(1, 2, 2));
    r.measures.push_back(measure(2, 5, 1));
    return r;
}

// The seed's score table (shared/seeds/000_d631fcd529c849e4.txt), rows 2–8 as in inputs/sample.xlsx.
std::vector<model::ScoreRow> seed_scores() {
    return {
        score_row(2, 2558, 67.75, 82.58, 79.07, 80.56, "สูงมาก"), score_row(3, 2559, 71.81, 88.95, 83.72, 85.10, "สูงมาก"),
        score_row(4, 2560, 77.34, 87.72, 86.36, 84.11, "สูงมาก"), score_row(5, 2561, 79.35, 88.85, 86.36, 86.95, "สูงมาก"),
        score_row(6, 2562, 81.42, 80.38, 98.75, 88.04, "A"),      score_row(7, 2563, 86.85, 79.21, 62.29, 74.73, "C"),
        score_row(8, 2564, 96.29, 95.20, 100.00, 97.45, "AA"),
    };
}

std::vector<model::Diagnostic> check(const model::Report& r) { return validate::validate(r, shipped_rules()); }

// The report with its score row changed by `edit`, checked: its findings as lines.
template <typename Edit>
std::string findings_after(Edit edit) {
    model::Report r = good_report();
    edit(r);
    return all_messages(check(r));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_rules)

BOOST_AUTO_TEST_CASE(a_sound_report_has_no_findings) {
    BOOST_TEST(check(good_report()).empty(), all_messages(check(good_report())));
    BOOST_TEST(validate::validate(good_report()).empty());
}

BOOST_AUTO_TEST_CASE(the_seeds_score_rows_pass_the_shipped_tables) {
    model::Report r = good_report();
    r.scores = seed_scores();
    BOOST_TEST(check(r).empty(), all_messages(check(r)));
}

BOOST_AUTO_TEST_CASE(score_outside_0_to_100_is_an_error_at_its_cell) {
    BOOST_TEST(findings_after([](model::Report& r) { r.scores[0].oit = 100.5; }) ==
               "x.xlsx: sheet คะแนน, cell D8: error: คะแนน OIT ปี 2564 เป็น 100.5 ต้องอยู่ระหว่าง 0 ถึง 100 (OIT score "
               "100.5 of FY 2564 is outside 0–100)\n");
    // Without the reader's cells, the row is named.
    model::Report r = good_report();
    r.scores[0].field_at.clear();
    r.scores[0].iit = -1;
    BOOST_TEST(all_messages(check(r)).starts_with("x.xlsx: sheet คะแนน, row 8: error: คะแนน IIT"));
}

BOOST_AUTO_TEST_CASE(more_than_two_decimals_is_a_warning_at_its_cell) {
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores[0].iit = 96.291;
                   r.scores[0].ita = 97.4483;  // still the weighted total within 0.01
               }) ==
               "x.xlsx: sheet คะแนน, cell B8: warning: คะแนน IIT 96.291 มีทศนิยมเกิน 2 ตำแหน่ง หนังสือจะแสดง 96.29 (IIT "
               "score 96.291 has more than 2 decimals; the memo shows 96.29)\n"
               "x.xlsx: sheet คะแนน, cell E8: warning: คะแนน ITA 97.4483 มีทศนิยมเกิน 2 ตำแหน่ง หนังสือจะแสดง 97.45 (ITA "
               "score 97.4483 has more than 2 decimals; the memo shows 97.45)\n");
}

BOOST_AUTO_TEST_CASE(level_must_match_the_years_band) {
    BOOST_TEST(findings_after([](model::Report& r) { r.scores = {score_row(6, 2562, 81.42, 80.38, 98.75, 88.04, "B")}; }) ==
               "x.xlsx: sheet คะแนน, cell F6: error: ระดับ \"B\" ไม่ตรงกับคะแนน ITA 88.04 ของปีงบประมาณ 2562 ควรเป็น \"A\" "
               "(85–94.99) (level \"B\" does not match ITA 88.04 for FY 2562: expected \"A\", the band 85–94.99)\n"
               "x.xlsx: sheet หนังสือ, cell B3: error: ไม่มีคะแนนของปีงบประมาณ 2564 ในชีต คะแนน (no score row for the "
               "memo's fiscal year 2564)\n");
    // Before 2562 the levels are words: 80.56 is สูงมาก (80–100), not สูง.
    std::string old = findings_after([](model::Report& r) {
        r.scores.push_back(score_row(2, 2558, 67.75, 82.58, 79.07, 80.56, "สูง"));
    });
    BOOST_TEST(old.find("cell F2: error: ระดับ \"สูง\"") != std::string::npos, old);
    BOOST_TEST(old.find("expected \"สูงมาก\", the band 80–100") != std::string::npos, old);
    // Latin levels compare case-insensitively; band edges belong to their band.
    BOOST_TEST(findings_after([](model::Report& r) { r.scores[0].level = "aa"; }) == "");
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores.push_back(score_row(9, 2565, 95, 95, 95, 95, "AA"));
                   r.scores.push_back(score_row(10, 2565, 94.99, 94.99, 94.99, 94.99, "A"));
               }) == "");
}

BOOST_AUTO_TEST_CASE(total_must_be_the_weighted_sum_where_weights_are_known) {
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores.push_back(score_row(7, 2563, 86.85, 79.21, 62.29, 74.75, "C"));
               }) ==
               "x.xlsx: sheet คะแนน, cell E7: error: คะแนน ITA 74.75 ไม่เท่ากับผลรวมถ่วงน้ำหนักของปีงบประมาณ 2563 "
               "0.3×86.85 + 0.3×79.21 + 0.4×62.29 = 74.73 (ITA 74.75 is not the weighted total of FY 2563: expected "
               "0.3×86.85 + 0.3×79.21 + 0.4×62.29 = 74.73, ±0.01)\n");
    // 74.734 exactly: 74.73 and 74.74 are both within 0.01.
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores.push_back(score_row(7, 2563, 86.85, 79.21, 62.29, 74.74, "C"));
               }) == "");
    // Before 2562 the total is no weighted sum: not checked.
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores.push_back(score_row(5, 2561, 79.35, 88.85, 86.36, 86.95, "สูงมาก"));
               }) == "");
}

BOOST_AUTO_TEST_CASE(years_beyond_the_weights_table_are_not_checked_for_the_total) {
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.scores.push_back(score_row(9, 2565, 90, 90, 90, 91, "A"));
               }) == "");
}

BOOST_AUTO_TEST_CASE(fiscal_years_must_be_buddhist_era) {
    BOOST_TEST(findings_after([](model::Report& r) { r.scores[0].fiscal_year_be = 2021; }).starts_with(
        "x.xlsx: sheet คะแนน, cell A8: error: ปีงบประมาณ 2021 ต้องเป็น พ.ศ. (fiscal year 2021 must be a Buddhist-era "
        "year, e.g. 2564 for 2021)\n"));
}

BOOST_AUTO_TEST_CASE(step_numbers_must_be_continuous) {
    BOOST_TEST(findings_after([](model::Report& r) {
                   r.measures[0].steps.push_back(step(1, 4, 5));  // 1.1, 1.2, 1.4
               }) ==
               "x.xlsx: sheet มาตรการ, cell A5: error: ขั้นตอน 1.4 ไม่ต่อเนื่อง ควรเป็น 1.3 (step 1.4 is out of sequence: "
               "expected 1.3; a step missing or misnumbered?)\n");
    BOOST_TEST(findings_after([](model::Report& r) { r.measures[1].number = 3; }) ==
               "x.xlsx: sheet มาตรการ, cell A5: error: มาตรการที่ 3 ไม่ต่อเนื่อง ควรเป็นมาตรการที่ 2 (measure 3 is out of "
               "sequence: expected 2; a measure missing or misnumbered?)\n");
    BOOST_TEST(findings_after([](model::Report& r) { r.measures[1].steps[0].step_no = 2; }).find(
                   "step 2.2 is out of sequence: expected 2.1") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(measure_without_steps_is_a_warning) {
    BOOST_TEST(findings_after([](model::Report& r) { r.measures[1].steps.clear(); }) ==
               "x.xlsx: sheet มาตรการ, row 5: warning: มาตรการที่ 2 ไม่มีขั้นตอน (measure 2 has no steps)\n");
}

BOOST_AUTO_TEST_CASE(required_memo_fields) {
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.signer.clear(); }) ==
               "x.xlsx: sheet หนังสือ, cell B5: error: ไม่มีค่า ผู้ลงนาม [signer] ในชีต หนังสือ (the memo's signer is "
               "required: sheet หนังสือ [memo])\n");
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.agency.clear(); }) ==
               "x.xlsx: error: ไม่มีค่า หน่วยงาน [agency] ในชีต หนังสือ (the memo's agency is required: sheet หนังสือ "
               "[memo])\n");  // no cell recorded: the file
}

BOOST_AUTO_TEST_CASE(memo_date_must_be_real_and_near_the_fiscal_year) {
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.date = {2021, 2, 29}; }) ==
               "x.xlsx: sheet หนังสือ, cell B2: error: วันที่ของหนังสือไม่ถูกต้อง (the memo's date 2021-2-29 is not a real "
               "date)\n");
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.date = {2012, 9, 17}; }) ==
               "x.xlsx: sheet หนังสือ, cell B2: warning: วันที่ของหนังสืออยู่ในปีงบประมาณ 2555 ห่างจากปีงบประมาณที่รายงาน "
               "2564 (the memo is dated in FY 2555, not during or just after the reported FY 2564: a typing slip in "
               "the date or the year?)\n");
    // October 2021 is FY 2565: just after FY 2564, fine; so is the start of FY 2564 (October 2020).
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.date = {2021, 10, 5}; }) == "");
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.date = {2020, 10, 1}; }) == "");
    BOOST_TEST(findings_after([](model::Report& r) { r.memo.date = {2020, 9, 30}; }) != "");
}

BOOST_AUTO_TEST_CASE(fiscal_year_without_scores_is_an_error_in_the_12_month_round_only) {
    auto r = good_report();
    r.memo.fiscal_year_be = 2565;
    BOOST_TEST(model::has_error(check(r)));
    // Six months in, the year has not been assessed yet.
    r.memo.round_months = 6;
    BOOST_TEST(all_messages(check(r)).find("no score row") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(round_must_be_6_or_12) {
    auto r = good_report();
    r.memo.round_months = 9;
    BOOST_TEST(all_messages(check(r)) ==
               "x.xlsx: sheet หนังสือ, cell B4: error: รอบรายงานต้องเป็น 6 หรือ 12 เดือน (round must be 6 or 12, got 9)\n");
    r.memo.round_months = 6;
    BOOST_TEST(!model::has_error(check(r)));
}

BOOST_AUTO_TEST_CASE(without_tables_levels_and_totals_are_not_checked) {
    auto r = good_report();
    r.scores[0].level = "B";
    r.scores[0].ita = 50;
    BOOST_TEST(validate::validate(r).empty());
    BOOST_TEST(check(r).size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()

// ---------------------------------------------------------------------------------------------------------------

BOOST_AUTO_TEST_SUITE(validate_tables)

namespace {

const std::string levels_header = "from_fiscal_year,to_fiscal_year,level,min,max\n";
const std::string weights_ok = "from_fiscal_year,to_fiscal_year,iit,eit,oit\n2562,2564,0.3,0.3,0.4\n";

std::string table_findings(const std::string& levels, const std::string& weights = weights_ok) {
    return all_messages(validate::parse_rules(levels, "t/ita-levels.csv", weights, "t/ita-weights.csv").diagnostics);
}

}  // namespace

BOOST_AUTO_TEST_CASE(shipped_tables_read_as_input_workbook_md_says) {
    const validate::Rules& rules = shipped_rules();
    BOOST_TEST(rules.levels.size() == 12u);
    auto bands_2564 = validate::bands_for(rules, 2564);
    BOOST_TEST_REQUIRE(bands_2564.size() == 7u);
    BOOST_TEST(bands_2564[0]->level == "AA");
    BOOST_TEST(bands_2564[0]->min == 95);
    BOOST_TEST(validate::bands_for(rules, 2561).size() == 5u);
    BOOST_TEST(validate::bands_for(rules, 2570).size() == 7u);  // open-ended
    BOOST_TEST_REQUIRE(validate::weights_for(rules, 2563) != nullptr);
    BOOST_TEST(validate::weights_for(rules, 2563)->oit == 0.4);
    BOOST_TEST(validate::weights_for(rules, 2561) == nullptr);
    BOOST_TEST(validate::weights_for(rules, 2565) == nullptr);
}

BOOST_AUTO_TEST_CASE(comments_bom_and_column_order_are_accepted) {
    std::string levels = "\xEF\xBB\xBF# comment\n\nlevel,min,max,from_fiscal_year,to_fiscal_year\r\nX,0,100,2562,\r\n";
    auto result = validate::parse_rules(levels, "l.csv", weights_ok, "w.csv");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST_REQUIRE(result.rules.levels.size() == 1u);
    BOOST_TEST(result.rules.levels[0].level == "X");
    BOOST_TEST(result.rules.levels[0].years.from == 2562);
    BOOST_TEST(result.rules.levels[0].years.to == 0);
    BOOST_TEST(result.rules.levels[0].at.row == 4);
}

BOOST_AUTO_TEST_CASE(broken_tables_are_errors_at_their_line_and_column) {
    BOOST_TEST(table_findings(levels_header + "2562,,A,50,100\n2562,,B,0,49.98\n") ==
               "t/ita-levels.csv: sheet ita-levels, row 2: error: ระดับ B (ถึง 49.98) กับ A (ตั้งแต่ 50) มีช่องว่าง (levels B and A of 2562– "
               "leave a gap: the next band must start 0.01 above 49.98)\n");
    BOOST_TEST(table_findings(levels_header + "2562,,A,50,100\n2562,,B,0,50\n").find("overlap") != std::string::npos);
    BOOST_TEST(table_findings(levels_header + "2562,,A,50,100\n") ==
               "t/ita-levels.csv: sheet ita-levels, row 2: error: ตารางระดับปี 2562– ไม่ครอบคลุมคะแนน 0 (the bands of 2562– do not start at 0: "
               "the lowest starts at 50)\n");
    BOOST_TEST(table_findings(levels_header + "2562,,A,0,1OO\n") ==
               "t/ita-levels.csv: sheet ita-levels, cell E2: error: ไม่ใช่ตัวเลข: \"1OO\" (max is not a number: \"1OO\")\n");
    BOOST_TEST(table_findings(levels_header + "2021,,A,0,100\n") ==
               "t/ita-levels.csv: sheet ita-levels, cell A2: error: ปีงบประมาณต้องเป็น พ.ศ. เช่น 2562 (from_fiscal_year must be a Buddhist-era "
               "year such as 2562)\n");
    BOOST_TEST(table_findings(levels_header + "2562,,A,0,100\n2560,2563,ก,0,100\n") ==
               "t/ita-levels.csv: sheet ita-levels, row 3: error: ช่วงปี 2560–2563 ซ้อนกับช่วงปี 2562– (the years 2560–2563 overlap the years "
               "2562– of row 2)\n");
    BOOST_TEST(table_findings("from_fiscal_year,level,min,max\n") ==
               "t/ita-levels.csv: sheet ita-levels, row 1: error: ไม่มีคอลัมน์ to_fiscal_year (missing column to_fiscal_year; expected "
               "from_fiscal_year,to_fiscal_year,level,min,max)\n");
    BOOST_TEST(table_findings(levels_header + "2562,,A,0,100\n",
                              "from_fiscal_year,to_fiscal_year,iit,eit,oit\n2562,2564,0.3,0.3,0.3\n") ==
               "t/ita-weights.csv: sheet ita-weights, row 2: error: น้ำหนักรวมกันไม่เท่ากับ 1 (the weights add up to 0.9, not 1)\n");
    BOOST_TEST(table_findings(levels_header + "2562,,A\xFF,0,100\n").find("not UTF-8") != std::string::npos);
    BOOST_TEST(table_findings(levels_header + "2562,,A,0,100,7\n") ==
               "t/ita-levels.csv: sheet ita-levels, cell F2: error: มีข้อมูลเกินคอลัมน์ของหัวตาราง (5 ช่อง) (a field "
               "beyond the header's 5 columns)\n");
}

// The tables are read as an agency's CSV files are: quoted fields, and TIS-620 as Excel saves "CSV" on a Thai
// Windows.
BOOST_AUTO_TEST_CASE(quoted_and_tis620_tables_are_read) {
    std::string levels = "# levels\nfrom_fiscal_year,to_fiscal_year,level,min,max\n2562,,\"\xCA\xD9\xA7\",0,100\n";
    auto result = validate::parse_rules(levels, "l.csv", weights_ok, "w.csv");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST_REQUIRE(result.rules.levels.size() == 1u);
    BOOST_TEST(result.rules.levels[0].level == "สูง");
    BOOST_TEST(result.rules.levels[0].at.row == 3);
}

BOOST_AUTO_TEST_CASE(missing_tables_are_errors_naming_them) {
    auto result = validate::load_rules("/nonexistent");
    BOOST_TEST(all_messages(result.diagnostics) ==
               "/nonexistent/ita-levels.csv: error: ไม่พบตาราง ITA (cannot open the ITA table: the scores cannot be "
               "checked)\n/nonexistent/ita-weights.csv: error: ไม่พบตาราง ITA (cannot open the ITA table: the scores "
               "cannot be checked)\n");
}

BOOST_AUTO_TEST_SUITE_END()
