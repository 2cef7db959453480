// The status column's dropdown (a list data validation of the three Thai statuses) and its colours (a conditional
// format per status, keyed on the cell's text).
//
// Example (rows 3 to 5 of column G, zero-based 2..4):
//   add_status_dropdown(sheet, col_status, 2, 4);
//   add_status_colours(sheet, col_status, 1, 200);
#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

void add_status_dropdown(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row) {
    if (!sheet.get()) return;
    const char* words[] = {status_words[0], status_words[1], status_words[2], nullptr};
    lxw_data_validation validation = {};
    validation.validate = LXW_VALIDATION_TYPE_LIST;
    validation.value_list = const_cast<char**>(words);
    validation.ignore_blank = LXW_VALIDATION_ON;
    validation.show_input = LXW_VALIDATION_ON;
    validation.show_error = LXW_VALIDATION_ON;
    validation.error_type = LXW_VALIDATION_ERROR_TYPE_STOP;
    validation.input_title = const_cast<char*>("สถานะ");
    validation.input_message = const_cast<char*>("เลือกสถานะของขั้นตอนจากรายการ");
    validation.error_title = const_cast<char*>("สถานะไม่ถูกต้อง");
    validation.error_message =
        const_cast<char*>("ใช้ ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ หรือ ยังไม่ได้ดำเนินการ");
    sheet.check(worksheet_data_validation_range(sheet.get(), first_row, col, last_row, col, &validation),
                "worksheet_data_validation_range",
                "cells " + column_letters(col) + std::to_string(first_row + 1) + ":" + column_letters(col) +
                    std::to_string(last_row + 1));
}

void add_status_colours(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row) {
    if (!sheet.get()) return;
    const Formats& f = sheet.book().formats();
    for (int i = 0; i < 3; ++i) {
        // An exact match of the cell's text ("ดำเนินการแล้ว" is also the tail of no other status, but equality
        // keeps a note such as "ดำเนินการแล้วบางส่วน" from turning green).
        std::string value = std::string("\"") + status_words[i] + "\"";
        lxw_conditional_format format = {};
        format.type = LXW_CONDITIONAL_TYPE_CELL;
        format.criteria = LXW_CONDITIONAL_CRITERIA_EQUAL_TO;
        format.value_string = value.data();
        format.format = f.status_fill[i];
        sheet.check(worksheet_conditional_format_range(sheet.get(), first_row, col, last_row, col, &format),
                    "worksheet_conditional_format_range",
                    "cells " + column_letters(col) + std::to_string(first_row + 1) + ":" + column_letters(col) +
                        std::to_string(last_row + 1));
    }
}

}  // namespace saraban::render::xlsx_detail
