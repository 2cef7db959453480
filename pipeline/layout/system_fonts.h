// The last link of a FontSet's fallback chain: the system's fonts, through fontconfig, for a character neither the
// family nor the bundled fallback has (a Chinese or Ethiopic name in a cell). Thread-safe, shared by a run's
// workers and font sets.
#pragma once

#include <cstdint>
#include <memory>
#include <string>
#include <vector>

#include "layout/font.h"

namespace saraban::layout {

class SystemFonts {
public:
    // The machine's fonts as fontconfig's configuration gives them; with folders, only the fonts in those (tests
    // choose the "system" this way). fontconfig is read on the first character asked for: most runs never ask.
    explicit SystemFonts(std::vector<std::string> folders = {});
    ~SystemFonts();
    SystemFonts(const SystemFonts&) = delete;
    SystemFonts& operator=(const SystemFonts&) = delete;

    // The font for cp: the first font of fontconfig's sorted match for cp alone that has it and that the PDF
    // writer can embed (a scalable font with TrueType outlines, the first face of its file; CFF-only .otf files,
    // bitmap fonts and the later faces of a .ttc collection are passed over). An index for font(), or -1 when no
    // system font can draw cp, or cp is not a visible character (controls, format characters, private use). The
    // answer depends on cp and the machine's fonts alone, not on what was asked before, and is the same each time.
    int index_for(std::uint32_t cp);

    // A font index_for gave; it stays loaded, at the same address, as long as this object.
    const Font& font(int index) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace saraban::layout
