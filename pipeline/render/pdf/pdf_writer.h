// Writes laid-out pages as PDF bytes with libharu: fonts embedded as hb-subset subsets addressed by glyph id
// (CIDFontType2, Identity), each word's glyphs in one TJ with their exact positions, its source text as
// ActualText, and a ToUnicode map that gives every glyph back as the Thai it stands for; title, author, /Lang and
// the outline. No file I/O but reading the fonts and images named, no clock: the same pages give the same bytes.
#pragma once

#include <string>
#include <vector>

#include "layout/page.h"

namespace saraban::render {

struct PdfOptions {
    bool compress = true;  // Flate-compress content and font streams
};

struct PdfResult {
    std::vector<unsigned char> bytes;
    std::string error;  // empty on success: what libharu or the font said

    explicit operator bool() const { return error.empty(); }
};

// Renders the document. Fonts are read from the paths in document.fonts.
PdfResult render_pdf(const layout::LaidOutDocument& document, const PdfOptions& options = {});

}  // namespace saraban::render
