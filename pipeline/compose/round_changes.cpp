#include "compose/round_changes.h"

#include <map>
#include <set>
#include <utility>

namespace saraban::compose {

namespace {

using Key = std::pair<int, int>;  // (measure_no, step_no)

// Each step by its number, first occurrence kept.
std::map<Key, const model::Step*> index_steps(const model::Report& report) {
    std::map<Key, const model::Step*> steps;
    for (const model::Measure& m : report.measures)
        for (const model::Step& s : m.steps) steps.emplace(Key{s.measure_no, s.step_no}, &s);
    return steps;
}

}  // namespace

bool newly_done(const StepChange& change) {
    switch (change.kind) {
        case ChangeKind::changed: return change.status_changed && change.to == model::Status::done;
        case ChangeKind::added: return change.to == model::Status::done;
        case ChangeKind::removed: return false;
    }
    return false;
}

std::string step_label(const StepChange& change) {
    return std::to_string(change.measure_no) + "." + std::to_string(change.step_no);
}

std::string rounds_mismatch(const model::Report& previous, const model::Report& current) {
    const model::MemoHeader& p = previous.memo;
    const model::MemoHeader& c = current.memo;
    if (p.agency != c.agency || p.agency_abbr != c.agency_abbr)
        return "รอบก่อนเป็นของหน่วยงานอื่น: " + p.agency + " (" + p.agency_abbr + ") (the previous round is another "
               "agency's)";
    if (p.fiscal_year_be != c.fiscal_year_be)
        return "รอบก่อนเป็นของปีงบประมาณ " + std::to_string(p.fiscal_year_be) + " ไม่ใช่ " +
               std::to_string(c.fiscal_year_be) + " (the previous round is of another fiscal year)";
    if (p.round_months > c.round_months)
        return "รอบก่อนเป็นรอบ " + std::to_string(p.round_months) + " เดือน ซึ่งอยู่หลังรอบ " +
               std::to_string(c.round_months) + " เดือน (the previous round comes after this one)";
    return "";
}

RoundChanges compare_rounds(const model::Report& previous, const model::Report& current) {
    RoundChanges out;
    out.previous_fiscal_year_be = previous.memo.fiscal_year_be;
    out.previous_round_months = previous.memo.round_months;

    const std::map<Key, const model::Step*> before = index_steps(previous);
    std::set<Key> seen;  // steps of this round already handled (a duplicate number is handled once)
    for (const model::Measure& m : current.measures) {
        for (const model::Step& s : m.steps) {
            const Key key{s.measure_no, s.step_no};
            if (!seen.insert(key).second) continue;
            StepChange c;
            c.measure_no = s.measure_no;
            c.step_no = s.step_no;
            c.text = s.text;
            c.to = s.status;
            c.to_progress = s.progress;
            auto it = before.find(key);
            if (it == before.end()) {
                c.kind = ChangeKind::added;
                c.progress_changed = !s.progress.empty();
                out.steps.push_back(std::move(c));
                continue;
            }
            ++out.steps_compared;
            const model::Step& p = *it->second;
            c.kind = ChangeKind::changed;
            c.from = p.status;
            c.from_progress = p.progress;
            c.status_changed = p.status != s.status;
            c.progress_changed = p.progress != s.progress;
            if (c.status_changed || c.progress_changed) out.steps.push_back(std::move(c));
        }
    }
    std::set<int> measures_now, measures_gone;
    for (const model::Measure& m : current.measures) measures_now.insert(m.number);
    for (const model::Measure& m : previous.measures)
        if (!measures_now.count(m.number) && measures_gone.insert(m.number).second)
            out.measures_removed.push_back({m.number, m.text});
    std::set<Key> gone;
    for (const model::Measure& m : previous.measures) {
        for (const model::Step& p : m.steps) {
            const Key key{p.measure_no, p.step_no};
            if (seen.count(key) || !gone.insert(key).second) continue;
            StepChange c;
            c.kind = ChangeKind::removed;
            c.measure_no = p.measure_no;
            c.step_no = p.step_no;
            c.text = p.text;
            c.from = p.status;
            c.from_progress = p.progress;
            out.steps.push_back(std::move(c));
        }
    }
    return out;
}

}  // namespace saraban::compose
