// Pictures (the memo's emblem) are drawn exactly or refused: every kind of PNG comes out as the plain 8-bit one
// does (rendered with pdftoppm and compared pixel by pixel at chosen points), and a JPEG that PDF readers would
// draw otherwise than it is (CMYK, 12-bit, arithmetic-coded, turned by EXIF) is an error naming the file and why.
#include <boost/test/unit_test.hpp>

#include <libdeflate.h>

#include <algorithm>
#include <array>
#include <cctype>
#include <cstdint>

#include "layout/document_layout.h"
#include "render/pdf/pdf_writer.h"
#include "support/engine.h"
#include "support/process.h"

using namespace saraban;
using saraban::testing::engine;
using saraban::testing::TempDir;

namespace {

// ---- PNG files, written byte by byte ------------------------------------------------------------------------

void put32(std::string& s, std::uint32_t v) {
    for (int shift = 24; shift >= 0; shift -= 8) s += char((v >> shift) & 0xFF);
}

std::string chunk(const std::string& type, const std::string& data) {
    std::string c;
    put32(c, std::uint32_t(data.size()));
    const std::string body = type + data;
    c += body;
    put32(c, libdeflate_crc32(0, body.data(), body.size()));
    return c;
}

std::string zlib(const std::string& raw) {
    libdeflate_compressor* z = libdeflate_alloc_compressor(6);
    std::string out(libdeflate_zlib_compress_bound(z, raw.size()), '\0');
    out.resize(libdeflate_zlib_compress(z, raw.data(), raw.size(), out.data(), out.size()));
    libdeflate_free_compressor(z);
    return out;
}

constexpr unsigned kW = 40, kH = 20;

// The test picture, the same in every row: left half red, right half blue; where it has opacity, its right quarter
// is transparent.
struct Rgba {
    unsigned r, g, b, a;
};
Rgba pixel(unsigned x) { return {x < kW / 2 ? 220u : 0u, 0, x < kW / 2 ? 0u : 220u, x < 3 * kW / 4 ? 255u : 0u}; }

// A pixel's bytes in a PNG of this colour type and depth (palette: 0 red, 1 blue, 2 transparent blue).
std::string samples(unsigned x, int color_type, int depth) {
    const Rgba p = pixel(x);
    std::string s;
    auto put = [&](unsigned v) { depth == 16 ? (s += char(v), s += char(v)) : s += char(v); };  // v·257 in 16 bits
    if (color_type == 0 || color_type == 4) put(x < kW / 2 ? 60 : 200);
    if (color_type == 2 || color_type == 6) put(p.r), put(p.g), put(p.b);
    if (color_type == 4 || color_type == 6) put(p.a);
    if (color_type == 3) s += char(x < kW / 2 ? 0 : p.a ? 1 : 2);
    return s;
}

// A row's samples of the given pixels after the filter byte 0, packed when a palette's depth is under 8 bits.
std::string row(const std::vector<unsigned>& xs, int color_type, int depth) {
    std::string r(1, '\0');
    if (depth >= 8) {
        for (unsigned x : xs) r += samples(x, color_type, depth);
        return r;
    }
    unsigned bits = 0, used = 0;
    for (unsigned x : xs) {
        bits = bits << depth | unsigned(static_cast<unsigned char>(samples(x, color_type, depth)[0]));
        if ((used += depth) == 8) r += char(bits), bits = used = 0;
    }
    if (used) r += char(bits << (8 - used));
    return r;
}

std::string png(int color_type, int depth, bool interlaced = false) {
    std::string ihdr;
    put32(ihdr, kW);
    put32(ihdr, kH);
    ihdr += {char(depth), char(color_type), 0, 0, char(interlaced)};
    std::string raw;
    // Adam7's seven passes (x0, y0, dx, dy), or one pass of every pixel.
    const std::vector<std::array<unsigned, 4>> passes =
        interlaced ? std::vector<std::array<unsigned, 4>>{{0, 0, 8, 8}, {4, 0, 8, 8}, {0, 4, 4, 8}, {2, 0, 4, 4},
                                                          {0, 2, 2, 4}, {1, 0, 2, 2}, {0, 1, 1, 2}}
                   : std::vector<std::array<unsigned, 4>>{{0, 0, 1, 1}};
    for (const auto& [x0, y0, dx, dy] : passes) {
        std::vector<unsigned> xs;
        for (unsigned x = x0; x < kW; x += dx) xs.push_back(x);
        for (unsigned y = y0; y < kH && !xs.empty(); y += dy) raw += row(xs, color_type, depth);
    }
    std::string extra;
    if (color_type == 3) {
        extra = chunk("PLTE", std::string("\xDC\0\0\0\0\xDC\0\0\xDC", 9));
        extra += chunk("tRNS", std::string("\xFF\xFF\0", 3));
    }
    const std::string signature("\x89PNG\r\n\x1a\n", 8);
    return signature + chunk("IHDR", ihdr) + extra + chunk("IDAT", zlib(raw)) + chunk("IEND", "");
}

// ---- drawing ------------------------------------------------------------------------------------------------

layout::LaidOutDocument with_emblem(const std::string& path) {
    model::Document doc;
    model::FormHeader header;
    header.emblem_path = path;
    header.emblem_height_pt = 144;  // 200 pixels at 100 dpi: the picture is 200 × 100
    doc.blocks.push_back(header);
    return layout::layout_document(doc, engine());
}

// The page rendered by pdftoppm at 100 dpi (P6: "P6\nW H\n255\n", then RGB bytes).
struct Raster {
    unsigned width = 0, height = 0;
    std::string rgb;
    std::array<unsigned, 3> at(unsigned x, unsigned y) const {
        const std::size_t i = (std::size_t(y) * width + x) * 3;
        return {unsigned(static_cast<unsigned char>(rgb[i])), unsigned(static_cast<unsigned char>(rgb[i + 1])),
                unsigned(static_cast<unsigned char>(rgb[i + 2]))};
    }
};

Raster rasterize(const TempDir& dir, const std::vector<unsigned char>& pdf) {
    saraban::testing::write_file(dir / "page.pdf", std::string(pdf.begin(), pdf.end()));
    const auto r = saraban::testing::run_program("pdftoppm", {"-r", "100", "-singlefile", (dir / "page.pdf").string(),
                                                              (dir / "page").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const std::string ppm = saraban::testing::read_file(dir / "page.ppm");
    Raster out;
    std::size_t at = 0;
    auto next = [&] {
        while (at < ppm.size() && std::isspace(static_cast<unsigned char>(ppm[at]))) ++at;
        const std::size_t start = at;
        while (at < ppm.size() && !std::isspace(static_cast<unsigned char>(ppm[at]))) ++at;
        return ppm.substr(start, at - start);
    };
    BOOST_TEST_REQUIRE(next() == "P6");
    out.width = unsigned(std::stoul(next()));
    out.height = unsigned(std::stoul(next()));
    next();
    out.rgb = ppm.substr(at + 1);
    BOOST_TEST_REQUIRE(out.rgb.size() == std::size_t(out.width) * out.height * 3);
    return out;
}

// The colours drawn where the picture's pixels (4, 5), (4, 15), (25, 10) and (36, 10) are: inside each area,
// away from the edges between them.
std::vector<std::array<unsigned, 3>> drawn(const std::string& png_bytes) {
    TempDir dir;
    saraban::testing::write_file(dir / "emblem.png", png_bytes);
    const auto laid = with_emblem((dir / "emblem.png").string());
    const auto pdf = render::render_pdf(laid, {false});
    BOOST_TEST_REQUIRE(bool(pdf), pdf.error);
    const layout::Image& box = laid.pages[0].images[0];
    const double scale = std::min(box.width / kW, box.height / kH), px = 100.0 / 72;
    const Raster page = rasterize(dir, pdf.bytes);
    std::vector<std::array<unsigned, 3>> out;
    const std::pair<double, double> points[] = {{4.5, 5.5}, {4.5, 15.5}, {25.5, 10.5}, {36.5, 10.5}};
    for (auto [x, y] : points) {
        const double page_x = box.x + x * scale, page_y = box.y + (kH - y) * scale;  // y up from the box's foot
        out.push_back(page.at(unsigned(page_x * px), unsigned((laid.pages[0].height_pt - page_y) * px)));
    }
    return out;
}

using Colours = std::vector<std::array<unsigned, 3>>;
const std::array<unsigned, 3> kRed{220, 0, 0}, kBlue{0, 0, 220}, kWhite{255, 255, 255}, kDark{60, 60, 60},
    kLight{200, 200, 200};

std::string pdf_text_of(const layout::LaidOutDocument& laid) {
    const auto pdf = render::render_pdf(laid, {false});
    BOOST_TEST_REQUIRE(bool(pdf), pdf.error);
    return std::string(pdf.bytes.begin(), pdf.bytes.end());
}

// ---- JPEG headers -------------------------------------------------------------------------------------------

// A JPEG's markers up to its frame header (enough for saraban and libharu, which decode nothing): frame is the
// SOF marker's second byte, then the precision and the number of components; orientation > 0 adds an Exif APP1.
std::string jpeg(unsigned char frame, unsigned char precision, unsigned char components, int orientation = 0) {
    std::string j("\xFF\xD8", 2);
    if (orientation > 0) {
        std::string tiff("MM\0*\0\0\0\x08\0\x01\x01\x12\0\x03\0\0\0\x01\0", 19);
        tiff += char(orientation);
        tiff += std::string("\0\0\0\0\0\0", 6);
        const std::string app1 = std::string("Exif\0\0", 6) + tiff;
        j += "\xFF\xE1";
        j += char((app1.size() + 2) >> 8);
        j += char((app1.size() + 2) & 0xFF);
        j += app1;
    }
    std::string sof = {char(precision), 0, char(kH), 0, char(kW), char(components)};
    for (unsigned char c = 1; c <= components; ++c) sof += {char(c), 0x11, 0};
    j += {'\xFF', char(frame), 0, char(sof.size() + 2)};
    return j + sof + "\xFF\xD9";
}

std::string jpeg_error(const std::string& bytes, TempDir& dir) {
    saraban::testing::write_file(dir / "emblem.jpg", bytes);
    const auto pdf = render::render_pdf(with_emblem((dir / "emblem.jpg").string()), {false});
    return pdf.error;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_pdf_pictures)

BOOST_AUTO_TEST_CASE(the_plain_png_is_drawn_as_it_is) {
    BOOST_TEST(drawn(png(2, 8)) == (Colours{kRed, kRed, kBlue, kBlue}));
    BOOST_TEST(drawn(png(6, 8)) == (Colours{kRed, kRed, kBlue, kWhite}));  // the transparent quarter shows the paper
}

// libharu drew a 16-bit PNG as two squashed copies in wrong colours.
BOOST_AUTO_TEST_CASE(sixteen_bit_pngs_are_drawn_as_the_eight_bit_ones) {
    BOOST_TEST(drawn(png(2, 16)) == (Colours{kRed, kRed, kBlue, kBlue}));
    BOOST_TEST(drawn(png(6, 16)) == (Colours{kRed, kRed, kBlue, kWhite}));
    BOOST_TEST(drawn(png(0, 16)) == (Colours{kDark, kDark, kLight, kLight}));
    BOOST_TEST(drawn(png(4, 16)) == (Colours{kDark, kDark, kLight, kWhite}));
    // Drawn from 8-bit samples, which every reader takes.
    TempDir dir;
    saraban::testing::write_file(dir / "emblem.png", png(2, 16));
    const std::string pdf = pdf_text_of(with_emblem((dir / "emblem.png").string()));
    BOOST_TEST(pdf.find("/BitsPerComponent 16") == std::string::npos);
    BOOST_TEST(pdf.find("/BitsPerComponent 8") != std::string::npos);
}

// libharu refused an interlaced PNG, saying it was not a PNG.
BOOST_AUTO_TEST_CASE(interlaced_pngs_are_drawn) {
    BOOST_TEST(drawn(png(2, 8, true)) == (Colours{kRed, kRed, kBlue, kBlue}));
    BOOST_TEST(drawn(png(6, 16, true)) == (Colours{kRed, kRed, kBlue, kWhite}));
}

// A 4-bit palette whose third colour is transparent (tRNS): libharu read its packed indices as bytes.
BOOST_AUTO_TEST_CASE(palettes_with_transparency_are_drawn_with_their_soft_mask) {
    BOOST_TEST(drawn(png(3, 8)) == (Colours{kRed, kRed, kBlue, kWhite}));
    BOOST_TEST(drawn(png(3, 4)) == (Colours{kRed, kRed, kBlue, kWhite}));
    BOOST_TEST(drawn(png(4, 8)) == (Colours{kDark, kDark, kLight, kWhite}));
    TempDir dir;
    saraban::testing::write_file(dir / "emblem.png", png(3, 4));
    const std::string pdf = pdf_text_of(with_emblem((dir / "emblem.png").string()));
    BOOST_TEST(pdf.find("/SMask") != std::string::npos);
    BOOST_TEST(pdf.rfind("%PDF-1.4", 0) == 0);  // soft masks are PDF 1.4
}

BOOST_AUTO_TEST_CASE(a_broken_png_is_an_error_naming_the_file) {
    TempDir dir;
    std::string cut = png(2, 8);
    cut.resize(cut.size() - 30);
    saraban::testing::write_file(dir / "emblem.png", cut);
    const auto pdf = render::render_pdf(with_emblem((dir / "emblem.png").string()));
    BOOST_TEST(!bool(pdf));
    BOOST_TEST(pdf.error.find((dir / "emblem.png").string() + ": อ่านภาพ PNG ไม่ได้ (cannot read the PNG") == 0u,
               pdf.error);
}

// Baseline and progressive JPEGs of 8-bit gray or RGB go in as they are (PDF 1.3 readers decode both).
BOOST_AUTO_TEST_CASE(baseline_and_progressive_jpegs_are_embedded_as_they_are) {
    TempDir dir;
    for (unsigned char frame : {0xC0, 0xC2}) {
        saraban::testing::write_file(dir / "emblem.jpg", jpeg(frame, 8, 3));
        const std::string pdf = pdf_text_of(with_emblem((dir / "emblem.jpg").string()));
        BOOST_TEST(pdf.find("/DCTDecode") != std::string::npos);
        BOOST_TEST(pdf.find("/DeviceRGB") != std::string::npos);
    }
}

// libharu embedded each of these, for readers to draw in wrong colours, or not at all, or unturned.
BOOST_AUTO_TEST_CASE(jpegs_readers_would_draw_otherwise_are_refused_with_the_reason) {
    TempDir dir;
    const std::string path = (dir / "emblem.jpg").string() + ": ";
    const std::pair<std::string, std::string> cases[] = {
        {jpeg(0xC0, 8, 4), "ภาพ JPEG แบบ CMYK วาดสีให้ตรงไม่ได้: บันทึกเป็น RGB (a CMYK JPEG (4 components)"},
        {jpeg(0xC1, 12, 3), "(a 12-bit JPEG; PDF readers draw 8-bit ones only"},
        {jpeg(0xC9, 8, 3), "(a lossless, arithmetic-coded or hierarchical JPEG"},
        {jpeg(0xC3, 8, 3), "(a lossless, arithmetic-coded or hierarchical JPEG"},
        {jpeg(0xC0, 8, 3, 6), "(the JPEG asks to be turned (EXIF orientation 6)"},
    };
    for (const auto& [bytes, reason] : cases) {
        const std::string error = jpeg_error(bytes, dir);
        BOOST_TEST(error.rfind(path, 0) == 0u, error);
        BOOST_TEST(error.find(reason) != std::string::npos, error);
        BOOST_TEST(error.find("libharu") == std::string::npos, error);  // ours, not a libharu code
    }
    BOOST_TEST(jpeg_error(jpeg(0xC0, 8, 3, 1), dir).empty());  // orientation 1: as stored
}

BOOST_AUTO_TEST_SUITE_END()
