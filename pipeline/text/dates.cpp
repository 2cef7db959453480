#include "text/dates.h"

#include "text/digits.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <vector>

namespace saraban::text {
namespace {

constexpr int kLastGregorianYear = 2400;  // a year above this is Buddhist era (2400 B.E. is 1857 C.E.)
constexpr int kLastBuddhistEraYear = 2700;

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    const bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

// A Gregorian date from a year in either era; nullopt when that day does not exist.
std::optional<model::Date> make_date(int year, int month, int day) {
    if (year > kLastGregorianYear && year <= kLastBuddhistEraYear) year -= 543;
    const model::Date d{year, month, day};
    return is_real_date(d) ? std::optional(d) : std::nullopt;
}

// Thai digits to ASCII, runs of spaces (and NBSP) to one space, trimmed.
std::string normalised(std::string_view written) {
    const std::string ascii = arabic_digits(written);
    std::string out;
    for (std::size_t i = 0; i < ascii.size();) {
        const bool nbsp = ascii.compare(i, 2, "\xC2\xA0") == 0;
        if (ascii[i] == ' ' || ascii[i] == '\t' || nbsp) {
            if (!out.empty() && out.back() != ' ') out += ' ';
            i += nbsp ? 2 : 1;
            continue;
        }
        out += ascii[i++];
    }
    if (!out.empty() && out.back() == ' ') out.pop_back();
    return out;
}

// A whole number of 1 to max_digits ASCII digits, all of s.
std::optional<int> number(std::string_view s, std::size_t max_digits = 4) {
    if (s.empty() || s.size() > max_digits) return std::nullopt;
    int v = 0;
    auto [end, error] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (error != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

std::vector<std::string_view> split(std::string_view s, char by) {
    std::vector<std::string_view> parts;
    for (std::size_t start = 0;;) {
        const std::size_t at = s.find(by, start);
        parts.push_back(s.substr(start, at == std::string_view::npos ? std::string_view::npos : at - start));
        if (at == std::string_view::npos) return parts;
        start = at + 1;
    }
}

// "2021-09-17" with an optional time after "T" or a space.
std::optional<model::Date> iso_with_time(std::string_view s) {
    const std::size_t time = s.find_first_of("T ");
    const std::string_view date = s.substr(0, time);
    if (time != std::string_view::npos && s.find(':', time) == std::string_view::npos) return std::nullopt;
    const auto parts = split(date, '-');
    if (parts.size() != 3 || parts[0].size() != 4) return std::nullopt;
    const auto y = number(parts[0]), m = number(parts[1], 2), d = number(parts[2], 2);
    if (!y || !m || !d || *y > kLastGregorianYear) return std::nullopt;
    return make_date(*y, *m, *d);
}

// "17/9/2564": four-digit years only.
std::optional<model::Date> day_month_year(std::string_view s) {
    const auto parts = split(s, '/');
    if (parts.size() != 3 || parts[2].size() != 4) return std::nullopt;
    const auto d = number(parts[0], 2), m = number(parts[1], 2), y = number(parts[2]);
    if (!d || !m || !y) return std::nullopt;
    return make_date(*y, *m, *d);
}

int thai_month(std::string_view word) {
    static constexpr std::array<std::pair<std::string_view, std::string_view>, 12> months = {{
        {"มกราคม", "ม.ค."},  {"กุมภาพันธ์", "ก.พ."}, {"มีนาคม", "มี.ค."},   {"เมษายน", "เม.ย."},
        {"พฤษภาคม", "พ.ค."}, {"มิถุนายน", "มิ.ย."},  {"กรกฎาคม", "ก.ค."},   {"สิงหาคม", "ส.ค."},
        {"กันยายน", "ก.ย."}, {"ตุลาคม", "ต.ค."},     {"พฤศจิกายน", "พ.ย."}, {"ธันวาคม", "ธ.ค."},
    }};
    for (std::size_t i = 0; i < months.size(); ++i)
        if (word == months[i].first || word == months[i].second) return int(i) + 1;
    return 0;
}

// "17 กันยายน 2564", "วันที่ 17 ก.ย. พ.ศ. 2564", "17 ก.ย. 64": the year in the Buddhist era.
std::optional<model::Date> thai_written(std::string_view s) {
    std::vector<std::string_view> words;
    for (std::string_view w : split(s, ' '))
        if (w != "วันที่" && w != "พ.ศ.") words.push_back(w);
    if (words.size() != 3) return std::nullopt;
    const int month = thai_month(words[1]);
    const auto day = number(words[0], 2), year = number(words[2]);
    if (!month || !day || !year || (words[2].size() != 2 && words[2].size() != 4)) return std::nullopt;
    const int be = words[2].size() == 2 ? 2500 + *year : *year;  // "๖๔" is 2564, as the memo's short date writes it
    if (be <= kLastGregorianYear) return std::nullopt;          // a Thai month wants a B.E. year
    return make_date(be, month, *day);
}

}  // namespace

bool is_real_date(const model::Date& d) {
    return d.year >= 1900 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
           d.day <= days_in_month(d.year, d.month);
}

std::optional<model::Date> parse_date(std::string_view text) {
    const std::string s = normalised(text);
    if (s.empty()) return std::nullopt;
    if (auto d = iso_with_time(s)) return d;
    if (auto d = day_month_year(s)) return d;
    return thai_written(s);
}

std::optional<model::Date> parse_iso_date(std::string_view text) {
    if (text.size() != 10) return std::nullopt;
    return iso_with_time(text);
}

std::optional<model::Date> date_from_excel_serial(double serial, bool date1904) {
    if (!std::isfinite(serial)) return std::nullopt;
    long long day = static_cast<long long>(std::floor(serial));  // the fraction is the time of day
    if (date1904) {
        if (day < 0) return std::nullopt;
        day += 1462;  // day 0 of the 1904 system, 1904-01-01, is serial 1462 of the 1900 system
    } else {
        // Excel's 1900 system counts a 29 February 1900 (Lotus 1-2-3's leap-year bug), a day that never was.
        if (day < 1 || day == 60) return std::nullopt;
        if (day < 60) ++day;                            // before it, Excel's serials are one short
    }
    if (day > 2958465) return std::nullopt;  // 9999-12-31
    // Days since 1899-12-30 to a civil date (Howard Hinnant's algorithm, from 1970-01-01).
    long long z = day - 25569 + 719468;
    const long long era = (z >= 0 ? z : z - 146096) / 146097;
    const long long doe = z - era * 146097;
    const long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    const long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    const long long mp = (5 * doy + 2) / 153;
    const int d = int(doy - (153 * mp + 2) / 5 + 1);
    const int m = int(mp < 10 ? mp + 3 : mp - 9);
    const int y = int(yoe + era * 400 + (m <= 2 ? 1 : 0));
    // A B.E. year typed into a Gregorian spreadsheet: the B.E. date it was meant to be (if that day exists).
    if (y > kLastGregorianYear && y <= kLastBuddhistEraYear) return make_date(y, m, d);
    return model::Date{y, m, d};
}

std::string iso_date(const model::Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

}  // namespace saraban::text
