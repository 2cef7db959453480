// The trend chart of the summary sheet: ITA and its three parts (IIT, EIT, OIT) by fiscal year, a line each,
// drawn from the scores sheet's cells (so a corrected score redraws it). Its titles are Thai and its axes count in
// Thai digits: the years (already Buddhist era in the cells) and the scores carry the cells' Thai number format
// as their own, not linked to the source, since a chart's axis takes no digits from its cells.
//
// Example:
//   add_trend_chart(summary, report, 3, 8);  // top-left corner at I4
#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

void add_trend_chart(Sheet& sheet, const model::Report& report, lxw_row_t row, lxw_col_t col) {
    if (!sheet.get() || report.scores.empty()) return;  // nothing to draw
    Book& book = sheet.book();
    lxw_chart* chart = workbook_add_chart(book.get(), LXW_CHART_LINE);
    if (!chart) {
        book.fail("sheet " + sheet.name() + ": workbook_add_chart: cannot add the chart");
        return;
    }
    lxw_chart_font font = {};
    font.name = const_cast<char*>(body_font);
    font.size = body_font_size;  // printed at the summary's scale, like its cells: ≥ 12 pt on paper
    lxw_chart_font title_font = font;
    title_font.size = 20;
    title_font.bold = LXW_TRUE;

    const lxw_row_t first = first_data_row;
    const lxw_row_t last = first + lxw_row_t(report.scores.size()) - 1;
    const lxw_col_t columns[] = {score_col_ita, score_col_iit, score_col_eit, score_col_oit};
    for (lxw_col_t c : columns) {
        lxw_chart_series* series = chart_add_series(chart, nullptr, nullptr);
        if (!series) {
            book.fail("sheet " + sheet.name() + ": chart_add_series: cannot add a series");
            return;
        }
        chart_series_set_categories(series, scores_sheet_name, first, score_col_year, last, score_col_year);
        chart_series_set_values(series, scores_sheet_name, first, c, last, c);
        chart_series_set_name_range(series, scores_sheet_name, header_row, c);
        chart_series_set_marker_type(series, LXW_CHART_MARKER_AUTOMATIC);
        if (c == score_col_ita) {
            lxw_chart_line line = {};
            line.width = 3;
            chart_series_set_line(series, &line);
        }
    }
    chart_title_set_name(chart, "ผลคะแนน ITA รายปีงบประมาณ");
    chart_title_set_name_font(chart, &title_font);
    chart_axis_set_name(chart->x_axis, "ปีงบประมาณ (พ.ศ.)");
    chart_axis_set_num_format(chart->x_axis, thai_integer_format);
    chart_axis_set_name_font(chart->x_axis, &font);
    chart_axis_set_num_font(chart->x_axis, &font);
    chart_axis_set_name(chart->y_axis, "คะแนน (ร้อยละ)");
    chart_axis_set_num_format(chart->y_axis, thai_integer_format);
    chart_axis_set_name_font(chart->y_axis, &font);
    chart_axis_set_num_font(chart->y_axis, &font);
    chart_axis_set_max(chart->y_axis, 100);
    chart_legend_set_position(chart, LXW_CHART_LEGEND_BOTTOM);
    chart_legend_set_font(chart, &font);

    lxw_chart_options options = {};
    options.x_scale = 1.6;
    options.y_scale = 1.6;
    options.description = const_cast<char*>("ผลคะแนน ITA, IIT, EIT และ OIT รายปีงบประมาณ");
    sheet.check(worksheet_insert_chart_opt(sheet.get(), row, col, chart, &options), "worksheet_insert_chart_opt",
                "cell " + column_letters(col) + std::to_string(row + 1));
}

}  // namespace saraban::render::xlsx_detail
