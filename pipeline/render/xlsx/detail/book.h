// Internal to render/xlsx: the workbook being written, its formats, and checked cell writers. Every libxlsxwriter
// call that returns an lxw_error goes through Book::check, which keeps the first failure with its place.
#pragma once

#include <xlsxwriter.h>

#include <ctime>
#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/report.h"

namespace saraban::render::xlsx_detail {

// Body font of every cell format (the regulation's font for official documents).
inline constexpr const char* body_font = "TH Sarabun New";
inline constexpr double body_font_size = 16;
// Row height (points) of one line of the body font, and of each further wrapped line: LibreOffice sets the lines
// of a wrapped 16-pt cell 18.7 pt apart (measured in its PDF); a little more, so that no line is cut.
inline constexpr double one_line_height = 26;
inline constexpr double line_height = 19.5;
// Pixels per unit of column width. A unit is the default font's digit (Calibri 11): 7 px in Excel; LibreOffice
// (with Carlito, Calibri's metrics) printed the มาตรการ sheet about 8 % wider, so 8 leaves room in both.
inline constexpr double pixels_per_width_unit = 8;

// Number formats. Thai digits come only from the format code, never from the cell: "[$-D07041E]" is Excel's
// locale prefix xxyyzzzz with numeral shape 0D (Thai digits), calendar 07 (Thai Buddhist era) and LCID 041E
// (Thai); Excel and LibreOffice 7.4 show 17 Sep 2021 as "๑๗ กันยายน ๒๕๖๔" and 96.29 as "๙๖.๒๙". (The newer
// "[$-th-TH,D07]" form is not understood by LibreOffice 7.4.)
inline constexpr const char* thai_date_format = "[$-D07041E]d mmmm yyyy";
inline constexpr const char* thai_integer_format = "[$-D00041E]0";
inline constexpr const char* thai_score_format = "[$-D00041E]0.00";
inline constexpr const char* thai_percent_format = "[$-D00041E]0.00%";
inline constexpr const char* thai_general_format = "[$-D00041E]General";
// A count of months with its unit, as the summary shows the round: 12 → "๑๒ เดือน" (the value stays 12).
inline constexpr const char* thai_months_format = "[$-D00041E]0\" เดือน\"";

// The three statuses as staff write them, in the model's order (done, in progress, not started).
inline constexpr const char* status_words[3] = {"ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"};
const char* status_word(model::Status status);

struct Formats {
    lxw_format* text = nullptr;       // wrapped, top-aligned
    lxw_format* bold_text = nullptr;  // measure rows
    lxw_format* header = nullptr;     // header rows: bold, wrapped, grey fill, border
    lxw_format* label = nullptr;      // ลำดับ: stored as text ("@") so that a typed 1.10 stays "1.10"
    lxw_format* bold_label = nullptr;
    lxw_format* title = nullptr;      // a sheet's title line
    lxw_format* date = nullptr;       // Thai date
    lxw_format* integer = nullptr;    // years, counts
    lxw_format* score = nullptr;      // 2 decimals
    lxw_format* percent = nullptr;
    lxw_format* general = nullptr;    // any number, Thai digits
    lxw_format* months = nullptr;     // "๑๒ เดือน"
    lxw_format* left_integer = nullptr;  // a year beside its label, not pushed to the far edge of a wide cell
    lxw_format* plain_text = nullptr;    // unwrapped, left: the hidden English keys (no height, no overflow)
    // Rows of what was removed since the previous round: struck through and grey, so they read as gone.
    lxw_format* removed_text = nullptr;
    lxw_format* removed_label = nullptr;
    // Conditional-format fills (differential formats: fill and font colour only), by status index.
    lxw_format* status_fill[3] = {};
};

class Book;

// One worksheet and its name; each writer checks its call and names the cell in the error.
class Sheet {
public:
    Sheet(Book& book, lxw_worksheet* sheet, std::string name) : book_(&book), sheet_(sheet), name_(std::move(name)) {}

    lxw_worksheet* get() const { return sheet_; }
    const std::string& name() const { return name_; }
    Book& book() const { return *book_; }

