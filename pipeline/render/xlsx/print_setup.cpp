// Print set-up of the tracking workbook's sheets: what staff get when they press Print. Every sheet prints on A4
// landscape at a fixed scale worked out here from its columns' widths, never "fit to page": fitting a wide sheet
// to one page shrank the 16-pt body of มาตรการ to about 6 pt. The scale is the largest that fits the columns on the
// page's width, but never below min_print_scale (the body stays ≥ 12 pt on paper); a sheet wider than that goes
// on to a second page across, whole columns at a time, rather than printing unreadably small.
//
// Header and footer codes (Excel's, which LibreOffice reads too): &L &C &R sections, &"font,style", &nn size, &P
// the page number, &N the count of pages. Neither program has a code for Thai digits in a page number, so the
// page numbers are Arabic ("หน้า 1 / 3"); the header's own text has Thai digits.
#include <algorithm>
#include <cmath>

#include "compose/thai_format.h"
#include "render/xlsx/detail/sheets.h"

namespace saraban::render::xlsx_detail {
namespace {

// A4 landscape is 297 mm (841.9 pt) wide; less the left and right margins.
constexpr double a4_landscape_points = 841.89;
constexpr double side_margin_inches = 0.4;
constexpr double usable_points = a4_landscape_points - 2 * side_margin_inches * 72;

// Header and footer text size before scaling: at min_print_scale it is still 12 pt on paper.
constexpr int page_text_size = 16;

}  // namespace

int print_scale(double columns_points) {
    if (columns_points <= 0) return 100;
    const int fits = int(std::floor(100 * usable_points / columns_points));
    return std::clamp(fits, min_print_scale, 100);
}

std::string page_header_text(const model::Report& report) {
    std::string text = "ติดตามมาตรการ ITA";
    if (!report.memo.agency.empty()) text += " " + report.memo.agency;
    if (!report.memo.agency_abbr.empty()) text += " (" + report.memo.agency_abbr + ")";
    return text;
}

std::string page_round_text(const model::Report& report) {
    std::string text;
    if (report.memo.fiscal_year_be > 0)
        text += "ปีงบประมาณ พ.ศ. " + compose::format_plain_integer(report.memo.fiscal_year_be);
    if (report.memo.round_months > 0)
        text += std::string(text.empty() ? "" : " ") + "รอบ " +
                compose::format_plain_integer(report.memo.round_months) + " เดือน";
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
    std::string font = std::string("&\"") + body_font + ",Regular\"&14";
    std::string header = "&L" + font + header_text + "&R" + font + sheet.name();
    std::string footer = "&C" + font + "หน้า &P จาก &N";
    sheet.check(worksheet_set_header(ws, header.c_str()), "worksheet_set_header");
    sheet.check(worksheet_set_footer(ws, footer.c_str()), "worksheet_set_footer");
}

void set_up_printing(Sheet& sheet, const PageText& page, lxw_row_t repeated_rows) {
    lxw_worksheet* ws = sheet.get();
    if (!ws) return;
    worksheet_set_landscape(ws);
    worksheet_set_paper(ws, 9);  // A4
    worksheet_set_margins(ws, side_margin_inches, side_margin_inches, 0.75, 0.75);
    worksheet_set_print_scale(ws, uint16_t(print_scale(sheet.columns_points())));
    // No first page number of its own: LibreOffice would then restart &P at 1 on each sheet but keep &N the whole
    // workbook's count ("หน้า 1 / 20" on every sheet's first page); numbered on, the pages read 1 to 20 of 20.
    if (repeated_rows > 0)
        sheet.check(worksheet_repeat_rows(ws, 0, repeated_rows - 1), "worksheet_repeat_rows");
    const std::string font = std::string("&\"") + body_font + ",Regular\"&" + std::to_string(page_text_size);
    const std::string header = "&L" + font + page.left + "&R" + font + page.right;
    const std::string footer = "&L" + font + sheet.name() + "&R" + font + "หน้า &P / &N";
    sheet.check(worksheet_set_header(ws, header.c_str()), "worksheet_set_header");
    sheet.check(worksheet_set_footer(ws, footer.c_str()), "worksheet_set_footer");
}

}  // namespace saraban::render::xlsx_detail
