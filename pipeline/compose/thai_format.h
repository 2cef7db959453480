// Numbers, dates and amounts as a Thai memo writes them, through ICU: Thai digits (a switch turns them off),
// grouping, fixed decimals, Buddhist-era dates, fiscal years, amounts in words.
#pragma once

#include <string>
#include <string_view>

#include "model/report.h"

namespace saraban::compose {

// How generated numbers are written. Thai digits are the default of official memos.
struct NumberStyle {
    bool thai_digits = true;
};

// 1250000 → "๑,๒๕๐,๐๐๐"; with decimals = 2, 95.2 → "๙๕.๒๐". Rounds half-even, as ICU does.
std::string format_number(double value, int decimals, NumberStyle style = {});

// The shortest form with at most max_decimals: 95.2 → "๙๕.๒", 100 → "๑๐๐", 96.29 → "๙๖.๒๙". Grouped.
std::string format_number_shortest(double value, int max_decimals, NumberStyle style = {});

// An integer without grouping, as in years and item numbers: 2564 → "๒๕๖๔".
std::string format_plain_integer(long long value, NumberStyle style = {});

// Replaces the ASCII digits 0-9 in text with Thai digits (or leaves it alone when style says so).
std::string thai_digits(std::string_view utf8, NumberStyle style = {});

// Replaces Thai digits ๐-๙ with ASCII digits: "๙๖.๒๙" → "96.29".
std::string ascii_digits(std::string_view utf8);

// "๑๗ กันยายน ๒๕๖๔" (the memo's date line).
std::string format_date_full(const model::Date& date, NumberStyle style = {});

// "๑๗ ก.ย. ๖๔".
std::string format_date_short(const model::Date& date, NumberStyle style = {});

// The full Thai month name, 1 → "มกราคม" … 12 → "ธันวาคม".
std::string thai_month_name(int month);

// "กันยายน ๒๕๖๔": a month and its Buddhist-era year.
std::string format_month_year(int month, int year_ce, NumberStyle style = {});

// ปีงบประมาณ พ.ศ. 2564 runs 1 October 2020 to 30 September 2021 (Gregorian dates).
struct FiscalYearSpan {
    model::Date first;
    model::Date last;
};
FiscalYearSpan fiscal_year_span(int fiscal_year_be);

// The fiscal year (Buddhist era) a date falls in: 17 Sep 2021 → 2564, 1 Oct 2021 → 2565.
int fiscal_year_of(const model::Date& date);

// 1250000 → "หนึ่งล้านสองแสนห้าหมื่นบาทถ้วน"; 12.50 → "สิบสองบาทห้าสิบสตางค์". Negative amounts get "ลบ".
std::string baht_in_words(double amount);

}  // namespace saraban::compose
