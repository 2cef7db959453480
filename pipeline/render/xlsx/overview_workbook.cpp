// The overview workbook: one sheet ภาพรวม, one row per agency, a totals row of live formulas. Each formula carries
// the value computed here as its cached result, for viewers that do not recalculate.
//
//   steps (per row)   =SUM(J2:L2)
//   share done        =IF(M2=0,"",J2/M2)
//   totals            =SUBTOTAL(9,J2:J4) (sums), =IFERROR(SUBTOTAL(1,E2:E4),"") (mean scores),
//                     =SUBTOTAL(3,Q2:Q4) (agencies, by their status cells): SUBTOTAL leaves out the rows the autofilter
//                     hides
//   produced          =COUNTIF(Q2:Q4,"สร้างแล้ว")
// The findings go to their own sheet as each agency's row is written (each sheet's rows in order).
#include "render/xlsx/overview_workbook.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <tuple>

#include "compose/thai_format.h"
#include "render/xlsx/detail/sheets.h"
#include "render/xlsx/detail/text_metrics.h"

namespace saraban::render {

// Writes the sheet from the summary and the rows handed back one at a time (OverviewSummary's friend).
struct OverviewSheetWriter {
    static void write(xlsx_detail::Book& book, const OverviewSummary& summary,
                      const std::function<bool(AgencyRow&)>& next_row);
    static std::string title(const OverviewSummary& summary);
};

namespace {

using namespace xlsx_detail;

constexpr const char* overview_sheet_name = "ภาพรวม";
constexpr const char* produced_word = "สร้างแล้ว";
constexpr const char* failed_word = "ไม่สำเร็จ";

enum OverviewColumn : lxw_col_t {
    ov_agency = 0, ov_abbr, ov_year, ov_round, ov_ita, ov_iit, ov_eit, ov_oit, ov_level, ov_done, ov_in_progress,
    ov_not_started, ov_steps, ov_share, ov_errors, ov_warnings, ov_status, ov_source, ov_count
};

// Headers on the lines they wrap to: a column is as wide as its header's longest line (LibreOffice's dictionary
// would otherwise cut ดำเนินการ into ดำเนิน / การ in a column just wide enough for either).
const char* const headers[ov_count] = {
    "หน่วยงาน",
    "ชื่อย่อ",
    "ปีงบประมาณ",
    "รอบ\n(เดือน)",
    "ITA",
    "IIT",
    "EIT",
    "OIT",
    "ระดับ",
    "ดำเนินการ\nแล้ว",
    "อยู่ระหว่าง\nดำเนินการ",
    "ยังไม่ได้\nดำเนินการ",
    "ขั้นตอน\nทั้งหมด",
    "ร้อยละที่\nดำเนินการแล้ว",
    "ข้อผิดพลาด",
    "คำเตือน",
    "ผลการสร้าง\nเอกสาร",
    "ไฟล์ต้นทาง",
};
// What the widest cell of a column under the header holds: a score ๑๐๐.๐๐, a share ๑๐๐.๐๐%, a count ๑๒๓, the
// totals' "๑๒๓ หน่วยงาน" and "๑๒๓ สร้างแล้ว".
const char* const widest_value[ov_count] = {
    "",    "๑๒๓ หน่วยงาน", "๒๕๖๔", "๑๒",  "๑๐๐.๐๐",  "๑๐๐.๐๐", "๑๐๐.๐๐", "๑๐๐.๐๐",      "AA",
    "๑๒๓", "๑๒๓",         "๑๒๓",  "๑๒๓", "๑๐๐.๐๐%", "๑๒๓",    "๑๒๓",    "๑๒๓ สร้างแล้ว", "",
};

constexpr const char* findings_sheet = "ผลการตรวจสอบ";
enum FindingColumn : lxw_col_t { fd_agency = 0, fd_file, fd_sheet, fd_cell, fd_severity, fd_message, fd_count };
const char* const finding_headers[fd_count] = {"หน่วยงาน", "ไฟล์", "ชีต", "เซลล์", "ระดับ", "ข้อความ"};
// 168 units: the page's width at 75 %.
constexpr double finding_widths[fd_count] = {28, 26, 12, 8, 12, 82};

// The width of a column whose header wraps between words (never inside one) and whose values stay on a line.
double overview_column_width(lxw_col_t c) {
    double widest = text_points(widest_value[c], true);
    std::string_view header = headers[c];
    for (std::size_t start = 0, end; start <= header.size(); start = end + 1) {
        end = std::min(header.find('\n', start), header.size());
        widest = std::max(widest, text_points(header.substr(start, end - start), true));
    }
    return units_for_points(widest) + 1;
}

std::string cell(lxw_row_t row, lxw_col_t col) { return column_letters(col) + std::to_string(row + 1); }

std::string range(lxw_col_t col, lxw_row_t first, lxw_row_t last) { return cell(first, col) + ":" + cell(last, col); }

// A format of the body font (as Book's), bold, with a number format (none for nullptr).
lxw_format* bold_format(lxw_workbook* workbook, const char* num_format) {
    lxw_format* format = workbook_add_format(workbook);
    format_set_font_name(format, body_font);
    format_set_font_size(format, body_font_size);
    format_set_align(format, LXW_ALIGN_VERTICAL_TOP);
    format_set_bold(format);
    format_set_top(format, LXW_BORDER_THIN);
    if (num_format) format_set_num_format(format, num_format);
    return format;
}

bool later(const model::Date& a, const model::Date& b) {
    return std::tie(a.year, a.month, a.day) > std::tie(b.year, b.month, b.day);
}

}  // namespace

void OverviewSummary::add(const AgencyRow& r) {
    if (rows_ == 0) {
        fiscal_year_be_ = r.fiscal_year_be;
        round_months_ = r.round_months;
    }
    same_year_ = same_year_ && r.fiscal_year_be == fiscal_year_be_;
    same_round_ = same_round_ && r.round_months == round_months_;
    ++rows_;
    widest_agency_ = std::max(widest_agency_, xlsx_detail::text_width(r.agency));
    widest_source_ = std::max(widest_source_, xlsx_detail::text_width(r.source));
    findings_ += r.findings.size();
    if (later(r.date, newest_)) newest_ = r.date;
    const std::optional<double> scores[] = {r.ita, r.iit, r.eit, r.oit};
    for (int i = 0; i < 4; ++i)
        if (scores[i]) {
            score_sums_[i] += *scores[i];  // in row order, as the workbook's cached mean always was
            ++score_counts_[i];
        }
    steps_done_ += r.steps_done;
    steps_in_progress_ += r.steps_in_progress;
    steps_not_started_ += r.steps_not_started;
    errors_ += r.errors;
    warnings_ += r.warnings;
    produced_ += r.produced ? 1 : 0;
}

namespace {

// The sheet ผลการตรวจสอบ, written a row at a time beside ภาพรวม: each agency's findings as its row goes out.
class FindingsSheet {
public:
    explicit FindingsSheet(Book& book) : sheet_(book.add_sheet(findings_sheet)), f_(book.formats()) {
        std::vector<Sheet::PlannedText> cells;
        for (lxw_col_t c = 0; c < fd_count; ++c) {
            sheet_.column(c, c, finding_widths[c], c == fd_cell ? f_.label : f_.text);
            cells.push_back({c, finding_headers[c], f_.header});
        }
        sheet_.fit_row(0, cells);
        for (const auto& c : cells) sheet_.text(0, c.col, std::string(c.text), f_.header);
    }

