// The result of layout: pages of glyphs at exact positions, rules, and the source text of each word. render/pdf
// draws exactly this and decides nothing. Coordinates are PDF points, origin at the page's bottom-left, y up.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <vector>

namespace saraban::layout {

// A font the pages use, by file. render/pdf embeds it; index into LaidOutDocument::fonts.
struct FontRef {
    std::string path;
    bool system = false;  // a system font fontconfig gave (not one of the folders searched): the manifest hashes it
};

// One glyph, placed. code is the Unicode value that selects this glyph through the font's cmap (a PUA value for
// Thai presentation forms); character is the one it stands for in the source, for copy and search (0: none, as the
// ring of a ำ that HarfBuzz split into ◌ํ + า, whose า glyph stands for the ำ). Plain values
// only: documents hold tens of thousands of these, and layout copies set lines out of its cache.
struct PlacedGlyph {
    int font = 0;          // index into LaidOutDocument::fonts
    std::uint32_t gid = 0;
    std::uint32_t code = 0;
    char32_t character = 0;  // 0: none
    double x = 0;          // the glyph origin, absolute
    double y = 0;          // the baseline plus any mark offset, absolute
    double baseline = 0;   // the run's baseline (y - baseline is the rise)
};

// Glyphs of one word (a run between spaces), in source order (a right-to-left word's as drawn, left to right), with
// the word's text as the reader should get it back, in logical order (a left-to-right word's ActualText).
struct GlyphRun {
    double size_pt = 16;
    std::vector<PlacedGlyph> glyphs;
    std::string text;
    bool right_to_left = false;  // a right-to-left word (Hebrew, Arabic): readers take its text from its glyphs
};

// A straight line: table borders, underlines, the dotted lines of the form.
struct Rule {
    double x1 = 0, y1 = 0, x2 = 0, y2 = 0;
    double width_pt = 0.5;
    bool dotted = false;
};

// A picture (PNG or JPEG) fitted inside a box, its aspect ratio kept, against the box's left and bottom edges.
struct Image {
    std::string path;
    double x = 0, y = 0;  // the box's bottom-left corner
    double width = 0, height = 0;
};

struct Page {
    double width_pt = 595.276;
    double height_pt = 841.89;
    std::vector<GlyphRun> runs;
    std::vector<Rule> rules;
    std::vector<Image> images;
};

// An entry of the PDF's outline (bookmarks).
struct OutlineEntry {
    std::string title;
    std::size_t page = 0;  // index into pages
    int level = 0;         // 0: the memo; 1: its attachments
};

// A character no font in use has, which the pages therefore lack, with the text it was in (a paragraph, a table
// cell's paragraph, a form field's label or value, a generated line such as a page number): enough for the caller
// to find where it came from and refuse the document.
struct MissingCharacter {
    char32_t code_point = 0;
    std::string text;

    bool operator==(const MissingCharacter&) const = default;
};

struct LaidOutDocument {
    std::string title;
    std::string author;
    std::string language = "th-TH";
    // The font set's own fonts, then the system fonts the pages use, sorted by path.
    std::vector<FontRef> fonts;
    std::vector<Page> pages;
    std::vector<OutlineEntry> outline;
    std::vector<MissingCharacter> missing_characters;  // in order of first appearance, each pair once
};

}  // namespace saraban::layout
