// Sheet คะแนน [scores]: one row per fiscal year, scores as number cells shown with two decimals (Thai digits by
// format), the optional columns of the contract and any unknown ones kept.
#include <algorithm>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

void write_scores_sheet(Book& book, const model::Report& report) {
    Sheet sheet = book.add_sheet(scores_sheet_name);
    const Formats& f = book.formats();

    // Optional columns of the contract by key, then unknown ones by their (normalised) header, in first-seen order.
    std::vector<TableHeader> extras;
    for (const char* key : {"iit_respondents", "eit_respondents", "eit_population"})
        if (std::any_of(report.scores.begin(), report.scores.end(),
                        [&](const model::ScoreRow& s) { return s.extra.count(key); }))
            extras.push_back({key, thai_name(model::contract::score_columns(), key)});
    for (const model::ScoreRow& s : report.scores)
        for (const auto& [key, value] : s.extra)  // init-capture below: clang 14 cannot capture a binding
            if (std::none_of(extras.begin(), extras.end(),
                             [&key = key](const TableHeader& e) { return e.key == key || e.thai == key; }))
                extras.push_back({"", key});

    std::vector<TableHeader> headers;
    for (const char* key : {"fiscal_year", "iit", "eit", "oit", "ita", "level"})
        headers.push_back({key, thai_name(model::contract::score_columns(), key)});
    headers.insert(headers.end(), extras.begin(), extras.end());
    // Each header on one line in bold (ปีงบประมาณ was cut "ปีงบประมา / ณ"), a long unknown one wrapped at 30; the
    // level centred, clear of the score right-aligned beside it.
    for (lxw_col_t c = 0; c < headers.size(); ++c) {
        lxw_format* column_format = c >= score_col_first_optional ? f.text : f.score;
        if (c == score_col_year) column_format = f.integer;
        if (c == score_col_level) column_format = f.label;
        sheet.column(c, c, column_width({headers[c].thai}, 12, 30, true), column_format);
    }
    write_table_headers(sheet, headers);

    lxw_row_t row = first_data_row;
    for (const model::ScoreRow& s : report.scores) {
        sheet.number(row, score_col_year, s.fiscal_year_be, f.integer);
        const double values[] = {s.iit, s.eit, s.oit, s.ita};
        for (lxw_col_t c = 0; c < 4; ++c) sheet.number(row, score_col_iit + c, values[c], f.score);
        sheet.text(row, score_col_level, s.level, f.label);
        for (std::size_t i = 0; i < extras.size(); ++i) {
            auto it = s.extra.find(extras[i].key.empty() ? extras[i].thai : extras[i].key);
            if (it == s.extra.end()) continue;
            lxw_col_t col = lxw_col_t(score_col_first_optional + i);
            if (auto n = exact_number(it->second)) sheet.number(row, col, *n, f.general);
            else sheet.text(row, col, it->second, f.text);
        }
        ++row;
    }
    if (lxw_worksheet* ws = sheet.get()) worksheet_freeze_panes(ws, first_data_row, 1);
    sheet.set_row_heights();
    hide_key_row(sheet);
    set_up_printing(sheet, {page_header_text(report), page_round_text(report)}, first_data_row);
}

}  // namespace saraban::render::xlsx_detail
