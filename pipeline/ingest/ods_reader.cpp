// Reads an .ods (OpenDocument spreadsheet) into the grid read_xlsx gives. Like xlsx_reader.cpp, everything here
// assumes the file is hostile: sizes in zip headers are not trusted, XML with DTDs is refused (both in
// detail/zip_package.cpp, shared with read_xlsx), every limit is checked while reading, and a repeat is expanded
// only when its cells hold a value: LibreOffice pads each sheet with 1048576 empty rows of 16384 empty columns,
// which must cost nothing.
#include "ingest/ods_reader.h"

#include <algorithm>
#include <charconv>
#include <map>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "ingest/detail/numbers.h"
#include "ingest/detail/zip_package.h"
#include "ingest/text.h"

namespace saraban::ingest {
namespace {

using model::Diagnostic;
using model::Severity;
using detail::child_named;
using detail::is_named;
using detail::parse_double;
using detail::within_shown_precision;

constexpr std::string_view spreadsheet_mimetype = "application/vnd.oasis.opendocument.spreadsheet";
constexpr std::string_view template_mimetype = "application/vnd.oasis.opendocument.spreadsheet-template";
constexpr std::string_view content_part = "content.xml";
constexpr std::string_view save_again =
    "เปิดใน LibreOffice แล้วบันทึกเป็น .ods หรือ .xlsx อีกครั้ง (open it in LibreOffice and save it as .ods or .xlsx "
    "again)";

// Whitespace-only text is kept: the space between two spans ("<text:span>a</text:span> <text:span>…") is the
// cell's.
const detail::PackageFormat ods_package = {".ods", save_again, "ไฟล์อาจเสียหาย (damaged)", false, "&#xFFFF;",
                                           pugi::parse_default | pugi::parse_ws_pcdata};

// ---------------------------------------------------------------------------------------------------------------
// Small helpers

// A repeat or span count: 1 when absent or not a positive number. Capped at 2^31, more than any sheet has, so
// that positions summed over a whole file cannot overflow.
std::int64_t count_attribute(const pugi::xml_node& node, const std::string& name) {
    std::string_view v = node.attribute(name.c_str()).value();
    std::int64_t n = 0;
    auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || end != v.data() + v.size() || n < 1) return 1;
    return std::min<std::int64_t>(n, std::int64_t(1) << 31);
}

// ---------------------------------------------------------------------------------------------------------------
// Dates and times as an .xlsx holds them

// Days from 1970-01-01 to a Gregorian date (Howard Hinnant's days_from_civil).
std::int64_t days_from_civil(std::int64_t y, int m, int d) {
    y -= m <= 2;
    const std::int64_t era = (y >= 0 ? y : y - 399) / 400;
    const std::int64_t yoe = y - era * 400;
    const std::int64_t doy = (153 * (m > 2 ? m - 3 : m + 9) + 2) / 5 + d - 1;
    return era * 146097 + yoe * 365 + yoe / 4 - yoe / 100 + doy - 719468;
}

// Reads a run of digits (at least `min`, at most 9) from the front of s.
bool take_digits(std::string_view& s, std::size_t min, int& value) {
    std::size_t n = 0;
    while (n < s.size() && n < 9 && s[n] >= '0' && s[n] <= '9') ++n;
    if (n < min) return false;
    std::from_chars(s.data(), s.data() + n, value);
    s.remove_prefix(n);
    return true;
}

bool take(std::string_view& s, char c) {
    if (s.empty() || s.front() != c) return false;
    s.remove_prefix(1);
    return true;
}

// office:date-value "2021-09-17" or "2021-09-17T08:30:00[.5][Z|+07:00]" → the serial an .xlsx holds for it, in
// the 1900 system: days since 1899-12-30, one fewer in January and February 1900 (Excel counts a 29 February
// 1900), the time of day as the fraction. A B.E. year (2564-09-17, typed into a Gregorian sheet) is kept as written, as an
// .xlsx keeps it: read_report makes it the B.E. date.
std::optional<double> date_serial(std::string_view s) {
    int y = 0, m = 0, d = 0, hh = 0, mm = 0, ss = 0;
    if (!take_digits(s, 4, y) || !take(s, '-') || !take_digits(s, 2, m) || !take(s, '-') || !take_digits(s, 2, d))
        return std::nullopt;
    static constexpr int month_days[] = {31, 29, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
    if (m < 1 || m > 12 || d < 1 || d > month_days[m - 1] || (m == 2 && d == 29 && !leap)) return std::nullopt;
    double seconds = 0;
    if (take(s, 'T')) {
        if (!take_digits(s, 2, hh) || !take(s, ':') || !take_digits(s, 2, mm) || !take(s, ':') ||
            !take_digits(s, 2, ss) || hh > 24 || mm > 59 || ss > 60)
            return std::nullopt;
        seconds = hh * 3600.0 + mm * 60.0 + ss;
        if (s.starts_with('.')) {  // a fraction of a second; a time zone after it, if any, is ignored
            double fraction = 0;
            std::from_chars(s.data(), s.data() + s.size(), fraction);
            seconds += fraction;
        }
    } else if (!s.empty()) {
        return std::nullopt;
    }
    std::int64_t day = days_from_civil(y, m, d) - days_from_civil(1899, 12, 30);
    if (day > 1 && day < 61) --day;  // Excel's 1 is 1900-01-01; before it there is no day to be one fewer
    return double(day) + seconds / 86400;
}

// office:time-value, an ISO 8601 duration ("PT08H30M00S", "-PT1H", "P1DT2H") → days, as an .xlsx holds a time.
// Years and months have no fixed length: refused.
std::optional<double> duration_days(std::string_view s) {
    const bool negative = take(s, '-');
    if (!take(s, 'P') || s.empty()) return std::nullopt;
    double days = 0;
    bool in_time = false;
    while (!s.empty()) {
        if (take(s, 'T')) {
            in_time = true;
            continue;
        }
        double n = 0;
        auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), n, std::chars_format::fixed);
        if (ec != std::errc() || end == s.data() + s.size() || n < 0) return std::nullopt;
        const char unit = *end;
        s.remove_prefix(std::size_t(end - s.data()) + 1);
        if (!in_time && unit == 'D') days += n;
        else if (in_time && unit == 'H') days += n / 24;
        else if (in_time && unit == 'M') days += n / 1440;
        else if (in_time && unit == 'S') days += n / 86400;
        else return std::nullopt;
    }
    return negative ? -days : days;
}

