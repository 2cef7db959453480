#include "render/pdf/pdf_writer.h"

#include <hpdf.h>
// libharu 2.3.0 has no public TJ, marked content, raw content write or glyph-id font; these internal headers
// (shipped by libhpdf-dev) give the page's content stream and the object API the fonts are built with.
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "render/pdf/font_subset.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <map>
#include <set>
#include <string>

namespace saraban::render {

namespace {

struct ErrorState {
    HPDF_STATUS status = HPDF_OK;
    HPDF_STATUS detail = 0;
};

void on_error(HPDF_STATUS status, HPDF_STATUS detail, void* user) {
    auto* state = static_cast<ErrorState*>(user);
    if (state->status == HPDF_OK) {
        state->status = status;
        state->detail = detail;
    }
}

// UTF-8 → UTF-16BE code units (a PDF text string and a CMap destination both want UTF-16BE).
std::vector<unsigned> utf16(const std::string& s) {
    std::vector<unsigned> out;
    for (std::size_t i = 0; i < s.size();) {
        unsigned char c = static_cast<unsigned char>(s[i]);
        int len = c < 0x80 ? 1 : (c >> 5) == 0x6 ? 2 : (c >> 4) == 0xE ? 3 : (c >> 3) == 0x1E ? 4 : 1;
        if (i + len > s.size()) len = 1;
        unsigned cp = len == 1 ? c : len == 2 ? (c & 0x1F) : len == 3 ? (c & 0x0F) : (c & 0x07);
        for (int k = 1; k < len; ++k) cp = (cp << 6) | (static_cast<unsigned char>(s[i + k]) & 0x3F);
        i += len;
        if (cp >= 0x10000) {
            cp -= 0x10000;
            out.push_back(0xD800 | (cp >> 10));
            out.push_back(0xDC00 | (cp & 0x3FF));
        } else {
            out.push_back(cp);
        }
    }
    return out;
}

// Four upper-case hex digits: glyph codes and UTF-16 units (snprintf was a visible part of the PDF time).
void append_hex4(std::string& out, unsigned v) {
    static const char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

std::string hex_utf16(const std::string& s) {
    std::string out;
    for (unsigned u : utf16(s)) append_hex4(out, u);
    return out;
}

// A PDF number with at most 3 decimals and no trailing zeros. std::to_chars: printf's locale-aware path was a
// tenth of the PDF time.
std::string number(double v) {
    char buf[32];
    auto [end, ec] = std::to_chars(buf, buf + sizeof buf, v, std::chars_format::fixed, 3);
    std::string s(buf, ec == std::errc() ? end : buf);
    while (!s.empty() && s.back() == '0') s.pop_back();
    if (!s.empty() && s.back() == '.') s.pop_back();
    return s.empty() || s == "-0" ? "0" : s;
}

class Writer {
public:
    Writer(const layout::LaidOutDocument& doc, const PdfOptions& options) : doc_(doc), options_(options) {}

    PdfResult run() {
        PdfResult result;
        pdf_ = HPDF_New(on_error, &errors_);
        if (!pdf_) return {{}, "libharu: cannot create a document (out of memory)"};
        write_document();
        if (ok()) result.bytes = save();
        if (!ok()) {
            char buf[96];
            std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", unsigned(errors_.status),
                          unsigned(errors_.detail));
            result.error = error_.empty() ? buf : error_ + " (" + buf + ")";
            result.bytes.clear();
        }
        HPDF_Free(pdf_);
        return result;
    }

private:
    bool ok() const { return errors_.status == HPDF_OK && error_.empty(); }

    void write_document() {
        if (options_.compress) HPDF_SetCompressionMode(pdf_, HPDF_COMP_ALL);
        HPDF_UseUTFEncodings(pdf_);  // for the outline's UTF-8 titles
        make_fonts();
        for (const auto& page : doc_.pages) {
            if (!ok()) return;
            pages_.push_back(write_page(page));
        }
        if (!ok()) return;
        write_info();
        write_outline();
    }

    // Bookmarks: the memo, and under it each attachment, each opening its first page.
    void write_outline() {
        if (doc_.outline.empty()) return;
        HPDF_Encoder utf8 = HPDF_GetEncoder(pdf_, "UTF-8");
        std::vector<HPDF_Outline> parents;  // the last entry made at each level
        for (const auto& entry : doc_.outline) {
            if (entry.page >= pages_.size()) continue;
            const std::size_t level = std::min<std::size_t>(std::size_t(std::max(entry.level, 0)), parents.size());
            HPDF_Outline parent = level == 0 ? nullptr : parents[level - 1];
            HPDF_Outline outline = HPDF_CreateOutline(pdf_, parent, entry.title.c_str(), utf8);
            if (!outline) return;
            HPDF_Outline_SetOpened(outline, HPDF_TRUE);
            HPDF_Destination dest = HPDF_Page_CreateDestination(pages_[entry.page]);
            HPDF_Destination_SetFit(dest);
            HPDF_Outline_SetDestination(outline, dest);
            parents.resize(level);
            parents.push_back(outline);
        }
        HPDF_SetPageMode(pdf_, HPDF_PAGE_MODE_USE_OUTLINE);
    }

    // --- fonts ----------------------------------------------------------------------------------------------
    // Each font is embedded as a CIDFontType2 whose codes are glyph ids (Identity-H, CIDToGIDMap /Identity): any
    // glyph the shaper chose can be drawn, presentation forms reached only through GSUB included, and the widths
    // and ToUnicode list only the glyphs used. (libharu's own TrueType route addresses glyphs through Unicode,
    // and builds and compresses maps of all 65,536 codes for every font of every document.)
    struct EmbeddedFont {
        HPDF_Dict dict = nullptr;                      // the Type0 font, registered in pages' resources
        std::map<std::uint32_t, int> widths;           // glyph id → 1/1000 em, as written in /W
        std::map<std::uint32_t, std::string> text;     // glyph id → what it stands for (ToUnicode)
    };

    static std::string subset_tag(const std::string& name, const std::set<std::uint32_t>& glyphs) {
        std::uint64_t h = 1469598103934665603ull;  // FNV-1a over the name and the glyphs: the same subset, the same tag
        auto mix = [&](std::uint64_t v) {
            h ^= v;
            h *= 1099511628211ull;
        };
        for (unsigned char c : name) mix(c);
        for (std::uint32_t g : glyphs) mix(g);
        std::string tag;
        for (int i = 0; i < 6; ++i, h /= 26) tag += char('A' + h % 26);
        return tag;
    }

    HPDF_Dict new_object() {
        HPDF_Dict d = HPDF_Dict_New(pdf_->mmgr);
        if (d) HPDF_Xref_Add(pdf_->xref, d);
        return d;
    }

    HPDF_Dict new_stream(const std::string& bytes) {
        HPDF_Dict d = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!d) return nullptr;
        HPDF_Stream_Write(d->stream, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), HPDF_UINT(bytes.size()));
        if (options_.compress) d->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
        return d;
    }

