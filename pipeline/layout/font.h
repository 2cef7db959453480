// A TrueType font loaded for shaping and measuring, and the set of faces a document is set in: regular, bold,
// italic, bold-italic, then a chain of fallbacks for what the face in use lacks (the bundled DejaVu Sans, then the
// system's fonts through fontconfig: layout/system_fonts.h).
#pragma once

#include <cstdint>
#include <memory>
#include <stdexcept>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace saraban::layout {

// One font file, opened with HarfBuzz. Thread-compatible: share it read-only.
class Font {
public:
    // Loads the file; throws FontError naming the file when it is missing or not a usable TrueType font.
    explicit Font(const std::string& path);
    ~Font();
    Font(const Font&) = delete;
    Font& operator=(const Font&) = delete;

    const std::string& path() const;
    unsigned units_per_em() const;

    // The family and style the font's name table gives ("Laksaman", "Bold Italic").
    const std::string& family() const;
    const std::string& style() const;

    // The glyph the cmap gives for a code point, or 0 when the font lacks it.
    std::uint32_t glyph_for(std::uint32_t code_point) const;

    // The code point that selects gid through the cmap (the lowest one if several), or 0 if none does.
    std::uint32_t code_for(std::uint32_t gid) const;

    // What a glyph stands for in plain text: its cmap code point, or for a presentation form (a PUA code point
    // such as the lowered tone mark U+F70A) the Thai character it replaces. 0 when unknown.
    std::uint32_t original_for(std::uint32_t gid) const;

    // Ascender, descender (negative) and line gap, in font units (hhea).
    int ascender() const;
    int descender() const;
    int line_gap() const;

    // Whether the glyphs are TrueType outlines (a glyf table), which the PDF writer embeds (FontFile2); a CFF-only
    // OpenType font or a bitmap-only one (colour emoji) has none.
    bool has_truetype_outlines() const;

    // Whether a GSUB or GPOS lookup matches, looks past or makes the space glyph: text in this font must then be
    // shaped whole, not word by word (ShapeCache). Laksaman has none; DejaVu Sans has one.
    bool lookups_reach_space() const;

    // The HarfBuzz font (hb_font_t*), for the shaper only.
    void* hb_font() const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

struct FontError : std::runtime_error {
    using std::runtime_error::runtime_error;
};

class SystemFonts;

// The faces a document uses. For a character the face in use lacks, the chain is tried in order: fallback (the
// bundled DejaVu Sans), then, when system is set, the system font fontconfig picks for that character. Shared
// read-only by a run's workers; only the system fonts grow, behind SystemFonts' lock.
struct FontSet {
    std::vector<std::unique_ptr<Font>> fonts;  // the family's faces and the fallback: fixed once loaded
    int regular = -1, bold = -1, italic = -1, bold_italic = -1, fallback = -1;
    std::shared_ptr<SystemFonts> system;  // nullptr: system fonts off (--no-system-fonts)
    // Files of the folders searched that are not fonts (junk beside the fonts): skipped, a warning each.
    std::vector<model::Diagnostic> skipped;

    // The face index for a style; bold-italic falls back to bold, italic to regular.
    int face(bool is_bold, bool is_italic) const;

    // The font at a face index: one of fonts, or past them (is_system) one of the system's, numbered as the
    // process first reached for them. Indexes past fonts therefore differ between runs: the laid-out document
    // lists the system fonts it uses by path (layout_document), so that no byte depends on that order.
    const Font& at(int index) const;
    bool is_system(int index) const { return index >= int(fonts.size()); }

    // The face index that draws cp, which the face in use lacks: the fallback when it has cp, else the system font
    // for cp (the same font for the same cp, whatever was asked before); -1 when none can.
    int fallback_for(std::uint32_t cp) const;
};

// The family documents are set in unless a template or option names another.
inline constexpr const char* kDefaultFamily = "Laksaman";
// The family tried for characters the main one lacks (✓ ✗ ☐ • →).
inline constexpr const char* kFallbackFamily = "DejaVu Sans";

// Loads the faces of family from the TrueType files in the folders of search_path, found by the names inside the
// files (so "TH Sarabun New" is found whatever its files are called). The family's faces come from the first
// folder holding its regular face (regular is required; bold, italic and bold-italic are used when that folder
// has them), the fallback family from the first folder holding it (FontSet::fallback; none when no folder has it):
// a folder put before the project's fonts/ adds fonts without hiding its fallback. A folder named twice counts
// once. A file that is not a font (a stray junk .ttf) is skipped and named in FontSet::skipped. Throws FontError
// naming the family, the families that are there and the files skipped when the family's regular face is not
// found, or naming an unreadable folder. system (may be nullptr) becomes FontSet::system.
FontSet load_font_family(const std::vector<std::string>& search_path, const std::string& family,
                         std::shared_ptr<SystemFonts> system = nullptr);

// load_font_family({fonts_dir}, family): one folder only.
FontSet load_font_family(const std::string& fonts_dir, const std::string& family);

// load_font_family(fonts_dir, kDefaultFamily).
FontSet load_default_fonts(const std::string& fonts_dir);

}  // namespace saraban::layout
