#include "layout/shaper.h"

#include <hb.h>

#include "layout/detail/utf8.h"

#include <cmath>
#include <cstdio>

namespace saraban::layout {

namespace {

using detail::next_code_point;

// Characters that never start a font run of their own: they follow the run before them so that HarfBuzz sees
// a base with its marks, and spaces do not split a run needlessly.
bool joins_previous_run(std::uint32_t cp) {
    hb_unicode_funcs_t* u = hb_unicode_funcs_get_default();
    hb_unicode_general_category_t gc = hb_unicode_general_category(u, cp);
    return gc == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || gc == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
           gc == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || cp == ' ' || cp == 0x200B || cp == 0x200D ||
           cp == 0x200C || cp == 0xA0;
}

void shape_run(std::string_view whole, std::size_t begin, std::size_t end, int font_index, double size_pt,
               const FontSet& fonts, std::size_t base_offset, std::vector<ShapedGlyph>& out) {
    const Font& font = *fonts.fonts[font_index];
    hb_buffer_t* buffer = hb_buffer_create();
    // The whole text is context (so marks see their base), only [begin, end) is shaped.
    hb_buffer_add_utf8(buffer, whole.data(), int(whole.size()), unsigned(begin), int(end - begin));
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(static_cast<hb_font_t*>(font.hb_font()), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const double scale = size_pt / font.units_per_em();
    for (unsigned i = 0; i < count; ++i) {
        out.push_back(ShapedGlyph{font_index, info[i].codepoint, info[i].cluster + base_offset,
                                  pos[i].x_advance * scale, pos[i].x_offset * scale, pos[i].y_offset * scale});
    }
    hb_buffer_destroy(buffer);
}

}  // namespace

std::vector<ShapedGlyph> shape(std::string_view utf8, int face_index, double size_pt, const FontSet& fonts,
                               std::size_t base_offset) {
    std::vector<ShapedGlyph> out;
    const Font& primary = *fonts.fonts[face_index];
    std::size_t run_begin = 0;
    int run_font = face_index;
    for (std::size_t i = 0; i < utf8.size();) {
        std::size_t at = i;
        std::uint32_t cp = next_code_point(utf8, i);
        int wanted = run_font;
        if (!joins_previous_run(cp) || at == 0) {
            wanted = face_index;
            if (primary.glyph_for(cp) == 0 && fonts.fallback >= 0 && fonts.fonts[fonts.fallback]->glyph_for(cp) != 0)
                wanted = fonts.fallback;
        }
        if (at == 0) run_font = wanted;
        if (wanted != run_font) {
            shape_run(utf8, run_begin, at, run_font, size_pt, fonts, base_offset, out);
            run_begin = at;
            run_font = wanted;
        }
    }
    if (run_begin < utf8.size()) shape_run(utf8, run_begin, utf8.size(), run_font, size_pt, fonts, base_offset, out);
    return out;
}

std::string to_text(const std::vector<ShapedGlyph>& glyphs, double size_pt) {
    std::string s = "[";
    char buf[96];
    const double k = 1000.0 / size_pt;
    for (std::size_t i = 0; i < glyphs.size(); ++i) {
        const ShapedGlyph& g = glyphs[i];
        std::snprintf(buf, sizeof buf, "%sgid%u=%zu+%ld", i ? "|" : "", g.gid, g.cluster, std::lround(g.x_advance * k));
        s += buf;
        if (g.x_offset != 0 || g.y_offset != 0) {
            std::snprintf(buf, sizeof buf, "@%ld,%ld", std::lround(g.x_offset * k), std::lround(g.y_offset * k));
            s += buf;
        }
    }
    return s + "]";
}

}  // namespace saraban::layout
