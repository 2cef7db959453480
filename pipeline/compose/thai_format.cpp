// Thai numbers, dates and amounts through ICU. ICU formatters are not safe for concurrent format calls, so each
// thread keeps its own, created on first use and reused afterwards.
#include "compose/thai_format.h"

#include "text/digits.h"

#include <unicode/calendar.h>
#include <unicode/datefmt.h>
#include <unicode/dcfmtsym.h>
#include <unicode/decimfmt.h>
#include <unicode/dtfmtsym.h>
#include <unicode/fpositer.h>
#include <unicode/gregocal.h>
#include <unicode/locid.h>
#include <unicode/rbnf.h>
#include <unicode/smpdtfmt.h>
#include <unicode/timezone.h>
#include <unicode/unistr.h>

#include <algorithm>
#include <array>
#include <cmath>
#include <memory>
#include <optional>
#include <stdexcept>
#include <string>
#include <vector>

namespace saraban::compose {
namespace {

// The Thai fiscal year is named after the Buddhist-era year it ends in (ICU does the B.E. conversion for dates).
constexpr int kBuddhistEraOffset = 543;
constexpr int kFiscalYearFirstMonth = 10;  // October
const char* const kThaiDigitsNumberLocale = "th_TH@numbers=thai";
const char* const kAsciiDigitsNumberLocale = "th_TH@numbers=latn";
const char* const kThaiDigitsDateLocale = "th_TH@calendar=buddhist;numbers=thai";
const char* const kAsciiDigitsDateLocale = "th_TH@calendar=buddhist;numbers=latn";

void check(UErrorCode status, const std::string& what) {
    if (U_FAILURE(status)) {
        throw std::runtime_error("ICU: " + what + ": " + u_errorName(status));
    }
}

std::string to_utf8(const icu::UnicodeString& text) {
    std::string out;
    text.toUTF8String(out);
    return out;
}

// ---- numbers ----

enum class Grouping { grouped, plain };

// This thread's decimal formatter for a digit style and grouping; fraction digits are set per call.
icu::DecimalFormat& decimal_format(NumberStyle style, Grouping grouping) {
    thread_local std::array<std::array<std::unique_ptr<icu::DecimalFormat>, 2>, 2> cache;
    auto& slot = cache[style.thai_digits ? 1 : 0][grouping == Grouping::grouped ? 1 : 0];
    if (!slot) {
        const char* locale = style.thai_digits ? kThaiDigitsNumberLocale : kAsciiDigitsNumberLocale;
        UErrorCode status = U_ZERO_ERROR;
        icu::DecimalFormatSymbols symbols{icu::Locale(locale), status};
        check(status, std::string("DecimalFormatSymbols(") + locale + ")");
        const icu::UnicodeString pattern = grouping == Grouping::grouped ? u"#,##0" : u"0";
        auto format = std::make_unique<icu::DecimalFormat>(pattern, symbols, status);
        check(status, "DecimalFormat(" + to_utf8(pattern) + ")");
        slot = std::move(format);
    }
    return *slot;
}

void set_fraction_digits(icu::DecimalFormat& format, int min_digits, int max_digits) {
    if (format.getMaximumFractionDigits() != max_digits) format.setMaximumFractionDigits(max_digits);
    if (format.getMinimumFractionDigits() != min_digits) format.setMinimumFractionDigits(min_digits);
}

std::string format_decimal(icu::DecimalFormat& format, double value) {
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    format.format(value, out, nullptr, status);
    check(status, "DecimalFormat::format");
    return to_utf8(out);
}

// ---- dates ----

enum class DatePattern { full, short_form, month_year, count };

const char16_t* pattern_text(DatePattern pattern) {
    switch (pattern) {
    case DatePattern::full: return u"d MMMM y";        // ๑๗ กันยายน ๒๕๖๔
    case DatePattern::short_form: return u"d MMM yy";  // ๑๗ ก.ย. ๖๔
    case DatePattern::month_year: return u"MMMM y";    // กันยายน ๒๕๖๔
    case DatePattern::count: break;
    }
    throw std::logic_error("unknown date pattern");
}

// This thread's Buddhist-calendar date formatter. GMT, so that a UDate at midnight GMT is that day everywhere.
icu::SimpleDateFormat& date_format(DatePattern pattern, NumberStyle style) {
    constexpr auto kPatterns = static_cast<std::size_t>(DatePattern::count);
    thread_local std::array<std::array<std::unique_ptr<icu::SimpleDateFormat>, 2>, kPatterns> cache;
    auto& slot = cache[static_cast<std::size_t>(pattern)][style.thai_digits ? 1 : 0];
    if (!slot) {
        const char* locale = style.thai_digits ? kThaiDigitsDateLocale : kAsciiDigitsDateLocale;
        UErrorCode status = U_ZERO_ERROR;
        auto format = std::make_unique<icu::SimpleDateFormat>(pattern_text(pattern), icu::Locale(locale), status);
        check(status, "SimpleDateFormat(" + to_utf8(pattern_text(pattern)) + ", " + locale + ")");
        format->setTimeZone(*icu::TimeZone::getGMT());
        slot = std::move(format);
    }
    return *slot;
}

// This thread's strict (non-lenient) GMT calendar: Gregorian, or Buddhist when buddhist_era.
icu::Calendar& strict_calendar(bool buddhist_era) {
    thread_local std::array<std::unique_ptr<icu::Calendar>, 2> cache;
    auto& slot = cache[buddhist_era ? 1 : 0];
    if (!slot) {
        UErrorCode status = U_ZERO_ERROR;
        if (buddhist_era) {
            slot.reset(icu::Calendar::createInstance(*icu::TimeZone::getGMT(), icu::Locale("th_TH@calendar=buddhist"),
                                                     status));
        } else {
            slot = std::make_unique<icu::GregorianCalendar>(*icu::TimeZone::getGMT(), status);
        }
        check(status, buddhist_era ? "Calendar(buddhist)" : "GregorianCalendar");
        slot->setLenient(false);
    }
    return *slot;
}

// Midnight GMT of year-month-day in the given calendar, or nothing if that day does not exist (31 February).
std::optional<UDate> to_udate(int year, int month, int day, bool buddhist_era) {
    icu::Calendar& calendar = strict_calendar(buddhist_era);
    calendar.clear();
    calendar.set(year, month - 1, day);  // ICU months count from 0
    UErrorCode status = U_ZERO_ERROR;
    const UDate when = calendar.getTime(status);
    if (U_FAILURE(status) || month < 1 || month > 12 || day < 1) return std::nullopt;
    return when;
}

UDate to_udate_or_throw(const model::Date& date) {
    const auto when = to_udate(date.year, date.month, date.day, false);
    if (!when) {
        throw std::invalid_argument("not a calendar date: " + std::to_string(date.year) + "-" +
                                    std::to_string(date.month) + "-" + std::to_string(date.day));
    }
    return *when;
}

std::string format_date(DatePattern pattern, UDate when, NumberStyle style) {
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    date_format(pattern, style).format(when, out, nullptr, status);
    check(status, "SimpleDateFormat::format");
    return to_utf8(out);
}

// ---- words ----

// This thread's Thai spellout: 21 → ยี่สิบเอ็ด.
icu::RuleBasedNumberFormat& thai_spellout() {
    thread_local std::unique_ptr<icu::RuleBasedNumberFormat> spellout;
    if (!spellout) {
        UErrorCode status = U_ZERO_ERROR;
        spellout = std::make_unique<icu::RuleBasedNumberFormat>(icu::URBNF_SPELLOUT, icu::Locale("th"), status);
        check(status, "RuleBasedNumberFormat(spellout, th)");
    }
    return *spellout;
}

std::string spell_out(int64_t value) {
    icu::UnicodeString words;
    icu::FieldPosition ignored(icu::FieldPosition::DONT_CARE);
    UErrorCode status = U_ZERO_ERROR;
    thai_spellout().format(value, words, ignored, status);
    check(status, "RuleBasedNumberFormat::format");
    words.findAndReplace(icu::UnicodeString(u'\u200B'), icu::UnicodeString());  // ICU separates words with ZWSP
    return to_utf8(words);
}

// |amount| rounded half-up to whole satang, as ASCII "12.50". ICU rounds the shortest decimal form of the double,
// so 0.285 gives 0.29 (binary arithmetic would give 0.28).
std::string satang_rounded(double magnitude) {
    thread_local std::unique_ptr<icu::DecimalFormat> format;
    if (!format) {
        UErrorCode status = U_ZERO_ERROR;
        icu::DecimalFormatSymbols symbols{icu::Locale("en_US_POSIX"), status};
        check(status, "DecimalFormatSymbols(en_US_POSIX)");
        format = std::make_unique<icu::DecimalFormat>(u"0.00", symbols, status);
        check(status, "DecimalFormat(0.00)");
        format->setRoundingMode(icu::DecimalFormat::kRoundHalfUp);
    }
    return format_decimal(*format, magnitude);
}

}  // namespace

std::string format_number(double value, int decimals, NumberStyle style) {
    icu::DecimalFormat& format = decimal_format(style, Grouping::grouped);
    const int digits = std::max(decimals, 0);
    set_fraction_digits(format, digits, digits);
    return format_decimal(format, value);
}

std::string format_number_shortest(double value, int max_decimals, NumberStyle style) {
    icu::DecimalFormat& format = decimal_format(style, Grouping::grouped);
    set_fraction_digits(format, 0, std::max(max_decimals, 0));
    return format_decimal(format, value);
}

std::string format_plain_integer(long long value, NumberStyle style) {
    icu::DecimalFormat& format = decimal_format(style, Grouping::plain);
    icu::UnicodeString out;
    UErrorCode status = U_ZERO_ERROR;
    format.format(static_cast<int64_t>(value), out, nullptr, status);
    check(status, "DecimalFormat::format");
    return to_utf8(out);
}

std::string thai_digits(std::string_view utf8, NumberStyle style) {
    return style.thai_digits ? text::thai_digits(utf8) : std::string(utf8);
}

std::string ascii_digits(std::string_view utf8) { return text::arabic_digits(utf8); }

std::string format_date_full(const model::Date& date, NumberStyle style) {
    return format_date(DatePattern::full, to_udate_or_throw(date), style);
}

std::string format_date_short(const model::Date& date, NumberStyle style) {
    return format_date(DatePattern::short_form, to_udate_or_throw(date), style);
}

std::string thai_month_name(int month) {
    static const std::vector<std::string> names = [] {
        UErrorCode status = U_ZERO_ERROR;
        const icu::DateFormatSymbols symbols(icu::Locale("th_TH@calendar=buddhist"), status);
        check(status, "DateFormatSymbols(th)");
        int32_t count = 0;
        const icu::UnicodeString* months =
            symbols.getMonths(count, icu::DateFormatSymbols::FORMAT, icu::DateFormatSymbols::WIDE);
        if (count < 12) throw std::runtime_error("ICU: fewer than 12 Thai month names");
        std::vector<std::string> result;
        for (int32_t i = 0; i < 12; ++i) result.push_back(to_utf8(months[i]));
        return result;
    }();
    if (month < 1 || month > 12) throw std::invalid_argument("month out of range: " + std::to_string(month));
    return names[static_cast<std::size_t>(month - 1)];
}

std::string format_month_year(int month, int year_ce, NumberStyle style) {
    return format_date(DatePattern::month_year, to_udate_or_throw({year_ce, month, 1}), style);
}

FiscalYearSpan fiscal_year_span(int fiscal_year_be) {
    const int last_year_ce = fiscal_year_be - kBuddhistEraOffset;
    return {{last_year_ce - 1, kFiscalYearFirstMonth, 1}, {last_year_ce, kFiscalYearFirstMonth - 1, 30}};
}

int fiscal_year_of(const model::Date& date) {
    const int fiscal_year_ce = date.month >= kFiscalYearFirstMonth ? date.year + 1 : date.year;
    return fiscal_year_ce + kBuddhistEraOffset;
}

std::string baht_in_words(double amount) {
    if (!std::isfinite(amount)) throw std::invalid_argument("baht_in_words: not a finite amount");
    constexpr double kLargestAmount = 1e15;  // keeps satang exact in a double
    if (std::fabs(amount) >= kLargestAmount) throw std::out_of_range("baht_in_words: amount too large");

    const std::string rounded = satang_rounded(std::fabs(amount));  // "12.50"
    const std::size_t point = rounded.find('.');
    const long long baht = std::stoll(rounded.substr(0, point));
    const long long satang = std::stoll(rounded.substr(point + 1));

    std::string words = (amount < 0 && (baht != 0 || satang != 0)) ? "ลบ" : "";
    if (satang == 0) return words + spell_out(baht) + "บาทถ้วน";
    if (baht != 0) words += spell_out(baht) + "บาท";
    return words + spell_out(satang) + "สตางค์";
}

}  // namespace saraban::compose
