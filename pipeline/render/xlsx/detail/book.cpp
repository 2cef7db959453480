#include "render/xlsx/detail/book.h"

#include "text/dates.h"
#include "text/file_errors.h"

#include <algorithm>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstdlib>

#include "model/cell_ref.h"
#include "render/xlsx/detail/part_files.h"
#include "render/xlsx/detail/text_metrics.h"

namespace saraban::render::xlsx_detail {

const char* status_word(model::Status status) {
    switch (status) {
        case model::Status::done: return status_words[0];
        case model::Status::in_progress: return status_words[1];
        case model::Status::not_started: return status_words[2];
    }
    return status_words[2];
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet

// The place is spelt out only for a failure: most calls succeed, and there is one for each cell.
void Sheet::check_cell(lxw_error error, std::string_view call, lxw_row_t row, lxw_col_t col) {
    if (error != LXW_NO_ERROR)
        book_->check(error, call, "sheet " + name_ + ", cell " + model::cell_name(int(row) + 1, int(col) + 1));
}

void Sheet::check(lxw_error error, std::string_view call, std::string_view where) {
    if (error == LXW_NO_ERROR) return;
    std::string at = "sheet " + name_;
    if (!where.empty()) at += ", " + std::string(where);
    book_->check(error, call, at);
}

void Sheet::note_lines(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format) {
    const Formats& f = book_->formats();
    const bool wraps = format == f.text || format == f.bold_text || format == f.header ||
                       format == f.removed_text || format == f.removed_label;
    const bool bold = format == f.bold_text || format == f.header || format == f.bold_label;
    auto width = widths_.find(col);
    const double units = width == widths_.end() ? 8.43 : width->second;
    // Unwrapped text stays on its lines ('\n'), however long; wrapped text takes the lines it wraps to.
    const double lines = wraps ? wrapped_lines(value, text_area_points(units), bold)
                               : double(1 + std::count(value.begin(), value.end(), '\n'));
    double scale = format == f.title ? 1.3 : 1.0;
    double height = scale * (one_line_height + (lines - 1) * line_height);
    heights_[row] = std::max(heights_[row], height);
}

void Sheet::set_row_height(lxw_row_t row, double height) {
    if (height <= one_line_height) return;  // the default height
    if (lxw_error error = worksheet_set_row(sheet_, row, height, nullptr); error != LXW_NO_ERROR)
        book_->check(error, "worksheet_set_row", "sheet " + name_ + ", row " + std::to_string(row + 1));
}

void Sheet::set_row_heights() {
    if (!sheet_) return;
    worksheet_set_default_row(sheet_, one_line_height, LXW_FALSE);
    for (const auto& [row, height] : heights_) set_row_height(row, height);
}

void Sheet::fit_row(lxw_row_t row, const std::vector<PlannedText>& cells) {
    if (!sheet_) return;
    // The default height first: rows written before it would go out without it.
    if (!fitted_through_) worksheet_set_default_row(sheet_, one_line_height, LXW_FALSE);
    for (const PlannedText& c : cells)
        if (!c.text.empty()) note_lines(row, c.col, c.text, c.format);
    auto it = heights_.find(row);
    if (it != heights_.end()) {
        set_row_height(row, it->second);
        heights_.erase(it);  // set: nothing kept per row, however many rows
    }
    fitted_through_ = row;
}

void Sheet::text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format) {
    if (!sheet_ || value.empty()) return;
    if (!fitted_through_ || row > *fitted_through_) note_lines(row, col, value, format);
    check_cell(worksheet_write_string(sheet_, row, col, value.c_str(), format), "worksheet_write_string", row, col);
}

void Sheet::number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_number(sheet_, row, col, value, format), "worksheet_write_number", row, col);
}

void Sheet::date(lxw_row_t row, lxw_col_t col, const model::Date& value, lxw_format* format) {
    if (!sheet_) return;
    lxw_datetime when{value.year, value.month, value.day, 0, 0, 0};
    check_cell(worksheet_write_datetime(sheet_, row, col, &when, format), "worksheet_write_datetime", row, col);
}

void Sheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached, lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_formula_num(sheet_, row, col, formula.c_str(), format, cached),
               "worksheet_write_formula_num", row, col);
}

void Sheet::formula(lxw_row_t row, lxw_col_t col, const std::string& formula, const std::string& cached,
                    lxw_format* format) {
    if (!sheet_) return;
    check_cell(worksheet_write_formula_str(sheet_, row, col, formula.c_str(), format, cached.c_str()),
               "worksheet_write_formula_str", row, col);
}

void Sheet::column(lxw_col_t first, lxw_col_t last, double width, lxw_format* format) {
    if (!sheet_) return;
    for (lxw_col_t c = first; c <= last; ++c) widths_[c] = width;
    if (lxw_error error = worksheet_set_column(sheet_, first, last, width, format); error != LXW_NO_ERROR)
        book_->check(error, "worksheet_set_column", "sheet " + name_ + ", column " + column_letters(first));
}

double Sheet::columns_points() const {
    double pixels = 0;
    for (const auto& [col, width] : widths_) pixels += width * pixels_per_width_unit + 5;
    return pixels * 0.75;
}

std::string Sheet::ref_prefix() const {
    std::string quoted;
    for (char c : name_) quoted += c == '\'' ? std::string("''") : std::string(1, c);
    return "'" + quoted + "'!";
}

// ---------------------------------------------------------------------------------------------------------------
// Book

lxw_workbook* new_workbook(const std::string& path, bool rows_in_order) {
    lxw_workbook_options options = {};
    options.constant_memory = rows_in_order ? LXW_TRUE : LXW_FALSE;
    options.tmpdir = rows_in_order ? const_cast<char*>(part_file_folder()) : in_memory_parts();
    return workbook_new_opt(path.c_str(), &options);
}

Book::Book(lxw_workbook* workbook) : workbook_(workbook) {
    Formats& f = formats_;
    f.text = add_format();
    format_set_text_wrap(f.text);
    f.bold_text = add_format();
    format_set_text_wrap(f.bold_text);
    format_set_bold(f.bold_text);
    f.label = add_format();
    format_set_num_format(f.label, "@");
    format_set_align(f.label, LXW_ALIGN_CENTER);
    f.bold_label = add_format();
    format_set_num_format(f.bold_label, "@");
    format_set_align(f.bold_label, LXW_ALIGN_CENTER);
    format_set_bold(f.bold_label);
    f.header = add_format();
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    format_set_align(f.header, LXW_ALIGN_CENTER);
    format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
    format_set_bg_color(f.header, 0xD9D9D9);
    format_set_border(f.header, LXW_BORDER_THIN);
    f.title = add_format();
    format_set_bold(f.title);
    format_set_font_size(f.title, 20);
    f.date = add_format();
    format_set_num_format(f.date, thai_date_format);
    format_set_align(f.date, LXW_ALIGN_LEFT);
    f.integer = add_format();
    format_set_num_format(f.integer, thai_integer_format);
    f.score = add_format();
    format_set_num_format(f.score, thai_score_format);
    f.percent = add_format();
    format_set_num_format(f.percent, thai_percent_format);
    f.general = add_format();
    format_set_num_format(f.general, thai_general_format);
    f.months = add_format();
    format_set_num_format(f.months, thai_months_format);
    format_set_align(f.months, LXW_ALIGN_LEFT);
    f.left_integer = add_format();
    format_set_num_format(f.left_integer, thai_integer_format);
    format_set_align(f.left_integer, LXW_ALIGN_LEFT);
    f.plain_text = add_format();
    format_set_align(f.plain_text, LXW_ALIGN_LEFT);
    const lxw_color_t removed_grey = 0x7F7F7F;
    f.removed_text = add_format();
    format_set_text_wrap(f.removed_text);
    format_set_font_strikeout(f.removed_text);
    format_set_font_color(f.removed_text, removed_grey);
    f.removed_label = add_format();
    format_set_num_format(f.removed_label, "@");
    format_set_text_wrap(f.removed_label);
    format_set_align(f.removed_label, LXW_ALIGN_CENTER);
    format_set_font_color(f.removed_label, removed_grey);

    // Green, amber, red: Excel's own "good / neutral / bad" cell styles.
    const lxw_color_t fills[3] = {0xC6EFCE, 0xFFEB9C, 0xFFC7CE};
    const lxw_color_t fonts[3] = {0x006100, 0x9C5700, 0x9C0006};
    for (int i = 0; i < 3; ++i) {
        // Differential formats carry only what changes: the body font comes from the cell's own format.
        f.status_fill[i] = workbook_add_format(workbook_);
        format_set_bg_color(f.status_fill[i], fills[i]);
        format_set_font_color(f.status_fill[i], fonts[i]);
    }
}

