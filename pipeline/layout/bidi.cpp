#include "layout/bidi.h"

#include <unicode/ubidi.h>
#include <unicode/uchar.h>

#include <memory>
#include <stdexcept>
#include <string>

#include "text/utf8.h"

namespace saraban::layout {

namespace {

using text::next_code_point;

struct BidiCloser {
    void operator()(UBiDi* bidi) const { ubidi_close(bidi); }
};

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
}

void append_utf16(std::u16string& out, std::uint32_t cp) {
    if (cp < 0x10000) {
        out += char16_t(cp);
    } else {
        out += char16_t(0xD800 | ((cp - 0x10000) >> 10));
        out += char16_t(0xDC00 | ((cp - 0x10000) & 0x3FF));
    }
}

}  // namespace

bool has_right_to_left(std::string_view utf8) {
    for (std::size_t i = 0; i < utf8.size();) {
        const std::uint32_t cp = next_code_point(utf8, i);
        // Latin, Greek, Cyrillic, ... and Thai are never right to left, nor controls: most text is skipped here.
        if (cp < 0x0590 || (cp >= 0x0E00 && cp <= 0x0E7F)) continue;
        switch (u_charDirection(UChar32(cp))) {
        case U_RIGHT_TO_LEFT: case U_RIGHT_TO_LEFT_ARABIC: case U_ARABIC_NUMBER:
        case U_LEFT_TO_RIGHT_EMBEDDING: case U_LEFT_TO_RIGHT_OVERRIDE: case U_RIGHT_TO_LEFT_EMBEDDING:
        case U_RIGHT_TO_LEFT_OVERRIDE: case U_POP_DIRECTIONAL_FORMAT: case U_LEFT_TO_RIGHT_ISOLATE:
        case U_RIGHT_TO_LEFT_ISOLATE: case U_FIRST_STRONG_ISOLATE: case U_POP_DIRECTIONAL_ISOLATE:
            return true;
        default:
            break;
        }
    }
    return false;
}

std::vector<std::uint8_t> bidi_levels(std::string_view utf8) {
    if (!has_right_to_left(utf8)) return {};
    // UTF-16 for ICU, decoded as layout decodes (an invalid byte is one U+FFFD), so that units map back to bytes.
    std::u16string text;
    text.reserve(utf8.size());
    for (std::size_t i = 0; i < utf8.size();) append_utf16(text, next_code_point(utf8, i));
    UErrorCode status = U_ZERO_ERROR;
    std::unique_ptr<UBiDi, BidiCloser> bidi(ubidi_openSized(int32_t(text.size()), 0, &status));
    check(status, "ubidi_openSized");
    ubidi_setPara(bidi.get(), text.data(), int32_t(text.size()), 0, nullptr, &status);  // 0: left to right
    check(status, "ubidi_setPara");
    const UBiDiLevel* levels = ubidi_getLevels(bidi.get(), &status);
    check(status, "ubidi_getLevels");
    std::vector<std::uint8_t> out(utf8.size());
    std::size_t unit = 0;
    for (std::size_t i = 0; i < utf8.size();) {
        const std::size_t at = i;
        const std::uint32_t cp = next_code_point(utf8, i);
        for (std::size_t b = at; b < i; ++b) out[b] = levels[unit];
        unit += cp < 0x10000 ? 1 : 2;
    }
    return out;
}

std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels) {
    std::vector<int32_t> map(run_levels.size());
    if (run_levels.empty()) return {};
    ubidi_reorderVisual(run_levels.data(), int32_t(run_levels.size()), map.data());
    return std::vector<std::size_t>(map.begin(), map.end());
}

}  // namespace saraban::layout
