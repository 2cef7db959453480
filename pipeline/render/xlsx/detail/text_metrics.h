// Internal to render/xlsx: how wide a text is in the body font and how many lines it wraps to in a column, so that
// rows get the height their text takes. Neither Excel nor LibreOffice fits a row to wrapped text when it opens a
// file, and libxlsxwriter does not either; a row too short cuts its text off, one too tall wastes paper (the
// มาตรการ sheet once printed on 15 pages for 9 of text).
//
// Widths come from a table of the body font's advance widths (text_metrics.cpp): TH Sarabun New's, measured on
// fonts/Laksaman*.ttf (TLWG's font with TH Sarabun's metrics, what LibreOffice draws TH Sarabun New with here).
// render/xlsx does not link the layout stage's HarfBuzz (tests/structure), and a cell needs no shaping: Thai marks
// above and below take no width, every other character its advance. Lines break where ICU's line breaker (Thai by
// dictionary, as LibreOffice and Excel break it) allows, a word wider than the line at any character.
#pragma once

#include <string_view>

namespace saraban::render::xlsx_detail {

// Width (points) of text in the body font at body_font_size, bold or regular; a line break counts as nothing.
double text_points(std::string_view s, bool bold);

// The lines text takes in a line width_points wide: each of its lines ('\n') wrapped at word boundaries. 1 for
// an empty text.
int wrapped_lines(std::string_view s, double width_points, bool bold);

// The width (points) a column width_units wide (Excel's units: the default font's digit) leaves for its text as
// LibreOffice prints it, less the cell's margins: what wrapped_lines is given for a row's height.
double text_area_points(double width_units);

// A column width (units) that holds a line of text points wide in Excel, the narrower of the two programs.
double units_for_points(double points);

}  // namespace saraban::render::xlsx_detail