// ---------------------------------------------------------------------------------------------------------------
// Attribute names

constexpr std::string_view office_ns = "urn:oasis:names:tc:opendocument:xmlns:office:1.0";
constexpr std::string_view table_ns = "urn:oasis:names:tc:opendocument:xmlns:table:1.0";
constexpr std::string_view text_ns = "urn:oasis:names:tc:opendocument:xmlns:text:1.0";
constexpr std::string_view style_ns = "urn:oasis:names:tc:opendocument:xmlns:style:1.0";
constexpr std::string_view calcext_ns = "urn:org:documentfoundation:names:experimental:calc:xmlns:calcext:1.0";

// ODF attributes differ by namespace only (office:value-type and calcext:value-type share a local name), so they
// are looked up under the prefixes the document declares for each namespace, by default the usual ones.
struct OdfNames {
    std::string value_type, value, date_value, time_value, boolean_value, string_value;  // office:
    std::string calc_value_type;                                                          // calcext:
    std::string name, table_style_name, formula, rows_repeated, cols_repeated, rows_spanned, cols_spanned,
        display;                                                                          // table:
    std::string space_count;                                                              // text:c
    std::string style_name, style_family;                                                 // style:

    explicit OdfNames(const pugi::xml_node& root = {}) {
        std::map<std::string_view, std::string> prefix = {
            {office_ns, "office"}, {table_ns, "table"},       {text_ns, "text"},
            {style_ns, "style"},   {calcext_ns, "calcext"}};
        for (pugi::xml_attribute a : root.attributes()) {
            std::string_view qualified = a.name();
            auto known = prefix.find(a.value());
            if (qualified.starts_with("xmlns:") && known != prefix.end()) known->second = qualified.substr(6);
        }
        auto in = [&](std::string_view ns, std::string_view local) {
            return prefix[ns] + ":" + std::string(local);
        };
        value_type = in(office_ns, "value-type"), value = in(office_ns, "value");
        date_value = in(office_ns, "date-value"), time_value = in(office_ns, "time-value");
        boolean_value = in(office_ns, "boolean-value"), string_value = in(office_ns, "string-value");
        calc_value_type = in(calcext_ns, "value-type");
        name = in(table_ns, "name"), table_style_name = in(table_ns, "style-name"), formula = in(table_ns, "formula");
        rows_repeated = in(table_ns, "number-rows-repeated"), cols_repeated = in(table_ns, "number-columns-repeated");
        rows_spanned = in(table_ns, "number-rows-spanned"), cols_spanned = in(table_ns, "number-columns-spanned");
        display = in(table_ns, "display");
        space_count = in(text_ns, "c");
        style_name = in(style_ns, "name"), style_family = in(style_ns, "family");
    }
};

