#include "layout/system_fonts.h"

#include <fontconfig/fontconfig.h>
#include <hb.h>

#include <deque>
#include <map>
#include <mutex>
#include <string>

namespace saraban::layout {

namespace {

// Characters a font is asked for: not controls, format characters (ZWJ, bidi marks), surrogates, private use
// (a font's own presentation forms) or unassigned code points, which no fallback should draw.
bool is_visible(std::uint32_t cp) {
    switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
        case HB_UNICODE_GENERAL_CATEGORY_CONTROL:
        case HB_UNICODE_GENERAL_CATEGORY_FORMAT:
        case HB_UNICODE_GENERAL_CATEGORY_SURROGATE:
        case HB_UNICODE_GENERAL_CATEGORY_PRIVATE_USE:
        case HB_UNICODE_GENERAL_CATEGORY_UNASSIGNED:
            return false;
        default:
            return true;
    }
}

// A candidate of fontconfig's list that the PDF writer could embed, as far as fontconfig tells: its file, or "".
std::string embeddable_file(FcPattern* font, std::uint32_t cp) {
    FcCharSet* charset = nullptr;
    FcChar8* file = nullptr;
    FcChar8* format = nullptr;
    FcBool scalable = FcFalse;
    int index = 0;
    if (FcPatternGetCharSet(font, FC_CHARSET, 0, &charset) != FcResultMatch || !FcCharSetHasChar(charset, cp))
        return "";
    if (FcPatternGetString(font, FC_FILE, 0, &file) != FcResultMatch) return "";
    if (FcPatternGetBool(font, FC_SCALABLE, 0, &scalable) != FcResultMatch || !scalable) return "";
    // fontconfig says "CFF" for OpenType with CFF outlines, which a FontFile2 cannot hold.
    if (FcPatternGetString(font, FC_FONTFORMAT, 0, &format) == FcResultMatch &&
        std::string(reinterpret_cast<const char*>(format)) != "TrueType")
        return "";
    // Face 0 only: Font and the PDF writer open a file's first face (a .ttc's others, a variable font's named
    // instances, have other indexes).
    if (FcPatternGetInteger(font, FC_INDEX, 0, &index) == FcResultMatch && index != 0) return "";
    return reinterpret_cast<const char*>(file);
}

}  // namespace

struct SystemFonts::Impl {
    std::vector<std::string> folders;
    mutable std::mutex mutex;
    FcConfig* config = nullptr;  // this object's own, so that nothing else's fontconfig state is touched
    bool config_tried = false;
    std::map<std::uint32_t, int> by_code;      // cp → index, -1: none
    std::map<std::string, int> by_file;        // file → index, -1: not usable
    std::deque<std::unique_ptr<Font>> fonts;   // by index; a deque never moves them

    ~Impl() {
        if (config) FcConfigDestroy(config);
    }

    // The index of the font in file when it loads, has TrueType outlines and draws cp; else -1.
    int usable(const std::string& file, std::uint32_t cp) {
        auto it = by_file.find(file);
        if (it == by_file.end()) {
            int index = -1;
            try {
                auto font = std::make_unique<Font>(file);
                if (font->has_truetype_outlines()) {
                    fonts.push_back(std::move(font));
                    index = int(fonts.size()) - 1;
                }
            } catch (const FontError&) {  // fontconfig listed it, but it cannot be read: pass it over
            }
            it = by_file.emplace(file, index).first;
        }
        return it->second >= 0 && fonts[std::size_t(it->second)]->glyph_for(cp) != 0 ? it->second : -1;
    }

    int look_up(std::uint32_t cp) {
        if (!config_tried) {
            config_tried = true;
            config = folders.empty() ? FcInitLoadConfigAndFonts() : FcConfigCreate();
            if (config && !folders.empty()) {
                // The user's cache folder, as the system's configuration names it: else fontconfig complains.
                FcConfigParseAndLoadFromMemory(config, reinterpret_cast<const FcChar8*>(
                    "<fontconfig><cachedir prefix=\"xdg\">fontconfig</cachedir></fontconfig>"), FcFalse);
                for (const auto& folder : folders)
                    FcConfigAppFontAddDir(config, reinterpret_cast<const FcChar8*>(folder.c_str()));
            }
        }
        if (!config) return -1;
        FcPattern* pattern = FcPatternCreate();
        FcCharSet* charset = FcCharSetCreate();
        FcCharSetAddChar(charset, cp);
        FcPatternAddCharSet(pattern, FC_CHARSET, charset);
        FcPatternAddBool(pattern, FC_SCALABLE, FcTrue);
        FcConfigSubstitute(config, pattern, FcMatchPattern);
        FcDefaultSubstitute(pattern);
        FcResult result = FcResultNoMatch;
        FcFontSet* sorted = FcFontSort(config, pattern, FcFalse, nullptr, &result);
        int index = -1;
        for (int i = 0; sorted && i < sorted->nfont && index < 0; ++i)
            if (const std::string file = embeddable_file(sorted->fonts[i], cp); !file.empty()) index = usable(file, cp);
        if (sorted) FcFontSetDestroy(sorted);
        FcCharSetDestroy(charset);
        FcPatternDestroy(pattern);
        return index;
    }
};

SystemFonts::SystemFonts(std::vector<std::string> folders) : impl_(std::make_unique<Impl>()) {
    impl_->folders = std::move(folders);
}
SystemFonts::~SystemFonts() = default;

int SystemFonts::index_for(std::uint32_t cp) {
    if (!is_visible(cp)) return -1;
    std::lock_guard lock(impl_->mutex);
    auto it = impl_->by_code.find(cp);
    if (it == impl_->by_code.end()) it = impl_->by_code.emplace(cp, impl_->look_up(cp)).first;
    return it->second;
}

const Font& SystemFonts::font(int index) const {
    std::lock_guard lock(impl_->mutex);
    return *impl_->fonts.at(std::size_t(index));
}

}  // namespace saraban::layout
