#include "layout/shaper.h"

#include <hb.h>

#include "text/utf8.h"

#include <cmath>
#include <cstdio>

namespace saraban::layout {

namespace {

using text::next_code_point;

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

// Shapes [begin, end) of whole in one font and script (HB_SCRIPT_INVALID: guessed from that text) at one bidi
// level, appending the glyphs with clusters offset by base_offset, in logical order: HarfBuzz gives a right-to-left
// run in visual order, clusters decreasing, and that is reversed here.
void shape_run(std::string_view whole, std::size_t begin, std::size_t end, int font_index, hb_script_t script,
               std::uint8_t level, double size_pt, const FontSet& fonts, std::size_t base_offset,
               std::vector<ShapedGlyph>& out) {
    const Font& font = fonts.at(font_index);
    hb_buffer_t* buffer = hb_buffer_create();
    // The whole text is context (so marks see their base), only [begin, end) is shaped.
    hb_buffer_add_utf8(buffer, whole.data(), int(whole.size()), unsigned(begin), int(end - begin));
    if (script != HB_SCRIPT_INVALID) hb_buffer_set_script(buffer, script);
    // The level decides, not the script: digits in Arabic script between Hebrew words read left to right.
    const bool rtl = level % 2 != 0;
    hb_buffer_set_direction(buffer, rtl ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
    hb_buffer_guess_segment_properties(buffer);
    hb_shape(static_cast<hb_font_t*>(font.hb_font()), buffer, nullptr, 0);
    unsigned count = 0;
    const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buffer, &count);
    const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buffer, &count);
    const double scale = size_pt / font.units_per_em();
    for (unsigned n = 0; n < count; ++n) {
        const unsigned i = rtl ? count - 1 - n : n;
        out.push_back(ShapedGlyph{font_index, info[i].codepoint, info[i].cluster + base_offset,
                                  pos[i].x_advance * scale, pos[i].x_offset * scale, pos[i].y_offset * scale, level});
    }
    hb_buffer_destroy(buffer);
}

struct FontRun {
    std::size_t begin = 0, end = 0;
    int font = 0;
};

// The text cut where the font changes: each character in the face chosen, or, when that lacks it, in the first
// font of the fallback chain that has it (FontSet::fallback_for); marks and spaces stay in the run of the
// character before them.
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
            if (primary.glyph_for(cp) == 0)
                if (const int other = fonts.fallback_for(cp); other >= 0) wanted = other;
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

// A piece of text shaped in one go: one font, one bidi level, one script (HB_SCRIPT_INVALID: none in the piece,
// HarfBuzz guesses).
struct ShapeRun {
    std::size_t begin = 0, end = 0;
    int font = 0;
    std::uint8_t level = 0;
    hb_script_t script = HB_SCRIPT_INVALID;
};

// Appends [begin, end) of utf8 cut where its script changes: a Hebrew word and an Arabic one at the same level
// are shaped apart, and a Latin word in Thai text is shaped as Latin (the font's kerning and ligatures are the
// Latin script's). Spaces, punctuation and marks (Common, Inherited) go with the script before them; left to
// right, ASCII digits count as Latin (their kerning is Latin's too).
void cut_at_scripts(std::string_view utf8, std::size_t begin, std::size_t end, int font, std::uint8_t level,
                    std::vector<ShapeRun>& out) {
    hb_unicode_funcs_t* u = hb_unicode_funcs_get_default();
    std::size_t piece = begin;
    hb_script_t script = HB_SCRIPT_INVALID;
    for (std::size_t i = begin; i < end;) {
        const std::size_t at = i;
        const std::uint32_t cp = next_code_point(utf8, i);
        const hb_script_t s = level % 2 == 0 && cp >= '0' && cp <= '9' ? HB_SCRIPT_LATIN : hb_unicode_script(u, cp);
        if (s == HB_SCRIPT_COMMON || s == HB_SCRIPT_INHERITED || s == HB_SCRIPT_UNKNOWN) continue;
        if (script != HB_SCRIPT_INVALID && s != script) {
            out.push_back({piece, at, font, level, script});
            piece = at;
        }
        script = s;
    }
    out.push_back({piece, end, font, level, script});
}

// The font runs, cut where the bidi level changes (levels: one a byte, or empty for all 0) and where the script
// changes.
std::vector<ShapeRun> shape_runs(std::string_view utf8, int face_index, const FontSet& fonts,
                                 std::span<const std::uint8_t> levels) {
    std::vector<ShapeRun> out;
    for (const FontRun& run : font_runs(utf8, face_index, fonts)) {
        if (levels.empty()) {
            cut_at_scripts(utf8, run.begin, run.end, run.font, 0, out);
            continue;
        }
        for (std::size_t begin = run.begin, end; begin < run.end; begin = end) {
            for (end = begin; end < run.end && levels[end] == levels[begin];) ++end;
            cut_at_scripts(utf8, begin, end, run.font, levels[begin], out);
        }
    }
    return out;
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
                               std::size_t base_offset, std::span<const std::uint8_t> levels) {
    std::vector<ShapedGlyph> out;
    for (const ShapeRun& run : shape_runs(utf8, face_index, fonts, levels))
        shape_run(utf8, run.begin, run.end, run.font, run.script, run.level, size_pt, fonts, base_offset, out);
    return out;
}

const std::vector<ShapedGlyph>& ShapeCache::word(std::string_view text, int font_index, std::uint32_t script,
                                                 std::uint8_t level, double size_pt, const FontSet& fonts) {
    key_.clear();
    auto put = [this](const auto& v) { key_.append(reinterpret_cast<const char*>(&v), sizeof v); };
    put(&fonts);
    put(font_index);
    put(script);
    put(level);
    put(size_pt);
    key_ += text;
    if (const auto* glyphs = words_.find(key_)) return *glyphs;
    std::vector<ShapedGlyph> glyphs;
    shape_run(text, 0, text.size(), font_index, hb_script_t(script), level, size_pt, fonts, 0, glyphs);
    const std::size_t weight = glyphs.size();
    return words_.put(key_, std::move(glyphs), weight);
}

std::vector<ShapedGlyph> ShapeCache::shape(std::string_view utf8, int face_index, double size_pt,
                                           const FontSet& fonts, std::size_t base_offset,
                                           std::span<const std::uint8_t> levels) {
    std::vector<ShapedGlyph> out;
    out.reserve(utf8.size() / 2);
    for (const ShapeRun& run : shape_runs(utf8, face_index, fonts, levels)) {
        if (fonts.at(run.font).lookups_reach_space()) {  // cut at its spaces, it could shape otherwise
            shape_run(utf8, run.begin, run.end, run.font, run.script, run.level, size_pt, fonts, base_offset, out);
            continue;
        }
        // Each word of the run in the script shape() would give the whole run. A right-to-left run's words come
        // each in logical order, so they follow one another as the run's glyphs do.
        const std::string_view text = utf8.substr(run.begin, run.end - run.begin);
        const std::uint32_t script = run.script != HB_SCRIPT_INVALID ? run.script : guess_script(text);
        for (std::size_t begin = 0; begin < text.size();) {
            const std::size_t end = word_end(text, begin);
            for (ShapedGlyph g : word(text.substr(begin, end - begin), run.font, script, run.level, size_pt, fonts)) {
                g.cluster += base_offset + run.begin + begin;
                out.push_back(g);
            }
            begin = end;
        }
    }
    return out;
}

void check_clusters(const std::vector<ShapedGlyph>& glyphs, std::string_view text) {
    std::size_t previous = 0;
    for (const ShapedGlyph& g : glyphs) {
        if (g.cluster >= previous && g.cluster < text.size()) {
            previous = g.cluster;
            continue;
        }
        std::size_t cut = 0;  // the text, cut to about 120 bytes on a character's boundary
        for (std::size_t i = 0; i < text.size() && i <= 120; next_code_point(text, i)) cut = i;
        if (text.size() <= 120) cut = text.size();
        throw TextError("จัดวางข้อความนี้ไม่ได้ (layout cannot set this text: the shaper gave glyph clusters out of "
                        "order or out of range, at byte " + std::to_string(g.cluster) + "): \"" +
                        std::string(text.substr(0, cut)) + (cut < text.size() ? "…\"" : "\""));
    }
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