    void make_fonts() {
        std::map<int, std::set<std::uint32_t>> used;
        std::map<int, std::map<std::uint32_t, std::string>> texts;
        for (const auto& page : doc_.pages)
            for (const auto& run : page.runs)
                for (const auto& g : run.glyphs) {
                    if (g.gid == 0) continue;
                    used[g.font].insert(g.gid);
                    texts[g.font].emplace(g.gid, g.text);  // the first text a glyph stands for
                }
        fonts_.assign(doc_.fonts.size(), {});
        for (const auto& [index, glyphs] : used) {
            if (index < 0 || index >= int(doc_.fonts.size())) {
                error_ = "layout referenced an unknown font";
                return;
            }
            FontSubset subset = subset_font(doc_.fonts[index].path, glyphs);
            if (!subset.error.empty()) {
                error_ = subset.error;
                return;
            }
            EmbeddedFont& font = fonts_[index];
            font.widths = subset.widths;
            font.text = texts[index];
            font.dict = embed(subset, glyphs, font.text);
            if (!font.dict && error_.empty()) error_ = doc_.fonts[index].path + ": cannot embed the font";
        }
    }

    HPDF_Dict embed(const FontSubset& subset, const std::set<std::uint32_t>& glyphs,
                    const std::map<std::uint32_t, std::string>& text) {
        const std::string base = subset_tag(subset.postscript_name, glyphs) + "+" + subset.postscript_name;
        HPDF_Dict program = new_stream(std::string(subset.program.begin(), subset.program.end()));
        HPDF_Dict descriptor = new_object();
        HPDF_Dict cid = new_object();
        HPDF_Dict type0 = new_object();
        HPDF_Dict to_unicode = new_stream(to_unicode_cmap(text));
        if (!program || !descriptor || !cid || !type0 || !to_unicode) return nullptr;
        HPDF_Dict_AddNumber(program, "Length1", HPDF_INT32(subset.program.size()));

        HPDF_Dict_AddName(descriptor, "Type", "FontDescriptor");
        HPDF_Dict_AddName(descriptor, "FontName", base.c_str());
        HPDF_Dict_AddNumber(descriptor, "Flags", 4 | (subset.fixed_pitch ? 1 : 0));  // symbolic: glyphs by id
        HPDF_Array bbox = HPDF_Array_New(pdf_->mmgr);
        for (int v : subset.bbox) HPDF_Array_AddNumber(bbox, v);
        HPDF_Dict_Add(descriptor, "FontBBox", bbox);
        HPDF_Dict_AddReal(descriptor, "ItalicAngle", HPDF_REAL(subset.italic_angle));
        HPDF_Dict_AddNumber(descriptor, "Ascent", subset.ascent);
        HPDF_Dict_AddNumber(descriptor, "Descent", subset.descent);
        HPDF_Dict_AddNumber(descriptor, "CapHeight", subset.cap_height);
        HPDF_Dict_AddNumber(descriptor, "StemV", 80);
        HPDF_Dict_Add(descriptor, "FontFile2", program);

        HPDF_Dict_AddName(cid, "Type", "Font");
        HPDF_Dict_AddName(cid, "Subtype", "CIDFontType2");
        HPDF_Dict_AddName(cid, "BaseFont", base.c_str());
        HPDF_Dict system = HPDF_Dict_New(pdf_->mmgr);
        HPDF_Dict_Add(system, "Registry", HPDF_String_New(pdf_->mmgr, "Adobe", nullptr));
        HPDF_Dict_Add(system, "Ordering", HPDF_String_New(pdf_->mmgr, "Identity", nullptr));
        HPDF_Dict_AddNumber(system, "Supplement", 0);
        HPDF_Dict_Add(cid, "CIDSystemInfo", system);
        HPDF_Dict_Add(cid, "FontDescriptor", descriptor);
        HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
        HPDF_Dict_AddNumber(cid, "DW", 0);
        // /W as runs of consecutive glyph ids: [first [w w w] first [w] …]
        HPDF_Array widths = HPDF_Array_New(pdf_->mmgr);
        const auto& w = subset.widths;
        for (auto it = w.begin(); it != w.end();) {
            HPDF_Array_AddNumber(widths, HPDF_INT32(it->first));
            HPDF_Array run = HPDF_Array_New(pdf_->mmgr);
            std::uint32_t next = it->first;
            for (; it != w.end() && it->first == next; ++it, ++next) HPDF_Array_AddNumber(run, it->second);
            HPDF_Array_Add(widths, run);
        }
        HPDF_Dict_Add(cid, "W", widths);

        HPDF_Dict_AddName(type0, "Type", "Font");
        HPDF_Dict_AddName(type0, "Subtype", "Type0");
        HPDF_Dict_AddName(type0, "BaseFont", base.c_str());
        HPDF_Dict_AddName(type0, "Encoding", "Identity-H");
        HPDF_Array descendants = HPDF_Array_New(pdf_->mmgr);
        HPDF_Array_Add(descendants, cid);
        HPDF_Dict_Add(type0, "DescendantFonts", descendants);
        HPDF_Dict_Add(type0, "ToUnicode", to_unicode);
        return ok() ? type0 : nullptr;
    }

