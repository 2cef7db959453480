// UTF-8, one way for every stage: checking input text (ICU's strict rule), decoding for layout's loops, encoding
// wherever a code point is written, and UTF-16 for the PDF's text strings.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

#include <unicode/utf8.h>

namespace saraban::text {

// The byte offset where the first ill-formed sequence starts (a stray byte, a cut-off sequence, an overlong form,
// a surrogate, a value past U+10FFFF), or npos when s is well-formed UTF-8.
inline std::size_t first_invalid_utf8(std::string_view s) {
    const auto length = std::int32_t(s.size());  // input files are limited far below 2 GiB
    for (std::int32_t i = 0; i < length;) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(s.data(), i, length, c);
        if (c < 0) return std::size_t(start);
    }
    return std::string_view::npos;
}

inline bool is_valid_utf8(std::string_view s) { return first_invalid_utf8(s) == std::string_view::npos; }

// Decodes the code point at s[i] and moves i past it; an invalid or cut-off sequence decodes as U+FFFD, one byte.
inline std::uint32_t next_code_point(std::string_view s, std::size_t& i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    const int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 0;
    if (len == 0 || i + len > s.size()) {
        ++i;
        return 0xFFFD;
    }
    std::uint32_t cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
    for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
    i += len;
    return cp;
}

inline void append_utf8(std::string& out, std::uint32_t cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// The UTF-16 code units of s, each passed to emit (a PDF text string and a CMap destination are UTF-16BE); called
// for every word's ActualText, so no list is built.
template <class Emit>
void for_each_utf16(std::string_view s, Emit&& emit) {
    for (std::size_t i = 0; i < s.size();) {
        std::uint32_t cp = next_code_point(s, i);
        if (cp >= 0x10000) {
            cp -= 0x10000;
            emit(0xD800u | (cp >> 10));
            emit(0xDC00u | (cp & 0x3FF));
        } else {
            emit(cp);
        }
    }
}

}  // namespace saraban::text
