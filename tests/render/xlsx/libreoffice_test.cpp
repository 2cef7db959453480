// LibreOffice recalculates the tracking workbook: the summary's formulas give the counts the model gives, also
// when the cached results are removed (so LibreOffice must compute them) and after a status is changed in the
// มาตรการ sheet (so they are live). Thai digits come from the number formats. One soffice run converts the three
// workbooks, every sheet to CSV as shown on screen.
#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <map>
#include <regex>

#include "compose/thai_format.h"
#include "render/xlsx/tracking_fixture.h"
#include "render/xlsx/workbook_tools.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// Gives cell `to` of the measures sheet (sheet3.xml) the shared string of cell `from`: a status changed as staff
// would change it.
void copy_shared_string(const fs::path& path, const std::string& from, const std::string& to) {
    bool done = false;
    rewrite_parts(path, [&](const std::string& name, std::string xml) {
        if (name != "xl/worksheets/sheet3.xml") return xml;
        // A shared-string cell: <c r="G3" s="5" t="s"><v>index</v></c>.
        auto shared = [](const std::string& cell) {
            return std::regex("<c r=\"" + cell + "\"[^>]*t=\"s\"><v>(\\d+)</v>");
        };
        std::smatch source, target;
        BOOST_TEST_REQUIRE(std::regex_search(xml, source, shared(from)));
        BOOST_TEST_REQUIRE(std::regex_search(xml, target, shared(to)));
        done = true;
        return xml.replace(std::size_t(target.position(1)), std::size_t(target.length(1)), source[1].str());
    });
    BOOST_TEST_REQUIRE(done);
}

// The converted sheets of the three workbooks, made once for the whole suite.
struct Converted {
    TempDir dir;
    int stripped = 0;
    std::string soffice_output;

    Converted() {
        const Result version = run_program("soffice", {"--version"});
        BOOST_TEST_REQUIRE(version.status != 127,
                           "soffice (LibreOffice) is not installed: install the Debian package libreoffice-calc "
                           "(scripts/setup.sh --tests) to run the recalculation tests");
        // With a step and a measure removed since last round: shown struck through, never counted.
        const compose::RoundChanges changes = changes_with_removed_items();
        const fs::path original =
            write_workbook(sample_report(), sample_findings(), dir.path(), "tracking.xlsx", &changes);
        fs::copy_file(original, dir / "stale.xlsx");
        stripped = strip_cached_results(dir / "stale.xlsx");
        fs::copy_file(dir / "stale.xlsx", dir / "edited.xlsx");
        // Step 5.1 (row 15) goes from อยู่ระหว่างดำเนินการ to ดำเนินการแล้ว, the status of step 1.1 (row 4).
        copy_shared_string(dir / "edited.xlsx", "G4", "G15");

        // Its own profile: a LibreOffice already running for the user neither blocks nor serves this run. Sheet -1
        // exports every sheet (LibreOffice 7.4+) to <name>-<sheet>.csv; token 9 true writes values as shown.
        const Result r = run_program(
            "soffice", {"-env:UserInstallation=file://" + (dir / "profile").string(), "--headless", "--convert-to",
                        "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1", "--outdir",
                        (dir / "csv").string(), original.string(), (dir / "stale.xlsx").string(),
                        (dir / "edited.xlsx").string()});
        soffice_output = r.out + r.err;
        BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << soffice_output);
    }

    Table sheet(const std::string& workbook, const std::string& sheet) const {
        const fs::path csv = dir / "csv" / (workbook + "-" + sheet + ".csv");
        BOOST_TEST_REQUIRE(fs::exists(csv), "LibreOffice wrote no " << csv << ": " << soffice_output);
        return read_csv(csv);
    }
};

const Converted& converted() {
    static const Converted c;
    return c;
}

// The rows whose first cell is label, in order.
std::vector<std::vector<std::string>> rows_labelled(const Table& table, const std::string& label) {
    std::vector<std::vector<std::string>> rows;
    for (const auto& row : table)
        if (!row.empty() && row[0] == label) rows.push_back(row);
    return rows;
}

// A number as LibreOffice showed it (Thai digits, maybe a % sign) read back: "๑๐" → 10.
double shown_number(const std::string& shown) {
    std::string ascii = compose::ascii_digits(shown);
    if (!ascii.empty() && ascii.back() == '%') ascii.pop_back();
    BOOST_TEST_REQUIRE(!ascii.empty());
    BOOST_TEST_REQUIRE(ascii.find_first_not_of("0123456789.-") == std::string::npos, "not a number: " << shown);
    return std::stod(ascii);
}

const char* const statuses[3] = {"ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"};

// The steps table (first rows labelled by status) and the measures-by-status table (second ones).
void check_status_counts(const Table& summary, std::array<int, 3> steps, std::array<int, 3> measures) {
    for (int i = 0; i < 3; ++i) {
        const auto rows = rows_labelled(summary, statuses[i]);
        BOOST_TEST_REQUIRE(rows.size() == 2u, "rows labelled " << statuses[i]);
        BOOST_TEST(shown_number(rows[0].at(1)) == steps[i], "steps " << statuses[i]);
        BOOST_TEST(shown_number(rows[1].at(1)) == measures[i], "measures " << statuses[i]);
    }
    const auto totals = rows_labelled(summary, "รวม");
    BOOST_TEST_REQUIRE(totals.size() == 2u);
    BOOST_TEST(shown_number(totals[0].at(1)) == steps[0] + steps[1] + steps[2]);
    BOOST_TEST(shown_number(totals[1].at(1)) == measures[0] + measures[1] + measures[2]);
}

