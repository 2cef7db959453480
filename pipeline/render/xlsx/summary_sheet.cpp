// Sheet สรุป [summary]: live counts over the มาตรการ sheet, so that they follow what staff change. Each formula
// carries the value computed here from the model as its cached result, for viewers that do not recalculate.
//
//   steps by status    COUNTIFS('มาตรการ'!$A:$A,"*.*",'มาตรการ'!$G:$G,$A5)   (a step's ลำดับ has a dot)
//   share done         =IF(B8=0,0,B5/B8)
//   per measure        COUNTIFS('มาตรการ'!$A:$A,$A18&".*",'มาตรการ'!$G:$G,D$17), and the measure's status
//   measures by status COUNTIF over the per-measure status column
//   a chart of ITA, IIT, EIT and OIT by fiscal year (trend_chart.cpp)
#include <algorithm>
#include <array>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {
namespace {

std::string cell(lxw_row_t row, lxw_col_t col, bool absolute_col = false, bool absolute_row = false) {
    return (absolute_col ? "$" : "") + column_letters(col) + (absolute_row ? "$" : "") + std::to_string(row + 1);
}

std::size_t index_of(model::Status s) {
    return s == model::Status::done ? 0 : s == model::Status::in_progress ? 1 : 2;
}

}  // namespace

