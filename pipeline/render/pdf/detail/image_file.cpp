#include "render/pdf/detail/image_file.h"

#include <png.h>

#include <algorithm>
#include <cstdint>
#include <fstream>
#include <iterator>
#include <string_view>

namespace saraban::render::detail {

namespace {

// An emblem is a few hundred pixels across; this keeps a wrong file from taking gigabytes to decode.
constexpr std::uint64_t kMaxPixels = 25'000'000;

std::nullopt_t fail(std::string& error, const std::string& path, const std::string& thai, const std::string& english) {
    error = path + ": " + thai + " (" + english + ")";
    return std::nullopt;
}

std::optional<ImageData> read_png(const std::string& bytes, const std::string& path, std::string& error) {
    png_image image{};
    image.version = PNG_IMAGE_VERSION;
    // The simplified API reports errors through image.message instead of a longjmp across our frames.
    if (!png_image_begin_read_from_memory(&image, bytes.data(), bytes.size()))
        return fail(error, path, "อ่านภาพ PNG ไม่ได้", "cannot read the PNG: " + std::string(image.message));
    if (std::uint64_t(image.width) * image.height > kMaxPixels) {
        png_image_free(&image);
        return fail(error, path, "ภาพใหญ่เกินไป", "the picture is too large: " + std::to_string(image.width) + " × " +
                                                      std::to_string(image.height) + " pixels");
    }
    ImageData out;
    out.color = image.format & PNG_FORMAT_FLAG_COLOR;
    const bool has_alpha = image.format & PNG_FORMAT_FLAG_ALPHA;  // an alpha channel, or tRNS
    image.format = (out.color ? PNG_FORMAT_RGB : PNG_FORMAT_GRAY) | (has_alpha ? PNG_FORMAT_FLAG_ALPHA : 0);
    image.flags |= PNG_IMAGE_FLAG_16BIT_sRGB;  // an untagged 16-bit file is sRGB, as viewers take it, not linear
    std::vector<unsigned char> pixels(PNG_IMAGE_SIZE(image));
    if (!png_image_finish_read(&image, nullptr, pixels.data(), 0, nullptr))
        return fail(error, path, "อ่านภาพ PNG ไม่ได้", "cannot read the PNG: " + std::string(image.message));
    out.width = image.width;
    out.height = image.height;
    if (!has_alpha) {
        out.samples = std::move(pixels);
        return out;
    }
    // The colour and the opacity apart: the PDF image and its soft mask.
    const std::size_t channels = out.color ? 3 : 1, count = std::size_t(out.width) * out.height;
    out.samples.reserve(count * channels);
    out.alpha.reserve(count);
    for (std::size_t i = 0; i < count; ++i) {
        const unsigned char* p = &pixels[i * (channels + 1)];
        out.samples.insert(out.samples.end(), p, p + channels);
        out.alpha.push_back(p[channels]);
    }
    if (std::all_of(out.alpha.begin(), out.alpha.end(), [](unsigned char a) { return a == 255; })) out.alpha.clear();
    return out;
}

unsigned be16(const unsigned char* p) { return unsigned(p[0]) << 8 | p[1]; }

// The orientation an APP1 Exif segment gives (1: as stored), 0 when it says none.
int exif_orientation(std::string_view segment) {
    if (segment.size() < 14 || segment.substr(0, 6) != std::string_view("Exif\0\0", 6)) return 0;
    const auto* tiff = reinterpret_cast<const unsigned char*>(segment.data() + 6);
    const std::size_t size = segment.size() - 6;
    const bool little = tiff[0] == 'I';
    auto u16 = [&](std::size_t at) { return little ? tiff[at] | unsigned(tiff[at + 1]) << 8 : be16(tiff + at); };
    auto u32 = [&](std::size_t at) { return little ? u16(at) | u16(at + 2) << 16 : u16(at) << 16 | u16(at + 2); };
    const std::size_t ifd = u32(4);
    if (ifd + 2 > size) return 0;
    for (std::size_t i = 0, n = u16(ifd); i < n && ifd + 2 + 12 * (i + 1) <= size; ++i) {
        const std::size_t entry = ifd + 2 + 12 * i;
        if (u16(entry) == 0x0112) return int(u16(entry + 8));
    }
    return 0;
}

struct Refusal {
    std::string thai, english;
};

// Why PDF readers would not draw a JPEG of this frame header (its SOFn marker, then precision, height, width and
// components) as it is; nothing when they would.
std::optional<Refusal> frame_refusal(unsigned marker, const unsigned char* f) {
    if (marker != 0xC0 && marker != 0xC1 && marker != 0xC2)  // baseline, extended, progressive (Huffman)
        return Refusal{"ภาพ JPEG แบบ lossless, arithmetic หรือ hierarchical ซึ่งโปรแกรมอ่าน PDF วาดไม่ได้: "
                       "บันทึกเป็น JPEG แบบปกติหรือ PNG",
                       "a lossless, arithmetic-coded or hierarchical JPEG, which PDF readers cannot draw: save it "
                       "as a baseline JPEG or a PNG"};
    const std::string bits = std::to_string(f[0]);
    if (f[0] != 8)
        return Refusal{"ภาพ JPEG " + bits + " บิต โปรแกรมอ่าน PDF วาดได้เฉพาะ 8 บิต: บันทึกเป็น 8 บิต",
                       "a " + bits + "-bit JPEG; PDF readers draw 8-bit ones only: save it as 8-bit"};
    if (f[5] != 1 && f[5] != 3)
        return Refusal{"ภาพ JPEG แบบ CMYK วาดสีให้ตรงไม่ได้: บันทึกเป็น RGB",
                       "a CMYK JPEG (" + std::to_string(f[5]) + " components), whose colours PDF readers draw "
                       "differently: save it as RGB"};
    return std::nullopt;
}

Refusal turned(int orientation) {
    const std::string o = std::to_string(orientation);
    return {"ภาพ JPEG ระบุให้หมุนภาพ (EXIF orientation " + o + ") ซึ่ง PDF ไม่หมุนให้: บันทึกภาพที่หมุนแล้ว",
            "the JPEG asks to be turned (EXIF orientation " + o + "), which a PDF does not do: save it turned"};
}

// A JPEG's markers up to its frame header: what PDF readers would not draw as the file says is refused.
std::optional<ImageData> check_jpeg(const std::string& bytes, const std::string& path, std::string& error) {
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    for (std::size_t at = 2; at + 4 <= bytes.size() && b[at] == 0xFF;) {
        const unsigned marker = b[at + 1];
        if (marker == 0xFF || marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // fill byte; no length
            at += marker == 0xFF ? 1 : 2;
            continue;
        }
        if (marker == 0xDA || marker == 0xD9) break;  // image data, or the end, before any frame header
        const std::size_t length = be16(b + at + 2), room = bytes.size() - at - 4;
        const std::string_view body(bytes.data() + at + 4, std::min(room, length < 2 ? 0 : length - 2));
        if (const int o = marker == 0xE1 ? exif_orientation(body) : 0; o > 1)
            return fail(error, path, turned(o).thai, turned(o).english);
        const bool frame = marker >= 0xC0 && marker <= 0xCF && marker != 0xC4 && marker != 0xC8 && marker != 0xCC;
        if (frame && body.size() >= 6) {
            const auto* f = reinterpret_cast<const unsigned char*>(body.data());
            if (auto refusal = frame_refusal(marker, f)) return fail(error, path, refusal->thai, refusal->english);
            ImageData out;
            out.jpeg = true;
            out.color = f[5] == 3;
            out.height = be16(f + 1);
            out.width = be16(f + 3);
            out.samples.assign(bytes.begin(), bytes.end());
            return out;
        }
        at += 2 + length;
    }
    return fail(error, path, "ไฟล์ JPEG เสียหรือไม่ครบ", "a broken or truncated JPEG: no frame header");
}

}  // namespace

std::optional<ImageData> read_image(const std::string& path, std::string& error) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return fail(error, path, "ไม่พบไฟล์ภาพ", "image not found");
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    const auto* b = reinterpret_cast<const unsigned char*>(bytes.data());
    if (bytes.size() >= 8 && bytes.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) return read_png(bytes, path, error);
    if (bytes.size() >= 3 && b[0] == 0xFF && b[1] == 0xD8 && b[2] == 0xFF) return check_jpeg(bytes, path, error);
    return fail(error, path, "ภาพต้องเป็น PNG หรือ JPEG", "the image must be a PNG or JPEG file");
}

}  // namespace saraban::render::detail
