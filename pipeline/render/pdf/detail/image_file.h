// Pictures (the memo's emblem) read into what a PDF image is made of, or refused with the reason. libharu's own
// PNG loader draws a 16-bit PNG as two squashed copies and refuses an interlaced one as "not a PNG", and its JPEG
// loader passes CMYK, 12-bit and arithmetic-coded files on to readers that draw them wrongly or not at all.
#pragma once

#include <optional>
#include <string>
#include <vector>

namespace saraban::render::detail {

struct ImageData {
    bool jpeg = false;                 // samples is the JPEG file itself, drawn as it is (DCTDecode)
    bool color = false;                // RGB, else gray
    unsigned width = 0, height = 0;
    std::vector<unsigned char> samples;  // the JPEG file, or 8-bit samples, rows top down
    std::vector<unsigned char> alpha;    // 8-bit opacity a pixel (a PNG's alpha or tRNS); empty when opaque
};

// A PNG of any kind (bit depth, palette, transparency, interlacing), decoded with libpng to 8-bit gray or RGB
// (16-bit samples without colour information taken as sRGB, as viewers show them) and its opacity; or a JPEG
// readers draw exactly (baseline or progressive, 8-bit, gray or RGB, not turned by an EXIF orientation).
// Otherwise nothing, and error says "path: <Thai> (<English>)" with what is wrong and what to do.
[[nodiscard]] std::optional<ImageData> read_image(const std::string& path, std::string& error);

}  // namespace saraban::render::detail
