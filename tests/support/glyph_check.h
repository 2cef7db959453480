// A word as pdf.js draws it against the same word as HarfBuzz shapes it alone: the same glyph origins means the
// PDF kept HarfBuzz's positions (marks, kerning) and added no letter-spacing.
#pragma once

#include <algorithm>
#include <cmath>
#include <sstream>
#include <string>
#include <utility>
#include <vector>

#include "layout/shaper.h"
#include "support/engine.h"
#include "support/pdfjs.h"

namespace saraban::testing {

// The word's text as pdf.js reads its glyphs (the ring of ำ, read as U+200B, left out).
inline std::string drawn_text(const std::vector<DrawnGlyph>& word) {
    std::string text;
    for (const auto& g : word)
        if (g.text != "\u200B") text += g.text;
    return text;
}

// Empty when every glyph of word is drawn where HarfBuzz puts it shaping text alone in the regular face at size
// (origins from the word's first glyph, within 0.01 pt; compared sorted, since the PDF has them in source order);
// else what differs.
inline std::string differs_from_shaping(const std::vector<DrawnGlyph>& word, const std::string& text, double size) {
    std::vector<std::pair<double, double>> want, got;
    double pen = 0;
    for (const auto& g : layout::shape(text, fonts().regular, size, fonts())) {
        want.emplace_back(pen + g.x_offset, g.y_offset);
        pen += g.x_advance;
    }
    for (const auto& g : word) got.emplace_back(g.x - word.front().x, g.y - word.front().y);
    std::sort(want.begin(), want.end());
    std::sort(got.begin(), got.end());
    std::ostringstream why;
    if (got.size() != want.size()) {
        why << text << ": " << got.size() << " glyphs drawn, HarfBuzz gives " << want.size();
        return why.str();
    }
    for (std::size_t k = 0; k < want.size(); ++k) {
        if (std::fabs(got[k].first - want[k].first) < 0.01 && std::fabs(got[k].second - want[k].second) < 0.01)
            continue;
        why << text << ": glyph at " << got[k].first << "," << got[k].second << " pt, HarfBuzz puts it at "
            << want[k].first << "," << want[k].second;
        return why.str();
    }
    return {};
}

}  // namespace saraban::testing