// ---------------------------------------------------------------------------------------------------------------
// The reader

// The cells of one <table:table-row>, read once however many times the row repeats: runs of equal cells (a value
// repeated across columns) and the merged regions the row's cells start (rows relative to the row).
struct RowContent {
    struct Run {
        Cell cell;
        int first_col = 0;
        int count = 0;
    };
    std::vector<Run> runs;
    std::vector<MergedRange> merged;

    bool empty() const { return runs.empty() && merged.empty(); }
};

class OdsReader {
public:
    OdsReader(std::string_view file_name, const Limits& limits, XlsxResult& result)
        : file_name_(file_name), limits_(limits), result_(result) {}

    void read(std::span<const std::byte> bytes) {
        if (!check_signature(bytes) || !package_.open(bytes) || !check_package()) return;
        read_content();
    }

private:
    // ---- diagnostics

    void fail(std::string_view part, const std::string& message, model::CellRef at = {}) {
        diagnostics_.fail(part, message, std::move(at));
    }

    void warn(const std::string& message, model::CellRef at = {}) { diagnostics_.warn(message, std::move(at)); }

    // ---- the container

    bool check_signature(std::span<const std::byte> bytes) {
        switch (detail::signature_of(bytes)) {
            case detail::Signature::empty:
                fail("", "ไฟล์ว่าง (empty file); " + std::string(save_again));
                break;
            case detail::Signature::ole:
                fail("", "เป็นไฟล์ .xls แบบเก่าหรือสมุดงานที่ตั้งรหัสผ่าน ไม่ใช่ .ods (an old .xls or a "
                         "password-protected workbook, not an .ods); " +
                             std::string(save_again) + " without a password");
                break;
            case detail::Signature::other:
                fail("", "ไม่ใช่ไฟล์ .ods (not an .ods file: no zip signature); " + std::string(save_again));
                break;
            case detail::Signature::zip:
                break;
        }
        return !diagnostics_.failed;
    }

    // A spreadsheet's mimetype (when the file has one: ODF makes it optional), a content.xml, no encryption.
    bool check_package() {
        if (package_.has("mimetype")) {
            auto mimetype = package_.read("mimetype");
            if (!mimetype) return false;
            std::string_view m = *mimetype;
            while (!m.empty() && (m.back() == '\n' || m.back() == '\r' || m.back() == ' ')) m.remove_suffix(1);
            if (m != spreadsheet_mimetype && m != template_mimetype) {
                std::string shown = m.size() <= 100 && !find_bad_character(m) ? std::string(m) : "?";
                fail("", "ไม่ใช่สมุดงาน OpenDocument (.ods) (not an OpenDocument spreadsheet: its mimetype is \"" +
                             shown + "\"); " + std::string(save_again));
                return false;
            }
        }
        if (!package_.has(content_part)) {
            if (package_.has("xl/workbook.xml"))
                fail("", "เป็นสมุดงาน .xlsx ที่ตั้งชื่อเป็น .ods ให้เปลี่ยนนามสกุลเป็น .xlsx (an .xlsx workbook named "
                         ".ods: rename it .xlsx)");
            else
                fail("", "ไม่พบ content.xml ไม่ใช่สมุดงาน .ods (missing content.xml: not an OpenDocument "
                         "spreadsheet); " + std::string(save_again));
            return false;
        }
        // An encrypted package keeps its names and encrypts each part: content.xml would read as garbage.
        auto manifest = package_.read("META-INF/manifest.xml");
        if (manifest && manifest->find("encryption-data") != std::string::npos)
            fail("", "สมุดงานตั้งรหัสผ่าน (a password-protected workbook); " + std::string(save_again) +
                         " without a password");
        return !diagnostics_.failed;
    }