    // Writes nothing for an empty string (an empty cell reads back as an empty value).
    void text(lxw_row_t row, lxw_col_t col, const std::string& value, lxw_format* format);
    void number(lxw_row_t row, lxw_col_t col, double value, lxw_format* format);
    void date(lxw_row_t row, lxw_col_t col, const model::Date& value, lxw_format* format);
    // A formula with its cached result (what viewers that do not recalculate show).
    void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, double cached, lxw_format* format);
    void formula(lxw_row_t row, lxw_col_t col, const std::string& formula, const std::string& cached,
                 lxw_format* format);
    void column(lxw_col_t first, lxw_col_t last, double width, lxw_format* format);
    // The width on paper (points, at 100 %) of the columns column() has set: each column width ×
    // pixels_per_width_unit + 5 pixels, a pixel ¾ pt.
    double columns_points() const;
    // Records a failed call made directly on get(), naming the range.
    void check(lxw_error error, std::string_view call, std::string_view place = {});

    // "'มาตรการ'!" for formulas (Thai names are always quoted).
    std::string ref_prefix() const;

    // Sets the height of every row text() wrote to, from the lines its wrapped texts take in their columns'
    // widths, and a default height that fits one line of the body font. Neither Excel nor LibreOffice fits a
    // row to wrapped text on opening a file, so the heights are estimated here; call once, after the cells.
    void set_row_heights();

    // For a sheet written a row at a time (new_workbook(path, true), which flushes each row when the next one
    // begins and cannot go back to it): sets row's height now, from the texts it is about to hold, as
    // set_row_heights() would later. Call before writing the row's cells, after the columns' widths.
    struct PlannedText {
        lxw_col_t col;
        std::string_view text;
        lxw_format* format;
    };
    void fit_row(lxw_row_t row, const std::vector<PlannedText>& cells);

private:
    void check_cell(lxw_error error, std::string_view call, lxw_row_t row, lxw_col_t col);
    void note_lines(lxw_row_t row, lxw_col_t col, std::string_view value, lxw_format* format);
    void set_row_height(lxw_row_t row, double height);

    Book* book_;
    lxw_worksheet* sheet_;
    std::string name_;
    std::map<lxw_col_t, double> widths_;     // set by column()
    std::map<lxw_row_t, double> heights_;    // points, the tallest cell of each row written
    std::optional<lxw_row_t> fitted_through_;  // rows up to this one had their height set by fit_row()
};

// workbook_new for path; nullptr when out of memory. libxlsxwriter assembles each part of the workbook (about 20)
// in a temporary file: here in memory (part_files.h). rows_in_order: libxlsxwriter's constant_memory mode, for a
// sheet of any number of rows (the batch overview): each row goes to a temporary file as soon as the next one
// begins, so rows must be written in order (Sheet::fit_row), and strings are stored in their cells; that
// workbook's temporary files are real files ($TMPDIR, else /dev/shm with room, else /tmp).
lxw_workbook* new_workbook(const std::string& path, bool rows_in_order = false);

class Book {
public:
    explicit Book(lxw_workbook* workbook);

    lxw_workbook* get() const { return workbook_; }
    const Formats& formats() const { return formats_; }

    // Adds a worksheet; on failure records it and returns a sheet whose writers do nothing.
    Sheet add_sheet(const std::string& name);

    // Keeps the first failure as "<place>: <call>: <lxw_strerror(error)>"; LXW_NO_ERROR is ignored.
    void check(lxw_error error, std::string_view call, std::string_view place = {});
    void fail(std::string message);
    bool failed() const { return !error_.empty(); }
    const std::string& error() const { return error_; }

    // Closes the workbook, which writes path (and frees it) even after a failure; on any failure the file is
    // removed. Returns "" or the first error.
    std::string close(const std::string& path);

private:
    lxw_format* add_format();

    lxw_workbook* workbook_;
    Formats formats_;
    std::string error_;
};

// The number a text stands for when ingest would give the same text back from a number cell ("56" → 56,
// "95.2" → 95.2), else nullopt ("๓๐", "0056", "2021-02-16", "1e5" stay text).
std::optional<double> exact_number(const std::string& text);

// Parses ISO "2021-09-17" (exactly that form); nullopt otherwise.
std::optional<model::Date> iso_date(const std::string& text);

// A workbook's creation time: midnight UTC of the date (the memo's), never the clock (libxlsxwriter takes the
// current time for 0); 2000-01-01 when the date is not a real one after 1970.
std::time_t creation_time(const model::Date& date);

// Column letters for formulas: 0 → "A", 26 → "AA".
std::string column_letters(lxw_col_t col);

// Column width (Excel's character units) that shows text in the body font on one line (detail/text_metrics.h).
double text_width(std::string_view s, bool bold = false);

// The width for a column holding these texts: the widest, plus a unit, between min_width and max_width (longer
// texts wrap).
double column_width(const std::vector<std::string>& texts, double min_width, double max_width, bool bold = false);

}  // namespace saraban::render::xlsx_detail
