// The round trip with the previous round: the tracking workbook written for inputs/sample.xlsx, edited as staff
// edit it (a status changed, a note added) and saved by LibreOffice, is valid input again, and compare_rounds finds
// exactly those edits; the next round's workbook says them in its column เปลี่ยนแปลงจากรอบก่อน.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "compose/round_changes.h"
#include "render/xlsx/tracking_fixture.h"
#include "render/xlsx/workbook_tools.h"

using namespace saraban;
using namespace saraban::testing;
using model::Status;

namespace {

const std::string note_added = "เผยแพร่ประกาศบนเว็บไซต์ของหน่วยงานแล้ว";

std::string messages(const std::vector<model::Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += model::to_string(d) + "\n";
    return out;
}

// One part of a zip ("" when absent).
std::string zip_text(const fs::path& path, const std::string& part) {
    std::string found;
    rewrite_parts(path, [&](const std::string& name, std::string xml) {
        if (name == part) found = xml;
        return xml;
    });
    return found;
}

model::Step* find_step(model::Report& report, int measure, int step) {
    for (auto& m : report.measures)
        for (auto& s : m.steps)
            if (s.measure_no == measure && s.step_no == step) return &s;
    return nullptr;
}

// "no|change" for every row of the measures sheet, by no.
std::map<std::string, std::string> change_column(const fs::path& workbook) {
    std::map<std::string, std::string> out;
    for (const std::string& line : workbook_tool({"column", workbook.string(), "มาตรการ", "J"})) {
        const auto bar = line.find('|');
        BOOST_TEST_REQUIRE(bar != std::string::npos, line);
        out[line.substr(0, bar)] = line.substr(bar + 1);
    }
    return out;
}

// The workbook staff hand back: the sample's, step 5.1 marked done and a note added to step 6.1 with openpyxl,
// then opened and saved again by LibreOffice. Made once for the suite.
struct EditedRound {
    TempDir dir;
    fs::path original, edited;
    ingest::ReportResult read;

