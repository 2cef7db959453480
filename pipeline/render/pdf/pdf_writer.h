// Writes laid-out pages as PDF bytes with libharu: fonts embedded as hb-subset subsets addressed by glyph id
// (CIDFontType2, Identity), each word's glyphs in one TJ with their exact positions, its source text as
// ActualText, and a ToUnicode map that gives every glyph back as the Thai it stands for; title, author, /Lang and
// the outline. No file I/O but reading the fonts and images named, no clock: the same pages give the same bytes.
#pragma once

#include <cstddef>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/page.h"

namespace saraban::render {

// What the documents of one batch worker share: the embedded form of each font subset (the subset program and
// its ToUnicode map, compressed, with the widths and metrics) keyed by the font file and the glyphs and text it
// covers. A document using the same glyphs as an earlier one then skips hb-subset and compression; the bytes
// written are the same with or without the cache. Not thread-safe: one per thread.
class PdfCache {
public:
    explicit PdfCache(std::size_t max_fonts = 32) : max_fonts_(max_fonts) {}
    struct EmbeddedFont;  // defined where it is used, in pdf_writer.cpp
    const EmbeddedFont* find(const std::string& key) const;
    const EmbeddedFont& add(std::string key, std::shared_ptr<const EmbeddedFont> font);
    std::size_t size() const { return fonts_.size(); }

private:
    std::size_t max_fonts_;
    std::map<std::string, std::shared_ptr<const EmbeddedFont>> fonts_;
    std::vector<std::string> order_;  // oldest first: the first to go when the cache is full
};

struct PdfOptions {
    bool compress = true;       // Flate-compress content, font and ToUnicode streams
    PdfCache* cache = nullptr;  // optional; see PdfCache
};

struct PdfResult {
    std::vector<unsigned char> bytes;
    std::string error;  // empty on success: what libharu or the font said

    explicit operator bool() const { return error.empty(); }
};

// Renders the document. Fonts are read from the paths in document.fonts.
PdfResult render_pdf(const layout::LaidOutDocument& document, const PdfOptions& options = {});

}  // namespace saraban::render
