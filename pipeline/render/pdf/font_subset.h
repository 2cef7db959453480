// The part of a TrueType font a PDF embeds: the glyphs a document uses, kept at their glyph ids (hb-subset), with
// the metrics a PDF font descriptor and width array need. Font files are read once per process and shared.
#pragma once

#include <cstdint>
#include <map>
#include <set>
#include <string>
#include <vector>

namespace saraban::render {

struct FontSubset {
    std::string postscript_name;          // "Laksaman-Bold"
    std::vector<unsigned char> program;   // the subset TrueType file, glyph ids unchanged
    std::map<std::uint32_t, int> widths;  // glyph id → advance in 1/1000 em
    int ascent = 0, descent = 0, cap_height = 0;  // 1/1000 em; descent negative
    int bbox[4] = {0, 0, 0, 0};           // xMin yMin xMax yMax, 1/1000 em
    double italic_angle = 0;
    bool fixed_pitch = false;
    std::string error;                    // empty on success
};

// Subsets the font at path to glyphs (plus .notdef and composite components). Thread-safe.
FontSubset subset_font(const std::string& path, const std::set<std::uint32_t>& glyphs);

}  // namespace saraban::render