lxw_format* Book::add_format() {
    lxw_format* format = workbook_add_format(workbook_);
    format_set_font_name(format, body_font);
    format_set_font_size(format, body_font_size);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    return format;
}

Sheet Book::add_sheet(const std::string& name) {
    lxw_worksheet* sheet = workbook_add_worksheet(workbook_, name.c_str());
    if (!sheet) fail("workbook_add_worksheet: cannot add sheet " + name);
    return Sheet(*this, sheet, name);
}

void Book::check(lxw_error error, std::string_view call, std::string_view place) {
    if (error == LXW_NO_ERROR) return;
    std::string message = place.empty() ? "" : std::string(place) + ": ";
    fail(message + std::string(call) + ": " + lxw_strerror(error));
}

void Book::fail(std::string message) {
    if (error_.empty()) error_ = std::move(message);
}

// ---------------------------------------------------------------------------------------------------------------

std::optional<double> exact_number(const std::string& text) {
    if (text.empty() || text.size() > 32) return std::nullopt;
    double value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || !std::isfinite(value)) return std::nullopt;
    // What ingest writes for a number cell: an integer without decimals, else the shortest round-trip form.
    std::string again;
    if (std::abs(value) < 1e15 && value == std::floor(value)) {
        again = std::to_string(static_cast<long long>(value));
    } else {
        char buffer[64];
        auto [last, error] = std::to_chars(buffer, buffer + sizeof buffer, value);
        if (error != std::errc()) return std::nullopt;
        again.assign(buffer, last);
    }
    if (again != text) return std::nullopt;
    return value;
}

std::optional<model::Date> iso_date(const std::string& text) { return text::parse_iso_date(text); }

std::time_t creation_time(const model::Date& d) {
    if (d.year < 1971 || d.month < 1 || d.month > 12 || d.day < 1 || d.day > 31)
        return 946684800;  // 2000-01-01 00:00:00 UTC
    // Days from civil (Howard Hinnant's algorithm).
    int y = d.year - (d.month <= 2 ? 1 : 0);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153LL * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::time_t((era * 146097 + doe - 719468) * 86400);
}

std::string column_letters(lxw_col_t col) {
    std::string letters;
    for (int c = int(col) + 1; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters;
}

double text_width(std::string_view s, bool bold) { return units_for_points(text_points(s, bold)); }

double column_width(const std::vector<std::string>& texts, double min_width, double max_width, bool bold) {
    double widest = 0;
    for (const std::string& t : texts) widest = std::max(widest, text_width(t, bold));
    return std::clamp(widest + 1, min_width, max_width);
}

std::string Book::close(const std::string& path) {
    const unsigned long cut_short = memory_parts_cut_short();
    errno = 0;
    const lxw_error closed = workbook_close(workbook_);
    // libxlsxwriter writes the file itself; a full or failing disk reaches it as a zip error with errno set, which
    // is said as every other file of the run says it (the disk, not the workbook, is what the operator must fix).
    const int disk_error = errno;
    if (closed != LXW_NO_ERROR && !failed() &&
        (disk_error == ENOSPC || disk_error == EDQUOT || disk_error == EIO || disk_error == EFBIG ||
         disk_error == EROFS))
        fail(text::write_error(path, disk_error, "workbook_close"));
    check(closed, "workbook_close", path);
    if (!failed() && memory_parts_cut_short() > cut_short)
        error_ = path + ": workbook_close: out of memory while assembling a part of the workbook";
    if (failed()) std::remove(path.c_str());
    return error_;
}

}  // namespace saraban::render::xlsx_detail
