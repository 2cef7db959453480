// What changed in the measures since the previous reporting round: the previous round's report (read from last
// round's tracking workbook, which is a valid input workbook) against this round's, step by step, matched by step
// number (measure.step, "5.1"). Plain data out; the memo (memo_values) and the tracking workbook's column
// เปลี่ยนแปลงจากรอบก่อน show it.
//
// Example:
//   compose::RoundChanges changes = compose::compare_rounds(previous.report, current.report);
//   for (const compose::StepChange& c : changes.steps)
//       if (c.kind == compose::ChangeKind::changed && c.status_changed) ...  // c.from → c.to
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "model/report.h"

namespace saraban::compose {

enum class ChangeKind {
    changed,  // in both rounds, with a different status or progress note
    added,    // only in this round (ขั้นตอนใหม่)
    removed,  // only in the previous round
};

// One step that differs between the rounds. Unchanged steps are not listed.
struct StepChange {
    ChangeKind kind = ChangeKind::changed;
    int measure_no = 0;  // 5
    int step_no = 0;     // 1
    std::string text;    // the step's text this round (last round's for a removed step)
    // Status last round and this round; from is meaningful unless added, to unless removed.
    model::Status from = model::Status::not_started;
    model::Status to = model::Status::not_started;
    bool status_changed = false;    // changed: from != to
    bool progress_changed = false;  // changed: the note differs; added: it has a note
    std::string from_progress;      // last round's note (changed, removed)
    std::string to_progress;        // this round's note (changed, added)
};

// A measure of the previous round whose number this round has no more (its steps are removed StepChanges).
struct RemovedMeasure {
    int number = 0;
    std::string text;  // last round's
};

struct RoundChanges {
    // Changed and added steps in this round's order, then removed steps in the previous round's order.
    std::vector<StepChange> steps;
    std::vector<RemovedMeasure> measures_removed;  // in the previous round's order
    std::size_t steps_compared = 0;  // steps found in both rounds (changed or not)
    // The previous round, as its memo sheet says (to name it: "รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๕").
    int previous_fiscal_year_be = 0;
    int previous_round_months = 0;
};

// A step this round that is done and was not last round (or is new and already done).
bool newly_done(const StepChange& change);

// "5.1": the step's number as the workbooks write it (Arabic digits).
std::string step_label(const StepChange& change);

// Why previous is not an earlier round of the same agency's plan, "" when it is: another agency (หน่วยงาน or ชื่อย่อ
// differ), another fiscal year (each year has its own measures, so step numbers would match by chance), or a later
// round (12 before 6). The same round is accepted (a re-run after corrections). For the batch to decide whether to
// compare; compare_rounds itself compares whatever it is given.
std::string rounds_mismatch(const model::Report& previous, const model::Report& current);

// Compares the measures of the two reports step by step. Steps are matched by (measure_no, step_no); a step
// number that occurs twice in a report (ingest reports that as an error) is matched by its first occurrence.
// Progress notes are compared as read (ingest trims and normalises them); the text, owner and other columns
// are not compared, nor unknown columns (the tracking workbook's own change column among them).
RoundChanges compare_rounds(const model::Report& previous, const model::Report& current);

}  // namespace saraban::compose