    // pugixml's "&#0;", written as U+FFFF (a noncharacter no text holds) by the package, made a NUL again in the
    // cell's text, which is then refused for it, as read_xlsx refuses it.
    void restore_nul(std::string& text) const {
        if (!package_.had_nul_references()) return;
        for (std::size_t at = text.find("\xEF\xBF\xBF"); at != std::string::npos; at = text.find("\xEF\xBF\xBF", at))
            text.replace(at, 3, 1, '\0');
    }

    // ---- the spreadsheet

    void read_content() {
        auto xml = package_.parse(content_part, true);
        if (!xml) return;
        pugi::xml_node root = xml->document.document_element();
        pugi::xml_node spreadsheet = child_named(child_named(root, "body"), "spreadsheet");
        if (!is_named(root, "document-content") || !spreadsheet) {
            fail(content_part, "ไม่ใช่สมุดงาน OpenDocument (not an OpenDocument spreadsheet: no office:spreadsheet); " +
                                   std::string(save_again));
            return;
        }
        names_ = OdfNames(root);
        read_hidden_styles(child_named(root, "automatic-styles"));
        for (pugi::xml_node table : spreadsheet.children()) {
            if (!is_named(table, "table")) continue;
            Sheet sheet;
            sheet.name = to_nfc(table.attribute(names_.name.c_str()).value());
            sheet.hidden = hidden_styles_.count(table.attribute(names_.table_style_name.c_str()).value()) != 0;
            std::int64_t row = 1;
            read_rows(table, sheet, row);
            if (diagnostics_.failed) return;
            result_.workbook.sheets.push_back(std::move(sheet));
        }
    }

    // A sheet is hidden by its table style: <style:style style:family="table"><style:table-properties
    // table:display="false"/>.
    void read_hidden_styles(const pugi::xml_node& styles) {
        for (pugi::xml_node style : styles.children()) {
            if (!is_named(style, "style") ||
                std::string_view(style.attribute(names_.style_family.c_str()).value()) != "table")
                continue;
            std::string_view display = child_named(style, "table-properties").attribute(names_.display.c_str()).value();
            if (display == "false") hidden_styles_.insert(style.attribute(names_.style_name.c_str()).value());
        }
    }

    // Rows, also those a table wraps in header rows and (nested) row groups.
    void read_rows(const pugi::xml_node& container, Sheet& sheet, std::int64_t& row) {
        for (pugi::xml_node node : container.children()) {
            if (diagnostics_.failed) return;
            if (is_named(node, "table-row"))
                read_row(node, sheet, row);
            else if (is_named(node, "table-header-rows") || is_named(node, "table-rows") ||
                     is_named(node, "table-row-group"))
                read_rows(node, sheet, row);
        }
    }

    // One <table:table-row>, repeated table:number-rows-repeated times: read once, copied into each row only
    // when it holds something (an empty repeat just moves the row number on).
    void read_row(const pugi::xml_node& node, Sheet& sheet, std::int64_t& row) {
        const std::int64_t first = row;
        const std::int64_t repeat = count_attribute(node, names_.rows_repeated);
        row += repeat;
        const int shown_row = int(std::min<std::int64_t>(first, limits_.max_rows + 1LL));
        RowContent content = read_row_content(node, sheet, shown_row);
        if (diagnostics_.failed || content.empty()) return;
        for (std::int64_t r = first; r < first + repeat; ++r) {
            if (r > limits_.max_rows) {
                // Merged regions of empty cells lose nothing when cut off; a value would be lost.
                if (!content.runs.empty()) fail_beyond(sheet, int(limits_.max_rows) + 1, content.runs[0].first_col);
                return;
            }
            if (!add_row(content, int(r), sheet)) return;
        }
    }

