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

// The script HarfBuzz would guess for text (hb_buffer_guess_segment_properties): that of its first character
// whose script is not Common, Inherited or Unknown; HB_SCRIPT_INVALID when there is none.
hb_script_t guess_script(std::string_view text) {
    hb_unicode_funcs_t* u = hb_unicode_funcs_get_default();
    for (std::size_t i = 0; i < text.size();) {
        const hb_script_t script = hb_unicode_script(u, next_code_point(text, i));
        if (script != HB_SCRIPT_COMMON && script != HB_SCRIPT_INHERITED && script != HB_SCRIPT_UNKNOWN) return script;
    }
    return HB_SCRIPT_INVALID;
}

// Shapes [begin, end) of whole in one font and script (HB_SCRIPT_INVALID: guessed from that text), appending the
// glyphs with clusters offset by base_offset.
void shape_run(std::string_view whole, std::size_t begin, std::size_t end, int font_index, hb_script_t script,
               double size_pt, const FontSet& fonts, std::size_t base_offset, std::vector<ShapedGlyph>& out) {
    const Font& font = *fonts.fonts[font_index];
    hb_buffer_t* buffer = hb_buffer_create();
    // The whole text is context (so marks see their base), only [begin, end) is shaped.
    hb_buffer_add_utf8(buffer, whole.data(), int(whole.size()), unsigned(begin), int(end - begin));
    if (script != HB_SCRIPT_INVALID) hb_buffer_set_script(buffer, script);
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

struct FontRun {
    std::size_t begin = 0, end = 0;
    int font = 0;
};

// The text cut where the font changes: each character in the face chosen, or in the fallback when only that has
// it; marks and spaces stay in the run of the character before them.
std::vector<FontRun> font_runs(std::string_view utf8, int face_index, const FontSet& fonts) {
    std::vector<FontRun> runs;
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
            runs.push_back({run_begin, at, run_font});
            run_begin = at;
            run_font = wanted;
        }
    }
    if (run_begin < utf8.size()) runs.push_back({run_begin, utf8.size(), run_font});
    return runs;
}

// Where the word starting at begin ends: after the first space and every space after it, unless what follows
// is a mark (or another character that joins the one before it), which a word must not start with: HarfBuzz
// would then have no base to put it on.
std::size_t word_end(std::string_view text, std::size_t begin) {
    for (std::size_t at = begin;;) {
        const std::size_t space = text.find(' ', at);
        if (space == std::string_view::npos) return text.size();
        const std::size_t end = text.find_first_not_of(' ', space);
        if (end == std::string_view::npos) return text.size();
        std::size_t i = end;
        if (!joins_previous_run(next_code_point(text, i))) return end;
        at = i;
    }
}

}  // namespace

std::vector<ShapedGlyph> shape(std::string_view utf8, int face_index, double size_pt, const FontSet& fonts,
                               std::size_t base_offset) {
    std::vector<ShapedGlyph> out;
    for (const FontRun& run : font_runs(utf8, face_index, fonts))
        shape_run(utf8, run.begin, run.end, run.font, HB_SCRIPT_INVALID, size_pt, fonts, base_offset, out);
    return out;
}

const std::vector<ShapedGlyph>& ShapeCache::word(std::string_view text, int font_index, std::uint32_t script,
                                                 double size_pt, const FontSet& fonts) {
    key_.clear();
    auto put = [this](const auto& v) { key_.append(reinterpret_cast<const char*>(&v), sizeof v); };
    put(&fonts);
    put(font_index);
    put(script);
    put(size_pt);
    key_ += text;
    if (const auto* glyphs = words_.find(key_)) return *glyphs;
    std::vector<ShapedGlyph> glyphs;
    shape_run(text, 0, text.size(), font_index, hb_script_t(script), size_pt, fonts, 0, glyphs);
    const std::size_t weight = glyphs.size();
    return words_.put(key_, std::move(glyphs), weight);
}

std::vector<ShapedGlyph> ShapeCache::shape(std::string_view utf8, int face_index, double size_pt,
                                           const FontSet& fonts, std::size_t base_offset) {
    std::vector<ShapedGlyph> out;
    out.reserve(utf8.size() / 2);
    for (const FontRun& run : font_runs(utf8, face_index, fonts)) {
        if (fonts.fonts[run.font]->lookups_reach_space()) {  // cut at its spaces, it could shape otherwise
            shape_run(utf8, run.begin, run.end, run.font, HB_SCRIPT_INVALID, size_pt, fonts, base_offset, out);
            continue;
        }
        // Each word of the run in the script shape() would give the whole run.
        const std::string_view text = utf8.substr(run.begin, run.end - run.begin);
        const std::uint32_t script = guess_script(text);
        for (std::size_t begin = 0; begin < text.size();) {
            const std::size_t end = word_end(text, begin);
            for (ShapedGlyph g : word(text.substr(begin, end - begin), run.font, script, size_pt, fonts)) {
                g.cluster += base_offset + run.begin + begin;
                out.push_back(g);
            }
            begin = end;
        }
    }
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
