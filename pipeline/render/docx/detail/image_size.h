// The pixel size and kind of a PNG or JPEG (the emblem), read from its header: the draft embeds the file as it is
// and only needs its proportions.
#pragma once

#include <string>

namespace saraban::render::detail {

struct ImageInfo {
    int width = 0, height = 0;
    std::string extension;     // "png" or "jpeg"
    std::string content_type;  // "image/png" or "image/jpeg"
};

// False when bytes are neither a PNG nor a JPEG with a frame header.
bool image_info(const std::string& bytes, ImageInfo& info);

}  // namespace saraban::render::detail