    // Glyph ids → the text each stands for, so copying and search (and pdf.js, which ignores ActualText) get the
    // Thai back, lowered tone marks and presentation forms included.
    static std::string to_unicode_cmap(const std::map<std::uint32_t, std::string>& text) {
        std::string cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        std::vector<std::pair<std::uint32_t, std::string>> entries;
        for (const auto& [gid, t] : text)
            if (!t.empty()) entries.emplace_back(gid, t);
        for (std::size_t i = 0; i < entries.size(); i += 100) {
            const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
            cmap += std::to_string(n) + " beginbfchar\n";
            char code[8];
            for (std::size_t k = i; k < i + n; ++k) {
                std::snprintf(code, sizeof code, "<%04X>", entries[k].first);
                cmap += std::string(code) + " <" + hex_utf16(entries[k].second) + ">\n";
            }
            cmap += "endbfchar\n";
        }
        return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    }

    static HPDF_Stream content(HPDF_Page page) { return static_cast<HPDF_PageAttr>(page->attr)->stream; }

    HPDF_Page write_page(const layout::Page& p) {
        HPDF_Page page = HPDF_AddPage(pdf_);
        if (!page) return nullptr;
        HPDF_Page_SetWidth(page, HPDF_REAL(p.width_pt));
        HPDF_Page_SetHeight(page, HPDF_REAL(p.height_pt));
        write_rules(page, p);
        for (const auto& image : p.images) write_image(page, image);
        for (const auto& run : p.runs) write_run(page, run);
        return page;
    }

