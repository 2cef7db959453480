// Writes laid-out pages as PDF bytes with libharu: fonts embedded as subsets, each word's glyphs in one TJ with
// their exact positions, its source text as ActualText, and a ToUnicode map that gives presentation forms back
// as the Thai they stand for. No file I/O, no clock: the same pages give the same bytes.
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
