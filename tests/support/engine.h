// The text engine the tests share: the project's fonts and one line breaker, built once per test program.
#pragma once

#include <string>

#include "layout/font.h"
#include "layout/line_breaker.h"
#include "layout/paragraph.h"

namespace saraban::testing {

inline const layout::FontSet& fonts() {
    static const layout::FontSet set = layout::load_default_fonts(std::string(SARABAN_SOURCE_DIR) + "/fonts");
    return set;
}

inline const layout::ThaiLineBreaker& breaker() {
    static const layout::ThaiLineBreaker b;
    return b;
}

inline layout::TextEngine engine(double line_pitch_em = 1.3) { return {fonts(), breaker(), line_pitch_em}; }

}  // namespace saraban::testing