    void add(const AgencyRow& r) {
        const std::string& agency = r.agency.empty() ? r.source : r.agency;
        for (const AgencyRow::Finding& d : r.findings) {
            const char* severity = d.severity == model::Severity::error ? "ข้อผิดพลาด" : "คำเตือน";
            sheet_.fit_row(row_, {{fd_agency, agency, f_.text},
                                  {fd_file, d.file, f_.text},
                                  {fd_sheet, d.sheet, f_.text},
                                  {fd_cell, d.cell, f_.label},
                                  {fd_severity, severity, f_.text},
                                  {fd_message, d.message, f_.text}});
            sheet_.text(row_, fd_agency, agency, f_.text);
            sheet_.text(row_, fd_file, d.file, f_.text);
            sheet_.text(row_, fd_sheet, d.sheet, f_.text);
            sheet_.text(row_, fd_cell, d.cell, f_.label);
            sheet_.text(row_, fd_severity, severity, f_.text);
            sheet_.text(row_, fd_message, d.message, f_.text);
            ++row_;
        }
    }

    // The filter over every finding (or the line saying there are none), frozen header, print set-up.
    void finish() {
        if (row_ == 1) {
            const char* none = "ไม่พบปัญหา";
            sheet_.fit_row(row_, {{fd_agency, none, f_.text}});
            sheet_.text(row_++, fd_agency, none, f_.text);
        }
        if (lxw_worksheet* ws = sheet_.get()) {
            worksheet_freeze_panes(ws, 1, 0);
            sheet_.check(worksheet_autofilter(ws, 0, 0, row_ - 1, fd_count - 1), "worksheet_autofilter");
        }
        set_up_printing(sheet_, {"ผลการตรวจสอบข้อมูลของทุกหน่วยงาน", ""}, 1);
    }

private:
    Sheet sheet_;
    const Formats& f_;
    lxw_row_t row_ = 1;
};

}  // namespace

// "ภาพรวมการรายงานผล ITA ปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน" when every row has the same year and round.
std::string OverviewSheetWriter::title(const OverviewSummary& summary) {
    std::string text = "ภาพรวมการรายงานผล ITA";
    if (summary.rows_ == 0) return text;
    if (summary.same_year_ && summary.fiscal_year_be_ > 0)
        text += " ปีงบประมาณ พ.ศ. " + compose::format_plain_integer(summary.fiscal_year_be_);
    if (summary.same_round_ && summary.round_months_ > 0)
        text += " รอบ " + compose::format_plain_integer(summary.round_months_) + " เดือน";
    return text;
}

void OverviewSheetWriter::write(Book& book, const OverviewSummary& summary,
                                const std::function<bool(AgencyRow&)>& next_row) {
    Sheet sheet = book.add_sheet(overview_sheet_name);
    const Formats& f = book.formats();
    lxw_workbook* wb = book.get();
    lxw_format* bold_text = bold_format(wb, nullptr);
    lxw_format* bold_score = bold_format(wb, thai_score_format);
    lxw_format* bold_integer = bold_format(wb, thai_integer_format);
    lxw_format* bold_percent = bold_format(wb, thai_percent_format);
    lxw_format* bold_agencies = bold_format(wb, "[$-D00041E]0\" หน่วยงาน\"");

    // Widths: names and sources fit their longest text (capped, then wrapped); the others their header's widest
    // word and widest value. Wider than a page at ≥ 12 pt: it prints on two pages across, from ดำเนินการแล้ว on,
    // the agency column on both.
    const auto fit = [](const char* header, double widest, double min_width, double max_width) {
        return std::clamp(std::max(text_width(header, true), widest) + 1, min_width, max_width);
    };
    for (lxw_col_t c = 0; c < ov_count; ++c) {
        lxw_format* format = c >= ov_ita && c <= ov_oit ? f.score
                             : c == ov_share             ? f.percent
                             : c == ov_year || c == ov_round || (c >= ov_done && c <= ov_steps) ||
                                     c == ov_errors || c == ov_warnings
                                 ? f.integer
                                 : f.text;
        if (c == ov_level) format = f.label;  // centred, clear of the score beside it
        double width = c == ov_agency   ? fit(headers[ov_agency], summary.widest_agency_, 20, 30)
                       : c == ov_source ? fit(headers[ov_source], summary.widest_source_, 18, 30)
                                        : overview_column_width(c);
        sheet.column(c, c, width, format);
    }
    // Data rows 1..last; with no agencies one row says so, so that the totals' ranges stay below the header.
    const lxw_row_t first = 1;
    const lxw_row_t last = summary.rows_ == 0 ? first : lxw_row_t(summary.rows_);

    // Produced green, failed red (the tracking workbook's "done" and "not started" fills); set before any row, as
    // a sheet written row by row cannot reach back to its first rows.
    if (lxw_worksheet* ws = sheet.get()) {
        const char* words[2] = {produced_word, failed_word};
        lxw_format* fills[2] = {f.status_fill[0], f.status_fill[2]};
        for (int i = 0; i < 2; ++i) {
            std::string value = std::string("\"") + words[i] + "\"";
            lxw_conditional_format format = {};
            format.type = LXW_CONDITIONAL_TYPE_CELL;
            format.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
            format.value_string = value.data();
            format.format = fills[i];
            sheet.check(worksheet_conditional_format_range(ws, first, ov_status, last, ov_status, &format),
                        "worksheet_conditional_format_range", "cells " + range(ov_status, first, last));
        }
        worksheet_freeze_panes(ws, 1, 1);
        // The filter covers the agencies only: sorting never moves the totals row.
        sheet.check(worksheet_autofilter(ws, 0, 0, last, ov_count - 1), "worksheet_autofilter");
        worksheet_activate(ws);
        lxw_col_t breaks[] = {ov_done, 0};
        sheet.check(worksheet_set_v_pagebreaks(ws, breaks), "worksheet_set_v_pagebreaks");
        sheet.check(worksheet_repeat_columns(ws, ov_agency, ov_agency), "worksheet_repeat_columns");
        worksheet_print_across(ws);  // an agency's two pages one after the other
    }
    FindingsSheet findings(book);
    // Rows go out in order (the workbook keeps no rows in memory): each row's height is set before its cells.
    std::vector<Sheet::PlannedText> header_cells;
    for (lxw_col_t c = 0; c < ov_count; ++c) header_cells.push_back({c, headers[c], f.header});
    sheet.fit_row(0, header_cells);
    for (lxw_col_t c = 0; c < ov_count; ++c) sheet.text(0, c, headers[c], f.header);

    if (summary.rows_ == 0) {
        const char* none = "ไม่มีหน่วยงานในรอบนี้";
        sheet.fit_row(first, {{ov_agency, none, f.text}});
        sheet.text(first, ov_agency, none, f.text);
    }
    lxw_row_t row = first;
    for (AgencyRow r; row <= last && next_row(r);) {
        const char* status = r.produced ? produced_word : failed_word;
        sheet.fit_row(row, {{ov_agency, r.agency, f.text},
                            {ov_abbr, r.agency_abbr, f.text},
                            {ov_level, r.level, f.label},
                            {ov_status, status, f.text},
                            {ov_source, r.source, f.text}});
        sheet.text(row, ov_agency, r.agency, f.text);
        sheet.text(row, ov_abbr, r.agency_abbr, f.text);
        if (r.fiscal_year_be > 0) sheet.number(row, ov_year, r.fiscal_year_be, f.integer);
        if (r.round_months > 0) sheet.number(row, ov_round, r.round_months, f.integer);
        const std::optional<double> scores[] = {r.ita, r.iit, r.eit, r.oit};
        for (lxw_col_t i = 0; i < 4; ++i)
            if (scores[i]) sheet.number(row, ov_ita + i, *scores[i], f.score);
        sheet.text(row, ov_level, r.level, f.label);
        sheet.number(row, ov_done, r.steps_done, f.integer);
        sheet.number(row, ov_in_progress, r.steps_in_progress, f.integer);
        sheet.number(row, ov_not_started, r.steps_not_started, f.integer);
        const int steps = r.steps_done + r.steps_in_progress + r.steps_not_started;
        sheet.formula(row, ov_steps, "=SUM(" + cell(row, ov_done) + ":" + cell(row, ov_not_started) + ")", steps,
                      f.integer);
        const std::string share = "=IF(" + cell(row, ov_steps) + "=0,\"\"," + cell(row, ov_done) + "/" +
                                  cell(row, ov_steps) + ")";
        if (steps > 0) sheet.formula(row, ov_share, share, double(r.steps_done) / steps, f.percent);
        else sheet.formula(row, ov_share, share, std::string(), f.percent);
        sheet.number(row, ov_errors, r.errors, f.integer);
        sheet.number(row, ov_warnings, r.warnings, f.integer);
        sheet.text(row, ov_status, status, f.text);
        sheet.text(row, ov_source, r.source, f.text);
        findings.add(r);
        ++row;
    }
    findings.finish();

    // Totals.
    const lxw_row_t total = last + 1;
    const char* total_label = "รวม / เฉลี่ย";
    sheet.fit_row(total, {{ov_agency, total_label, bold_text}});
    sheet.text(total, ov_agency, total_label, bold_text);
    // Agencies counted by their status cell, which every row has (a file that did not read has no agency name).
    sheet.formula(total, ov_abbr, "=SUBTOTAL(3," + range(ov_status, first, last) + ")", double(summary.rows_),
                  bold_agencies);
    for (lxw_col_t i = 0; i < 4; ++i) {
        const int n = summary.score_counts_[i];
        const std::string formula = "=IFERROR(SUBTOTAL(1," + range(ov_ita + i, first, last) + "),\"\")";
        if (n > 0) sheet.formula(total, ov_ita + i, formula, summary.score_sums_[i] / n, bold_score);
        else sheet.formula(total, ov_ita + i, formula, std::string(), bold_score);
    }
    int sums[ov_count] = {};
    sums[ov_done] = summary.steps_done_;
    sums[ov_in_progress] = summary.steps_in_progress_;
    sums[ov_not_started] = summary.steps_not_started_;
    sums[ov_steps] = summary.steps_done_ + summary.steps_in_progress_ + summary.steps_not_started_;
    sums[ov_errors] = summary.errors_;
    sums[ov_warnings] = summary.warnings_;
    sums[ov_status] = summary.produced_;
    for (lxw_col_t c : {ov_done, ov_in_progress, ov_not_started, ov_steps, ov_errors, ov_warnings})
        sheet.formula(total, c, "=SUBTOTAL(9," + range(c, first, last) + ")", sums[c], bold_integer);
    const std::string share = "=IF(" + cell(total, ov_steps) + "=0,\"\"," + cell(total, ov_done) + "/" +
                              cell(total, ov_steps) + ")";
    if (sums[ov_steps] > 0) sheet.formula(total, ov_share, share, double(sums[ov_done]) / sums[ov_steps], bold_percent);
    else sheet.formula(total, ov_share, share, std::string(), bold_percent);
    sheet.formula(total, ov_status,
                  "=COUNTIF(" + range(ov_status, first, last) + ",\"" + produced_word + "\")", sums[ov_status],
                  bold_format(wb, "[$-D00041E]0\" สร้างแล้ว\""));
    for (lxw_col_t c : {ov_year, ov_round, ov_level, ov_source}) {
        if (lxw_worksheet* ws = sheet.get())
            sheet.check(worksheet_write_blank(ws, total, c, bold_text), "worksheet_write_blank",
                        "cell " + cell(total, c));
    }

    sheet.set_row_heights();
    set_up_printing(sheet, {title(summary), ""}, 1);
}

namespace {

// text with each occurrence of input (a path as given, perhaps absolute) written as source.
std::string relative_to_input(std::string text, const std::string& input, const std::string& source) {
    if (input.empty() || input == source) return text;
    for (std::size_t at = text.find(input); at != std::string::npos; at = text.find(input, at + source.size()))
        text.replace(at, input.size(), source);
    return text;
}

AgencyRow::Finding finding_row(const model::Diagnostic& d, const std::string& source, const std::string& input) {
    AgencyRow::Finding out{d.severity, "", d.at.sheet, "", relative_to_input(d.message, input, source)};
    if (d.at.file.empty() || d.at.file == input || d.at.file == source)
        out.file = source;
    else if (!input.empty() && d.at.file.starts_with(input))
        out.file = relative_to_input(d.at.file, input, source);
    else
        out.file = std::filesystem::path(d.at.file).filename().string();  // a template, last round's workbook
    if (!d.at.sheet.empty())
        out.cell = model::cell_name(d.at.row, d.at.col);
    else if (d.at.row > 0)
        out.cell = std::to_string(d.at.row) + ":" + std::to_string(d.at.col);  // a text file's line
    return out;
}

}  // namespace

AgencyRow overview_row(const model::Report& report, const std::vector<model::Diagnostic>& findings, bool produced,
                       const std::string& source, const std::string& input) {
    AgencyRow row;
    row.agency = report.memo.agency;
    row.agency_abbr = report.memo.agency_abbr;
    row.fiscal_year_be = report.memo.fiscal_year_be;
    row.round_months = report.memo.round_months;
    row.date = report.memo.date;
    for (const model::ScoreRow& s : report.scores) {
        if (s.fiscal_year_be != report.memo.fiscal_year_be || report.memo.fiscal_year_be == 0) continue;
        row.ita = s.ita;
        row.iit = s.iit;
        row.eit = s.eit;
        row.oit = s.oit;
        row.level = s.level;
        break;
    }
    for (const model::Measure& m : report.measures)
        for (const model::Step& s : m.steps) {
            if (s.status == model::Status::done) ++row.steps_done;
            else if (s.status == model::Status::in_progress) ++row.steps_in_progress;
            else ++row.steps_not_started;
        }
    for (const model::Diagnostic& d : findings) {
        if (d.severity == model::Severity::error) ++row.errors;
        else if (d.severity == model::Severity::warning) ++row.warnings;
        row.findings.push_back(finding_row(d, source, input));
    }
    row.produced = produced;
    row.source = source;
    return row;
}

std::string write_overview_workbook(const OverviewSummary& summary, const std::function<bool(AgencyRow&)>& next_row,
                                    const std::string& path) {
    lxw_workbook* workbook = new_workbook(path, true);
    if (!workbook) return path + ": workbook_new_opt: cannot create the workbook (out of memory)";
    Book book(workbook);

    std::string title = OverviewSheetWriter::title(summary);
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.author = const_cast<char*>("saraban");
    properties.comments = const_cast<char*>("ภาพรวมของทุกหน่วยงานในการประมวลผลรอบนี้");
    properties.created = creation_time(summary.newest_date());
    book.check(workbook_set_properties(workbook, &properties), "workbook_set_properties");

    OverviewSheetWriter::write(book, summary, next_row);

    return book.close(path);
}

std::string write_overview_workbook(const std::vector<AgencyRow>& rows, const std::string& path) {
    OverviewSummary summary;
    for (const AgencyRow& r : rows) summary.add(r);
    std::size_t next = 0;
    return write_overview_workbook(summary, [&](AgencyRow& row) {
        if (next == rows.size()) return false;
        row = rows[next++];
        return true;
    }, path);
}

}  // namespace saraban::render
