// Setting one paragraph: shaping, choosing line breaks (a total-fit over ICU's break opportunities), aligning or
// distributing each line, and cutting it into word runs that carry their source text.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "layout/detail/generational_cache.h"
#include "layout/font.h"
#include "layout/line_breaker.h"
#include "layout/page.h"
#include "layout/shaper.h"
#include "model/document.h"

namespace saraban::layout {

// One set line, positioned relative to the paragraph's box: x from the box's left edge, y = 0 on the baseline.
struct SetLine {
    std::vector<GlyphRun> runs;  // glyph x/y relative to (box left, baseline)
    std::vector<Rule> rules;     // underlines, same coordinates
    double ascent = 0;           // above the baseline, positive
    double descent = 0;          // below the baseline, positive
    double height = 0;           // baseline-to-baseline distance this line takes
    double natural_width = 0;    // the text's width before justification, indent included
    double right_edge = 0;       // where the last glyph's advance ends, after alignment
    std::string text;            // the line's source text, trimmed
    // Characters of the line that no font of the set has (each once): they are not drawn, and the document says
    // so (LaidOutDocument::missing_characters) rather than lose them quietly.
    std::vector<char32_t> undrawable;
};

// A paragraph's set lines, shared: ParagraphCache keeps them, and the paginator places them from there instead of
// copying them first (a memo places about 15,000 glyphs, most of them from the cache).
using SharedLines = std::shared_ptr<const std::vector<SetLine>>;

class ParagraphCache;

// Everything layout needs to set text: the fonts and the line breaker (both are costly to build; make them once).
struct TextEngine {
    const FontSet& fonts;
    const ThaiLineBreaker& breaker;
    double line_pitch_em = 0;         // baseline-to-baseline distance in ems; 0: the regular face's own (hhea) metrics
    ParagraphCache* cache = nullptr;  // optional: paragraphs set before are not set again
    ShapeCache* shapes = nullptr;     // optional: words shaped before are not shaped again
    LineBreakCache* breaks = nullptr; // optional: words broken by ICU before are not broken again
};

// Paragraphs already set, for reuse: the same paragraph at the same width with the same engine sets the same
// lines, and a batch's memos share much of their text (the template's sentences, table headers, the measures
// of a ministry's plan). Keeps about max_glyphs glyphs (~3 MB; the sample memo with its attachments sets about
// 15,000): when the newer half is full the older half is dropped, and what is used again moves up, so what every
// memo uses stays. Results are the same with or without it. Not thread-safe: one per worker.
class ParagraphCache {
public:
    explicit ParagraphCache(std::size_t max_glyphs = 40000) : lines_(max_glyphs) {}
    const SharedLines* find(const std::string& key) { return lines_.find(key); }
    void add(std::string key, SharedLines lines);
    std::size_t hits() const { return lines_.hits(); }
    std::size_t misses() const { return lines_.misses(); }

private:
    detail::GenerationalCache<SharedLines> lines_;
};

// Sets the paragraph into lines no wider than width_pt (the box's width; the paragraph's own indents apply
// inside it). A word wider than a line is cut between grapheme clusters. An empty paragraph gives one empty line.
// Right-to-left text (Hebrew, a Jawi name) is shaped and broken in logical order, and each line drawn in visual
// order (UAX #9): a right-to-left word's run has its glyphs left to right as drawn and its text in logical order.
// Throws TextError (shaper.h) for text the shaper cannot give consistent clusters for.
SharedLines set_paragraph(const model::Paragraph& paragraph, double width_pt, const TextEngine& engine);

// The distance between baselines of single-spaced text at size_pt.
double line_height(const TextEngine& engine, double size_pt);

// Adds line's glyph runs and rules to page, moved by (dx, dy).
void place_line(const SetLine& line, double dx, double dy, Page& page);

}  // namespace saraban::layout
