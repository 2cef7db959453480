#include "layout/font.h"

#include <hb-ot.h>
#include <hb.h>

#include <cstdio>
#include <cstring>
#include <fstream>
#include <map>

namespace saraban::layout {

namespace {

bool is_private_use(std::uint32_t cp) { return cp >= 0xE000 && cp <= 0xF8FF; }

// "uni0E49.low" → 0x0E49; "uni0E07.uline" → 0x0E07. Presentation forms in TLWG fonts are named after the
// character they stand for; that is the only link from a PUA glyph back to its text.
std::uint32_t code_from_glyph_name(const char* name) {
    if (std::strncmp(name, "uni", 3) != 0) return 0;
    unsigned value = 0;
    int digits = 0;
    for (const char* p = name + 3; *p && *p != '.' && *p != '_'; ++p, ++digits) {
        char c = *p;
        int d = (c >= '0' && c <= '9') ? c - '0' : (c >= 'A' && c <= 'F') ? c - 'A' + 10 : (c >= 'a' && c <= 'f') ? c - 'a' + 10 : -1;
        if (d < 0 || digits >= 6) return 0;
        value = value * 16 + unsigned(d);
    }
    return digits >= 4 ? value : 0;
}

}  // namespace

struct Font::Impl {
    std::string path;
    std::string bytes;  // HarfBuzz reads the font from here; kept alive with the blob
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    unsigned upem = 1000;
    std::vector<std::uint32_t> code_of_glyph;      // gid → lowest cmap code point, 0 if none
    std::vector<std::uint32_t> original_of_glyph;  // gid → the character it stands for
    hb_font_extents_t extents{};

    ~Impl() {
        if (font) hb_font_destroy(font);
        if (face) hb_face_destroy(face);
        if (blob) hb_blob_destroy(blob);
    }
};

Font::Font(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    std::ifstream in(path, std::ios::binary);
    if (!in) throw FontError(path + ": ไม่พบไฟล์ฟอนต์ (font file not found or not readable)");
    impl_->bytes.assign(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    impl_->blob = hb_blob_create(impl_->bytes.data(), unsigned(impl_->bytes.size()), HB_MEMORY_MODE_READONLY,
                                 nullptr, nullptr);
    impl_->face = hb_face_create(impl_->blob, 0);
    unsigned glyph_count = hb_face_get_glyph_count(impl_->face);
    hb_blob_t* cmap = hb_face_reference_table(impl_->face, HB_TAG('c', 'm', 'a', 'p'));
    bool has_cmap = hb_blob_get_length(cmap) > 0;
    hb_blob_destroy(cmap);
    if (glyph_count == 0 || !has_cmap)
        throw FontError(path + ": ไฟล์ฟอนต์เสียหรือไม่ใช่ TrueType (not a usable TrueType font)");
    impl_->upem = hb_face_get_upem(impl_->face);
    impl_->font = hb_font_create(impl_->face);
    hb_ot_font_set_funcs(impl_->font);
    hb_font_set_scale(impl_->font, int(impl_->upem), int(impl_->upem));  // positions in font units
    hb_font_get_h_extents(impl_->font, &impl_->extents);

    impl_->code_of_glyph.assign(glyph_count, 0);
    impl_->original_of_glyph.assign(glyph_count, 0);
    hb_set_t* unicodes = hb_set_create();
    hb_face_collect_unicodes(impl_->face, unicodes);
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) {
        hb_codepoint_t gid = 0;
        if (hb_font_get_nominal_glyph(impl_->font, cp, &gid) && gid < glyph_count && impl_->code_of_glyph[gid] == 0)
            impl_->code_of_glyph[gid] = cp;
    }
    hb_set_destroy(unicodes);
    char name[64];
    for (unsigned gid = 0; gid < glyph_count; ++gid) {
        std::uint32_t code = impl_->code_of_glyph[gid];
        if (code != 0 && !is_private_use(code)) {
            impl_->original_of_glyph[gid] = code;
        } else if (hb_font_get_glyph_name(impl_->font, gid, name, sizeof name)) {
            impl_->original_of_glyph[gid] = code_from_glyph_name(name);
        }
        if (is_private_use(impl_->original_of_glyph[gid])) impl_->original_of_glyph[gid] = 0;
    }
}

Font::~Font() = default;

const std::string& Font::path() const { return impl_->path; }
unsigned Font::units_per_em() const { return impl_->upem; }

std::uint32_t Font::glyph_for(std::uint32_t code_point) const {
    hb_codepoint_t gid = 0;
    return hb_font_get_nominal_glyph(impl_->font, code_point, &gid) ? gid : 0;
}

std::uint32_t Font::code_for(std::uint32_t gid) const {
    return gid < impl_->code_of_glyph.size() ? impl_->code_of_glyph[gid] : 0;
}

std::uint32_t Font::original_for(std::uint32_t gid) const {
    return gid < impl_->original_of_glyph.size() ? impl_->original_of_glyph[gid] : 0;
}

int Font::ascender() const { return impl_->extents.ascender; }
int Font::descender() const { return impl_->extents.descender; }
int Font::line_gap() const { return impl_->extents.line_gap; }
void* Font::hb_font() const { return impl_->font; }

int FontSet::face(bool is_bold, bool is_italic) const {
    if (is_bold && is_italic && bold_italic >= 0) return bold_italic;
    if (is_bold && bold >= 0) return bold;
    if (is_italic && italic >= 0) return italic;
    return regular;
}

FontSet load_default_fonts(const std::string& fonts_dir) {
    FontSet set;
    auto load = [&](const char* file) {
        set.fonts.push_back(std::make_unique<Font>(fonts_dir + "/" + file));
        return int(set.fonts.size()) - 1;
    };
    set.regular = load("Laksaman.ttf");
    set.bold = load("Laksaman-Bold.ttf");
    set.italic = load("Laksaman-Italic.ttf");
    set.bold_italic = load("Laksaman-BoldItalic.ttf");
    set.fallback = load("DejaVuSans.ttf");
    return set;
}

}  // namespace saraban::layout
