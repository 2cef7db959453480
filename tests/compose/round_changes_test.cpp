// compare_rounds: what changed between the previous round's report and this one, step by step; and what the memo's
// templates get from it (memo_values with a previous report), including the progress report's paragraph.
#include <boost/test/unit_test.hpp>

#include "compose/memo.h"
#include "compose/round_changes.h"

using namespace saraban;
using model::Status;

namespace {

model::Step step(int measure, int no, Status status, std::string progress = "") {
    model::Step s;
    s.measure_no = measure;
    s.step_no = no;
    s.text = "ขั้นตอน " + std::to_string(measure) + "." + std::to_string(no);
    s.status = status;
    s.progress = std::move(progress);
    return s;
}

model::Report report(std::vector<std::vector<model::Step>> steps_by_measure) {
    model::Report r;
    r.memo.agency = "กรมตัวอย่าง";
    r.memo.agency_abbr = "กต.";
    r.memo.fiscal_year_be = 2565;
    r.memo.round_months = 12;
    r.memo.date = {2022, 9, 30};
    int number = 1;
    for (auto& steps : steps_by_measure) {
        model::Measure m;
        m.number = number++;
        m.text = "มาตรการ " + std::to_string(m.number);
        m.steps = std::move(steps);
        r.measures.push_back(std::move(m));
    }
    return r;
}

// Last round (6 months): 1.1 done, 1.2 in progress, 1.3 not started, 2.1 in progress, 2.2 in progress.
model::Report previous_round() {
    model::Report r = report({{step(1, 1, Status::done), step(1, 2, Status::in_progress, "จัดทำร่าง"),
                               step(1, 3, Status::not_started)},
                              {step(2, 1, Status::in_progress, "รออนุมัติ"), step(2, 2, Status::in_progress, "ประสานงาน")}});
    r.memo.round_months = 6;
    r.memo.date = {2022, 3, 31};
    return r;
}

// This round: 1.2 done, 1.3 started, 2.1 note changed, 2.2 removed, 2.3 new, 3.1 new and done; 1.1 unchanged.
model::Report current_round() {
    return report({{step(1, 1, Status::done), step(1, 2, Status::done, "จัดทำร่าง"),
                    step(1, 3, Status::in_progress, "เริ่มสำรวจ")},
                   {step(2, 1, Status::in_progress, "เสนอผู้บริหารแล้ว"), step(2, 3, Status::not_started)},
                   {step(3, 1, Status::done)}});
}

const compose::StepChange* find(const compose::RoundChanges& changes, int measure, int no) {
    for (const auto& c : changes.steps)
        if (c.measure_no == measure && c.step_no == no) return &c;
    return nullptr;
}

std::string text_of(const compose::TemplateRecord& values, const std::string& name) {
    auto it = values.find(name);
    BOOST_TEST_REQUIRE((it != values.end()), "no value " << name);
    BOOST_TEST_REQUIRE(!it->second.is_list, name << " is a list");
    return it->second.text;
}

const std::vector<compose::TemplateRecord>& list_of(const compose::TemplateRecord& values, const std::string& name) {
    auto it = values.find(name);
    BOOST_TEST_REQUIRE((it != values.end()), "no value " << name);
    BOOST_TEST_REQUIRE(it->second.is_list, name << " is not a list");
    return it->second.list;
}

std::string numbers_of(const std::vector<compose::TemplateRecord>& list) {
    std::string out;
    for (const auto& r : list) out += (out.empty() ? "" : " ") + r.at("number").text;
    return out;
}

// The text of every paragraph of a document, one line each.
std::string document_text(const model::Document& doc) {
    std::string out;
    for (const auto& block : doc.blocks)
        if (const auto* p = std::get_if<model::Paragraph>(&block)) {
            for (const auto& span : p->spans) out += span.text;
            out += "\n";
        }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(compose_round_changes)

BOOST_AUTO_TEST_CASE(a_measure_gone_is_named_with_its_text) {
    // This round drops measure 2 (both its steps) and keeps measure 1; measure 3 is new.
    model::Report current = report({{step(1, 1, Status::done), step(1, 2, Status::done), step(1, 3, Status::done)}});
    current.measures.push_back(current_round().measures.at(2));
    const compose::RoundChanges changes = compose::compare_rounds(previous_round(), current);
    BOOST_TEST_REQUIRE(changes.measures_removed.size() == 1u);
    BOOST_TEST(changes.measures_removed[0].number == 2);
    BOOST_TEST(changes.measures_removed[0].text == "มาตรการ 2");
    BOOST_TEST(find(changes, 2, 1) != nullptr);
    BOOST_TEST(find(changes, 2, 2) != nullptr);
    // Measures kept, with steps removed or not, are not named.
    BOOST_TEST(compose::compare_rounds(previous_round(), current_round()).measures_removed.empty());
}

BOOST_AUTO_TEST_CASE(each_kind_of_change_is_found) {
    const compose::RoundChanges changes = compose::compare_rounds(previous_round(), current_round());
    BOOST_TEST(changes.previous_fiscal_year_be == 2565);
    BOOST_TEST(changes.previous_round_months == 6);
    BOOST_TEST(changes.steps_compared == 4u);  // 1.1, 1.2, 1.3, 2.1
    // Changed and added in this round's order, then removed ones.
    std::vector<std::string> order;
    for (const auto& c : changes.steps) order.push_back(compose::step_label(c));
    const std::vector<std::string> want = {"1.2", "1.3", "2.1", "2.3", "3.1", "2.2"};
    BOOST_TEST(order == want, boost::test_tools::per_element());

    const auto* done = find(changes, 1, 2);
    BOOST_TEST_REQUIRE(done != nullptr);
    BOOST_TEST((done->kind == compose::ChangeKind::changed));
    BOOST_TEST((done->from == Status::in_progress && done->to == Status::done));
    BOOST_TEST(done->status_changed);
    BOOST_TEST(!done->progress_changed);
    BOOST_TEST(compose::newly_done(*done));

    const auto* started = find(changes, 1, 3);
    BOOST_TEST_REQUIRE(started != nullptr);
    BOOST_TEST((started->from == Status::not_started && started->to == Status::in_progress));
    BOOST_TEST(started->status_changed);
    BOOST_TEST(started->progress_changed);  // "" → "เริ่มสำรวจ"
    BOOST_TEST(!compose::newly_done(*started));

    const auto* note = find(changes, 2, 1);
    BOOST_TEST_REQUIRE(note != nullptr);
    BOOST_TEST(!note->status_changed);
    BOOST_TEST(note->progress_changed);
    BOOST_TEST(note->from_progress == "รออนุมัติ");
    BOOST_TEST(note->to_progress == "เสนอผู้บริหารแล้ว");

    const auto* added = find(changes, 2, 3);
    BOOST_TEST_REQUIRE(added != nullptr);
    BOOST_TEST((added->kind == compose::ChangeKind::added));
    BOOST_TEST(!compose::newly_done(*added));
    const auto* added_done = find(changes, 3, 1);
    BOOST_TEST_REQUIRE(added_done != nullptr);
    BOOST_TEST(compose::newly_done(*added_done));  // new and already done

    const auto* removed = find(changes, 2, 2);
    BOOST_TEST_REQUIRE(removed != nullptr);
    BOOST_TEST((removed->kind == compose::ChangeKind::removed));
    BOOST_TEST((removed->from == Status::in_progress));
    BOOST_TEST(removed->from_progress == "ประสานงาน");
    BOOST_TEST(removed->text == "ขั้นตอน 2.2");
    BOOST_TEST(!compose::newly_done(*removed));

    BOOST_TEST(find(changes, 1, 1) == nullptr, "an unchanged step is not listed");
}

BOOST_AUTO_TEST_CASE(same_report_has_no_changes) {
    const compose::RoundChanges changes = compose::compare_rounds(current_round(), current_round());
    BOOST_TEST(changes.steps.empty());
    BOOST_TEST(changes.steps_compared == 6u);
}

BOOST_AUTO_TEST_CASE(steps_are_matched_by_number_not_position) {
    model::Report before = report({{step(1, 1, Status::done), step(1, 2, Status::in_progress)}});
    model::Report after = report({{step(1, 2, Status::in_progress), step(1, 1, Status::done)}});
    // Unknown columns (the tracking workbook's own change column among them) and the text are not compared.
    after.measures[0].steps[0].extra["เปลี่ยนแปลงจากรอบก่อน [change]"] = "ขั้นตอนใหม่";
    after.measures[0].steps[1].text = "ถ้อยคำใหม่";
    BOOST_TEST(compose::compare_rounds(before, after).steps.empty());
    // A duplicated number (an input error) is compared once, by its first occurrence.
    after.measures[0].steps.push_back(step(1, 2, Status::done));
    const auto changes = compose::compare_rounds(before, after);
    BOOST_TEST(changes.steps.empty());
    BOOST_TEST(changes.steps_compared == 2u);
}

BOOST_AUTO_TEST_CASE(mismatched_rounds_are_named) {
    BOOST_TEST(compose::rounds_mismatch(previous_round(), current_round()) == "");
    BOOST_TEST(compose::rounds_mismatch(current_round(), current_round()) == "", "a re-run of the same round");
    model::Report other = previous_round();
    other.memo.agency_abbr = "กอ.";
    BOOST_TEST(compose::rounds_mismatch(other, current_round()).find("another agency") != std::string::npos);
    other = previous_round();
    other.memo.fiscal_year_be = 2564;
    other.memo.round_months = 12;
    BOOST_TEST(compose::rounds_mismatch(other, current_round()).find("another fiscal year") != std::string::npos);
    model::Report later = current_round();
    BOOST_TEST(compose::rounds_mismatch(later, previous_round()).find("comes after") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(memo_values_without_a_previous_round) {
    const compose::TemplateRecord v = compose::memo_values(current_round());
    BOOST_TEST(text_of(v, "has_previous_round") == "");
    BOOST_TEST(text_of(v, "has_round_changes") == "");
    BOOST_TEST(list_of(v, "changes").empty());
    BOOST_TEST(list_of(v, "steps_newly_done").empty());
    BOOST_TEST(text_of(v, "steps_newly_done_count") == "๐");
}

BOOST_AUTO_TEST_CASE(memo_values_with_a_previous_round) {
    const model::Report previous = previous_round();
    const compose::TemplateRecord v = compose::memo_values(current_round(), &previous);
    BOOST_TEST(text_of(v, "has_previous_round") == "yes");
    BOOST_TEST(text_of(v, "has_round_changes") == "yes");
    BOOST_TEST(text_of(v, "previous_round") == "๖");
    BOOST_TEST(text_of(v, "previous_round_fiscal_year") == "๒๕๖๕");

    const auto& changes = list_of(v, "changes");
    BOOST_TEST(numbers_of(changes) == "๑.๒ ๑.๓ ๒.๑ ๒.๓ ๓.๑ ๒.๒");
    BOOST_TEST(changes[0].at("from_status").text == "อยู่ระหว่างดำเนินการ");
    BOOST_TEST(changes[0].at("to_status").text == "ดำเนินการแล้ว");
    BOOST_TEST(changes[0].at("status_changed").text == "yes");
    BOOST_TEST(changes[0].at("note_changed").text == "");
    BOOST_TEST(changes[2].at("note_changed").text == "yes");
    BOOST_TEST(changes[2].at("progress").text == "เสนอผู้บริหารแล้ว");
    BOOST_TEST(changes[3].at("added").text == "yes");
    BOOST_TEST(changes[3].at("from_status").text == "");
    BOOST_TEST(changes[5].at("removed").text == "yes");
    BOOST_TEST(changes[5].at("to_status").text == "");

    BOOST_TEST(numbers_of(list_of(v, "steps_newly_done")) == "๑.๒ ๓.๑");
    BOOST_TEST(text_of(v, "steps_newly_done_count") == "๒");
    BOOST_TEST(text_of(v, "steps_newly_done_numbers") == "๑.๒ และ ๓.๑");
    BOOST_TEST(text_of(v, "steps_started_numbers") == "๑.๓");
    BOOST_TEST(text_of(v, "steps_started_count") == "๑");
    BOOST_TEST(text_of(v, "steps_moved_back_count") == "๐");
    // Notes changed on steps whose status did not move (1.3's new note comes with its start).
    BOOST_TEST(text_of(v, "steps_note_changed_numbers") == "๒.๑");
    BOOST_TEST(text_of(v, "steps_added_numbers") == "๒.๓ และ ๓.๑");
    BOOST_TEST(text_of(v, "steps_removed_numbers") == "๒.๒");
    BOOST_TEST(text_of(v, "steps_removed_count") == "๑");
}

BOOST_AUTO_TEST_CASE(a_step_moved_back_is_named) {
    model::Report before = report({{step(1, 1, Status::done), step(1, 2, Status::in_progress)}});
    model::Report after = report({{step(1, 1, Status::in_progress, "ต้องแก้ไข"), step(1, 2, Status::not_started)}});
    const compose::TemplateRecord v = compose::memo_values(after, &before);
    BOOST_TEST(text_of(v, "steps_moved_back_numbers") == "๑.๑ และ ๑.๒");
    BOOST_TEST(text_of(v, "steps_newly_done_count") == "๐");
    BOOST_TEST(text_of(v, "steps_note_changed_count") == "๐");  // 1.1's note came with its move
}

BOOST_AUTO_TEST_CASE(progress_report_paragraph_says_what_moved) {
    const std::string template_path = SARABAN_SOURCE_DIR "/templates/progress-report.xml";
    model::Report current = current_round();
    // What the template quotes besides the measures.
    model::ScoreRow scores;
    scores.fiscal_year_be = 2565;
    scores.iit = 90;
    scores.eit = 91;
    scores.oit = 100;
    scores.ita = 93.5;
    scores.level = "A";
    scores.extra = {{"iit_respondents", "40"}, {"eit_respondents", "60"}, {"eit_population", "600"}};
    current.scores = {scores};
    current.variables = {{"measures_approved_date", "2022-02-16"}, {"iit_collection_period", "มิถุนายน"},
                         {"eit_collection_period", "มิถุนายน"}, {"oit_collection_period", "เดือนมิถุนายน"},
                         {"min_sample", "30"}};
    const model::Report previous = previous_round();

    const auto with = compose::compose_memo(current, template_path, &previous);
    for (const auto& d : with.diagnostics) BOOST_TEST_MESSAGE(model::to_string(d));
    BOOST_TEST_REQUIRE(bool(with));
    const std::string text = document_text(with.document);
    BOOST_TEST(text.find("เมื่อเทียบกับรอบรายงานก่อน (รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๕) มีขั้นตอนที่ดำเนินการแล้วเสร็จ"
                         "เพิ่มขึ้น ๒ ขั้นตอน ได้แก่ ข้อ ๑.๒ และ ๓.๑") != std::string::npos,
               text);
    BOOST_TEST(text.find("เริ่มดำเนินการ ๑ ขั้นตอน ได้แก่ ข้อ ๑.๓") != std::string::npos, text);
    BOOST_TEST(text.find("ปรับปรุงความคืบหน้า ๑ ขั้นตอน ได้แก่ ข้อ ๒.๑") != std::string::npos, text);
    BOOST_TEST(text.find("ขั้นตอนใหม่ ๒ ขั้นตอน ได้แก่ ข้อ ๒.๓ และ ๓.๑") != std::string::npos, text);
    BOOST_TEST(text.find("ไม่ปรากฏในรอบนี้ ๑ ขั้นตอน ได้แก่ ข้อ ๒.๒") != std::string::npos, text);

    // Nothing moved: the paragraph says so.
    const auto same = compose::compose_memo(current, template_path, &current);
    BOOST_TEST_REQUIRE(bool(same));
    BOOST_TEST(document_text(same.document).find("ไม่มีการเปลี่ยนแปลง") != std::string::npos);

    // No previous round: no paragraph, and the same document as before the feature.
    const auto without = compose::compose_memo(current, template_path);
    BOOST_TEST_REQUIRE(bool(without));
    const std::string plain = document_text(without.document);
    BOOST_TEST(plain.find("เมื่อเทียบกับรอบรายงานก่อน") == std::string::npos);
    BOOST_TEST(with.document.blocks.size() == without.document.blocks.size() + 1);
}

BOOST_AUTO_TEST_SUITE_END()