    RowContent read_row_content(const pugi::xml_node& row_node, const Sheet& sheet, int row) {
        RowContent content;
        std::int64_t col = 1;
        for (pugi::xml_node node : row_node.children()) {
            const bool covered = is_named(node, "covered-table-cell");
            if (!covered && !is_named(node, "table-cell")) continue;
            const std::int64_t first = col;
            const std::int64_t repeat = count_attribute(node, names_.cols_repeated);
            col += repeat;
            if (covered) continue;  // what a merged region covers is hidden behind its top-left cell
            const int shown_col = int(std::min<std::int64_t>(first, limits_.max_cols + 1LL));
            add_spans(node, first, repeat, content);
            std::optional<Cell> cell = read_cell(node, sheet, row, shown_col);
            if (diagnostics_.failed) return content;
            if (!cell) continue;
            if (row > limits_.max_rows || first + repeat - 1 > limits_.max_cols) {  // at the first cell past them
                fail_beyond(sheet, row, row > limits_.max_rows ? shown_col : limits_.max_cols + 1);
                return content;
            }
            content.runs.push_back({std::move(*cell), int(first), int(repeat)});
        }
        return content;
    }

    // table:number-columns-spanned / -rows-spanned on a cell (each of its repeats) → merged regions, clipped to
    // the sheet's limits.
    void add_spans(const pugi::xml_node& node, std::int64_t first_col, std::int64_t repeat, RowContent& content) {
        const std::int64_t cols = count_attribute(node, names_.cols_spanned);
        const std::int64_t rows = count_attribute(node, names_.rows_spanned);
        if (cols == 1 && rows == 1) return;
        for (std::int64_t c = first_col; c < first_col + repeat && c <= limits_.max_cols; ++c) {
            if (int(content.merged.size()) > limits_.max_merged_ranges) return;  // one too many: add_row reports it
            content.merged.push_back({0, int(c), int(std::min<std::int64_t>(rows - 1, limits_.max_rows)),
                                      int(std::min<std::int64_t>(c + cols - 1, limits_.max_cols))});
        }
    }

    void fail_beyond(const Sheet& sheet, int row, int col) {
        fail(content_part, "เซลล์อยู่เกินแถว " + std::to_string(limits_.max_rows) + " หรือคอลัมน์ " +
                               std::to_string(limits_.max_cols) + " (a cell beyond row " +
                               std::to_string(limits_.max_rows) + " or column " + std::to_string(limits_.max_cols) +
                               ")" + raise_hint(row > limits_.max_rows ? "rows" : "columns"),
             {std::string(), sheet.name, row, col});
    }

    // Copies a row's content into the sheet at row; false when reading must stop. Every copy counts against the
    // limits: a repeat must not turn one cell of XML into millions, nor one long text into gigabytes.
    bool add_row(const RowContent& content, int row, Sheet& sheet) {
        for (const RowContent::Run& run : content.runs) {
            for (int col = run.first_col; col < run.first_col + run.count; ++col) {
                if (++cells_ > limits_.max_cells) {
                    fail(content_part, "มีเซลล์ที่มีค่าเกิน " + std::to_string(limits_.max_cells) +
                                           " เซลล์ (more than " + std::to_string(limits_.max_cells) +
                                           " cells with a value)" + raise_hint("cells"),
                         {std::string(), sheet.name, row, col});
                    return false;
                }
                cell_text_bytes_ += run.cell.text.size();
                if (cell_text_bytes_ > limits_.max_total_uncompressed) {
                    fail(content_part, "ข้อความในเซลล์รวมกันใหญ่เกินกำหนด (the cells' text adds up to more than " +
                                           std::to_string(limits_.max_total_uncompressed) + " bytes)" +
                                           raise_hint("total-bytes"),
                         {std::string(), sheet.name, row, col});
                    return false;
                }
                Cell& cell = sheet.cells.emplace_back(run.cell);
                cell.row = row;
                cell.col = col;
            }
        }
        for (MergedRange range : content.merged) {
            if (int(sheet.merged.size()) >= limits_.max_merged_ranges) {
                fail(content_part, "มีช่วงเซลล์ที่ผสานเกิน " + std::to_string(limits_.max_merged_ranges) +
                                       " ช่วง (more than " + std::to_string(limits_.max_merged_ranges) +
                                       " merged ranges)" + raise_hint("merged-ranges"),
                     {std::string(), sheet.name, 0, 0});
                return false;
            }
            range.first_row = row;
            range.last_row = int(std::min<std::int64_t>(std::int64_t(row) + range.last_row, limits_.max_rows));
            sheet.merged.push_back(range);
        }
        return true;
    }

