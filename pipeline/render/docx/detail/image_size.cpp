#include "render/docx/detail/image_size.h"

namespace saraban::render::detail {

namespace {

unsigned be16(const std::string& b, std::size_t at) {
    return (unsigned(static_cast<unsigned char>(b[at])) << 8) | static_cast<unsigned char>(b[at + 1]);
}

unsigned be32(const std::string& b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }

// The first start-of-frame segment (SOF0–SOF15 but DHT, JPG and DAC) gives the size.
bool jpeg_size(const std::string& b, ImageInfo& info) {
    std::size_t at = 2;
    while (at + 9 < b.size()) {
        if (static_cast<unsigned char>(b[at]) != 0xFF) return false;
        const unsigned marker = static_cast<unsigned char>(b[at + 1]);
        if (marker == 0xFF) {
            ++at;
            continue;
        }
        const unsigned length = be16(b, at + 2);
        if (marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC) {
            info.height = int(be16(b, at + 5));
            info.width = int(be16(b, at + 7));
            return info.width > 0 && info.height > 0;
        }
        at += 2 + length;
    }
    return false;
}

}  // namespace

bool image_info(const std::string& b, ImageInfo& info) {
    if (b.size() >= 24 && b.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0 && b.compare(12, 4, "IHDR") == 0) {
        info = {int(be32(b, 16)), int(be32(b, 20)), "png", "image/png"};
        return info.width > 0 && info.height > 0;
    }
    if (b.size() >= 4 && static_cast<unsigned char>(b[0]) == 0xFF && static_cast<unsigned char>(b[1]) == 0xD8) {
        info.extension = "jpeg";
        info.content_type = "image/jpeg";
        return jpeg_size(b, info);
    }
    return false;
}

}  // namespace saraban::render::detail
