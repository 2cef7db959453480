// What pdf.js (Firefox's viewer) reads from a PDF: its text (tests/pdfjs/extract_text.mjs) and every glyph it
// draws, with its position and advance (tests/pdfjs/glyph_positions.mjs). pdf.js reads glyph codes through
// ToUnicode and ignores ActualText, so it checks what poppler cannot.
#pragma once

#include <sstream>
#include <string>
#include <vector>

#include "support/process.h"

namespace saraban::testing {

inline std::string pdfjs_text(const fs::path& pdf) {
    BOOST_TEST_REQUIRE(fs::exists(SARABAN_SOURCE_DIR "/tests/pdfjs/node_modules/pdfjs-dist"),
                       "pdfjs-dist is not installed: run scripts/setup.sh");
    const std::string script = SARABAN_SOURCE_DIR "/tests/pdfjs/extract_text.mjs";
    const Result r = run_program("node", {script, pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "node " << script << " failed: " << r.err);
    return r.out;
}

// A glyph as pdf.js draws it. Lengths in points, from the page's bottom-left.
struct DrawnGlyph {
    int page = 0;
    int span = 0;  // the marked-content span it is in (saraban writes one a word), counted over the document
    double x = 0, y = 0;
    double width = 0;  // its advance as pdf.js reads /W: 0 for a mark
    std::string text;  // what pdf.js reads it as, UTF-8
};

// UTF-16 as hex digits ("0e1b0e48") to UTF-8.
inline std::string utf8_from_hex16(const std::string& hex) {
    std::string out;
    for (std::size_t i = 0; i + 4 <= hex.size(); i += 4) {
        unsigned cp = std::stoul(hex.substr(i, 4), nullptr, 16);
        if (cp >= 0xD800 && cp < 0xDC00 && i + 8 <= hex.size()) {
            cp = 0x10000 + ((cp - 0xD800) << 10) + (std::stoul(hex.substr(i + 4, 4), nullptr, 16) - 0xDC00);
            i += 4;
        }
        if (cp < 0x80) {
            out += char(cp);
        } else if (cp < 0x800) {
            out += char(0xC0 | cp >> 6), out += char(0x80 | (cp & 0x3F));
        } else if (cp < 0x10000) {
            out += char(0xE0 | cp >> 12), out += char(0x80 | (cp >> 6 & 0x3F)), out += char(0x80 | (cp & 0x3F));
        } else {
            out += char(0xF0 | cp >> 18), out += char(0x80 | (cp >> 12 & 0x3F));
            out += char(0x80 | (cp >> 6 & 0x3F)), out += char(0x80 | (cp & 0x3F));
        }
    }
    return out;
}

// Every glyph of the PDF in stream order.
inline std::vector<DrawnGlyph> pdfjs_glyphs(const fs::path& pdf) {
    const std::string script = SARABAN_SOURCE_DIR "/tests/pdfjs/glyph_positions.mjs";
    const Result r = run_program("node", {script, pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "node " << script << " failed: " << r.err);
    std::vector<DrawnGlyph> out;
    std::istringstream in(r.out);
    DrawnGlyph g;
    unsigned code = 0;
    std::string hex;
    while (in >> g.page >> g.span >> code >> g.x >> g.y >> g.width >> hex) {
        g.text = utf8_from_hex16(hex);
        out.push_back(g);
    }
    return out;
}

// The glyphs grouped by span: a word each, in stream order.
inline std::vector<std::vector<DrawnGlyph>> pdfjs_words(const fs::path& pdf) {
    std::vector<std::vector<DrawnGlyph>> words;
    for (const DrawnGlyph& g : pdfjs_glyphs(pdf)) {
        if (words.empty() || words.back().front().span != g.span) words.emplace_back();
        words.back().push_back(g);
    }
    return words;
}

}  // namespace saraban::testing