// The per-measure row of measure no: steps, done, in progress, not started, and its status word.
std::vector<std::string> measure_row(const Table& summary, const std::string& no) {
    const auto rows = rows_labelled(summary, no);
    BOOST_TEST_REQUIRE(rows.size() == 1u, "summary rows for measure " << no);
    return rows[0];
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_libreoffice)

BOOST_AUTO_TEST_CASE(summary_counts_equal_the_model) {
    const model::Report& sample = sample_report();
    const std::array<int, 3> steps = steps_by_status(sample);
    BOOST_TEST((steps == std::array<int, 3>{10, 2, 0}));
    std::array<int, 3> measures{};
    for (const model::Measure& m : sample.measures) {
        model::Status s = model::measure_status(m);
        ++measures[s == model::Status::done ? 0 : s == model::Status::in_progress ? 1 : 2];
    }
    BOOST_TEST((measures == std::array<int, 3>{5, 1, 0}));

    BOOST_TEST(converted().stripped >= 30, "cached results removed: " << converted().stripped);
    for (const std::string workbook : {"tracking", "stale"}) {
        BOOST_TEST_CONTEXT(workbook << ".xlsx") {
            const Table summary = converted().sheet(workbook, "สรุป");
            check_status_counts(summary, steps, measures);
            const auto share = rows_labelled(summary, "ร้อยละที่ดำเนินการแล้ว");
            BOOST_TEST_REQUIRE(share.size() == 1u);
            BOOST_TEST(share[0].at(1) == "๘๓.๓๓%");  // 10 of 12, a percent format with Thai digits
            for (const model::Measure& m : sample.measures) {
                const auto row = measure_row(summary, std::to_string(m.number));
                model::Report one;
                one.measures = {m};
                const std::array<int, 3> counts = steps_by_status(one);
                BOOST_TEST(shown_number(row.at(2)) == m.steps.size());
                for (int i = 0; i < 3; ++i) BOOST_TEST(shown_number(row.at(3 + i)) == counts[i]);
                const model::Status s = model::measure_status(m);
                const int index = s == model::Status::done ? 0 : s == model::Status::in_progress ? 1 : 2;
                BOOST_TEST(row.at(6) == statuses[index]);
            }
        }
    }
}

BOOST_AUTO_TEST_CASE(summary_follows_a_changed_status) {
    // Step 5.1 done: 11 done, 1 in progress; measure 5 still in progress (5.2 is not done).
    const Table summary = converted().sheet("edited", "สรุป");
    check_status_counts(summary, {11, 1, 0}, {5, 1, 0});
    const auto row = measure_row(summary, "5");
    BOOST_TEST(row.at(2) == "๓");
    BOOST_TEST(row.at(3) == "๒");
    BOOST_TEST(row.at(4) == "๑");
    BOOST_TEST(row.at(6) == "อยู่ระหว่างดำเนินการ");
    const Table measures = converted().sheet("edited", "มาตรการ");
    BOOST_TEST(rows_labelled(measures, "5.1").at(0).at(6) == "ดำเนินการแล้ว");
}

BOOST_AUTO_TEST_CASE(thai_digits_come_from_number_formats) {
    const Table memo = converted().sheet("tracking", "หนังสือ");
    BOOST_TEST(rows_labelled(memo, "วันที่").at(0).at(1) == "๑๗ กันยายน ๒๕๖๔");
    BOOST_TEST(rows_labelled(memo, "ปีงบประมาณ").at(0).at(1) == "๒๕๖๔");
    // The summary's year and round: numbers in cells of their own, apart from the labels.
    const auto round = rows_labelled(converted().sheet("tracking", "สรุป"), "ปีงบประมาณ พ.ศ.");
    BOOST_TEST_REQUIRE(round.size() == 1u);
    BOOST_TEST(round[0].at(1) == "๒๕๖๔");
    BOOST_TEST(round[0].at(2) == "รอบรายงาน");
    BOOST_TEST(round[0].at(3) == "๑๒ เดือน");
    const Table scores = converted().sheet("tracking", "คะแนน");
    const auto fy2564 = rows_labelled(scores, "๒๕๖๔");
    BOOST_TEST_REQUIRE(fy2564.size() == 1u);
    BOOST_TEST(fy2564[0].at(1) == "๙๖.๒๙");
    BOOST_TEST(fy2564[0].at(3) == "๑๐๐.๐๐");
    BOOST_TEST(fy2564[0].at(5) == "AA");
    BOOST_TEST(fy2564[0].at(8) == "๕๓๘");
}

BOOST_AUTO_TEST_CASE(removed_items_are_shown_and_not_counted) {
    // summary_counts_equal_the_model already finds the model's counts with them on the sheet; here they are.
    const Table measures = converted().sheet("tracking", "มาตรการ");
    for (const char* no : {"ตัดออก", "ตัดออก 4.3", "ตัดออก 7", "ตัดออก 7.1"})
        BOOST_TEST(rows_labelled(measures, no).size() == 1u, no);
    const auto step = rows_labelled(measures, "ตัดออก 4.3").at(0);
    BOOST_TEST(step.at(1) == "ขั้นตอนที่ตัดออกแล้ว");
    BOOST_TEST(step.at(6) == "");  // no status: no dropdown, no colour, no count
    BOOST_TEST(step.at(7) == "รอการอนุมัติ");
    BOOST_TEST(step.at(9) == "ไม่มีในรอบนี้ (รอบก่อน: อยู่ระหว่างดำเนินการ)");
    BOOST_TEST(rows_labelled(measures, "4").at(0).at(9) == "ขั้นตอนที่ไม่มีในรอบนี้: 4.3");
}

BOOST_AUTO_TEST_SUITE_END()
