// Shaping: text in, glyphs with positions out (HarfBuzz), with per-character fallback along the font set's chain
// for what the face in use lacks. Knows nothing of lines, pages or PDF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "layout/detail/generational_cache.h"
#include "layout/font.h"

namespace saraban::layout {

// One shaped glyph. Lengths in points at the size shaped for.
struct ShapedGlyph {
    int font = 0;              // index into the FontSet
    std::uint32_t gid = 0;
    std::size_t cluster = 0;   // byte offset in the shaped text where this glyph's cluster starts
    double x_advance = 0;
    double x_offset = 0;
    double y_offset = 0;
    std::uint8_t level = 0;    // the bidi embedding level of its characters: odd reads right to left
};

// Shapes utf8 in the face chosen by face_index, at size_pt, falling back character by character along the chain
// (FontSet::fallback_for). Marks and spaces stay in the run of the character before them. levels gives each byte's bidi
// level (layout::bidi_levels; empty: all 0): each run of one level is shaped in its direction, and cut where its
// script changes (so Arabic joins and Hebrew does not take Arabic's rules, and Latin words and ASCII digits in Thai
// text get the Latin script's kerning and ligatures). Glyphs come in
// logical order, clusters never decreasing: a left-to-right run as HarfBuzz gives it, a right-to-left one reversed
// (it is drawn in the reverse of this order). Cluster values are byte offsets into utf8 plus base_offset.
std::vector<ShapedGlyph> shape(std::string_view utf8, int face_index, double size_pt, const FontSet& fonts,
                               std::size_t base_offset = 0, std::span<const std::uint8_t> levels = {});

// Words already shaped, for reuse by one worker: shape() cut into words (up to a space and the spaces after it,
// never before a mark), each word shaped once in the font, script and bidi level shape() gives its run (the key
// holds all three), then copied from here. The memos of a batch are the template's sentences around each agency's
// names and figures, so most words of a paragraph set for the first time were shaped before. The glyphs are those
// shape() gives as long as no font lookup reaches across a space; a font whose lookups involve the space glyph
// (Font::lookups_reach_space: DejaVu Sans, the fallback) has its runs shaped whole. Tests compare the two routes
// on the hard cases. Keeps about max_glyphs glyphs (~5 MB); when the newer half is full the older half is dropped.
// Not thread-safe: one per worker.
class ShapeCache {
public:
    explicit ShapeCache(std::size_t max_glyphs = 50000) : words_(max_glyphs) {}

    // As layout::shape(), word by word through the cache.
    std::vector<ShapedGlyph> shape(std::string_view utf8, int face_index, double size_pt, const FontSet& fonts,
                                   std::size_t base_offset = 0, std::span<const std::uint8_t> levels = {});
    std::size_t hits() const { return words_.hits(); }
    std::size_t misses() const { return words_.misses(); }

private:
    const std::vector<ShapedGlyph>& word(std::string_view text, int font_index, std::uint32_t script,
                                         std::uint8_t level, double size_pt, const FontSet& fonts);

    detail::GenerationalCache<std::vector<ShapedGlyph>> words_;  // clusters from the word's start
    std::string key_;  // reused: a lookup allocates nothing
};

// Text layout cannot set: the shaper gave glyph clusters that go back or leave the text. Layout throws it, naming
// the text, rather than cut units from nonsense (a crash); the batch makes it that agency's failure.
struct TextError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

// Throws TextError naming text when a cluster of glyphs (shaped from text, base offset 0) is less than the one
// before it or not inside text: layout cuts text into units between clusters and relies on neither happening.
void check_clusters(const std::vector<ShapedGlyph>& glyphs, std::string_view text);

// "[gid23=0+500|gid41=0+0@-159,0]" as hb-shape prints it (cluster=offset+advance, @x,y offsets), in font units
// for a 1000-unit size; for golden tests.
std::string to_text(const std::vector<ShapedGlyph>& glyphs, double size_pt);

}  // namespace saraban::layout
