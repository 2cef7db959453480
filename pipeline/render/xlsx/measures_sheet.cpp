// Sheet มาตรการ [measures]: the sheet staff work in. One row per measure (bold) followed by its steps; the status
// of a step is chosen from a dropdown and coloured by value; header frozen, autofilter, printable on A4 landscape
// at ≥ 12 pt (the columns' widths are chosen for that). Below the live rows, what the previous round had and this
// one has not, struck through ("ตัดออก 4.3"), which ingest does not read back.
// A step's target group, indicator, owner and monitoring are written only where they differ from its measure's,
// as in the input: ingest gives an empty cell the measure's value back. Column เปลี่ยนแปลงจากรอบก่อน says what
// changed since the previous round (when the batch compared the rounds); ingest keeps it as an unknown column,
// and the next round writes it anew.
#include <algorithm>
#include <map>
#include <string_view>
#include <utility>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {
namespace {

// Rows below the data that still get the status colours, for steps staff add.
constexpr lxw_row_t spare_rows = 200;

std::string step_label(const model::Step& s) {
    return std::to_string(s.measure_no) + "." + std::to_string(s.step_no);
}

const std::string& own(const std::string& step_value, const std::string& measure_value) {
    static const std::string empty;
    return step_value == measure_value ? empty : step_value;
}

}  // namespace

std::string change_text(const compose::StepChange& change) {
    switch (change.kind) {
        case compose::ChangeKind::added: return "ขั้นตอนใหม่";
        case compose::ChangeKind::removed: return std::string("ไม่มีในรอบนี้ (รอบก่อน: ") + status_word(change.from) + ")";
        case compose::ChangeKind::changed: break;
    }
    std::string text;
    if (change.status_changed) text = std::string(status_word(change.from)) + " → " + status_word(change.to);
    if (change.progress_changed) text += std::string(text.empty() ? "" : "\n") + "ปรับความคืบหน้า";
    return text;
}

std::string removed_steps_text(const std::vector<std::string>& labels) {
    std::string text;
    for (const std::string& label : labels) text += (text.empty() ? "ขั้นตอนที่ไม่มีในรอบนี้: " : ", ") + label;
    return text;
}

namespace {

// The columns' headers (key and Thai) and printed widths: 165 units in all, which print across A4 landscape at
// 76 % (the 16-pt body 12.2 pt on paper); long texts wrap, a status on two lines ("อยู่ระหว่าง / ดำเนินการ"),
// the change column wide enough for its header's longest word, in bold (เปลี่ยนแปลง), ลำดับ for "ตัดออก" on a line.
// The measure or step itself, the longest text of a row, has the most room: its lines set most rows' heights
// (31 units printed the sample's measures on 7 pages); a measure's indicator, the next longest, next.
struct ColumnSpec {
    const char* key;
    double width;
};
constexpr ColumnSpec column_specs[] = {
    {"no", 10},         {"item", 34},   {"target_group", 12}, {"indicator", 18}, {"owner", 12},
    {"monitoring", 13}, {"status", 13}, {"progress", 26},     {"due", 11},       {change_column_key, 16},
};
constexpr double extra_column_width = 13;

// Unknown columns of the input (on steps), by header, in first-seen order; the change column is ours.
std::vector<std::string> extra_headers(const model::Report& report) {
    std::vector<std::string> extras;
    for (const model::Measure& m : report.measures)
        for (const model::Step& s : m.steps)
            for (const auto& [header, value] : s.extra)
                if (header != change_column_header && header != "เปลี่ยนแปลงจากรอบก่อน [change]" &&
                    std::find(extras.begin(), extras.end(), header) == extras.end())
                    extras.push_back(header);
    return extras;
}

std::vector<TableHeader> measure_headers(const std::vector<std::string>& extras) {
    std::vector<TableHeader> headers;
    for (const ColumnSpec& c : column_specs)
        headers.push_back({c.key, c.key == std::string_view(change_column_key)
                                      ? std::string(change_column_header)
                                      : thai_name(model::contract::measure_columns(), c.key)});
    for (const std::string& e : extras) headers.push_back({"", e});
    return headers;
}

// What the previous round had and this one has not, by measure: the measure itself when it is gone whole, and
// its steps that are gone.
struct Removed {
    const compose::RemovedMeasure* measure = nullptr;
    std::vector<const compose::StepChange*> steps;
};

std::map<int, Removed> removed_items(const compose::RoundChanges* changes) {
    std::map<int, Removed> out;
    if (!changes) return out;
    for (const compose::RemovedMeasure& m : changes->measures_removed) out[m.number].measure = &m;
    for (const compose::StepChange& c : changes->steps)
        if (c.kind == compose::ChangeKind::removed) out[c.measure_no].steps.push_back(&c);
    return out;
}

std::string removed_label(const std::string& no) { return std::string(model::contract::removed_marker) + " " + no; }

// The removed section from row on: a heading, then each removed measure and step struck through. Returns the row
// after it.
lxw_row_t write_removed_section(Sheet& sheet, const compose::RoundChanges& changes, lxw_row_t row) {
    const std::map<int, Removed> removed = removed_items(&changes);
    if (removed.empty()) return row;
    const Formats& f = sheet.book().formats();
    std::string heading = "มาตรการและขั้นตอนที่ไม่มีในรอบนี้ (มีในรอบก่อน) ไม่นำไปรายงาน";
    sheet.text(++row, col_no, std::string(model::contract::removed_marker), f.bold_text);
    sheet.text(row++, col_item, heading, f.bold_text);
    for (const auto& [number, gone] : removed) {
        if (gone.measure) {
            sheet.text(row, col_no, removed_label(std::to_string(number)), f.removed_label);
            sheet.text(row, col_item, gone.measure->text, f.removed_text);
            sheet.text(row++, col_change, "มาตรการที่ไม่มีในรอบนี้", f.text);
        }
        for (const compose::StepChange* s : gone.steps) {
            sheet.text(row, col_no, removed_label(compose::step_label(*s)), f.removed_label);
            sheet.text(row, col_item, s->text, f.removed_text);
            sheet.text(row, col_progress, s->from_progress, f.removed_text);
            sheet.text(row++, col_change, change_text(*s), f.text);
        }
    }
    return row;
}

}  // namespace

