// The tracking workbook: its document properties and its sheets, in the order staff read them.
#include "render/xlsx/tracking_workbook.h"

#include <cstdio>

#include "render/xlsx/detail/sheets.h"

namespace saraban::render {

std::string write_tracking_workbook(const model::Report& report, const std::vector<model::Diagnostic>& findings,
                                    const std::string& path, const compose::RoundChanges* changes) {
    using namespace xlsx_detail;
    lxw_workbook* workbook = new_workbook(path);
    if (!workbook) return path + ": workbook_new_opt: cannot create the workbook (out of memory)";
    Book book(workbook);

    std::string title = "ติดตามมาตรการ ITA";
    if (!report.memo.agency.empty()) title += " " + report.memo.agency;
    lxw_doc_properties properties = {};
    properties.title = title.data();
    properties.author = const_cast<char*>("saraban");
    properties.comments = const_cast<char*>("สมุดงานติดตามมาตรการ แก้ไขในชีต มาตรการ แล้วส่งคืนในรอบถัดไป");
    properties.created = creation_time(report.memo.date);
    book.check(workbook_set_properties(workbook, &properties), "workbook_set_properties");

    write_memo_sheet(book, report);
    write_scores_sheet(book, report);
    write_measures_sheet(book, report, changes);
    write_variables_sheet(book, report);
    write_summary_sheet(book, report);
    write_findings_sheet(book, findings);
    write_metadata_sheet(book, report, changes);

    return book.close(path);
}

}  // namespace saraban::render
