// Writes laid-out pages as PDF bytes with libharu: fonts embedded as hb-subset subsets addressed by glyph id
// (CIDFontType2, Identity), each word's glyphs in one TJ with their exact positions, its source text as
// ActualText (not a right-to-left word's: readers take that from its glyphs), and a ToUnicode map that gives every
// glyph back as the Thai (or Hebrew, Arabic) it stands for; title, author, /Lang and the outline. No file I/O but reading the fonts and images named, no clock: the same pages give the same bytes.
#pragma once

#include <cstddef>
#include <deque>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "layout/page.h"

namespace saraban::render {

// What the documents of one batch worker share, so that what an earlier document made is not made again:
// - the embedded form of each font subset (the subset program and its ToUnicode map, compressed, with the widths
//   and metrics) keyed by the font file and the glyphs and text it covers: a document using the same glyphs as an
//   earlier one skips hb-subset and compression;
// - the content stream of each page, compressed, keyed by everything it is written from (the fonts' files, every
//   run's glyphs, positions, size and text, the rules): a page an earlier document had too (a table of measures or
//   an attachment page the agencies of a ministry share) skips writing and compression.
// The bytes written are the same with or without the cache. Each part keeps its newest entries only (max_fonts,
// max_pages: a page's entry is its compressed content and its key, ~60 KB for a full Thai page). Not thread-safe:
// one per thread.
class PdfCache {
public:
    explicit PdfCache(std::size_t max_fonts = 32, std::size_t max_pages = 32)
        : max_fonts_(max_fonts), max_pages_(max_pages) {}
    struct EmbeddedFont;  // defined where they are used, in pdf_writer.cpp
    struct PageContent;
    // Entries are shared: a document holds those it uses until it is saved, even when the cache lets them go.
    std::shared_ptr<const EmbeddedFont> find(const std::string& key) const;  // nullptr when absent
    std::shared_ptr<const EmbeddedFont> add(std::string key, std::shared_ptr<const EmbeddedFont> font);
    std::size_t size() const { return fonts_.size(); }

    // The page written from key, or nullptr.
    std::shared_ptr<const PageContent> find_page(const std::string& key) const;
    void add_page(std::shared_ptr<const PageContent> page);  // the page holds its key
    std::size_t pages() const { return pages_.size(); }
    std::size_t page_hits() const { return page_hits_; }

private:
    std::shared_ptr<const PageContent> kept_page(const std::string& key) const;  // find_page, no hit counted

    std::size_t max_fonts_, max_pages_;
    std::map<std::string, std::shared_ptr<const EmbeddedFont>> fonts_;
    std::vector<std::string> order_;  // oldest first: the first to go when the cache is full
    // Oldest first; each holds its key, which a hit must equal byte for byte.
    std::deque<std::shared_ptr<const PageContent>> pages_;
    mutable std::size_t page_hits_ = 0;
};

struct PdfOptions {
    bool compress = true;       // Flate-compress content, font and ToUnicode streams
    PdfCache* cache = nullptr;  // optional; see PdfCache
};

struct [[nodiscard]] PdfResult {
    std::vector<unsigned char> bytes;
    std::string error;  // empty on success: what libharu or the font said

    explicit operator bool() const { return error.empty(); }
};

// Renders the document. Fonts are read from the paths in document.fonts.
PdfResult render_pdf(const layout::LaidOutDocument& document, const PdfOptions& options = {});

}  // namespace saraban::render
