#include "text/digits.h"

namespace saraban::text {
namespace {

// ๐ is U+0E50, E0 B9 90 in UTF-8; ๙ is E0 B9 99.
constexpr unsigned char kLead0 = 0xE0, kLead1 = 0xB9, kZeroLast = 0x90;

}  // namespace

std::string arabic_digits(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size(); ++i) {
        const auto byte = [&](std::size_t k) { return static_cast<unsigned char>(utf8[k]); };
        if (i + 2 < utf8.size() && byte(i) == kLead0 && byte(i + 1) == kLead1 && byte(i + 2) >= kZeroLast &&
            byte(i + 2) <= kZeroLast + 9) {
            out += static_cast<char>('0' + (byte(i + 2) - kZeroLast));
            i += 2;
        } else {
            out += utf8[i];
        }
    }
    return out;
}

std::string thai_digits(std::string_view utf8) {
    std::string out;
    out.reserve(utf8.size() * 3);
    for (char c : utf8) {
        if (c >= '0' && c <= '9') {
            out += static_cast<char>(kLead0);
            out += static_cast<char>(kLead1);
            out += static_cast<char>(kZeroLast + (c - '0'));
        } else {
            out += c;
        }
    }
    return out;
}

}  // namespace saraban::text