void write_summary_sheet(Book& book, const model::Report& report) {
    Sheet sheet = book.add_sheet(summary_sheet_name);
    const Formats& f = book.formats();
    const std::string measures = Sheet(book, nullptr, measures_sheet_name).ref_prefix();
    const std::string no_column = measures + "$" + column_letters(col_no) + ":$" + column_letters(col_no);
    const std::string status_column =
        measures + "$" + column_letters(col_status) + ":$" + column_letters(col_status);

    // What the formulas should give, from the model.
    std::array<int, 3> steps_by_status{};
    std::array<int, 3> measures_by_status{};
    int steps = 0;
    for (const model::Measure& m : report.measures) {
        for (const model::Step& s : m.steps) ++steps_by_status[index_of(s.status)];
        steps += int(m.steps.size());
        ++measures_by_status[index_of(model::measure_status(m))];
    }

    // 156 units: the page's width at 84 %; the chart goes under the tables, within columns A to F.
    sheet.column(0, 0, 30, f.text);
    sheet.column(1, 1, 44, f.text);
    sheet.column(2, 5, 15, f.text);
    sheet.column(6, 6, 22, f.text);

    std::string title = "สรุปผลการดำเนินการตามมาตรการ";
    if (!report.memo.agency_abbr.empty()) title += " " + report.memo.agency_abbr;
    sheet.text(0, 0, title, f.title);
    // Label and number in cells of their own, each number at the left of its cell: "ปีงบประมาณ │ ๒๕๖๔" and
    // "รอบรายงาน │ ๑๒ เดือน", the numbers still numbers.
    sheet.text(1, 0, "ปีงบประมาณ พ.ศ.", f.text);
    if (report.memo.fiscal_year_be) sheet.number(1, 1, report.memo.fiscal_year_be, f.left_integer);
    sheet.text(1, 2, "รอบรายงาน", f.text);
    if (report.memo.round_months) sheet.number(1, 3, report.memo.round_months, f.months);

    // Steps by status (rows 4..9 in Excel's numbering).
    const lxw_row_t t1 = 3;
    sheet.text(t1, 0, "สถานะ", f.header);
    sheet.text(t1, 1, "จำนวนขั้นตอน", f.header);
    for (lxw_row_t i = 0; i < 3; ++i) {
        lxw_row_t r = t1 + 1 + i;
        sheet.text(r, 0, status_words[i], f.text);
        sheet.formula(r, 1, "=COUNTIFS(" + no_column + ",\"*.*\"," + status_column + "," + cell(r, 0, true) + ")",
                      steps_by_status[i], f.integer);
    }
    const lxw_row_t total_row = t1 + 4;
    // Every step row, not those shown as removed since the previous round ("ตัดออก 4.3").
    sheet.text(total_row, 0, "รวม", f.bold_text);
    sheet.formula(total_row, 1,
                  "=COUNTIFS(" + no_column + ",\"*.*\"," + no_column + ",\"<>" +
                      std::string(model::contract::removed_marker) + "*\")",
                  steps, f.integer);
    const lxw_row_t share_row = total_row + 1;
    sheet.text(share_row, 0, "ร้อยละที่ดำเนินการแล้ว", f.bold_text);
    sheet.formula(share_row, 1,
                  "=IF(" + cell(total_row, 1) + "=0,0," + cell(t1 + 1, 1) + "/" + cell(total_row, 1) + ")",
                  steps ? double(steps_by_status[0]) / steps : 0.0, f.percent);

    // Per measure (further down, so the measures-by-status table can point at its status column).
    const lxw_row_t t3 = share_row + 8;
    const lxw_row_t first_measure = t3 + 1;
    const lxw_row_t last_measure = first_measure + lxw_row_t(report.measures.size()) - 1;
    const char* t3_headers[] = {"มาตรการที่", "มาตรการ", "ขั้นตอนทั้งหมด", status_words[0],
                                status_words[1], status_words[2], "สถานะมาตรการ"};
    for (lxw_col_t c = 0; c < 7; ++c) sheet.text(t3, c, t3_headers[c], f.header);
    lxw_row_t r = first_measure;
    for (const model::Measure& m : report.measures) {
        std::array<int, 3> counts{};
        for (const model::Step& s : m.steps) ++counts[index_of(s.status)];
        const std::string prefix = cell(r, 0, true) + "&\".*\"";  // "5" → "5.*": the steps of measure 5
        sheet.text(r, 0, std::to_string(m.number), f.label);
        sheet.text(r, 1, m.text, f.text);
        sheet.formula(r, 2, "=COUNTIF(" + no_column + "," + prefix + ")", double(m.steps.size()), f.integer);
        for (lxw_col_t i = 0; i < 3; ++i)
            sheet.formula(r, 3 + i,
                          "=COUNTIFS(" + no_column + "," + prefix + "," + status_column + "," +
                              cell(t3, 3 + i, false, true) + ")",
                          counts[i], f.integer);
        // done when all are done, not started when none has begun (or no steps), else in progress
        const std::string all = cell(r, 2);
        const std::string formula = "=IF(" + all + "=0," + cell(t3, 5, true, true) + ",IF(" + cell(r, 3) + "=" + all +
                                    "," + cell(t3, 3, true, true) + ",IF(" + cell(r, 5) + "=" + all + "," +
                                    cell(t3, 5, true, true) + "," + cell(t3, 4, true, true) + ")))";
        sheet.formula(r, 6, formula, status_word(model::measure_status(m)), f.text);
        ++r;
    }
    if (!report.measures.empty()) add_status_colours(sheet, 6, first_measure, last_measure);

    // Measures by status.
    const lxw_row_t t2 = share_row + 2;
    sheet.text(t2, 0, "สถานะมาตรการ", f.header);
    sheet.text(t2, 1, "จำนวนมาตรการ", f.header);
    const std::string status_range = report.measures.empty()
                                         ? cell(first_measure, 6, true, true) + ":" + cell(first_measure, 6, true, true)
                                         : cell(first_measure, 6, true, true) + ":" + cell(last_measure, 6, true, true);
    for (lxw_row_t i = 0; i < 3; ++i) {
        lxw_row_t row = t2 + 1 + i;
        sheet.text(row, 0, status_words[i], f.text);
        sheet.formula(row, 1, "=COUNTIF(" + status_range + "," + cell(row, 0, true) + ")", measures_by_status[i],
                      f.integer);
    }
    sheet.text(t2 + 4, 0, "รวม", f.bold_text);
    sheet.formula(t2 + 4, 1, "=SUM(" + cell(t2 + 1, 1) + ":" + cell(t2 + 3, 1) + ")", double(report.measures.size()),
                  f.integer);
    add_status_colours(sheet, 0, t1 + 1, t1 + 3);
    add_status_colours(sheet, 0, t2 + 1, t2 + 3);

    // The per-measure table and the chart each begin a printed page, so that neither is cut across two.
    const lxw_row_t chart_row = std::max(last_measure, first_measure) + 2;
    lxw_row_t page_breaks[] = {t3, chart_row, 0};
    if (sheet.get()) sheet.check(worksheet_set_h_pagebreaks(sheet.get(), page_breaks), "worksheet_set_h_pagebreaks");
    add_trend_chart(sheet, report, chart_row, 0);
    sheet.set_row_heights();
    set_up_printing(sheet, {page_header_text(report), page_round_text(report)}, 0);
}

}  // namespace saraban::render::xlsx_detail
