// Sheet มาตรการ [measures]: the sheet staff work in. One row per measure (bold) followed by its steps; the status
// of a step is chosen from a dropdown and coloured by value; header frozen, autofilter, printable on A4 landscape.
// A step's target group, indicator, owner and monitoring are written only where they differ from its measure's,
// as in the input: ingest gives an empty cell the measure's value back. Column เปลี่ยนแปลงจากรอบก่อน says what
// changed since the previous round (when the batch compared the rounds); ingest keeps it as an unknown column,
// and the next round writes it anew.
#include <algorithm>
#include <map>
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
        case compose::ChangeKind::removed: return "ไม่มีในรอบนี้";
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

    // Unknown columns of the input (on steps), by header, in first-seen order; the change column is ours.
    std::vector<std::string> extras;
    for (const model::Measure& m : report.measures)
        for (const model::Step& s : m.steps)
            for (const auto& [header, value] : s.extra)
                if (header != "เปลี่ยนแปลงจากรอบก่อน" && header != "เปลี่ยนแปลงจากรอบก่อน [change]" &&
                    std::find(extras.begin(), extras.end(), header) == extras.end())
                    extras.push_back(header);

    std::vector<std::string> headers = {
        "ลำดับ [no]",          "มาตรการ/ขั้นตอน [item]",  "กลุ่มเป้าหมาย [target_group]", "ตัวชี้วัด [indicator]",
        "ผู้รับผิดชอบ [owner]", "การกำกับติดตาม [monitoring]", "สถานะ [status]",            "ความคืบหน้า [progress]",
        "กำหนดแล้วเสร็จ [due]", change_column_header,
    };
    headers.insert(headers.end(), extras.begin(), extras.end());

    // Short columns fit their longest text; long ones are capped and wrap.
    std::map<lxw_col_t, std::vector<std::string>> texts;
    for (lxw_col_t c = 0; c < headers.size(); ++c) texts[c].push_back(c == col_status ? "" : headers[c]);
    for (const char* word : status_words) texts[col_status].push_back(word);
    for (const model::Measure& m : report.measures) {
        texts[col_no].push_back(std::to_string(m.number));
        for (const model::Step& s : m.steps) {
            texts[col_no].push_back(step_label(s));
            texts[col_due].push_back(s.due);
        }
    }
    const double max_widths[] = {10, 70, 30, 45, 30, 35, 30, 70, 24, 40};
    for (lxw_col_t c = 0; c < headers.size(); ++c) {
        double max_width = c < col_first_extra ? max_widths[c] : 30;
        double min_width = c == col_no ? 8 : std::min(max_width, 14.0);
        double width = c == col_no || c == col_status || c == col_due ? column_width(texts[c], min_width, max_width)
                                                                      : max_width;
        sheet.column(c, c, width, c == col_no ? f.label : f.text);
    }
    for (lxw_col_t c = 0; c < headers.size(); ++c) sheet.text(0, c, headers[c], f.header);

    lxw_row_t row = 1;
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
    const lxw_row_t last_row = row - 1;  // 0 when there are no measures
    const lxw_col_t last_col = lxw_col_t(headers.size() - 1);

    for (const auto& [first, last] : step_blocks) add_status_dropdown(sheet, col_status, first, last);
    add_status_colours(sheet, col_status, 1, last_row + spare_rows);
    if (lxw_worksheet* ws = sheet.get()) {
        worksheet_freeze_panes(ws, 1, 0);
        sheet.check(worksheet_autofilter(ws, 0, 0, last_row, last_col), "worksheet_autofilter");
        worksheet_activate(ws);  // the sheet staff open the workbook for
    }
    sheet.set_row_heights();
    set_up_printing(sheet, true, page_header_text(report), true);
}

}  // namespace saraban::render::xlsx_detail
