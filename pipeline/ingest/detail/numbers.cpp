#include "ingest/detail/numbers.h"

#include <charconv>
#include <system_error>

namespace saraban::ingest::detail {

bool parse_double(std::string_view s, double& value) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '+')) s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size();
}

bool within_shown_precision(std::string_view v) {
    if (v.starts_with('-')) v.remove_prefix(1);
    bool point = false;
    int digits = 0;
    for (char c : v) {
        if (c == '.' && !point) point = true;
        else if (c >= '0' && c <= '9') ++digits;
        else return false;
    }
    return digits <= 15;
}

}  // namespace saraban::ingest::detail
