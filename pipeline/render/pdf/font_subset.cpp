// hb-subset (libharfbuzz-subset) only cuts font files; it does no shaping, which stays in layout/.
#include "render/pdf/font_subset.h"

#include <hb-ot.h>
#include <hb-subset.h>
#include <hb.h>

#include <cmath>
#include <memory>
#include <mutex>

namespace saraban::render {

namespace {

struct FaceDeleter {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
using FacePtr = std::unique_ptr<hb_face_t, FaceDeleter>;

// Each font file is parsed once per process; hb_face_t is immutable and safe to share between threads.
hb_face_t* shared_face(const std::string& path) {
    static std::mutex mutex;
    static std::map<std::string, FacePtr> faces;
    std::lock_guard lock(mutex);
    auto it = faces.find(path);
    if (it != faces.end()) return it->second.get();
    // A copy of the file, not its mapping: a font file replaced during a run must not fault the workers.
    hb_blob_t* mapped = hb_blob_create_from_file_or_fail(path.c_str());
    hb_blob_t* blob = mapped ? hb_blob_copy_writable_or_fail(mapped) : nullptr;
    if (mapped) hb_blob_destroy(mapped);
    hb_face_t* face = blob ? hb_face_create(blob, 0) : nullptr;
    if (blob) hb_blob_destroy(blob);
    if (face && hb_face_get_glyph_count(face) == 0) {
        hb_face_destroy(face);
        face = nullptr;
    }
    return faces.emplace(path, FacePtr(face)).first->second.get();
}

int per_mille(double units, unsigned upem) { return int(std::lround(units * 1000.0 / upem)); }

}  // namespace

FontSubset subset_font(const std::string& path, const std::set<std::uint32_t>& glyphs) {
    FontSubset out;
    hb_face_t* face = shared_face(path);
    if (!face) {
        out.error = path + ": ไม่ใช่ไฟล์ฟอนต์ที่ใช้ได้ (not a usable TrueType font)";
        return out;
    }
    const unsigned upem = hb_face_get_upem(face);
    hb_font_t* font = hb_font_create(face);
    hb_ot_font_set_funcs(font);
    hb_font_set_scale(font, int(upem), int(upem));

    char name[128];
    unsigned size = sizeof name;
    if (hb_ot_name_get_utf8(face, HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name) > 0)
        out.postscript_name.assign(name, size);
    // A PDF name may not hold spaces or delimiters.
    std::string clean;
    for (char c : out.postscript_name)
        if (c > ' ' && c < 127 && std::string_view("()<>[]{}/%#").find(c) == std::string_view::npos) clean += c;
    out.postscript_name = clean.empty() ? "Font" : clean;

    for (std::uint32_t gid : glyphs) out.widths[gid] = per_mille(hb_font_get_glyph_h_advance(font, gid), upem);
    out.widths[0] = per_mille(hb_font_get_glyph_h_advance(font, 0), upem);

    hb_position_t v = 0;
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_ASCENDER, &v)) out.ascent = per_mille(v, upem);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_HORIZONTAL_DESCENDER, &v)) out.descent = per_mille(v, upem);
    if (hb_ot_metrics_get_position(font, HB_OT_METRICS_TAG_CAP_HEIGHT, &v)) out.cap_height = per_mille(v, upem);
    // The bounding box of the glyphs kept is enough for a subset's descriptor.
    bool first = true;
    for (const auto& [gid, width] : out.widths) {
        (void)width;
        hb_glyph_extents_t e;
        if (!hb_font_get_glyph_extents(font, gid, &e) || (e.width == 0 && e.height == 0)) continue;
        const int x0 = per_mille(e.x_bearing, upem), x1 = per_mille(e.x_bearing + e.width, upem);
        const int y1 = per_mille(e.y_bearing, upem), y0 = per_mille(e.y_bearing + e.height, upem);
        if (first) {
            out.bbox[0] = x0, out.bbox[1] = y0, out.bbox[2] = x1, out.bbox[3] = y1;
            first = false;
        }
        out.bbox[0] = std::min(out.bbox[0], x0), out.bbox[1] = std::min(out.bbox[1], y0);
        out.bbox[2] = std::max(out.bbox[2], x1), out.bbox[3] = std::max(out.bbox[3], y1);
    }
    hb_font_destroy(font);

    hb_subset_input_t* input = hb_subset_input_create_or_fail();
    if (!input) {
        out.error = path + ": hb-subset: out of memory";
        return out;
    }
    hb_set_t* keep = hb_subset_input_glyph_set(input);
    for (std::uint32_t gid : glyphs) hb_set_add(keep, gid);
    // Glyph ids stay as they are, so the PDF's codes are the ids (CIDToGIDMap /Identity). Shaping tables and the
    // cmap are of no use to a PDF reader: the layout already chose every glyph.
    hb_subset_input_set_flags(input, HB_SUBSET_FLAGS_RETAIN_GIDS);
    hb_set_t* drop = hb_subset_input_set(input, HB_SUBSET_SETS_DROP_TABLE_TAG);
    for (hb_tag_t tag : {HB_TAG('G', 'S', 'U', 'B'), HB_TAG('G', 'P', 'O', 'S'), HB_TAG('G', 'D', 'E', 'F'),
                         HB_TAG('k', 'e', 'r', 'n'), HB_TAG('F', 'F', 'T', 'M'), HB_TAG('G', 'a', 's', 'p')})
        hb_set_add(drop, tag);
    FacePtr subset(hb_subset_or_fail(face, input));
    hb_subset_input_destroy(input);
    if (!subset) {
        out.error = path + ": hb-subset could not subset this font";
        return out;
    }
    hb_blob_t* blob = hb_face_reference_blob(subset.get());
    unsigned length = 0;
    const char* data = hb_blob_get_data(blob, &length);
    out.program.assign(data, data + length);
    hb_blob_destroy(blob);
    return out;
}

}  // namespace saraban::render