    // ---- cells

    std::string_view attribute(const pugi::xml_node& node, const std::string& name) const {
        return node.attribute(name.c_str()).value();
    }

    // One <table:table-cell>: its value, or nullopt when it has none or was refused (an error diagnostic then).
    std::optional<Cell> read_cell(const pugi::xml_node& node, const Sheet& sheet, int row, int col) {
        Cell cell;
        cell.row = row;
        cell.col = col;
        const std::string_view type = attribute(node, names_.value_type);
        if (attribute(node, names_.calc_value_type) == "error") {  // LibreOffice's mark of a formula's error
            cell.kind = Cell::Kind::error;
            cell.text = shown_text(node);
        } else if (type == "float" || type == "percentage" || type == "currency") {
            read_number(node, cell, sheet);
        } else if (type == "date" || type == "time") {
            read_date(node, type, cell, sheet);
        } else if (type == "boolean") {
            const std::string_view v = attribute(node, names_.boolean_value);
            cell.kind = Cell::Kind::boolean;
            cell.number = v == "true" || v == "1" ? 1 : 0;
            cell.text = cell.number ? "TRUE" : "FALSE";
        } else if (type.empty() && node.attribute(names_.formula.c_str())) {
            return std::nullopt;  // a formula without a cached value: no value, as in an .xlsx
        } else {  // "string", or no type: text (a formula's text result is in office:string-value)
            pugi::xml_attribute v = node.attribute(names_.string_value.c_str());
            cell.text = v ? v.value() : shown_text(node);
        }
        return checked(std::move(cell), sheet);
    }

    void read_number(const pugi::xml_node& node, Cell& cell, const Sheet& sheet) {
        const std::string_view v = attribute(node, names_.value);
        if (parse_double(v, cell.number)) {
            cell.kind = Cell::Kind::number;
            cell.text = v;
            if (!within_shown_precision(v)) cell.number = to_shown_precision(cell.number);
        } else {
            read_unparsed(node, v, "ตัวเลข", "number", cell, sheet);
        }
    }

    void read_date(const pugi::xml_node& node, std::string_view type, Cell& cell, const Sheet& sheet) {
        const bool date = type == "date";
        const std::string_view v = attribute(node, date ? names_.date_value : names_.time_value);
        if (std::optional<double> serial = date ? date_serial(v) : duration_days(v)) {
            cell.kind = Cell::Kind::number;
            cell.number = to_shown_precision(*serial);  // 15 digits, as an .xlsx writes a time of day
            cell.is_date = true;
            cell.text = format_number(*serial);
        } else {
            read_unparsed(node, v, date ? "วันที่" : "เวลา", date ? "date" : "time", cell, sheet);
        }
    }

    // A typed cell whose value cannot be read is read as text: the text shown when the value is absent, else the
    // value as written (with a warning, unless its characters are refused anyway).
    void read_unparsed(const pugi::xml_node& node, std::string_view v, std::string_view thai, std::string_view what,
                       Cell& cell, const Sheet& sheet) {
        cell.kind = Cell::Kind::text;
        if (v.empty()) {
            cell.text = shown_text(node);
            return;
        }
        cell.text = v;
        if (v.size() <= limits_.max_string_bytes && !find_bad_character(v))
            warn(std::string(thai) + "ในไฟล์ผิดรูปแบบ อ่านเป็นข้อความ (malformed " + std::string(what) + " \"" +
                     std::string(v) + "\": read as text)",
                 {std::string(), sheet.name, cell.row, cell.col});
    }

    // The checks every text a cell gets passes, as in read_xlsx: not too long, no bad character (an error at the
    // cell, which is left out; reading goes on, so that every such cell is reported), then NFC.
    std::optional<Cell> checked(Cell cell, const Sheet& sheet) {
        if (cell.text.size() > limits_.max_string_bytes) {
            fail(content_part, "ข้อความยาวเกินกำหนด (text longer than " + std::to_string(limits_.max_string_bytes) +
                                   " bytes)" + raise_hint("cell-bytes"),
                 {std::string(), sheet.name, cell.row, cell.col});
            return std::nullopt;
        }
        restore_nul(cell.text);
        if (cell.kind == Cell::Kind::text || cell.kind == Cell::Kind::error) {
            if (auto bad = find_bad_character(cell.text)) {
                result_.diagnostics.push_back(Diagnostic{Severity::error,
                                                         {std::string(file_name_), sheet.name, cell.row, cell.col},
                                                         bad_character_message(*bad)});
                return std::nullopt;
            }
            if (cell.kind == Cell::Kind::text) cell.text = to_nfc(std::move(cell.text));
        }
        const bool has_number = cell.kind == Cell::Kind::number || cell.kind == Cell::Kind::boolean;
        if (!has_number && cell.text.empty()) return std::nullopt;  // empty text, or an error showing nothing
        return cell;
    }