    void write_rules(HPDF_Page page, const layout::Page& p) {
        for (const auto& r : p.rules) {
            HPDF_Page_SetLineWidth(page, HPDF_REAL(r.width_pt));
            if (r.dotted) {
                const HPDF_UINT16 dots[] = {1, 2};
                HPDF_Page_SetDash(page, dots, 2, 0);
            } else {
                HPDF_Page_SetDash(page, nullptr, 0, 0);
            }
            HPDF_Page_MoveTo(page, HPDF_REAL(r.x1), HPDF_REAL(r.y1));
            HPDF_Page_LineTo(page, HPDF_REAL(r.x2), HPDF_REAL(r.y2));
            HPDF_Page_Stroke(page);
        }
        if (!p.rules.empty()) HPDF_Page_SetDash(page, nullptr, 0, 0);
    }

    // Loads each picture once; PNG or JPEG by its signature, not its name.
    HPDF_Image load_image(const std::string& path) {
        auto it = images_.find(path);
        if (it != images_.end()) return it->second;
        unsigned char magic[4] = {0, 0, 0, 0};
        if (FILE* f = std::fopen(path.c_str(), "rb")) {
            if (std::fread(magic, 1, 4, f) != 4) magic[0] = 0;
            std::fclose(f);
        } else {
            error_ = path + ": ไม่พบไฟล์ภาพ (image not found)";
            return nullptr;
        }
        HPDF_Image image = nullptr;
        if (magic[0] == 0x89 && magic[1] == 'P' && magic[2] == 'N' && magic[3] == 'G') image = HPDF_LoadPngImageFromFile(pdf_, path.c_str());
        else if (magic[0] == 0xFF && magic[1] == 0xD8) image = HPDF_LoadJpegImageFromFile(pdf_, path.c_str());
        if (!image && error_.empty()) error_ = path + ": ภาพต้องเป็น PNG หรือ JPEG (the image must be a PNG or JPEG file)";
        images_[path] = image;
        return image;
    }

    void write_image(HPDF_Page page, const layout::Image& box) {
        HPDF_Image image = load_image(box.path);
        if (!image) return;
        const double w = HPDF_Image_GetWidth(image), h = HPDF_Image_GetHeight(image);
        if (w <= 0 || h <= 0) return;
        const double scale = std::min(box.width / w, box.height / h);
        HPDF_Page_DrawImage(page, image, HPDF_REAL(box.x), HPDF_REAL(box.y), HPDF_REAL(w * scale), HPDF_REAL(h * scale));
    }

