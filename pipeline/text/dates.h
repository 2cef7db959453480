// Dates as people write them in the workbooks and as saraban writes them: one rule, used by ingest (the memo's
// date, date cells), compose (dates in ตัวแปร) and the workbooks saraban writes, so that every form saraban prints
// reads back, and no stage accepts what another refuses.
//
// Accepted (Thai or ASCII digits, any spacing):
//   2021-09-17, 2021-9-7, 2021-09-17T00:00:00, 2021-09-17 08:30   ISO, Gregorian, a time after it ignored
//   17/9/2564, 17/09/2021                                          d/m/yyyy: B.E. when the year is above 2400
//   ๑๗ กันยายน ๒๕๖๔, 17 ก.ย. 2564, ๑๗ ก.ย. ๖๔, วันที่ ๑๗ กันยายน พ.ศ. ๒๕๖๔
//                                                                   a Thai month takes a B.E. year, four digits,
//                                                                   or two as the memo's short form writes it
//   an Excel serial (a date cell), 1900 or 1904 system; a cell whose year is B.E. (17/9/2564 typed into a
//   Gregorian spreadsheet) is that B.E. date
// Refused: two-digit years in d/m/yy (17/9/64: which century?), a Thai month with a Gregorian year, days that do
// not exist (31/2/2564, 29 ก.พ. 2564), anything around the date ("17 กันยายน 2564 เป็นต้นไป").
//
// Example:
//   if (auto d = text::parse_date("๑๗ ก.ย. ๖๔")) assert((*d == model::Date{2021, 9, 17}));
#pragma once

#include <optional>
#include <string>
#include <string_view>

#include "model/report.h"

namespace saraban::text {

// Any accepted written form, as a Gregorian date; nullopt when the text is none of them or no real day.
std::optional<model::Date> parse_date(std::string_view text);

// Only the ISO form YYYY-MM-DD (what saraban writes for a date cell's value), nothing around it.
std::optional<model::Date> parse_iso_date(std::string_view text);

// A date cell's serial number (the fraction, the time of day, ignored); nullopt out of range or on Excel's
// 29 February 1900, a day that never was.
std::optional<model::Date> date_from_excel_serial(double serial, bool date1904);

// "2021-09-17".
std::string iso_date(const model::Date& date);

// Whether the Gregorian date exists (year 1900–9999).
bool is_real_date(const model::Date& date);

}  // namespace saraban::text
