#include "ingest/text.h"

#include <charconv>
#include <cmath>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

namespace saraban::ingest {

std::string to_nfc(const std::string& s) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return s;  // the common case: no copy
    status = U_ZERO_ERROR;
    icu::UnicodeString normalised = nfc->normalize(u, status);
    if (U_FAILURE(status)) return s;
    std::string out;
    normalised.toUTF8String(out);
    return out;
}

namespace {

// Length in bytes of a whitespace character at s[i] (ASCII space/tab/newline, NBSP, zero-width space), else 0.
std::size_t whitespace_at(std::string_view s, std::size_t i) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') return 1;
    if (s.substr(i, 2) == "\xC2\xA0") return 2;      // U+00A0 no-break space
    if (s.substr(i, 3) == "\xE2\x80\x8B") return 3;  // U+200B zero-width space (Thai word breaks)
    if (s.substr(i, 3) == "\xE3\x80\x80") return 3;  // U+3000 ideographic space
    return 0;
}

}  // namespace

std::string clean_text(std::string_view raw) {
    std::string s = to_nfc(std::string(raw));
    std::string out;
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (std::size_t n = whitespace_at(s, i)) {
            pending_space = !out.empty();
            i += n;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += s[i++];
    }
    return out;
}

std::string name_key(std::string_view raw) {
    std::string s = clean_text(raw);
    for (char& c : s) {
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
        if (c == '_') c = ' ';
    }
    return clean_text(s);
}

// Thai digits are U+0E50–U+0E59, in UTF-8 E0 B9 90–99.
std::string arabic_digits(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (i + 2 < s.size() && s[i] == '\xE0' && s[i + 1] == '\xB9' && (unsigned char)s[i + 2] >= 0x90 &&
            (unsigned char)s[i + 2] <= 0x99) {
            out += char('0' + ((unsigned char)s[i + 2] - 0x90));
            i += 2;
        } else {
            out += s[i];
        }
    }
    return out;
}

std::string thai_digits(std::string_view s) {
    std::string out;
    for (char c : s) {
        if (c >= '0' && c <= '9') out += std::string("\xE0\xB9") + char(0x90 + (c - '0'));
        else out += c;
    }
    return out;
}

std::optional<double> parse_number_text(std::string_view raw) {
    std::string s;
    for (char c : arabic_digits(clean_text(raw)))
        if (c != ',' && c != ' ') s += c;
    if (s.empty() || s.find_first_not_of("0123456789.+-eE") != std::string::npos) return std::nullopt;
    if (s.front() == '+') s.erase(0, 1);
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return to_shown_precision(value);
}

double to_shown_precision(double x) {
    if (!std::isfinite(x) || x == 0) return x;
    char buffer[64];  // to_chars, unlike printf, ignores the locale's decimal comma
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 15);
    double rounded = x;
    if (ec == std::errc()) std::from_chars(buffer, end, rounded);
    return rounded;
}

std::string format_number(double x) {
    if (std::abs(x) < 1e15 && x == std::floor(x)) return std::to_string(static_cast<long long>(x));
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

}  // namespace saraban::ingest
