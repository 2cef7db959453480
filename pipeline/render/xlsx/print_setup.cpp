// A4 print set-up of the tracking workbook's sheets: what staff get when they press Print.
#include "compose/thai_format.h"
#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {

std::string page_header_text(const model::Report& report) {
    std::string text = "ติดตามมาตรการ";
    if (!report.memo.agency_abbr.empty()) text += " " + report.memo.agency_abbr;
    if (report.memo.fiscal_year_be > 0)
        text += " ปีงบประมาณ พ.ศ. " + compose::format_plain_integer(report.memo.fiscal_year_be);
    if (report.memo.round_months > 0)
        text += " รอบ " + compose::format_plain_integer(report.memo.round_months) + " เดือน";
    return text;
}

void set_up_printing(Sheet& sheet, bool landscape, const std::string& header_text, bool repeat_first_row) {
    lxw_worksheet* ws = sheet.get();
    if (!ws) return;
    if (landscape) worksheet_set_landscape(ws);
    else worksheet_set_portrait(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_fit_to_pages(ws, 1, 0);  // one page wide, as many pages tall as it takes
    if (repeat_first_row) sheet.check(worksheet_repeat_rows(ws, 0, 0), "worksheet_repeat_rows");
    // &"font,style" and &size select the font of the section; &P and &N are the page number and count.
    std::string font = std::string("&\"") + body_font + ",Regular\"&14";
    std::string header = "&L" + font + header_text + "&R" + font + sheet.name();
    std::string footer = "&C" + font + "หน้า &P จาก &N";
    sheet.check(worksheet_set_header(ws, header.c_str()), "worksheet_set_header");
    sheet.check(worksheet_set_footer(ws, footer.c_str()), "worksheet_set_footer");
}

}  // namespace saraban::render::xlsx_detail
