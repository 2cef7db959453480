// Sheet ผลการตรวจสอบ [findings]: what validation found in the input, one row each, so that staff fix the workbook
// where the problem is: severity, place (file, sheet and cell) and message.
#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

void write_findings_sheet(Book& book, const std::vector<model::Diagnostic>& findings) {
    Sheet sheet = book.add_sheet(findings_sheet_name);
    const Formats& f = book.formats();
    sheet.column(0, 0, 14, f.text);
    sheet.column(1, 1, 40, f.text);
    sheet.column(2, 2, 90, f.text);
    sheet.text(0, 0, "ระดับ", f.header);
    sheet.text(0, 1, "ตำแหน่ง", f.header);
    sheet.text(0, 2, "ข้อความ", f.header);
    lxw_row_t row = 1;
    for (const model::Diagnostic& d : findings) {
        bool error = d.severity == model::Severity::error;
        sheet.text(row, 0, error ? "ข้อผิดพลาด" : "คำเตือน", f.text);
        sheet.text(row, 1, model::to_string(d.at), f.text);
        sheet.text(row, 2, d.message, f.text);
        ++row;
    }
    if (findings.empty()) sheet.text(row++, 0, "ไม่พบปัญหา", f.text);
    if (lxw_worksheet* ws = sheet.get()) {
        worksheet_freeze_panes(ws, 1, 0);
        sheet.check(worksheet_autofilter(ws, 0, 0, row - 1, 2), "worksheet_autofilter");
    }
    sheet.set_row_heights();
    set_up_printing(sheet, {"ผลการตรวจสอบข้อมูล", ""}, 1);
}

}  // namespace saraban::render::xlsx_detail
