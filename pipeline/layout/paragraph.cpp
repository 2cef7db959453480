#include "layout/paragraph.h"

#include <unicode/unorm2.h>
#include <unicode/utf16.h>

#include <algorithm>
#include <cmath>
#include <limits>
#include <numeric>
#include <utility>

#include "layout/bidi.h"
#include "text/utf8.h"
#include "layout/shaper.h"

namespace saraban::layout {

namespace {

using text::append_utf8;
using text::next_code_point;

constexpr std::uint32_t kNikhahit = 0x0E4D, kSaraAa = 0x0E32, kSaraAm = 0x0E33;

// A HarfBuzz cluster: the smallest piece of text that is never split, with its glyphs.
struct Unit {
    std::size_t byte_begin = 0, byte_end = 0;
    std::size_t glyph_begin = 0, glyph_end = 0;
    double width = 0;
    bool is_space = false;   // spaces and line feeds: never drawn, never at a line's end
    bool hard_break = false; // a line feed: the line must end after it
    std::size_t style = 0;   // index into the paragraph's spans
    std::uint8_t level = 0;  // bidi level: odd reads right to left
};

struct Candidate {
    std::size_t unit = 0;     // a line may start at this unit
    bool emergency = false;   // inside a word too long for a line
    bool mandatory = false;   // after a line feed
};

struct Prepared {
    std::string text;
    bool bidi = false;  // some text is not at level 0: lines are reordered when drawn
    std::vector<ShapedGlyph> glyphs;
    std::vector<std::size_t> glyph_style;
    std::vector<Unit> units;
    std::vector<double> prefix;  // prefix[k] = width of units [0, k)
};

void shape_spans(const model::Paragraph& paragraph, const TextEngine& engine, Prepared& p) {
    for (const auto& span : paragraph.spans) p.text += span.text;
    const std::vector<std::uint8_t> levels = bidi_levels(p.text);
    p.bidi = !levels.empty();
    std::size_t begin = 0;
    for (std::size_t s = 0; s < paragraph.spans.size(); ++s) {
        const auto& span = paragraph.spans[s];
        const int face = engine.fonts.face(span.style.bold, span.style.italic);
        const std::span<const std::uint8_t> span_levels =
            p.bidi ? std::span(levels).subspan(begin, span.text.size()) : std::span<const std::uint8_t>();
        auto glyphs = engine.shapes
                          ? engine.shapes->shape(span.text, face, span.style.size_pt, engine.fonts, begin, span_levels)
                          : shape(span.text, face, span.style.size_pt, engine.fonts, begin, span_levels);
        p.glyph_style.insert(p.glyph_style.end(), glyphs.size(), s);
        p.glyphs.insert(p.glyphs.end(), glyphs.begin(), glyphs.end());
        begin += span.text.size();
    }
    check_clusters(p.glyphs, p.text);
}

Prepared prepare(const model::Paragraph& paragraph, const TextEngine& engine) {
    Prepared p;
    shape_spans(paragraph, engine, p);
    for (std::size_t g = 0; g < p.glyphs.size();) {
        Unit u;
        u.byte_begin = p.glyphs[g].cluster;
        u.glyph_begin = g;
        u.style = p.glyph_style[g];
        u.level = p.glyphs[g].level;
        while (g < p.glyphs.size() && p.glyphs[g].cluster == u.byte_begin) u.width += p.glyphs[g++].x_advance;
        u.glyph_end = g;
        u.byte_end = g < p.glyphs.size() ? p.glyphs[g].cluster : p.text.size();
        std::string_view piece(p.text.data() + u.byte_begin, u.byte_end - u.byte_begin);
        u.is_space = !piece.empty() && piece.find_first_not_of(" \t\r\n") == std::string_view::npos;
        u.hard_break = piece.find('\n') != std::string_view::npos;
        if (u.is_space && u.hard_break) u.width = 0;
        p.units.push_back(u);
    }
    p.prefix.assign(p.units.size() + 1, 0);
    for (std::size_t k = 0; k < p.units.size(); ++k) p.prefix[k + 1] = p.prefix[k] + p.units[k].width;
    return p;
}

// Where lines may start, as unit indices, ending with units.size().
std::vector<Candidate> candidates(const Prepared& p, const TextEngine& engine, double max_width) {
    std::vector<std::size_t> unit_at_byte(p.text.size() + 1, std::size_t(-1));
    for (std::size_t k = 0; k < p.units.size(); ++k) unit_at_byte[p.units[k].byte_begin] = k;
    unit_at_byte[p.text.size()] = p.units.size();
    std::vector<Candidate> out;
    std::size_t previous = 0;
    for (const Breakpoint& b : engine.breaker.breakpoints(p.text, engine.breaks)) {
        std::size_t k = unit_at_byte[b.offset];
        if (k == std::size_t(-1) || k <= previous) continue;
        // A piece wider than any line may be cut between clusters; mark those cuts as a last resort.
        if (p.prefix[k] - p.prefix[previous] > max_width) {
            for (std::size_t e = previous + 1; e < k; ++e) out.push_back({e, true, false});
        }
        bool mandatory = k > 0 && p.units[k - 1].hard_break;
        out.push_back({k, false, mandatory});
        previous = k;
    }
    if (out.empty() || out.back().unit != p.units.size()) out.push_back({p.units.size(), false, false});
    return out;
}

// The last unit of [begin, end) that is not a space, plus one.
std::size_t trim_end(const Prepared& p, std::size_t begin, std::size_t end) {
    while (end > begin && p.units[end - 1].is_space) --end;
    return end;
}

struct LineSpan {
    std::size_t begin = 0, end = 0;  // units
    bool last = false;               // the paragraph's last line, or one ended by a line feed
};

// Total fit: the breaks that minimise the sum over lines of the squared slack, so no line is much looser than
// the others; a cut inside a word costs extra, and the last line is free.
std::vector<LineSpan> choose_breaks(const Prepared& p, const std::vector<Candidate>& cands, double first_width,
                                    double other_width) {
    const std::size_t n = cands.size();
    const double inf = std::numeric_limits<double>::infinity();
    std::vector<double> best(n + 1, inf);
    std::vector<std::size_t> from(n + 1, 0);
    // Node 0 is the paragraph start; node j (1..n) a line ending just before cands[j-1].unit.
    best[0] = 0;
    auto unit_of = [&](std::size_t node) { return node == 0 ? std::size_t(0) : cands[node - 1].unit; };
    for (std::size_t j = 1; j <= n; ++j) {
        const bool is_last = j == n || cands[j - 1].mandatory;
        for (std::size_t i = j; i-- > 0;) {
            if (best[i] == inf) continue;
            std::size_t begin = unit_of(i), end = trim_end(p, begin, unit_of(j));
            double avail = i == 0 ? first_width : other_width;
            double w = p.prefix[end] - p.prefix[begin];
            bool overfull = w > avail + 0.01;
            if (overfull && i + 1 != j) break;  // going further back only makes the line wider
            double slack = std::max(0.0, avail - w) / std::max(avail, 1.0);
            double cost = is_last ? 0 : 1000 * slack * slack;
            if (overfull) cost += 1e6;
            if (cands[j - 1].emergency) cost += 5000;
            // Between words of a phrase (no space) is a fine place to break in Thai, but a space is better: it
            // keeps phrases such as (ร้อยละ) whole when the lines come out about as even.
            if (!is_last && !cands[j - 1].emergency && !p.units[cands[j - 1].unit - 1].is_space) cost += 20;
            cost += 10;  // prefer fewer lines
            if (best[i] + cost < best[j]) {
                best[j] = best[i] + cost;
                from[j] = i;
            }
            if (overfull) break;
            if (i > 0 && cands[i - 1].mandatory) break;  // a line never spans a line feed
        }
    }
    std::vector<LineSpan> lines;
    for (std::size_t j = n; j > 0; j = from[j]) {
        std::size_t i = from[j];
        lines.push_back({unit_of(i), unit_of(j), j == n || cands[j - 1].mandatory});
    }
    std::reverse(lines.begin(), lines.end());
    return lines;
}

// Appends the glyphs of one unit to out in the order of the characters they stand for, so that a reader taking
// glyph codes in stream order (pdf.js) gets the text back. Runs for every glyph of every paragraph set: the scratch
// lists are per thread, not allocated per cluster (that allocation was the largest part of setting a paragraph).
void append_source_ordered(const Prepared& p, const Unit& u, const FontSet& fonts, double x, double baseline,
                           std::vector<PlacedGlyph>& out) {
    thread_local std::vector<std::uint32_t> cps;
    thread_local std::vector<char> used;
    thread_local std::vector<std::size_t> order;
    cps.clear();
    std::string_view piece(p.text.data() + u.byte_begin, u.byte_end - u.byte_begin);
    for (std::size_t i = 0; i < piece.size();) cps.push_back(next_code_point(piece, i));
    used.assign(cps.size(), 0);
    order.clear();
    auto has = [](std::uint32_t cp) { return std::find(cps.begin(), cps.end(), cp) != cps.end(); };
    const bool has_sara_am = has(kSaraAm);

    const std::size_t first = out.size();
    double pen = x;
    for (std::size_t g = u.glyph_begin; g < u.glyph_end; ++g) {
        const ShapedGlyph& s = p.glyphs[g];
        const Font& font = fonts.at(s.font);
        PlacedGlyph glyph;
        glyph.font = s.font;
        glyph.gid = s.gid;
        glyph.code = font.code_for(s.gid);
        glyph.x = pen + s.x_offset;
        glyph.y = baseline + s.y_offset;
        glyph.baseline = baseline;
        pen += s.x_advance;
        std::uint32_t original = font.original_for(s.gid);
        if (glyph.code == 0 && original != 0) {  // a form with no cmap entry: draw the plain character instead
            glyph.gid = font.glyph_for(original);
            glyph.code = glyph.gid ? original : 0;
        }
        if (glyph.code == 0) continue;  // nothing can address this glyph (.notdef of a control character)
        // HarfBuzz's split of ำ: both glyphs stay where it put them (after ป ฝ ฟ ฬ the ring moves left, off the
        // ascender). The า stands for the ำ; the ring for nothing, sorted just before it.
        const bool ring_of_am = has_sara_am && original == kNikhahit && !has(kNikhahit);
        if (has_sara_am && original == kSaraAa && !has(kSaraAa)) original = kSaraAm;
        std::size_t at = cps.size();
        for (std::size_t c = 0; c < cps.size(); ++c) {
            if (!used[c] && cps[c] == (ring_of_am ? kSaraAm : original)) {
                used[c] = !ring_of_am;
                at = c;
                break;
            }
        }
        glyph.character = ring_of_am ? 0 : original ? original : 0xFFFD;
        out.push_back(std::move(glyph));
        order.push_back(at);
    }
    // Usually the glyphs already come in source order; otherwise a stable sort of these few by order.
    if (std::is_sorted(order.begin(), order.end())) return;
    for (std::size_t i = 1; i < order.size(); ++i) {
        for (std::size_t k = i; k > 0 && order[k - 1] > order[k]; --k) {
            std::swap(order[k - 1], order[k]);
            std::swap(out[first + k - 1], out[first + k]);
        }
    }
}

// The letter a glyph of a right-to-left cluster stands for: its cmap character, a presentation form (a joining
// form of Arabic such as U+FEE3 ﻣ, a Hebrew letter with its point) taken back to its letter (U+0645 م), so that
// readers of glyph codes (poppler, pdf.js) get letters, not forms. 0 when the glyph has no character.
std::uint32_t letter_of(std::uint32_t original) {
    const bool form = (original >= 0xFB1D && original <= 0xFDFF) || (original >= 0xFE70 && original <= 0xFEFF);
    // Lam with alef (ﻻ, the one ligature Arabic requires) keeps its code: the PDF writer gives it its two letters.
    if (!form || (original >= 0xFEF5 && original <= 0xFEFC)) return original;
    UErrorCode status = U_ZERO_ERROR;
    const UNormalizer2* nfkd = unorm2_getNFKDInstance(&status);
    UChar decomposed[8];
    const int32_t length =
        U_SUCCESS(status) ? unorm2_getDecomposition(nfkd, UChar32(original), decomposed, 8, &status) : 0;
    if (U_FAILURE(status) || length <= 0) return original;
    UChar32 first = 0;
    U16_GET(decomposed, 0, 0, length, first);
    return std::uint32_t(first);
}

// Appends the glyphs of a right-to-left unit, which prepare() keeps in logical order, in the order HarfBuzz gave
// them (the reverse), left to right from x: that is how they are drawn. Each carries the letter it stands for, or
// the first of the cluster's characters no glyph has claimed (a joining form with no cmap entry).
void append_right_to_left(const Prepared& p, const Unit& u, const FontSet& fonts, double x, double baseline,
                          std::vector<PlacedGlyph>& out) {
    thread_local std::vector<std::uint32_t> cps;
    thread_local std::vector<char32_t> letters;
    cps.clear();
    const std::string_view piece(p.text.data() + u.byte_begin, u.byte_end - u.byte_begin);
    for (std::size_t i = 0; i < piece.size();) cps.push_back(next_code_point(piece, i));
    letters.assign(u.glyph_end - u.glyph_begin, 0);
    for (std::size_t g = u.glyph_begin; g < u.glyph_end; ++g) {
        const std::uint32_t letter = letter_of(fonts.at(p.glyphs[g].font).original_for(p.glyphs[g].gid));
        const auto claimed = std::find(cps.begin(), cps.end(), letter ? letter : 0xFFFFFFFF);
        if (claimed != cps.end()) *claimed = 0;  // one occurrence a glyph: the next such glyph takes the next
        letters[g - u.glyph_begin] = letter;
    }
    for (char32_t& letter : letters) {
        if (letter != 0) continue;
        const auto unclaimed = std::find_if(cps.begin(), cps.end(), [](std::uint32_t c) { return c != 0; });
        if (unclaimed != cps.end()) letter = std::exchange(*unclaimed, 0);
    }
    double pen = x;
    for (std::size_t g = u.glyph_end; g-- > u.glyph_begin;) {
        const ShapedGlyph& s = p.glyphs[g];
        PlacedGlyph glyph;
        glyph.font = s.font;
        glyph.gid = s.gid;
        glyph.code = fonts.at(s.font).code_for(s.gid);
        glyph.character = letters[g - u.glyph_begin] ? letters[g - u.glyph_begin] : 0xFFFD;
        glyph.x = pen + s.x_offset;
        glyph.y = baseline + s.y_offset;
        glyph.baseline = baseline;
        pen += s.x_advance;
        if (s.gid != 0) out.push_back(glyph);  // .notdef: a character no font has, which note_undrawable names
    }
}

// Adds to out (each once) the characters of u that its glyph 0 (.notdef) stands for: those the font of its run
// lacks. The run is in a font of the fallback chain whenever one has the character, so none has it. Code points
// below U+0020 are ingest's to refuse.
void note_undrawable(const Prepared& p, const Unit& u, const FontSet& fonts, std::vector<char32_t>& out) {
    for (std::size_t g = u.glyph_begin; g < u.glyph_end; ++g) {
        if (p.glyphs[g].gid != 0) continue;
        const Font& font = fonts.at(p.glyphs[g].font);
        const std::string_view piece(p.text.data() + u.byte_begin, u.byte_end - u.byte_begin);
        for (std::size_t i = 0; i < piece.size();) {
            const char32_t cp = next_code_point(piece, i);
            if (cp >= 0x20 && font.glyph_for(cp) == 0 && std::find(out.begin(), out.end(), cp) == out.end())
                out.push_back(cp);
        }
        return;
    }
}

}  // namespace

double line_height(const TextEngine& engine, double size_pt) {
    if (engine.line_pitch_em > 0) return engine.line_pitch_em * size_pt;
    const Font& f = *engine.fonts.fonts[engine.fonts.regular];
    return size_pt * double(f.ascender() - f.descender() + f.line_gap()) / f.units_per_em();
}

void place_line(const SetLine& line, double dx, double dy, Page& page) {
    for (const GlyphRun& run : line.runs) {
        GlyphRun& placed = page.runs.emplace_back(run);  // one copy, then moved in place
        for (PlacedGlyph& g : placed.glyphs) {
            g.x += dx;
            g.y += dy;
            g.baseline += dy;
        }
    }
    for (Rule r : line.rules) {
        r.x1 += dx;
        r.x2 += dx;
        r.y1 += dy;
        r.y2 += dy;
        page.rules.push_back(r);
    }
}

namespace {

std::size_t glyph_count(const std::vector<SetLine>& lines) {
    std::size_t n = 1;  // an empty paragraph still takes a place
    for (const auto& line : lines)
        for (const auto& run : line.runs) n += run.glyphs.size();
    return n;
}

// Everything set_paragraph's result depends on, as bytes: the engine, the width, the style and the spans.
std::string cache_key(const model::Paragraph& paragraph, double width_pt, const TextEngine& engine) {
    std::string key;
    auto put = [&key](const auto& v) { key.append(reinterpret_cast<const char*>(&v), sizeof v); };
    put(&engine.fonts);
    put(&engine.breaker);
    put(engine.line_pitch_em);
    put(width_pt);
    const model::ParagraphStyle& ps = paragraph.style;
    put(int(ps.align));
    put(ps.first_line_indent_pt);
    put(ps.left_indent_pt);
    put(ps.right_indent_pt);
    for (const auto& span : paragraph.spans) {
        put(span.style.size_pt);
        put(char(span.style.bold | span.style.italic << 1 | span.style.underline << 2));
        put(span.text.size());
        key += span.text;
    }
    return key;
}

std::vector<SetLine> set_lines(const model::Paragraph& paragraph, double width_pt, const TextEngine& engine);

}  // namespace

void ParagraphCache::add(std::string key, SharedLines lines) {
    const std::size_t weight = glyph_count(*lines);
    lines_.put(std::move(key), std::move(lines), weight);
}

SharedLines set_paragraph(const model::Paragraph& paragraph, double width_pt, const TextEngine& engine) {
    if (!engine.cache) return std::make_shared<const std::vector<SetLine>>(set_lines(paragraph, width_pt, engine));
    std::string key = cache_key(paragraph, width_pt, engine);
    if (const SharedLines* lines = engine.cache->find(key)) return *lines;
    auto lines = std::make_shared<const std::vector<SetLine>>(set_lines(paragraph, width_pt, engine));
    engine.cache->add(std::move(key), lines);
    return lines;
}

namespace {

// The units [begin, end) of a line in the order they are drawn, left to right (UAX #9, L2): its runs of one level
// in visual order, a right-to-left run's units reversed. The line's trailing spaces are already trimmed (L1).
std::vector<std::size_t> visual_units(const Prepared& p, std::size_t begin, std::size_t end) {
    std::vector<std::size_t> order(end - begin);
    std::iota(order.begin(), order.end(), begin);
    if (!p.bidi) return order;
    std::vector<std::uint8_t> levels;
    std::vector<std::size_t> starts;
    for (std::size_t k = begin; k < end; ++k) {
        if (k > begin && p.units[k].level == p.units[k - 1].level) continue;
        levels.push_back(p.units[k].level);
        starts.push_back(k);
    }
    starts.push_back(end);
    order.clear();
    for (std::size_t r : visual_order(levels)) {
        if (levels[r] % 2 == 0) {
            for (std::size_t k = starts[r]; k < starts[r + 1]; ++k) order.push_back(k);
        } else {
            for (std::size_t k = starts[r + 1]; k-- > starts[r];) order.push_back(k);
        }
    }
    return order;
}

// Draws the units of a line, given in the order drawn, from x0, adding extra_per_gap after each but the last (a
// space's share that of space_weight gaps); gives where the pen ends. Each word (units between spaces, of one size
// and one level) is a run; a right-to-left word is drawn from its logical end, so its text is built from the front.
double draw_units(const Prepared& p, const model::Paragraph& paragraph, const FontSet& fonts,
                  const std::vector<std::size_t>& order, double x0, double extra_per_gap, double space_weight,
                  SetLine& line) {
    double x = x0;
    GlyphRun* run = nullptr;
    std::uint8_t run_level = 0;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const Unit& u = p.units[order[i]];
        const bool last = i + 1 == order.size();
        const auto& style = paragraph.spans[u.style].style;
        if (u.is_space) {
            run = nullptr;
        } else {
            if (!run || run->size_pt != style.size_pt || run_level != u.level) {
                line.runs.push_back(GlyphRun{style.size_pt, {}, {}, u.level % 2 != 0});
                run = &line.runs.back();
                run_level = u.level;
            }
            if (u.level % 2 == 0) {
                append_source_ordered(p, u, fonts, x, 0, run->glyphs);
                run->text.append(p.text, u.byte_begin, u.byte_end - u.byte_begin);
            } else {
                append_right_to_left(p, u, fonts, x, 0, run->glyphs);
                run->text.insert(0, p.text, u.byte_begin, u.byte_end - u.byte_begin);
            }
            note_undrawable(p, u, fonts, line.undrawable);
            if (style.underline) {
                double y = -style.size_pt * 0.12;
                line.rules.push_back(
                    Rule{x, y, x + u.width + (last ? 0 : extra_per_gap), y, style.size_pt * 0.05, false});
            }
        }
        x += u.width;
        if (!last) x += extra_per_gap * (u.is_space ? space_weight : 1);
    }
    return x;
}

std::vector<SetLine> set_lines(const model::Paragraph& paragraph, double width_pt, const TextEngine& engine) {
    const model::ParagraphStyle& ps = paragraph.style;
    const Prepared p = prepare(paragraph, engine);
    const double left = ps.left_indent_pt;
    const double other_width = width_pt - ps.left_indent_pt - ps.right_indent_pt;
    const double first_width = other_width - ps.first_line_indent_pt;
    const Font& regular = *engine.fonts.fonts[engine.fonts.regular];

    double max_size = 0;
    for (const auto& span : paragraph.spans) max_size = std::max(max_size, span.style.size_pt);
    if (max_size == 0) max_size = 16;

    std::vector<SetLine> out;
    if (p.units.empty()) {
        SetLine empty;
        empty.height = line_height(engine, max_size);
        empty.ascent = max_size * regular.ascender() / regular.units_per_em();
        empty.descent = -max_size * regular.descender() / regular.units_per_em();
        out.push_back(empty);
        return out;
    }

    const auto cands = candidates(p, engine, std::min(first_width, other_width));
    for (const LineSpan& span : choose_breaks(p, cands, first_width, other_width)) {
        SetLine line;
        const bool first = out.empty();
        const double indent = left + (first ? ps.first_line_indent_pt : 0);
        const double avail = first ? first_width : other_width;
        const std::size_t end = trim_end(p, span.begin, span.end);
        const double natural = p.prefix[end] - p.prefix[span.begin];

        double size = 0;
        for (std::size_t k = span.begin; k < end; ++k) size = std::max(size, paragraph.spans[p.units[k].style].style.size_pt);
        if (size == 0) size = max_size;
        line.height = line_height(engine, size);
        line.ascent = size * regular.ascender() / regular.units_per_em();
        line.descent = -size * regular.descender() / regular.units_per_em();

        // Extra space goes between clusters (Thai distributed), a space taking the share of six gaps, so that a loose line
        // widens at its spaces first rather than letter-spacing its words; between them as drawn, left to right.
        const std::vector<std::size_t> order = visual_units(p, span.begin, end);
        double x0 = indent, extra_per_gap = 0, space_weight = 6;
        model::Align align = ps.align;
        if (align == model::Align::justify && span.last) align = model::Align::left;
        if (align == model::Align::right) x0 = indent + avail - natural;
        if (align == model::Align::center) x0 = indent + (avail - natural) / 2;
        if (align == model::Align::justify && natural < avail) {
            double gaps = 0;
            for (std::size_t i = 0; i + 1 < order.size(); ++i) gaps += p.units[order[i]].is_space ? space_weight : 1;
            if (gaps > 0) extra_per_gap = (avail - natural) / gaps;
        }

        const double x = draw_units(p, paragraph, engine.fonts, order, x0, extra_per_gap, space_weight, line);
        line.natural_width = indent + natural;
        line.right_edge = x;
        if (end > span.begin)  // else a line of nothing but a line feed (a paragraph may start with one)
            line.text.assign(p.text, p.units[span.begin].byte_begin,
                             p.units[end - 1].byte_end - p.units[span.begin].byte_begin);
        out.push_back(std::move(line));
    }
    return out;
}

}  // namespace

}  // namespace saraban::layout