    // ---- text

    // The text a cell shows: its paragraphs (<text:p>, <text:h>) joined by line breaks. Comments
    // (<office:annotation>, beside the paragraphs) are not part of it.
    std::string shown_text(const pugi::xml_node& cell) {
        std::string text;
        bool first = true;
        for (pugi::xml_node p : cell.children()) {
            if (!is_named(p, "p") && !is_named(p, "h")) continue;
            if (!first) text += '\n';
            first = false;
            append_inline(p, text);
            if (text.size() > limits_.max_string_bytes) break;
        }
        return text;
    }

    // A paragraph's content: <text:s text:c="n"/> n spaces, <text:tab/> a tab, <text:line-break/> a line break;
    // spans, links and fields give their text. White space in the XML is kept as written, as LibreOffice Calc
    // reads it (not collapsed as ODF §6.1.2 says for documents): Calc writes "(1)  Note" within a span as is, and
    // shows, and saves to .xlsx, both spaces. Stops once the text is past the limit: checked() then refuses it.
    void append_inline(const pugi::xml_node& parent, std::string& out) {
        for (pugi::xml_node node : parent.children()) {
            if (out.size() > limits_.max_string_bytes) return;
            if (node.type() == pugi::node_pcdata || node.type() == pugi::node_cdata) {
                out += node.value();
            } else if (is_named(node, "s")) {
                const std::int64_t room = std::int64_t(limits_.max_string_bytes) + 1 - std::int64_t(out.size());
                out.append(std::size_t(std::min(count_attribute(node, names_.space_count), room)), ' ');
            } else if (is_named(node, "tab") || is_named(node, "line-break")) {
                out += is_named(node, "tab") ? '\t' : '\n';
            } else if (node.type() == pugi::node_element && !is_named(node, "annotation") && !is_named(node, "note")) {
                append_inline(node, out);
            }
        }
    }

    std::string_view file_name_;
    const Limits& limits_;
    XlsxResult& result_;
    detail::Diagnostics diagnostics_{file_name_, result_.diagnostics};
    detail::ZipPackage package_{ods_package, limits_, diagnostics_};
    OdfNames names_;
    std::set<std::string, std::less<>> hidden_styles_;  // table styles with table:display="false"
    std::int64_t cells_ = 0;              // cells added, all sheets
    std::uint64_t cell_text_bytes_ = 0;   // text copied into cells, against amplification by repeats
};

}  // namespace

bool looks_like_ods(std::span<const std::byte> bytes) {
    // The first local file header: signature, compression method at 8 (0: stored), name length at 26, extra
    // field length at 28, the name at 30, then the data.
    auto at = [&](std::size_t i) { return std::to_integer<unsigned>(bytes[i]); };
    auto text = [&](std::size_t from, std::size_t n) {
        return std::string_view(reinterpret_cast<const char*>(bytes.data()) + from, n);
    };
    if (bytes.size() < 30 || text(0, 4) != "PK\x03\x04" || at(8) != 0 || at(9) != 0) return false;
    const std::size_t name_length = at(26) | at(27) << 8;
    const std::size_t data = 30 + name_length + (at(28) | at(29) << 8);
    return name_length == 8 && bytes.size() >= data + spreadsheet_mimetype.size() && text(30, 8) == "mimetype" &&
           text(data, spreadsheet_mimetype.size()) == spreadsheet_mimetype;
}

XlsxResult read_ods(std::span<const std::byte> bytes, std::string_view file_name, const Limits& limits) {
    return detail::read_guarded(file_name,
                                [&](XlsxResult& result) { OdsReader(file_name, limits, result).read(bytes); });
}

}  // namespace saraban::ingest