void write_measures_sheet(Book& book, const model::Report& report, const compose::RoundChanges* changes) {
    Sheet sheet = book.add_sheet(measures_sheet_name);
    const Formats& f = book.formats();

    // What the change column says, by step; steps gone since the previous round, by measure.
    std::map<std::pair<int, int>, std::string> step_changes;
    std::map<int, std::vector<std::string>> removed;
    if (changes)
        for (const compose::StepChange& c : changes->steps) {
            if (c.kind == compose::ChangeKind::removed) removed[c.measure_no].push_back(compose::step_label(c));
            else step_changes[{c.measure_no, c.step_no}] = change_text(c);
        }

    const std::vector<std::string> extras = extra_headers(report);
    const std::vector<TableHeader> headers = measure_headers(extras);
    for (lxw_col_t c = 0; c < headers.size(); ++c)
        sheet.column(c, c, c < col_first_extra ? column_specs[c].width : extra_column_width,
                     c == col_no ? f.label : f.text);
    write_table_headers(sheet, headers);

    lxw_row_t row = first_data_row;
    std::vector<std::pair<lxw_row_t, lxw_row_t>> step_blocks;  // consecutive step rows, for the dropdown
    for (const model::Measure& m : report.measures) {
        sheet.text(row, col_no, std::to_string(m.number), f.bold_label);
        sheet.text(row, col_item, m.text, f.bold_text);
        sheet.text(row, col_target_group, m.target_group, f.bold_text);
        sheet.text(row, col_indicator, m.indicator, f.bold_text);
        sheet.text(row, col_owner, m.owner, f.bold_text);
        sheet.text(row, col_monitoring, m.monitoring, f.bold_text);
        if (auto gone = removed.find(m.number); gone != removed.end())
            sheet.text(row, col_change, removed_steps_text(gone->second), f.bold_text);
        ++row;
        if (!m.steps.empty()) step_blocks.push_back({row, lxw_row_t(row + m.steps.size() - 1)});
        for (const model::Step& s : m.steps) {
            sheet.text(row, col_no, step_label(s), f.label);
            sheet.text(row, col_item, s.text, f.text);
            sheet.text(row, col_target_group, own(s.target_group, m.target_group), f.text);
            sheet.text(row, col_indicator, own(s.indicator, m.indicator), f.text);
            sheet.text(row, col_owner, own(s.owner, m.owner), f.text);
            sheet.text(row, col_monitoring, own(s.monitoring, m.monitoring), f.text);
            sheet.text(row, col_status, status_word(s.status), f.text);
            sheet.text(row, col_progress, s.progress, f.text);
            // A due date in ISO form becomes a date cell (shown as a Thai date); ingest gives it back as ISO.
            if (auto due = iso_date(s.due)) sheet.date(row, col_due, *due, f.date);
            else sheet.text(row, col_due, s.due, f.text);
            if (auto change = step_changes.find({s.measure_no, s.step_no}); change != step_changes.end())
                sheet.text(row, col_change, change->second, f.text);
            for (std::size_t i = 0; i < extras.size(); ++i) {
                auto it = s.extra.find(extras[i]);
                if (it != s.extra.end()) sheet.text(row, lxw_col_t(col_first_extra + i), it->second, f.text);
            }
            ++row;
        }
    }
    const lxw_row_t last_row = std::max(row - 1, header_row);
    const lxw_col_t last_col = lxw_col_t(headers.size() - 1);
    if (changes) write_removed_section(sheet, *changes, row);

    for (const auto& [first, last] : step_blocks) add_status_dropdown(sheet, col_status, first, last);
    add_status_colours(sheet, col_status, first_data_row, last_row + spare_rows);
    if (lxw_worksheet* ws = sheet.get()) {
        worksheet_freeze_panes(ws, first_data_row, 0);
        sheet.check(worksheet_autofilter(ws, header_row, 0, last_row, last_col), "worksheet_autofilter");
        worksheet_activate(ws);  // the sheet staff open the workbook for
    }
    sheet.set_row_heights();
    hide_key_row(sheet);
    set_up_printing(sheet, {page_header_text(report), page_round_text(report)}, first_data_row);
}

}  // namespace saraban::render::xlsx_detail
