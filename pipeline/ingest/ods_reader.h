// Reads the cells of an .ods workbook (OpenDocument spreadsheet, LibreOffice's default: a zip holding content.xml)
// into the same Workbook read_xlsx gives, so that read_report reads an .ods exactly as it reads an .xlsx. Bytes in,
// no path opened: the caller reads the file.
//
// Example:
//   XlsxResult read = read_ods(bytes, "inputs/sbn.ods");
//   if (read) report = read_report(read.workbook, "inputs/sbn.ods");
#pragma once

#include <cstdint>
#include <span>
#include <string_view>

#include "ingest/xlsx_reader.h"

namespace saraban::ingest {

// Limits (ingest/limits.h): those of the .xlsx reader, and cells, which here also bounds repeats
// (table:number-rows-repeated, …-columns-repeated), which let a few bytes of XML stand for millions of cells. Empty
// repeats (LibreOffice writes 1048576 rows and 16384 columns of them) are skipped, never expanded; repeated cells
// with a value are expanded, and reading stops with an error past max_rows, max_cols or max_cells.

// Whether the bytes are an OpenDocument spreadsheet by its signature: the zip's first entry is "mimetype", stored
// uncompressed, holding application/vnd.oasis.opendocument.spreadsheet (ODF requires it; every writer does it).
// Looks at that entry's header only: for an .ods renamed .xlsx, told apart without opening the zip.
bool looks_like_ods(std::span<const std::byte> bytes);

// Reads the workbook, its cells as read_xlsx gives them:
//   float, percentage, currency  a number (office:value; 0.25 for 25%), rounded to 15 digits as read_xlsx does
//   date                         a number flagged is_date: the 1900-system serial an .xlsx holds for that day
//                                (2021-09-17 → 44456, a time of day as its fraction); date1904 is always false
//   time                         a number flagged is_date: the fraction of a day (PT08H30M00S → 0.354166…)
//   boolean                      a boolean, 1 or 0, text TRUE or FALSE
//   string                       text: the text:p paragraphs joined by "\n" (text:s, text:tab, text:line-break,
//                                text:span, text:a read; white space as written, as LibreOffice reads it;
//                                comments left out); a formula's office:string-value
//   error (calcext:value-type)   an error cell, its text as shown ("#DIV/0!")
// A formula's cached value is its value; a formula without one, like an empty cell, gives no cell. Spans
// (table:number-columns-spanned/-rows-spanned) are merged ranges, and what covered cells hold is left out (the
// region shows its top-left cell). A sheet hidden by its style (table:display="false") is a sheet, hidden.
// Text is checked as read_xlsx checks it (invalid UTF-8 or a control character is an error naming the cell, which
// is left out) and made NFC with ◌ํ + า as ำ (to_nfc). file_name is used only in diagnostics. Never throws for
// bad input: a file that is not an .ods (not a zip, damaged, no content.xml, another mimetype) gives an error
// diagnostic naming the file.
XlsxResult read_ods(std::span<const std::byte> bytes, std::string_view file_name, const Limits& limits = {});

}  // namespace saraban::ingest
