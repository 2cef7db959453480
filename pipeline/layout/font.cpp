#include "layout/font.h"

#include "layout/system_fonts.h"

#include <hb-ot.h>
#include <hb.h>

#include <cstdio>
#include <algorithm>
#include <cctype>
#include <cstring>
#include <filesystem>
#include <set>
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

// A name from the name table: the typographic one (16/17) when present, else the legacy one (1/2).
std::string name_entry(hb_face_t* face, hb_ot_name_id_t preferred, hb_ot_name_id_t legacy) {
    for (hb_ot_name_id_t id : {preferred, legacy}) {
        char buf[256];
        unsigned size = sizeof buf;
        if (hb_ot_name_get_utf8(face, id, hb_language_from_string("en", -1), &size, buf) > 0 ||
            (size = sizeof buf, hb_ot_name_get_utf8(face, id, HB_LANGUAGE_INVALID, &size, buf) > 0))
            return std::string(buf, size);
    }
    return {};
}

// Whether any GSUB or GPOS lookup of the face has the space glyph among the glyphs it matches, looks at before or
// after, or makes: then shaping a text cut at its spaces could give other glyphs than shaping it whole.
bool any_lookup_reaches_space(hb_face_t* face, hb_font_t* font) {
    hb_codepoint_t space = 0;
    if (!hb_font_get_nominal_glyph(font, ' ', &space)) return false;
    bool found = false;
    hb_set_t* sets[4] = {hb_set_create(), hb_set_create(), hb_set_create(), hb_set_create()};
    for (hb_tag_t table : {HB_OT_TAG_GSUB, HB_OT_TAG_GPOS}) {
        const unsigned lookups = hb_ot_layout_table_get_lookup_count(face, table);
        for (unsigned i = 0; i < lookups && !found; ++i) {
            for (hb_set_t* set : sets) hb_set_clear(set);
            hb_ot_layout_lookup_collect_glyphs(face, table, i, sets[0], sets[1], sets[2], sets[3]);
            for (hb_set_t* set : sets) found = found || hb_set_has(set, space);
        }
    }
    for (hb_set_t* set : sets) hb_set_destroy(set);
    return found;
}

}  // namespace

constexpr std::uint32_t kDirectCodes = 0x3000;

struct Font::Impl {
    std::string path;
    std::string family;
    std::string style;
    std::string bytes;  // HarfBuzz reads the font from here; kept alive with the blob
    hb_blob_t* blob = nullptr;
    hb_face_t* face = nullptr;
    hb_font_t* font = nullptr;
    unsigned upem = 1000;
    std::vector<std::uint32_t> code_of_glyph;      // gid → lowest cmap code point, 0 if none
    std::vector<std::uint32_t> original_of_glyph;  // gid → the character it stands for
    // Code point → nominal glyph below kDirectCodes (Latin, Thai, punctuation, symbols such as ✓): looked up for
    // every character that layout splits into font runs, where HarfBuzz's cmap search was a visible cost.
    std::vector<std::uint32_t> glyph_of_code;
    hb_font_extents_t extents{};
    bool lookups_reach_space = false;
    bool truetype_outlines = false;

    ~Impl() {
        if (font) hb_font_destroy(font);
        if (face) hb_face_destroy(face);
        if (blob) hb_blob_destroy(blob);
    }
};

