#include "compose/memo.h"

#include <algorithm>
#include <map>
#include <set>

#include "compose/template.h"
#include "compose/thai_format.h"
#include "text/dates.h"

namespace saraban::compose {

namespace {

using model::Status;

std::string status_text(Status s) {
    switch (s) {
        case Status::done: return "ดำเนินการแล้ว";
        case Status::in_progress: return "อยู่ระหว่างดำเนินการ";
        case Status::not_started: return "ยังไม่ได้ดำเนินการ";
    }
    return "";
}

// A phone number never breaks across lines: its spaces become no-break spaces.
std::string no_break(const std::string& text) {
    std::string out;
    for (char c : text) out += c == ' ' ? std::string("\u00A0") : std::string(1, c);
    return out;
}

std::string count(std::size_t n) { return format_plain_integer(static_cast<long long>(n)); }

// "ก", "ก และ ข", "ก ข และ ค": how a Thai sentence lists several items.
std::string join_thai(const std::vector<std::string>& items) {
    std::string out;
    for (std::size_t i = 0; i < items.size(); ++i) {
        if (i > 0) out += (i + 1 == items.size()) ? " และ " : " ";
        out += items[i];
    }
    return out;
}

// The months a round covers: the 6-month round October–March, the 12-month round's second half April–September.
std::string round_period(int fiscal_year_be, int round_months) {
    if (fiscal_year_be < 2400 || (round_months != 6 && round_months != 12)) return "";  // validate says why
    const int year_ce = fiscal_year_be - 543;
    if (round_months == 6) return format_month_year(10, year_ce - 1) + " - " + format_month_year(3, year_ce);
    return format_month_year(4, year_ce) + " - " + format_month_year(9, year_ce);
}

TemplateRecord score_record(const model::ScoreRow& row) {
    TemplateRecord r;
    r["fiscal_year"] = format_plain_integer(row.fiscal_year_be);
    r["iit"] = format_number(row.iit, 2);
    r["eit"] = format_number(row.eit, 2);
    r["oit"] = format_number(row.oit, 2);
    r["ita"] = format_number(row.ita, 2);
    r["level"] = row.level;
    for (const auto& [key, value] : row.extra) r[key] = thai_digits(value);
    return r;
}

TemplateRecord step_record(const model::Step& s) {
    TemplateRecord r;
    r["number"] = format_plain_integer(s.measure_no) + "." + format_plain_integer(s.step_no);
    r["text"] = s.text;
    r["status"] = status_text(s.status);
    r["mark_done"] = s.status == Status::done ? "✓" : "";
    r["mark_in_progress"] = s.status == Status::in_progress ? "✓" : "";
    r["mark_not_started"] = s.status == Status::not_started ? "✓" : "";
    r["progress"] = s.progress;
    r["target_group"] = s.target_group;
    r["indicator"] = s.indicator;
    r["owner"] = s.owner;
    r["monitoring"] = s.monitoring;
    r["due"] = s.due;
    for (const auto& [key, value] : s.extra) r[key] = value;
    return r;
}

std::string step_number(int measure_no, int step_no) {
    return format_plain_integer(measure_no) + "." + format_plain_integer(step_no);
}

TemplateRecord change_record(const StepChange& c) {
    const bool added = c.kind == ChangeKind::added, removed = c.kind == ChangeKind::removed;
    TemplateRecord r;
    r["number"] = step_number(c.measure_no, c.step_no);
    r["text"] = c.text;
    r["from_status"] = added ? "" : status_text(c.from);
    r["to_status"] = removed ? "" : status_text(c.to);
    r["status_changed"] = c.status_changed ? "yes" : "";
    r["note_changed"] = c.progress_changed ? "yes" : "";
    r["progress"] = removed ? c.from_progress : c.to_progress;
    r["previous_progress"] = c.from_progress;
    r["added"] = added ? "yes" : "";
    r["removed"] = removed ? "yes" : "";
    r["newly_done"] = newly_done(c) ? "yes" : "";
    return r;
}

// The names of what changed since the previous round (all empty without one): `changes`, and per kind a list,
// its count and its numbers as a Thai sentence lists them ("๕.๑ ๕.๒ และ ๖.๑").
void add_round_changes(TemplateRecord& v, const model::Report& report, const model::Report* previous) {
    std::vector<TemplateRecord> all, newly, started, moved_back, note_changed, added, removed;
    if (previous) {
        const RoundChanges changes = compare_rounds(*previous, report);
        for (const StepChange& c : changes.steps) {
            TemplateRecord r = change_record(c);
            all.push_back(r);
            if (newly_done(c)) newly.push_back(r);
            if (c.kind == ChangeKind::added) added.push_back(r);
            if (c.kind == ChangeKind::removed) removed.push_back(r);
            if (c.kind != ChangeKind::changed) continue;
            if (c.status_changed && c.from == Status::not_started && c.to == Status::in_progress) started.push_back(r);
            if (c.status_changed && (c.from == Status::done || c.to == Status::not_started)) moved_back.push_back(r);
            if (!c.status_changed && c.progress_changed) note_changed.push_back(r);
        }
        v["previous_round"] = format_plain_integer(changes.previous_round_months);
        v["previous_round_fiscal_year"] = format_plain_integer(changes.previous_fiscal_year_be);
    } else {
        v["previous_round"] = "";
        v["previous_round_fiscal_year"] = "";
    }
    v["has_previous_round"] = previous ? "yes" : "";
    v["has_round_changes"] = all.empty() ? "" : "yes";
    v["changes"] = all;
    const std::pair<const char*, const std::vector<TemplateRecord>*> kinds[] = {
        {"steps_newly_done", &newly},       {"steps_started", &started}, {"steps_moved_back", &moved_back},
        {"steps_note_changed", &note_changed}, {"steps_added", &added},   {"steps_removed", &removed},
    };
    for (const auto& [name, list] : kinds) {
        std::vector<std::string> numbers;
        for (const TemplateRecord& r : *list) numbers.push_back(r.at("number").text);
        v[name] = *list;
        v[std::string(name) + "_count"] = count(list->size());
        v[std::string(name) + "_numbers"] = join_thai(numbers);
    }
}

}  // namespace

// Every name offered to templates; templates/README.md lists them with examples.
TemplateRecord memo_values(const model::Report& report, const model::Report* previous) {
    const auto& m = report.memo;
    TemplateRecord v;
    v["agency"] = m.agency;
    v["agency_abbr"] = m.agency_abbr;
    v["division"] = m.division;
    // The unit that sends the memo ("สำนักงานเลขานุการกรม (สลก.) ขอเรียน …"): its own keys, else the ส่วนราชการ line;
    // without an abbreviation the sentences that use one take the full name.
    const std::string& sender = m.sender.empty() ? m.division : m.sender;
    v["sender"] = sender;
    v["sender_abbr"] = m.sender_abbr.empty() ? sender : m.sender_abbr;
    v["sender_with_abbr"] = m.sender_abbr.empty() ? sender : sender + " (" + m.sender_abbr + ")";
    v["phone"] = no_break(m.phone);
    v["ref"] = m.ref;
    // The number and date may be left for the register or the e-Saraban system: the form shows the dotted line.
    const bool dated = m.date.year != 0;
    v["date"] = dated ? format_date_full(m.date) : "";
    v["date_short"] = dated ? format_date_short(m.date) : "";
    v["subject"] = m.subject;
    v["to"] = m.to;
    v["via"] = m.via;
    v["signer"] = m.signer;
    v["signer_title"] = m.signer_title;
    v["fiscal_year"] = format_plain_integer(m.fiscal_year_be);
    v["previous_fiscal_year"] = format_plain_integer(m.fiscal_year_be - 1);
    v["next_fiscal_year"] = format_plain_integer(m.fiscal_year_be + 1);
    v["round"] = format_plain_integer(m.round_months);
    v["round_period"] = round_period(m.fiscal_year_be, m.round_months);

    std::vector<TemplateRecord> scores;
    for (const auto& row : report.scores) scores.push_back(score_record(row));
    v["scores"] = scores;
    if (!report.scores.empty()) {
        auto [lo, hi] = std::minmax_element(report.scores.begin(), report.scores.end(),
                                            [](const auto& a, const auto& b) { return a.fiscal_year_be < b.fiscal_year_be; });
        v["first_score_year"] = format_plain_integer(lo->fiscal_year_be);
        v["last_score_year"] = format_plain_integer(hi->fiscal_year_be);
        v["several_score_years"] = lo->fiscal_year_be != hi->fiscal_year_be ? "yes" : "";
    }
    // The fiscal year's own scores, as prose quotes them (shortest form: ๙๕.๒, ๑๐๐).
    for (const auto& row : report.scores) {
        if (row.fiscal_year_be != m.fiscal_year_be) continue;
        v["current_iit"] = format_number_shortest(row.iit, 2);
        v["current_eit"] = format_number_shortest(row.eit, 2);
        v["current_oit"] = format_number_shortest(row.oit, 2);
        v["current_ita"] = format_number_shortest(row.ita, 2);
        v["current_level"] = row.level;
        v["current_level_is_aa"] = row.level == "AA" ? "yes" : "";
        v["current_oit_is_full"] = row.oit >= 100 ? "yes" : "";
        for (const auto& [key, value] : row.extra) v["current_" + key] = thai_digits(value);
    }

    std::vector<TemplateRecord> measures, pending_steps;
    std::vector<std::string> in_progress_titles, not_started_titles;
    std::size_t done = 0, in_progress = 0, not_started = 0, steps = 0;
    for (const auto& measure : report.measures) {
        TemplateRecord r;
        r["number"] = format_plain_integer(measure.number);
        r["text"] = measure.text;
        const Status status = model::measure_status(measure);
        r["status"] = status_text(status);
        r["target_group"] = measure.target_group;
        r["indicator"] = measure.indicator;
        r["owner"] = measure.owner;
        r["monitoring"] = measure.monitoring;
        // The distinct values of the measure and its steps, in order: a plan table shows each once.
        auto distinct = [&](std::string model::Step::*field, const std::string& own) {
            std::vector<TemplateRecord> out;
            std::vector<std::string> seen;
            auto add = [&](const std::string& text) {
                if (text.empty() || std::find(seen.begin(), seen.end(), text) != seen.end()) return;
                seen.push_back(text);
                out.push_back(TemplateRecord{{"text", text}});
            };
            add(own);
            for (const auto& step : measure.steps) add(step.*field);
            return out;
        };
        r["target_groups"] = distinct(&model::Step::target_group, measure.target_group);
        r["indicators"] = distinct(&model::Step::indicator, measure.indicator);
        r["owners"] = distinct(&model::Step::owner, measure.owner);
        r["monitorings"] = distinct(&model::Step::monitoring, measure.monitoring);
        std::vector<TemplateRecord> step_records;
        for (const auto& step : measure.steps) {
            step_records.push_back(step_record(step));
            if (step.status != Status::done) pending_steps.push_back(step_records.back());
        }
        steps += measure.steps.size();
        r["steps"] = step_records;
        measures.push_back(std::move(r));
        if (status == Status::done) ++done;
        if (status == Status::in_progress) {
            ++in_progress;
            in_progress_titles.push_back(measure.text);
        }
        if (status == Status::not_started) {
            ++not_started;
            not_started_titles.push_back(measure.text);
        }
    }
    v["measures"] = measures;
    v["measures_total"] = count(report.measures.size());
    v["measures_done_count"] = count(done);
    v["measures_in_progress_count"] = count(in_progress);
    v["measures_not_started_count"] = count(not_started);
    v["measures_in_progress_titles"] = join_thai(in_progress_titles);
    // The summary sentence's parts, only those with measures: "ดำเนินการแล้วเสร็จ ๕ มาตรการ/แนวทาง และอยู่ระหว่าง
    // ดำเนินการ ๑ มาตรการ/แนวทาง คือ …".
    std::vector<TemplateRecord> groups;
    auto add_group = [&](const char* phrase, std::size_t n, const std::vector<std::string>& titles) {
        if (n == 0) return;
        groups.push_back(TemplateRecord{{"phrase", phrase}, {"count", count(n)}, {"titles", join_thai(titles)}});
    };
    add_group("ดำเนินการแล้วเสร็จ", done, {});
    add_group("อยู่ระหว่างดำเนินการ", in_progress, in_progress_titles);
    add_group("ยังไม่ได้ดำเนินการ", not_started, not_started_titles);
    v["measure_groups"] = groups;
    v["steps_total"] = count(steps);
    v["steps_pending"] = pending_steps;
    add_round_changes(v, report, previous);

    // Sheet ตัวแปร: as written, but ISO dates become Thai dates and phone numbers do not break.
    // A date cell's value (ISO), or any written date under a key ending in "date", is printed as the memo prints
    // dates (๑๖ กุมภาพันธ์ ๒๕๖๔), whichever form it was typed in (text/dates.h).
    for (const auto& [key, value] : report.variables) {
        const bool is_phone = key.ends_with("phone");
        auto date = text::parse_iso_date(value);
        if (!date && key.ends_with("date")) date = text::parse_date(value);
        if (date) v[key] = format_date_full(*date);
        else v[key] = is_phone ? no_break(value) : value;
    }
    return v;
}

void use_arabic_digits(model::Document& document) {
    auto convert = [](std::string& text) { text = ascii_digits(text); };
    auto paragraph = [&](model::Paragraph& p) {
        for (auto& span : p.spans) convert(span.text);
    };
    document.page.thai_digits = false;
    convert(document.title);
    convert(document.bookmark);
    for (auto& block : document.blocks) {
        if (auto* p = std::get_if<model::Paragraph>(&block)) paragraph(*p);
        if (auto* h = std::get_if<model::FormHeader>(&block))
            for (auto& line : h->lines)
                for (auto& field : line) convert(field.value);
        if (auto* t = std::get_if<model::Table>(&block))
            for (auto& row : t->rows)
                for (auto& cell : row.cells)
                    for (auto& p : cell.paragraphs) paragraph(p);
        if (auto* s = std::get_if<model::Signature>(&block))
            for (auto& line : s->lines) convert(line);
    }
    for (auto& attachment : document.attachments) use_arabic_digits(attachment);
}

const std::set<std::string, std::less<>>& memo_names() {
    static const std::set<std::string, std::less<>> names = [] {
        model::Report empty;  // nothing but a year and a round, which the dates computed from them need
        empty.memo.fiscal_year_be = 2564;
        empty.memo.round_months = 12;
        std::set<std::string, std::less<>> out;
        for (const auto& [name, value] : memo_values(empty)) out.insert(name);
        return out;
    }();
    return names;
}

namespace {

// Where a sheet of the input is (or would be added): the whole input when ingest did not say.
model::CellRef sheet_of(const model::Report& report, const std::string& key) {
    auto it = report.sheet_at.find(key);
    return it != report.sheet_at.end() ? it->second : model::CellRef{report.source, "", 0, 0};
}

// A value the template needs and the input lacks, reported where the user adds it: the ตัวแปร sheet (or CSV file)
// of the input, naming every place of the template that needs it.
model::Diagnostic missing_value_finding(const model::Report& report, const std::string& name,
                                        const std::vector<const MissingValue*>& uses) {
    std::string places;
    for (std::size_t i = 0; i < uses.size() && i < 3; ++i)
        places += (i ? ", " : "") + model::to_string(uses[i]->needed_at);
    if (uses.size() > 3) places += ", …";
    const std::string quoted = "\"" + name + "\"";
    // The names computed from the score row of the memo's fiscal year are missing when that row is.
    if (name.starts_with("current_") || name.ends_with("_score_year")) {
        return {model::Severity::error, sheet_of(report, "scores"),
                "ไม่มีคะแนนของปีงบประมาณที่รายงาน แต่แม่แบบต้องใช้ " + quoted + " (" + places + ") (no score row for the "
                "memo's fiscal year, whose " + quoted + " is needed by " + places + ")"};
    }
    std::string hint;
    if (!uses.front()->suggestion.empty()) hint = "; the input has \"" + uses.front()->suggestion + "\": a misspelling?";
    return {model::Severity::error, sheet_of(report, "variables"),
            "ไม่มีค่า " + quoted + " ที่แม่แบบต้องใช้ (" + places + ") ให้เพิ่มในชีตตัวแปร (missing value " + quoted +
                ", needed by " + places + ": add it as a key of sheet ตัวแปร [variables]" + hint + ")"};
}

}  // namespace

ComposeResult compose_memo(const model::Report& report, const std::string& template_path,
                           const model::Report* previous, const TemplateFiles* files) {
    ComposeResult out;
    auto expanded = expand_template(template_path, memo_values(report, previous),
                                    {.files = files, .computed_names = &memo_names()});
    out.document = std::move(expanded.document);
    out.diagnostics = std::move(expanded.diagnostics);
    std::map<std::string, std::vector<const MissingValue*>> missing;  // by name, in name order: deterministic
    for (const MissingValue& m : expanded.missing) missing[m.name].push_back(&m);
    for (const auto& [name, uses] : missing) out.diagnostics.push_back(missing_value_finding(report, name, uses));
    out.document.title = report.memo.subject;
    out.document.author = report.memo.division;
    if (!out.document.page.thai_digits) use_arabic_digits(out.document);
    return out;
}

}  // namespace saraban::compose
