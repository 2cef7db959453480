// The tracking workbook: its document properties and its sheets, in the order staff read them.
#include "render/xlsx/tracking_workbook.h"

#include <cstdio>
#include <ctime>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render {
namespace {

// Seconds since 1970-01-01 UTC at midnight of the date (days from civil, Howard Hinnant's algorithm).
std::time_t midnight_utc(const model::Date& d) {
    int y = d.year - (d.month <= 2 ? 1 : 0);
    long long era = (y >= 0 ? y : y - 399) / 400;
    long long yoe = y - era * 400;
    long long doy = (153LL * (d.month + (d.month > 2 ? -3 : 9)) + 2) / 5 + d.day - 1;
    long long doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    return std::time_t((era * 146097 + doe - 719468) * 86400);
}

// The workbook's creation time: the memo's date, never the clock (libxlsxwriter takes the current time for 0).
std::time_t creation_time(const model::Report& report) {
    const model::Date& d = report.memo.date;
    if (d.year >= 1971 && d.month >= 1 && d.month <= 12 && d.day >= 1 && d.day <= 31) return midnight_utc(d);
    return 946684800;  // 2000-01-01 00:00:00 UTC, when the memo has no date
}

}  // namespace

std::string write_tracking_workbook(const model::Report& report, const std::vector<model::Diagnostic>& findings,
                                    const std::string& path) {
    using namespace xlsx_detail;
    lxw_workbook* workbook = workbook_new(path.c_str());
    if (!workbook) return path + ": workbook_new: cannot create the workbook (out of memory)";
    Book book(workbook);

    std::string title = "ติดตามมาตรการ ITA";
    if (!report.memo.agency.empty()) title += " " + report.memo.agency;
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.author = const_cast<char*>("saraban");
    properties.comments = const_cast<char*>("สมุดงานติดตามมาตรการ แก้ไขในชีต มาตรการ แล้วส่งคืนในรอบถัดไป");
    properties.created = creation_time(report);
    book.check(workbook_set_properties(workbook, &properties), "workbook_set_properties");

    write_memo_sheet(book, report);
    write_scores_sheet(book, report);
    write_measures_sheet(book, report);
    write_variables_sheet(book, report);
    write_summary_sheet(book, report);
    write_findings_sheet(book, findings);
    write_metadata_sheet(book, report);

    // Closing writes the file (and frees the workbook) even after a failure; the file is then removed.
    book.check(workbook_close(workbook), "workbook_close", path);
    if (book.failed()) {
        std::remove(path.c_str());
        return book.error();
    }
    return "";
}

}  // namespace saraban::render
