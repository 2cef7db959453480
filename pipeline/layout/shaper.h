// Shaping: text in, glyphs with positions out (HarfBuzz), with per-character fallback to a second font for what
// the first lacks. Knows nothing of lines, pages or PDF.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

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
};

// Shapes utf8 in the face chosen by face_index, at size_pt, falling back character by character to
// fonts.fallback. Marks and spaces stay in the run of the character before them. Glyphs come in visual order;
// cluster values are byte offsets into utf8 plus base_offset.
std::vector<ShapedGlyph> shape(std::string_view utf8, int face_index, double size_pt, const FontSet& fonts,
                               std::size_t base_offset = 0);

// "[gid23=0+500|gid41=0+0@-159,0]" as hb-shape prints it (cluster=offset+advance, @x,y offsets), in font units
// for a 1000-unit size; for golden tests.
std::string to_text(const std::vector<ShapedGlyph>& glyphs, double size_pt);

}  // namespace saraban::layout