    // One word: a Span with its ActualText, one text object, one TJ per font and rise, glyphs placed exactly by
    // adjusting the pen from the PDF widths (libharu's W array), not HarfBuzz advances.
    void write_run(HPDF_Page page, const layout::GlyphRun& run) {
        if (run.glyphs.empty()) return;
        HPDF_Stream out = content(page);
        std::string span = "/Span <</ActualText <FEFF" + hex_utf16(run.text) + ">>> BDC\n";
        HPDF_Stream_WriteStr(out, span.c_str());
        HPDF_Page_BeginText(page);
        HPDF_Page_SetTextMatrix(page, 1, 0, 0, 1, HPDF_REAL(run.glyphs.front().x), HPDF_REAL(run.glyphs.front().baseline));
        double pen = run.glyphs.front().x;
        int current_font = -1;
        double current_rise = 0;
        std::string tj;
        auto flush = [&] {
            if (!tj.empty()) HPDF_Stream_WriteStr(out, ("[" + tj + "] TJ\n").c_str());
            tj.clear();
        };
        for (const auto& g : run.glyphs) {
            const EmbeddedFont& font = fonts_[g.font];
            if (g.gid == 0 || !font.dict) continue;
            if (g.font != current_font) {
                flush();
                const char* name = HPDF_Page_GetLocalFontName(page, font.dict);
                if (!name) return;
                HPDF_Stream_WriteStr(out, ("/" + std::string(name) + " " + number(run.size_pt) + " Tf\n").c_str());
                current_font = g.font;
            }
            const double rise = g.y - g.baseline;
            if (std::fabs(rise - current_rise) > 1e-6) {
                flush();
                HPDF_Stream_WriteStr(out, (number(rise) + " Ts\n").c_str());
                current_rise = rise;
            }
            const double adjust = -(g.x - pen) * 1000.0 / run.size_pt;
            const std::string adjust_text = number(adjust);
            if (adjust_text != "0") {
                tj += adjust_text;
                pen -= std::stod(adjust_text) * run.size_pt / 1000.0;
            }
            tj += '<';
            append_hex4(tj, g.gid);
            tj += '>';
            // The pen moves by the width written in /W, not HarfBuzz's advance: positions stay exact.
            const auto w = font.widths.find(g.gid);
            pen += (w == font.widths.end() ? 0 : w->second) * run.size_pt / 1000.0;
        }
        flush();
        if (current_rise != 0) HPDF_Stream_WriteStr(out, "0 Ts\n");
        HPDF_Page_EndText(page);
        HPDF_Stream_WriteStr(out, "EMC\n");
    }

    // Title and author as UTF-16BE text strings (libharu's info setter would pass UTF-8 bytes through).
    void write_info() {
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_PRODUCER, "saraban");
        HPDF_Dict info = pdf_->info;
        if (!info) return;
        auto add_text = [&](const char* key, const std::string& value) {
            if (value.empty()) return;
            std::vector<HPDF_BYTE> bytes = {0xFE, 0xFF};
            for (unsigned u : utf16(value)) {
                bytes.push_back(HPDF_BYTE(u >> 8));
                bytes.push_back(HPDF_BYTE(u & 0xFF));
            }
            HPDF_Dict_Add(info, key, HPDF_Binary_New(pdf_->mmgr, bytes.data(), HPDF_UINT(bytes.size())));
        };
        add_text("Title", doc_.title);
        add_text("Author", doc_.author);
        // The document's language, for screen readers and search.
        if (!doc_.language.empty())
            HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, doc_.language.c_str(), nullptr));
    }

    std::vector<unsigned char> save() {
        if (HPDF_SaveToStream(pdf_) != HPDF_OK) return {};
        HPDF_ResetStream(pdf_);
        std::vector<unsigned char> bytes;
        HPDF_BYTE buf[65536];
        for (;;) {
            HPDF_UINT32 size = sizeof buf;
            HPDF_STATUS st = HPDF_ReadFromStream(pdf_, buf, &size);
            bytes.insert(bytes.end(), buf, buf + size);
            if (st == HPDF_STREAM_EOF || size == 0) break;
            if (st != HPDF_OK) return {};
        }
        return bytes;
    }

    const layout::LaidOutDocument& doc_;
    PdfOptions options_;
    HPDF_Doc pdf_ = nullptr;
    ErrorState errors_;
    std::string error_;
    std::vector<EmbeddedFont> fonts_;
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Image> images_;
};

}  // namespace

PdfResult render_pdf(const layout::LaidOutDocument& document, const PdfOptions& options) {
    return Writer(document, options).run();
}

}  // namespace saraban::render
