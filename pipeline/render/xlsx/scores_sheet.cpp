// Sheet คะแนน [scores]: one row per fiscal year, scores as number cells shown with two decimals (Thai digits by
// format), the optional columns of the contract and any unknown ones kept.
#include <algorithm>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

void write_scores_sheet(Book& book, const model::Report& report) {
    Sheet sheet = book.add_sheet(scores_sheet_name);
    const Formats& f = book.formats();

    // Optional columns by canonical key, then unknown ones by their (normalised) header, in first-seen order.
    struct Extra {
        std::string key;
        std::string header;
    };
    std::vector<Extra> extras;
    const std::pair<const char*, const char*> optional[] = {
        {"iit_respondents", "ผู้ตอบ IIT [iit_respondents]"},
        {"eit_respondents", "ผู้ตอบ EIT [eit_respondents]"},
        {"eit_population", "ผู้มีส่วนได้ส่วนเสียภายนอก [eit_population]"},
    };
    // The lambdas name key through an init-capture: clang 14 refuses to capture a structured binding.
    for (const auto& [key, header] : optional)
        if (std::any_of(report.scores.begin(), report.scores.end(),
                        [key = key](const model::ScoreRow& s) { return s.extra.count(key); }))
            extras.push_back({key, header});
    for (const model::ScoreRow& s : report.scores)
        for (const auto& [key, value] : s.extra)
            if (std::none_of(extras.begin(), extras.end(), [&key = key](const Extra& e) { return e.key == key; }))
                extras.push_back({key, key});

    std::vector<std::string> headers = {"ปีงบประมาณ [fiscal_year]", "IIT", "EIT", "OIT", "ITA", "ระดับ [level]"};
    for (const Extra& e : extras) headers.push_back(e.header);
    for (lxw_col_t c = 0; c < headers.size(); ++c) {
        sheet.text(0, c, headers[c], f.header);
        lxw_format* column_format = c == score_col_level || c >= score_col_first_optional ? f.text : f.score;
        if (c == score_col_year) column_format = f.integer;
        double min_width = c == score_col_level ? 10 : 12;
        sheet.column(c, c, column_width({headers[c]}, min_width, 30), column_format);
    }

    lxw_row_t row = 1;
    for (const model::ScoreRow& s : report.scores) {
        sheet.number(row, score_col_year, s.fiscal_year_be, f.integer);
        const double values[] = {s.iit, s.eit, s.oit, s.ita};
        for (lxw_col_t c = 0; c < 4; ++c) sheet.number(row, score_col_iit + c, values[c], f.score);
        sheet.text(row, score_col_level, s.level, f.text);
        for (std::size_t i = 0; i < extras.size(); ++i) {
            auto it = s.extra.find(extras[i].key);
            if (it == s.extra.end()) continue;
            lxw_col_t col = lxw_col_t(score_col_first_optional + i);
            if (auto n = exact_number(it->second)) sheet.number(row, col, *n, f.general);
            else sheet.text(row, col, it->second, f.text);
        }
        ++row;
    }
    if (lxw_worksheet* ws = sheet.get()) worksheet_freeze_panes(ws, 1, 1);
    sheet.set_row_heights();
    set_up_printing(sheet, false, page_header_text(report), true);
}

}  // namespace saraban::render::xlsx_detail