    EditedRound() {
        original = write_workbook(sample_report(), sample_findings(), dir.path(), "sample.xlsx");
        fs::create_directories(dir / "staff");
        const fs::path typed = dir / "staff" / "sample.xlsx";
        workbook_tool({"edit", original.string(), typed.string(), "มาตรการ", "5.1", "G", "ดำเนินการแล้ว", "6.1", "H",
                       note_added});
        fs::create_directories(dir / "libreoffice");
        edited = resave_with_libreoffice(typed, dir / "libreoffice", dir / "profile");
        read = ingest::read_report_file(edited.string());
    }
};

const EditedRound& edited_round() {
    static const EditedRound round;
    return round;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_round_trip)

BOOST_AUTO_TEST_CASE(libreoffice_saved_workbook_is_valid_input) {
    const EditedRound& r = edited_round();
    // The file is LibreOffice's own, not openpyxl's.
    BOOST_TEST(zip_text(r.edited, "docProps/app.xml").find("<Application>LibreOffice") != std::string::npos);
    BOOST_TEST(r.read.diagnostics.empty(), messages(r.read.diagnostics));
    const model::Report& back = r.read.report;
    const model::Report& sample = sample_report();
    BOOST_TEST(back.memo.agency == sample.memo.agency);
    BOOST_TEST(!sample.memo.sender_abbr.empty());
    BOOST_TEST(back.memo.sender == sample.memo.sender);
    BOOST_TEST(back.memo.sender_abbr == sample.memo.sender_abbr);
    BOOST_TEST((back.memo.date == sample.memo.date));
    BOOST_TEST(back.memo.fiscal_year_be == 2564);
    BOOST_TEST(back.memo.round_months == 12);
    BOOST_TEST_REQUIRE(back.scores.size() == sample.scores.size());
    for (std::size_t i = 0; i < sample.scores.size(); ++i) {
        BOOST_TEST(back.scores[i].ita == sample.scores[i].ita);
        BOOST_TEST((back.scores[i].extra == sample.scores[i].extra));
    }
    BOOST_TEST((back.variables == sample.variables));
}

BOOST_AUTO_TEST_CASE(compare_rounds_finds_exactly_the_edits) {
    const compose::RoundChanges changes = compose::compare_rounds(sample_report(), edited_round().read.report);
    BOOST_TEST(changes.steps_compared == 12u);
    BOOST_TEST_REQUIRE(changes.steps.size() == 2u);
    const compose::StepChange& status = changes.steps[0];
    BOOST_TEST(compose::step_label(status) == "5.1");
    BOOST_TEST((status.kind == compose::ChangeKind::changed));
    BOOST_TEST((status.from == Status::in_progress));
    BOOST_TEST((status.to == Status::done));
    BOOST_TEST(status.status_changed);
    BOOST_TEST(!status.progress_changed, "LibreOffice kept 5.1's note as it was");
    BOOST_TEST(compose::newly_done(status));
    const compose::StepChange& note = changes.steps[1];
    BOOST_TEST(compose::step_label(note) == "6.1");
    BOOST_TEST(!note.status_changed);
    BOOST_TEST(note.progress_changed);
    BOOST_TEST(note.from_progress == "");
    BOOST_TEST(note.to_progress == note_added);
}

BOOST_AUTO_TEST_CASE(next_round_workbook_says_what_changed) {
    const EditedRound& r = edited_round();
    const compose::RoundChanges changes = compose::compare_rounds(sample_report(), r.read.report);
    TempDir dir;
    const fs::path path = dir / "next.xlsx";
    const std::string error =
        render::write_tracking_workbook(r.read.report, {}, path.string(), &changes);
    BOOST_TEST_REQUIRE(error.empty(), error);
    const auto column = change_column(path);
    BOOST_TEST(column.size() == 18u);  // 6 measures, 12 steps
    for (const auto& [no, text] : column) {
        if (no == "5.1") BOOST_TEST(text == "อยู่ระหว่างดำเนินการ → ดำเนินการแล้ว");
        else if (no == "6.1") BOOST_TEST(text == "ปรับความคืบหน้า");
        else BOOST_TEST(text == "", "row " << no << " unchanged");
    }
    // It is input again, and the change column is not a change: the next comparison finds nothing.
    const ingest::ReportResult again = ingest::read_report_file(path.string());
    BOOST_TEST(again.diagnostics.empty(), messages(again.diagnostics));
    BOOST_TEST(compose::compare_rounds(r.read.report, again.report).steps.empty());
    const model::Step* step = find_step(const_cast<model::Report&>(again.report), 5, 1);
    BOOST_TEST_REQUIRE(step != nullptr);
    BOOST_TEST(step->extra.size() == 1u, "the change column is read as an unknown column");
}

BOOST_AUTO_TEST_CASE(change_column_names_each_kind) {
    // Last round: 1.1 in progress, 5.1 not started with another note, a step 4.3 since dropped, no step 6.2 yet.
    model::Report previous = sample_report();
    find_step(previous, 1, 1)->status = Status::in_progress;
    find_step(previous, 5, 1)->status = Status::not_started;
    find_step(previous, 5, 1)->progress = "รอการอนุมัติ";
    model::Step dropped = *find_step(previous, 4, 2);
    dropped.step_no = 3;
    dropped.status = Status::done;
    previous.measures.at(3).steps.push_back(dropped);
    auto& six = previous.measures.at(5).steps;
    six.erase(std::remove_if(six.begin(), six.end(), [](const model::Step& s) { return s.step_no == 2; }), six.end());
    previous.memo.round_months = 6;

    const compose::RoundChanges changes = compose::compare_rounds(previous, sample_report());
    TempDir dir;
    const fs::path path = dir / "tracking.xlsx";
    BOOST_TEST_REQUIRE(render::write_tracking_workbook(sample_report(), {}, path.string(), &changes).empty());
    const auto column = change_column(path);
    const std::map<std::string, std::string> want_changed = {
        {"1.1", "อยู่ระหว่างดำเนินการ → ดำเนินการแล้ว"},
        {"5.1", "ยังไม่ได้ดำเนินการ → อยู่ระหว่างดำเนินการ\\nปรับความคืบหน้า"},
        {"6.2", "ขั้นตอนใหม่"},
        {"4", "ขั้นตอนที่ไม่มีในรอบนี้: 4.3"},
        {"ตัดออก", ""},  // the removed section's heading
        {"ตัดออก 4.3", "ไม่มีในรอบนี้ (รอบก่อน: ดำเนินการแล้ว)"},
    };
    for (const auto& [no, text] : column) {
        auto want = want_changed.find(no);
        BOOST_TEST(text == (want == want_changed.end() ? "" : want->second), "row " << no);
    }
    for (const auto& [no, text] : want_changed) BOOST_TEST(column.count(no) == 1u, no);

    // The hidden sheet says which round was compared.
    std::vector<std::string> meta = workbook_tool({"column", path.string(), "_saraban", "B"});
    BOOST_TEST((std::find(meta.begin(), meta.end(), "previous_fiscal_year|2564") != meta.end()));
    BOOST_TEST((std::find(meta.begin(), meta.end(), "previous_round|6") != meta.end()));

    // Still valid input; the same changes give the same bytes.
    const ingest::ReportResult back = ingest::read_report_file(path.string());
    BOOST_TEST(back.diagnostics.empty(), messages(back.diagnostics));
    const fs::path second = dir / "second.xlsx";
    BOOST_TEST_REQUIRE(render::write_tracking_workbook(sample_report(), {}, second.string(), &changes).empty());
    BOOST_TEST((read_file(path) == read_file(second)));
    // Without changes: the column is empty and the workbook is today's.
    const fs::path plain = dir / "plain.xlsx";
    BOOST_TEST_REQUIRE(render::write_tracking_workbook(sample_report(), {}, plain.string()).empty());
    for (const auto& [no, text] : change_column(plain)) BOOST_TEST(text == "", "row " << no);
}

// Staff's hands on the workbook of a round with removed items, Thai headers and a Thai key retyped: LibreOffice
// saves it and the next round reads the live measures only, every column and key found.
BOOST_AUTO_TEST_CASE(removed_rows_and_retyped_headers_read_back_through_libreoffice) {
    TempDir dir;
    const compose::RoundChanges changes = changes_with_removed_items();
    BOOST_TEST_REQUIRE(changes.measures_removed.size() == 1u);
    const fs::path written = write_workbook(sample_report(), {}, dir.path(), "sample.xlsx", &changes);
    fs::create_directories(dir / "staff");
    const fs::path typed = dir / "staff" / "sample.xlsx";
    // G2 (สถานะ) and H2 (ความคืบหน้า) renamed as a secretariat might; the hidden keys still name them.
    workbook_tool({"set", written.string(), typed.string(), "มาตรการ", "G2", "ผลการดำเนินงาน"});
    workbook_tool({"set", typed.string(), typed.string(), "มาตรการ", "H2", "รายละเอียดผลงาน"});
    // And the memo's key ปีงบประมาณ (A15); its English name is in the hidden column C.
    workbook_tool({"set", typed.string(), typed.string(), "หนังสือ", "A15", "ปีงบประมาณ พ.ศ."});
    fs::create_directories(dir / "libreoffice");
    const fs::path saved = resave_with_libreoffice(typed, dir / "libreoffice", dir / "profile");
    const ingest::ReportResult back = ingest::read_report_file(saved.string());
    BOOST_TEST(back.diagnostics.empty(), messages(back.diagnostics));
    const model::Report& sample = sample_report();
    BOOST_TEST(back.report.memo.fiscal_year_be == 2564);
    BOOST_TEST(!back.report.variables.count("ปีงบประมาณ พ.ศ."));
    BOOST_TEST((back.report.variables == sample.variables));
    BOOST_TEST_REQUIRE(back.report.measures.size() == sample.measures.size());  // no measure 7
    for (std::size_t i = 0; i < sample.measures.size(); ++i) {
        const auto& got = back.report.measures[i].steps;
        const auto& want = sample.measures[i].steps;
        BOOST_TEST_REQUIRE(got.size() == want.size(), "measure " << i + 1);  // no step 4.3
        for (std::size_t j = 0; j < want.size(); ++j) {
            BOOST_TEST((got[j].status == want[j].status));
            BOOST_TEST(got[j].progress == want[j].progress);
            BOOST_TEST(!got[j].extra.count("ผลการดำเนินงาน"));
        }
    }
    // Compared with this round, the next finds nothing new: what was removed stays removed.
    BOOST_TEST(compose::compare_rounds(sample, back.report).steps.empty());
}

BOOST_AUTO_TEST_SUITE_END()