Font::Font(const std::string& path) : impl_(std::make_unique<Impl>()) {
    impl_->path = path;
    // Read whole, in one go: a character at a time (istreambuf_iterator) took ~5 ms of a run's set-up for the four
    // faces of a family; and a copy, not a mapping, so that a font file replaced during a run cannot fault.
    std::ifstream in(path, std::ios::binary | std::ios::ate);
    if (!in) throw FontError(path + ": ไม่พบไฟล์ฟอนต์ (font file not found or not readable)");
    const std::streamoff size = in.tellg();
    impl_->bytes.resize(size > 0 ? std::size_t(size) : 0);
    in.seekg(0);
    if (size < 0 || !in.read(impl_->bytes.data(), std::streamsize(impl_->bytes.size())))
        throw FontError(path + ": ไม่พบไฟล์ฟอนต์ (font file not found or not readable)");
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
    impl_->family = name_entry(impl_->face, HB_OT_NAME_ID_TYPOGRAPHIC_FAMILY, HB_OT_NAME_ID_FONT_FAMILY);
    impl_->style = name_entry(impl_->face, HB_OT_NAME_ID_TYPOGRAPHIC_SUBFAMILY, HB_OT_NAME_ID_FONT_SUBFAMILY);
    impl_->font = hb_font_create(impl_->face);
    hb_ot_font_set_funcs(impl_->font);
    hb_font_set_scale(impl_->font, int(impl_->upem), int(impl_->upem));  // positions in font units
    hb_font_get_h_extents(impl_->font, &impl_->extents);
    impl_->lookups_reach_space = any_lookup_reaches_space(impl_->face, impl_->font);
    hb_blob_t* glyf = hb_face_reference_table(impl_->face, HB_TAG('g', 'l', 'y', 'f'));
    impl_->truetype_outlines = hb_blob_get_length(glyf) > 0;
    hb_blob_destroy(glyf);

    impl_->code_of_glyph.assign(glyph_count, 0);
    impl_->glyph_of_code.assign(kDirectCodes, 0);
    impl_->original_of_glyph.assign(glyph_count, 0);
    hb_set_t* unicodes = hb_set_create();
    hb_face_collect_unicodes(impl_->face, unicodes);
    for (hb_codepoint_t cp = HB_SET_VALUE_INVALID; hb_set_next(unicodes, &cp);) {
        hb_codepoint_t gid = 0;
        if (!hb_font_get_nominal_glyph(impl_->font, cp, &gid)) continue;
        if (cp < kDirectCodes) impl_->glyph_of_code[cp] = gid;
        if (gid < glyph_count && impl_->code_of_glyph[gid] == 0) impl_->code_of_glyph[gid] = cp;
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
const std::string& Font::family() const { return impl_->family; }
const std::string& Font::style() const { return impl_->style; }

std::uint32_t Font::glyph_for(std::uint32_t code_point) const {
    if (code_point < impl_->glyph_of_code.size()) return impl_->glyph_of_code[code_point];
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
bool Font::lookups_reach_space() const { return impl_->lookups_reach_space; }
bool Font::has_truetype_outlines() const { return impl_->truetype_outlines; }
void* Font::hb_font() const { return impl_->font; }

int FontSet::face(bool is_bold, bool is_italic) const {
    if (is_bold && is_italic && bold_italic >= 0) return bold_italic;
    if (is_bold && bold >= 0) return bold;
    if (is_italic && italic >= 0) return italic;
    return regular;
}

const Font& FontSet::at(int index) const {
    return index < int(fonts.size()) ? *fonts[std::size_t(index)] : system->font(index - int(fonts.size()));
}

int FontSet::fallback_for(std::uint32_t cp) const {
    if (fallback >= 0 && fonts[std::size_t(fallback)]->glyph_for(cp) != 0) return fallback;
    if (!system) return -1;
    const int index = system->index_for(cp);
    return index < 0 ? -1 : int(fonts.size()) + index;
}

namespace {

std::string lower(std::string s) {
    for (char& c : s) c = char(std::tolower(static_cast<unsigned char>(c)));
    return s;
}

// Which slot of a FontSet a style name fills: 0 regular, 1 bold, 2 italic, 3 bold-italic; -1 for other weights
// (Light, Thin, …), which a memo never uses.
int style_slot(const std::string& style) {
    const std::string s = lower(style);
    const bool bold = s.find("bold") != std::string::npos;
    const bool italic = s.find("italic") != std::string::npos || s.find("oblique") != std::string::npos;
    if (!bold && !italic && s != "regular" && s != "book" && s != "normal" && s != "roman" && !s.empty()) return -1;
    return (bold ? 1 : 0) + (italic ? 2 : 0);
}

// The TrueType files of one folder, sorted: the same choice on every machine.
std::vector<std::string> font_files(const std::string& dir) {
    namespace fs = std::filesystem;
    std::vector<std::string> files;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(dir, ec)) {
        std::string ext = lower(entry.path().extension().string());
        if (ext == ".ttf" || ext == ".otf") files.push_back(entry.path().string());
    }
    if (ec) throw FontError(dir + ": โฟลเดอร์ฟอนต์เปิดไม่ได้ (cannot read the fonts folder: " + ec.message() + ")");
    std::sort(files.begin(), files.end());
    return files;
}

// The folders of search_path in order, each once however it is spelt ("fonts" and "./fonts/").
std::vector<std::string> distinct_folders(const std::vector<std::string>& search_path) {
    namespace fs = std::filesystem;
    std::vector<std::string> out;
    for (const auto& dir : search_path) {
        std::error_code ec;
        const bool seen =
            std::any_of(out.begin(), out.end(), [&](const std::string& o) { return fs::equivalent(o, dir, ec); });
        if (!seen) out.push_back(dir);
    }
    return out;
}

}  // namespace

FontSet load_font_family(const std::vector<std::string>& search_path, const std::string& family,
                         std::shared_ptr<SystemFonts> system) {
    // Every font of every folder, in search order, with the folder it is in; a file that is not a font is skipped
    // (a stray .ttf beside the fonts must not stop every memo): only a family that cannot be found is an error.
    FontSet set;
    set.system = std::move(system);
    std::vector<std::pair<std::unique_ptr<Font>, std::size_t>> found;
    const std::vector<std::string> folders = distinct_folders(search_path);
    for (std::size_t d = 0; d < folders.size(); ++d) {
        for (const auto& file : font_files(folders[d])) {
            try {
                auto font = std::make_unique<Font>(file);
                if (font->has_truetype_outlines()) found.emplace_back(std::move(font), d);
                else  // the PDF embeds TrueType outlines only: a CFF font would give a PDF readers cannot draw
                    set.skipped.push_back({model::Severity::warning, {file, "", 0, 0},
                                           "ฟอนต์นี้ไม่มีโครงอักษรแบบ TrueType จึงข้ามไฟล์นี้ (no TrueType outlines, as in a "
                                           "CFF .otf, which the PDF cannot embed: skipped; use the family's .ttf files)"});
            } catch (const FontError&) {
                set.skipped.push_back({model::Severity::warning, {file, "", 0, 0},
                                       "อ่านเป็นฟอนต์ไม่ได้ จึงข้ามไฟล์นี้ (not a usable TrueType font: skipped)"});
            }
        }
    }
    auto is = [](const Font& f, const std::string& name) { return lower(f.family()) == lower(name); };
    std::size_t family_folder = folders.size();
    for (const auto& [font, d] : found)
        if (is(*font, family) && style_slot(font->style()) == 0) family_folder = std::min(family_folder, d);

    int* slots[4] = {&set.regular, &set.bold, &set.italic, &set.bold_italic};
    std::set<std::string> families;
    for (auto& [font, d] : found) {
        families.insert(font->family());
        const int slot = style_slot(font->style());
        if (d == family_folder && is(*font, family) && slot >= 0 && *slots[slot] < 0) {
            set.fonts.push_back(std::move(font));
            *slots[slot] = int(set.fonts.size()) - 1;
        } else if (is(*font, kFallbackFamily) && slot == 0 && set.fallback < 0 && !is(*font, family)) {
            set.fonts.push_back(std::move(font));
            set.fallback = int(set.fonts.size()) - 1;
        }
    }
    if (set.regular < 0) {
        std::string where, known;
        for (const auto& f : folders) where += (where.empty() ? "" : ", ") + f;
        for (const auto& f : families) known += (known.empty() ? "" : ", ") + f;
        std::string junk;  // one of them may have been meant as the family
        for (const auto& s : set.skipped) junk += (junk.empty() ? "; files that are not fonts: " : ", ") + s.at.file;
        throw FontError(where + ": ไม่พบฟอนต์ \"" + family + "\" แบบปกติ (no regular face of font family \"" + family +
                        "\"; families here: " + (known.empty() ? "none" : known) + junk + ")");
    }
    return set;
}

FontSet load_font_family(const std::string& fonts_dir, const std::string& family) {
    return load_font_family(std::vector<std::string>{fonts_dir}, family);
}

FontSet load_default_fonts(const std::string& fonts_dir) { return load_font_family(fonts_dir, kDefaultFamily); }

}  // namespace saraban::layout
