#include "render/pdf/pdf_writer.h"

#include <hpdf.h>
// libharu 2.3.0 has no public TJ, marked content, raw content write or glyph-id font; these internal headers
// (shipped by libhpdf-dev) give the page's content stream and the object API the fonts are built with.
#include <hpdf_doc.h>
#include <hpdf_objects.h>
#include <hpdf_pages.h>

#include "render/pdf/detail/flate.h"
#include "render/pdf/detail/image_file.h"
#include "render/pdf/font_subset.h"
#include "text/utf8.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <deque>
#include <map>
#include <memory>
#include <set>
#include <string>
#include <string_view>

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

// llround without the call into libm (a few hundred thousand a document): halves away from zero, exactly as
// llround, since x - trunc(x) is exact for any |x| under 2^52.
long long round_half_away(double x) {
    const auto whole = static_cast<long long>(x);
    const double fraction = x - static_cast<double>(whole);
    return fraction >= 0.5 ? whole + 1 : fraction <= -0.5 ? whole - 1 : whole;
}

// Four upper-case hex digits: glyph codes and UTF-16 units (snprintf was a visible part of the PDF time).
void append_hex4(std::string& out, unsigned v) {
    static const char digits[] = "0123456789ABCDEF";
    for (int shift = 12; shift >= 0; shift -= 4) out += digits[(v >> shift) & 0xF];
}

// A length in thousandths of a point (or of a text-space unit): positions are rounded once, to what the file
// says, so that relative moves add up exactly.
long long milli(double v) { return round_half_away(v * 1000.0); }

// A thousandths value as a PDF number, "-12.5", "0.125", "3", written at p (24 bytes at most); returns the end.
// std::to_chars: printf's locale-aware path was a tenth of the PDF time.
char* put_milli(char* p, long long v) {
    if (v < 0) {
        *p++ = '-';
        v = -v;
    }
    p = std::to_chars(p, p + 20, v / 1000).ptr;
    // The fraction's three digits, without the trailing zeros (divisions by constants: no divide instruction).
    const int frac = int(v % 1000);
    if (frac != 0) {
        *p++ = '.';
        *p++ = char('0' + frac / 100);
        if (frac % 100 != 0) {
            *p++ = char('0' + frac / 10 % 10);
            if (frac % 10 != 0) *p++ = char('0' + frac % 10);
        }
    }
    return p;
}

void append_milli(std::string& out, long long v) {
    char buf[24];
    out.append(buf, std::size_t(put_milli(buf, v) - buf));
}

// The text of a content stream, written through a cursor. A page's words go in a few bytes at a time, and
// std::string::append cost a call, and a call to memcpy, for each piece; here room is made once for a piece of
// known greatest size (room()) and the bytes are stored directly. The string is cut back to what was written when
// the writer goes.
class ContentWriter {
public:
    explicit ContentWriter(std::string& out) : out_(out), used_(out.size()) {}
    ~ContentWriter() { out_.resize(used_); }
    ContentWriter(const ContentWriter&) = delete;
    ContentWriter& operator=(const ContentWriter&) = delete;

    // Room for n more bytes: every write must fit in the room last made.
    void room(std::size_t n) {
        if (out_.size() - used_ < n) out_.resize(std::max(2 * out_.size(), used_ + n));
    }
    void put(char c) { out_[used_++] = c; }
    template <std::size_t N>
    void put(const char (&text)[N]) {
        std::memcpy(&out_[used_], text, N - 1);
        used_ += N - 1;
    }
    void put(std::string_view text) {
        std::memcpy(&out_[used_], text.data(), text.size());
        used_ += text.size();
    }
    void milli(long long v) { used_ = std::size_t(put_milli(&out_[used_], v) - out_.data()); }
    // Two bytes (a glyph id, a UTF-16 unit) of a literal string, 4 bytes at most: raw, but for the delimiters and
    // the backslash, and line ends (which a reader would read back as a plain LF). Half the size of hex, so half
    // the bytes to deflate.
    void literal_u16(unsigned v) {
        literal_byte((v >> 8) & 0xFF);
        literal_byte(v & 0xFF);
    }

private:
    void literal_byte(unsigned char b) {
        switch (b) {
        case '(': case ')': case '\\': out_[used_++] = '\\'; out_[used_++] = char(b); break;
        case '\n': out_[used_++] = '\\'; out_[used_++] = 'n'; break;
        case '\r': out_[used_++] = '\\'; out_[used_++] = 'r'; break;
        default: out_[used_++] = char(b);
        }
    }

    std::string& out_;
    std::size_t used_;
};

void append_number(std::string& out, double v) { append_milli(out, milli(v)); }

// Streams whose bytes are already Flate-compressed: libharu has no way to take them (it deflates what it is given
// at a fixed level, and drops a /Filter it did not add), so the key is written by the dictionary's write hook.
HPDF_STATUS write_flate_filter(HPDF_Dict, HPDF_Stream stream) {
    return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

}  // namespace

// A font as every document using these glyphs embeds it: shared through PdfCache.
struct PdfCache::EmbeddedFont {
    FontSubset metrics;               // program moved out into the stream below
    std::string base_name;            // "ABCDEF+Laksaman"
    std::string program;              // the FontFile2 stream's bytes (compressed when the document is)
    std::size_t program_length = 0;   // /Length1: the program's own size
    std::string to_unicode;           // the ToUnicode stream's bytes
    std::vector<int> width_by_gid;    // 1/1000 em, as written in /W; the pen advances by these
    // A glyph standing for another text than its id's ToUnicode entry (the ring of ำ) is written with a code of
    // its own past the glyph ids (an alias), mapped to the glyph by the CIDToGIDMap stream below.
    std::map<std::pair<std::uint32_t, char32_t>, std::uint32_t> alias_codes;
    std::string cid_to_gid;  // the CIDToGIDMap stream's bytes; empty: /Identity (no aliases)
    bool compressed = false;
};

std::shared_ptr<const PdfCache::EmbeddedFont> PdfCache::find(const std::string& key) const {
    auto it = fonts_.find(key);
    return it == fonts_.end() ? nullptr : it->second;
}

std::shared_ptr<const PdfCache::EmbeddedFont> PdfCache::add(std::string key,
                                                            std::shared_ptr<const EmbeddedFont> font) {
    if (fonts_.size() >= max_fonts_ && !order_.empty()) {
        fonts_.erase(order_.front());
        order_.erase(order_.begin());
    }
    order_.push_back(key);
    return fonts_.insert_or_assign(std::move(key), std::move(font)).first->second;
}

// A page's content stream as a document wrote it: the bytes (compressed when that document's were) and the fonts
// it names, by index into the document's fonts, in the order it first names them (which gives them their page
// names, /F1, /F2, …).
struct PdfCache::PageContent {
    std::string key;        // what it was written from: page_key()
    std::string bytes;
    std::vector<int> fonts;
};

// Keys are compared, not hashed: a few dozen pages are kept, keys of different pages nearly always differ in
// size, and hashing each ~60 KB key cost more than comparing it with every page kept.
std::shared_ptr<const PdfCache::PageContent> PdfCache::kept_page(const std::string& key) const {
    for (const auto& page : pages_)
        if (page->key == key) return page;
    return nullptr;
}

std::shared_ptr<const PdfCache::PageContent> PdfCache::find_page(const std::string& key) const {
    auto page = kept_page(key);
    if (page) ++page_hits_;
    return page;
}

void PdfCache::add_page(std::shared_ptr<const PageContent> page) {
    if (max_pages_ == 0 || kept_page(page->key)) return;  // a page of the same key stays: the first one kept
    if (pages_.size() >= max_pages_) pages_.pop_front();
    pages_.push_back(std::move(page));
}

namespace {

// Everything a page's content stream is written from, as bytes: two pages with the same key get the same stream.
// The fonts are named by their files (a glyph id means the same glyph, with the same width, in any document using
// that file); positions are kept exact, not rounded as the stream writes them.
std::string page_key(const layout::LaidOutDocument& doc, const layout::Page& p, bool compress) {
    // Glyphs go in as their bytes, whole arrays at a time: the key costs a fraction of writing the page.
    static_assert(sizeof(layout::PlacedGlyph) == 4 * sizeof(std::uint32_t) + 3 * sizeof(double),
                  "PlacedGlyph has padding, whose bytes would make equal glyphs differ");
    std::string key;
    auto put = [&key](const auto& value) { key.append(reinterpret_cast<const char*>(&value), sizeof value); };
    auto put_text = [&](const std::string& text) {
        put(text.size());
        key += text;
    };
    std::size_t size = 64 + p.rules.size() * sizeof(layout::Rule);
    for (const auto& run : p.runs) size += 32 + run.text.size() + run.glyphs.size() * sizeof(layout::PlacedGlyph);
    key.reserve(size);
    key += compress ? 'z' : 'n';
    put(doc.fonts.size());
    for (const auto& font : doc.fonts) put_text(font.path);
    put(p.runs.size());
    for (const auto& run : p.runs) {
        put(run.size_pt);
        key += run.right_to_left ? 'r' : 'l';
        put_text(run.text);
        put(run.glyphs.size());
        key.append(reinterpret_cast<const char*>(run.glyphs.data()), run.glyphs.size() * sizeof(layout::PlacedGlyph));
    }
    put(p.rules.size());
    for (const auto& r : p.rules) {
        put(r.x1), put(r.y1), put(r.x2), put(r.y2), put(r.width_pt);
        key += r.dotted ? '1' : '0';
    }
    return key;
}

// A stream's bytes as libharu reads them when saving (HPDF_CallbackReader_New's callbacks): HPDF_Stream_WriteToStream
// seeks to 0 and reads 4 KB at a time until HPDF_STREAM_EOF.
struct ByteReader {
    const std::string* bytes;
    std::size_t at;

    static ByteReader& of(HPDF_Stream stream) { return *static_cast<ByteReader*>(stream->attr); }
    static HPDF_STATUS read(HPDF_Stream stream, HPDF_BYTE* out, HPDF_UINT* size) {
        ByteReader& r = of(stream);
        const std::size_t n = std::min<std::size_t>(*size, r.bytes->size() - r.at);  // seek keeps at <= size
        if (n > 0) std::memcpy(out, r.bytes->data() + r.at, n);
        r.at += n;
        const bool short_read = n < *size;
        *size = HPDF_UINT(n);
        return short_read ? HPDF_STREAM_EOF : HPDF_OK;
    }
    static HPDF_STATUS seek(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
        ByteReader& r = of(stream);
        const long long base = mode == HPDF_SEEK_SET ? 0 : mode == HPDF_SEEK_CUR ? (long long)r.at
                                                                                : (long long)r.bytes->size();
        const long long to = base + pos;
        if (to < 0 || to > (long long)r.bytes->size()) return HPDF_STREAM_EOF;
        r.at = std::size_t(to);
        return HPDF_OK;
    }
    static HPDF_INT32 tell(HPDF_Stream stream) { return HPDF_INT32(of(stream).at); }
    static HPDF_UINT32 size(HPDF_Stream stream) { return HPDF_UINT32(of(stream).bytes->size()); }
};

class Writer {
public:
    Writer(const layout::LaidOutDocument& doc, const PdfOptions& options) : doc_(doc), options_(options) {}
    ~Writer() {
        if (pdf_) HPDF_Free(pdf_);  // run() frees it; here only when something threw on the way
    }
    Writer(const Writer&) = delete;
    Writer& operator=(const Writer&) = delete;

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
            result.error = error_.empty() ? buf : errors_.status == HPDF_OK ? error_ : error_ + " (" + buf + ")";
            result.bytes.clear();
        }
        HPDF_Free(pdf_);
        pdf_ = nullptr;
        return result;
    }

private:
    bool ok() const { return errors_.status == HPDF_OK && error_.empty(); }

    void write_document() {
        // Content, font and ToUnicode streams come compressed from here; libharu compresses only pictures.
        if (options_.compress) HPDF_SetCompressionMode(pdf_, HPDF_COMP_IMAGE);
        make_fonts();
        for (const auto& page : doc_.pages) {
            if (!ok()) return;
            pages_.push_back(write_page(page));
        }
        if (!ok()) return;
        write_info();
        write_outline();
    }

    // A PDF text string: UTF-16BE with its byte order mark (libharu would pass UTF-8 bytes through, and its UTF-8
    // encoder costs a 384 KB table for every document).
    HPDF_Binary text_string(const std::string& value) {
        std::vector<HPDF_BYTE> bytes = {0xFE, 0xFF};
        text::for_each_utf16(value, [&](unsigned u) {
            bytes.push_back(HPDF_BYTE(u >> 8));
            bytes.push_back(HPDF_BYTE(u & 0xFF));
        });
        return HPDF_Binary_New(pdf_->mmgr, bytes.data(), HPDF_UINT(bytes.size()));
    }

    // Bookmarks: the memo, and under it each attachment, each opening its first page.
    void write_outline() {
        if (doc_.outline.empty()) return;
        std::vector<HPDF_Outline> parents;  // the last entry made at each level
        for (const auto& entry : doc_.outline) {
            if (entry.page >= pages_.size()) continue;
            const std::size_t level = std::min<std::size_t>(std::size_t(std::max(entry.level, 0)), parents.size());
            HPDF_Outline parent = level == 0 ? nullptr : parents[level - 1];
            HPDF_Outline outline = HPDF_CreateOutline(pdf_, parent, "", nullptr);
            if (!outline) return;
            HPDF_Dict_Add(outline, "Title", text_string(entry.title));
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
    struct DocumentFont {
        HPDF_Dict dict = nullptr;                      // the Type0 font, registered in pages' resources
        const PdfCache::EmbeddedFont* data = nullptr;  // its streams, widths and metrics
        double width(std::uint32_t gid) const {
            return gid < data->width_by_gid.size() ? data->width_by_gid[gid] : 0;
        }
        // The code a glyph is written with: its id, or its alias when it stands for other text (see make_fonts).
        std::uint32_t code(const layout::PlacedGlyph& g) const {
            if (data->alias_codes.empty()) return g.gid;
            const auto it = data->alias_codes.find({g.gid, g.character});
            return it == data->alias_codes.end() ? g.gid : it->second;
        }
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

    // A stream object holding bytes as they go into the file (compressed: they are Flate data already); they are
    // read_from() when the document is saved, so they must stay until then.
    HPDF_Dict new_stream(const std::string& bytes, bool compressed) {
        HPDF_Dict d = HPDF_DictStream_New(pdf_->mmgr, pdf_->xref);
        if (!d || !read_from(d, bytes)) return nullptr;
        if (compressed) d->write_fn = write_flate_filter;
        return d;
    }

    // Gives a stream object's dict a stream that libharu reads from bytes when it saves the document, in place of
    // the empty memory stream it was made with: writing the bytes into that would copy them in one at a time, and
    // saving would copy them out again the same way (HPDF_MemCpy: a tenth of the PDF stage's instructions).
    bool read_from(HPDF_Dict dict, const std::string& bytes) {
        ByteReader* reader = &readers_.emplace_back(ByteReader{&bytes, 0});
        HPDF_Stream stream = HPDF_CallbackReader_New(pdf_->mmgr, ByteReader::read, ByteReader::seek, ByteReader::tell,
                                                     ByteReader::size, reader);
        if (!stream) return false;
        HPDF_Stream_Free(dict->stream);
        dict->stream = stream;
        return true;
    }

    std::string maybe_flate(const std::string& bytes) const { return options_.compress ? detail::flate(bytes) : bytes; }

    void make_fonts() {
        // Per font, by glyph id: the first character the glyph stands for (flat arrays: a memo has ~20,000 glyphs,
        // and a tree insert for each was a visible part of the PDF time).
        std::vector<std::vector<char32_t>> first_character(doc_.fonts.size());
        // Glyphs met again standing for another text: the ring of ำ (nothing) is the glyph of a real ◌ํ.
        std::vector<std::set<std::pair<std::uint32_t, char32_t>>> aliased(doc_.fonts.size());
        for (const auto& page : doc_.pages)
            for (const auto& run : page.runs)
                for (const auto& g : run.glyphs) {
                    if (g.gid == 0) continue;
                    if (g.font < 0 || g.font >= int(doc_.fonts.size())) {
                        error_ = "layout referenced an unknown font";
                        return;
                    }
                    auto& characters = first_character[g.font];
                    if (g.gid >= characters.size()) characters.resize(g.gid + 1, kUnused);
                    if (characters[g.gid] == kUnused) characters[g.gid] = g.character;
                    else if (characters[g.gid] != g.character)
                        aliased[g.font].emplace(g.gid, g.character);
                }
        fonts_.assign(doc_.fonts.size(), {});
        for (std::size_t index = 0; index < first_character.size(); ++index) {
            std::set<std::uint32_t> glyphs;
            std::map<std::uint32_t, char32_t> text;
            for (std::uint32_t gid = 0; gid < first_character[index].size(); ++gid) {
                if (first_character[index][gid] == kUnused) continue;
                glyphs.insert(glyphs.end(), gid);
                text.emplace_hint(text.end(), gid, first_character[index][gid]);
            }
            if (glyphs.empty()) continue;
            const PdfCache::EmbeddedFont* data = embedded_font(doc_.fonts[index].path, glyphs, text, aliased[index]);
            if (!data) return;
            DocumentFont& font = fonts_[index];
            font.data = data;
            note_aliases(index, *data);
            font.dict = embed(*data);
            if (!font.dict && error_.empty()) error_ = doc_.fonts[index].path + ": cannot embed the font";
        }
    }
    static constexpr char32_t kUnused = 0xFFFFFFFF;  // a glyph id no glyph of the document has

    // A page's stream writes each glyph by its code, and which text of a glyph gets an alias code depends on the
    // whole document (the text it stands for first): a page cached from another document may only be reused by a
    // document whose codes are the same, so the codes go into the page's key. Most documents have no alias, and
    // their codes are the glyph ids: nothing is added.
    void note_aliases(std::size_t font, const PdfCache::EmbeddedFont& data) {
        if (data.alias_codes.empty()) return;
        auto put = [this](const auto& value) {
            alias_signature_.append(reinterpret_cast<const char*>(&value), sizeof value);
        };
        put(font);
        for (const auto& [glyph, code] : data.alias_codes) {
            put(glyph.first);
            put(glyph.second);
            put(code);
        }
    }

    // A font the document uses, held until it is saved (its streams are read from it then).
    const PdfCache::EmbeddedFont* hold(std::shared_ptr<const PdfCache::EmbeddedFont> font) {
        return held_fonts_.emplace_back(std::move(font)).get();
    }

    // The font's embedded form, from the cache when an earlier document used the same glyphs for the same text.
    const PdfCache::EmbeddedFont* embedded_font(const std::string& path, const std::set<std::uint32_t>& glyphs,
                                                const std::map<std::uint32_t, char32_t>& text,
                                                const std::set<std::pair<std::uint32_t, char32_t>>& aliased) {
        std::string key = path;
        key += options_.compress ? '\1' : '\2';  // compressed or not: other stream bytes
        auto put = [&key](std::uint32_t gid, char32_t c) {
            key.append(reinterpret_cast<const char*>(&gid), sizeof gid);
            key.append(reinterpret_cast<const char*>(&c), sizeof c);
        };
        for (const auto& [gid, c] : text) put(gid, c);
        key += '\3';
        for (const auto& [gid, c] : aliased) put(gid, c);
        if (options_.cache)
            if (auto hit = options_.cache->find(key)) return hold(std::move(hit));

        auto font = std::make_shared<PdfCache::EmbeddedFont>();
        font->metrics = subset_font(path, glyphs);
        if (!font->metrics.error.empty()) {
            error_ = font->metrics.error;
            return nullptr;
        }
        const std::string& name = font->metrics.postscript_name;
        font->base_name = subset_tag(name, glyphs) + "+" + name;
        font->program_length = font->metrics.program.size();
        font->program = maybe_flate(std::string(font->metrics.program.begin(), font->metrics.program.end()));
        font->metrics.program = {};
        const auto& w = font->metrics.widths;
        font->width_by_gid.assign(w.empty() ? 0 : w.rbegin()->first + 1, 0);
        for (const auto& [gid, width] : w) font->width_by_gid[gid] = width;
        std::map<std::uint32_t, char32_t> code_text = text;
        add_aliases(*font, aliased, code_text);
        font->to_unicode = maybe_flate(to_unicode_cmap(code_text));
        font->compressed = options_.compress;
        if (options_.cache) return hold(options_.cache->add(std::move(key), std::move(font)));
        return hold(std::move(font));
    }

    // Gives each aliased glyph a code past the font's glyph ids (so that no code means two glyphs), in order, with
    // its width in /W and its text in code_text, and the CIDToGIDMap that maps codes back to glyph ids. Readers
    // of glyph codes (pdf.js, which ignores ActualText) then read the ring of ำ as nothing and its า as ำ.
    void add_aliases(PdfCache::EmbeddedFont& font, const std::set<std::pair<std::uint32_t, char32_t>>& aliased,
                     std::map<std::uint32_t, char32_t>& code_text) const {
        if (aliased.empty()) return;
        auto& widths = font.metrics.widths;
        std::uint32_t next = std::max(code_text.rbegin()->first, widths.empty() ? 0 : widths.rbegin()->first) + 1;
        if (next + aliased.size() > 0xFFFF) return;  // no two-byte code left: each glyph reads as its first text
        std::string map;                             // two bytes a code, big-endian: the glyph id
        for (std::uint32_t code = 0; code < next; ++code) map += char(code >> 8), map += char(code & 0xFF);
        for (const auto& [gid, c] : aliased) {
            font.alias_codes.emplace(std::pair{gid, c}, next);
            code_text[next] = c;
            if (auto w = widths.find(gid); w != widths.end()) widths[next] = w->second;
            map += char(gid >> 8), map += char(gid & 0xFF);
            ++next;
        }
        font.cid_to_gid = maybe_flate(map);
    }

    HPDF_Dict embed(const PdfCache::EmbeddedFont& font) {
        const FontSubset& subset = font.metrics;
        const std::string& base = font.base_name;
        HPDF_Dict program = new_stream(font.program, font.compressed);
        HPDF_Dict descriptor = new_object();
        HPDF_Dict cid = new_object();
        HPDF_Dict type0 = new_object();
        HPDF_Dict to_unicode = new_stream(font.to_unicode, font.compressed);
        if (!program || !descriptor || !cid || !type0 || !to_unicode) return nullptr;
        HPDF_Dict_AddNumber(program, "Length1", HPDF_INT32(font.program_length));

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
        if (font.cid_to_gid.empty()) {
            HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
        } else {
            HPDF_Dict map = new_stream(font.cid_to_gid, font.compressed);
            if (!map) return nullptr;
            HPDF_Dict_Add(cid, "CIDToGIDMap", map);
        }
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
    static std::string to_unicode_cmap(const std::map<std::uint32_t, char32_t>& text) {
        std::string cmap =
            "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
            "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
            "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
            "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
        // A glyph that stands for nothing (the ring of ำ) reads as U+200B, a format character: pdf.js drops it,
        // where an empty entry would make it read the code itself as a character.
        std::vector<std::pair<std::uint32_t, char32_t>> entries;
        entries.reserve(text.size());
        for (const auto& [gid, c] : text) entries.emplace_back(gid, c != 0 ? c : 0x200B);
        for (std::size_t i = 0; i < entries.size(); i += 100) {
            const std::size_t n = std::min<std::size_t>(100, entries.size() - i);
            cmap += std::to_string(n) + " beginbfchar\n";
            for (std::size_t k = i; k < i + n; ++k) {
                cmap += '<';
                append_hex4(cmap, entries[k].first);
                cmap += "> <";
                const char32_t c = entries[k].second;
                if (c >= 0xFEF5 && c <= 0xFEFC) {
                    // Lam with alef (ﻻ): both letters, in the order drawn (alef left), as readers reverse a
                    // right-to-left word's glyph texts to read it.
                    static constexpr std::uint32_t alef[] = {0x0622, 0x0623, 0x0625, 0x0627};
                    append_hex4(cmap, alef[(c - 0xFEF5) / 2]);
                    append_hex4(cmap, 0x0644);
                } else if (c < 0x10000) {
                    append_hex4(cmap, c);
                } else {  // a surrogate pair
                    append_hex4(cmap, 0xD800 | ((c - 0x10000) >> 10));
                    append_hex4(cmap, 0xDC00 | ((c - 0x10000) & 0x3FF));
                }
                cmap += ">\n";
            }
            cmap += "endbfchar\n";
        }
        return cmap + "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
    }

    // --- pages ----------------------------------------------------------------------------------------------
    // A page's content is written here, not through libharu's operators (which print every number through a
    // float-to-text routine and copy byte by byte): rules, pictures, then one text object holding every word.
    HPDF_Page write_page(const layout::Page& p) {
        HPDF_Page page = HPDF_AddPage(pdf_);
        if (!page) return nullptr;
        HPDF_Page_SetWidth(page, HPDF_REAL(p.width_pt));
        HPDF_Page_SetHeight(page, HPDF_REAL(p.height_pt));
        // Pictures are registered in the document as they are loaded: such pages are written every time.
        const bool cacheable = options_.cache && p.images.empty();
        std::string key;
        if (cacheable) {
            key = page_key(doc_, p, options_.compress) + alias_signature_;
            if (auto hit = options_.cache->find_page(key)) {
                // The page's resources name the fonts in the order the stream first used them, as when it was made.
                for (int font : hit->fonts)
                    if (!HPDF_Page_GetLocalFontName(page, fonts_[font].dict)) return font_not_named();
                put_content(page, std::move(hit));
                return page;
            }
        }
        std::string content;
        content.reserve(16384);
        write_rules(content, p);
        for (const auto& image : p.images) write_image(content, page, image);
        auto made = std::make_shared<PdfCache::PageContent>();
        made->key = std::move(key);
        if (!write_text(content, page, p, made->fonts)) return font_not_named();
        made->bytes = maybe_flate(content);
        put_content(page, made);
        if (cacheable) options_.cache->add_page(std::move(made));
        return page;
    }

    HPDF_Page font_not_named() {
        if (error_.empty()) error_ = "libharu: cannot add a font to a page's resources";
        return nullptr;
    }

    void put_content(HPDF_Page page, std::shared_ptr<const PdfCache::PageContent> content) {
        auto* attr = static_cast<HPDF_PageAttr>(page->attr);
        const std::string& bytes = held_pages_.emplace_back(std::move(content))->bytes;
        // The page's contents dict and the page hold the same stream: both get the reader.
        if (read_from(attr->contents, bytes)) attr->stream = attr->contents->stream;
        if (options_.compress) attr->contents->write_fn = write_flate_filter;
    }

    static void write_rules(std::string& out, const layout::Page& p) {
        long long width = -1;
        bool dotted = false;
        for (const auto& r : p.rules) {
            if (milli(r.width_pt) != width) {
                width = milli(r.width_pt);
                append_milli(out, width);
                out += " w\n";
            }
            if (r.dotted != dotted) {
                dotted = r.dotted;
                out += dotted ? "[1 2] 0 d\n" : "[] 0 d\n";
            }
            for (double v : {r.x1, r.y1}) append_number(out, v), out += ' ';
            out += "m ";
            for (double v : {r.x2, r.y2}) append_number(out, v), out += ' ';
            out += "l S\n";
        }
        if (dotted) out += "[] 0 d\n";
    }

    // Loads each picture once; PNG or JPEG by its signature, not its name. A PNG goes in as decoded samples (and
    // a soft mask for its opacity), a JPEG as it is: see detail/image_file.h for what libharu's loaders got wrong.
    HPDF_Image load_image(const std::string& path) {
        auto it = images_.find(path);
        if (it != images_.end()) return it->second;
        HPDF_Image image = nullptr;
        if (auto data = detail::read_image(path, error_)) image = image_from(*data);
        images_[path] = image;
        return image;
    }

    HPDF_Image image_from(const detail::ImageData& data) {
        if (data.jpeg) return HPDF_LoadJpegImageFromMem(pdf_, data.samples.data(), HPDF_UINT(data.samples.size()));
        const HPDF_ColorSpace space = data.color ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY;
        HPDF_Image image = HPDF_LoadRawImageFromMem(pdf_, data.samples.data(), data.width, data.height, space, 8);
        if (!image || data.alpha.empty()) return image;
        HPDF_Image mask =
            HPDF_LoadRawImageFromMem(pdf_, data.alpha.data(), data.width, data.height, HPDF_CS_DEVICE_GRAY, 8);
        if (!mask || HPDF_Image_AddSMask(image, mask) != HPDF_OK) return nullptr;
        if (pdf_->pdf_version < HPDF_VER_14) pdf_->pdf_version = HPDF_VER_14;  // soft masks came with PDF 1.4
        return image;
    }

    void write_image(std::string& out, HPDF_Page page, const layout::Image& box) {
        HPDF_Image image = load_image(box.path);
        if (!image) return;
        const double w = HPDF_Image_GetWidth(image), h = HPDF_Image_GetHeight(image);
        if (w <= 0 || h <= 0) return;
        const char* name = HPDF_Page_GetXObjectName(page, image);  // registers it in the page's resources
        if (!name) return;
        const double scale = std::min(box.width / w, box.height / h);
        out += "q ";
        append_number(out, w * scale);
        out += " 0 0 ";
        append_number(out, h * scale);
        out += ' ';
        append_number(out, box.x);
        out += ' ';
        append_number(out, box.y);
        out += " cm /";
        out += name;
        out += " Do Q\n";
    }

    // Every word of the page: a Span with its ActualText (a left-to-right word's) around a move to the word's
    // origin (Td, from the last word's) and its glyphs in TJ (both as literal strings of raw bytes), placed exactly
    // by adjusting the pen from the widths written in /W, not HarfBuzz's advances. The font and size are set only
    // when they change.
    // fonts_named gets the fonts the page names, in the order it first names them. False when libharu cannot add
    // a font to the page's resources.
    bool write_text(std::string& out, HPDF_Page page, const layout::Page& p, std::vector<int>& fonts_named) {
        if (p.runs.empty()) return true;
        std::vector<const char*> local_names(fonts_.size(), nullptr);
        long long line_x = 0, line_y = 0;  // the text line matrix's origin, in thousandths of a point
        int current_font = -1;
        long long current_size = -1;
        ContentWriter w(out);
        w.room(3);
        w.put("BT\n");
        for (const auto& run : p.runs) {
            if (run.glyphs.empty()) continue;
            // The Span and the move: 21 + 4 + 8 bytes around the text (at most one UTF-16 unit, so 4 bytes, for
            // each byte of UTF-8), then two numbers and 5 bytes.
            w.room(33 + 4 * run.text.size() + 2 * 24 + 5);
            // A right-to-left word has none: poppler spreads an ActualText over the word's box left to right, then
            // reverses right-to-left text as drawn, and so gave the word backwards. Its glyphs' letters, drawn
            // right to left, come back in logical order from poppler and pdf.js alike.
            if (!run.right_to_left) {
                w.put("/Span <</ActualText (");
                w.literal_u16(0xFEFF);
                text::for_each_utf16(run.text, [&w](unsigned u) { w.literal_u16(u); });
                w.put(")>> BDC\n");
            }
            const long long x = milli(run.glyphs.front().x), y = milli(run.glyphs.front().baseline);
            w.milli(x - line_x);
            w.put(' ');
            w.milli(y - line_y);
            w.put(" Td\n");
            line_x = x, line_y = y;
            // The pen, in thousandths of a point from the run's origin, as the reader will compute it.
            double pen = double(x) / 1000.0;
            long long rise = 0;
            bool in_tj = false, in_string = false;
            auto close_tj = [&] {  // 6 bytes at most
                if (in_string) w.put(')');
                if (in_tj) w.put("] TJ\n");
                in_tj = in_string = false;
            };
            const long long size = milli(run.size_pt);
            for (const auto& g : run.glyphs) {
                const DocumentFont& font = fonts_[g.font];
                if (g.gid == 0 || !font.dict) continue;
                // A glyph writes at most: a closed TJ (6), a rise (24 + 4), an opened TJ (1), an adjustment
                // (1 + 24), an opened string (1) and its two bytes (4); a change of font is made room for below.
                w.room(6 + 28 + 1 + 25 + 1 + 4);
                if (g.font != current_font || size != current_size) {
                    close_tj();
                    if (!local_names[g.font]) {
                        local_names[g.font] = HPDF_Page_GetLocalFontName(page, font.dict);
                        if (!local_names[g.font]) return false;
                        fonts_named.push_back(g.font);
                    }
                    const std::string_view name = local_names[g.font];
                    w.room(1 + name.size() + 1 + 24 + 4 + 28 + 1 + 25 + 1 + 4);
                    w.put('/');
                    w.put(name);
                    w.put(' ');
                    w.milli(size);
                    w.put(" Tf\n");
                    current_font = g.font;
                    current_size = size;
                }
                const long long glyph_rise = milli(g.y - g.baseline);
                if (glyph_rise != rise) {
                    close_tj();
                    w.milli(glyph_rise);
                    w.put(" Ts\n");
                    rise = glyph_rise;
                }
                if (!in_tj) {
                    w.put('[');
                    in_tj = true;
                }
                // TJ's numbers are thousandths of the text size, subtracted from the pen; tenths of them (under
                // 0.002 pt at 16 pt) are exact enough, and leave the rounding of the word's origin unwritten.
                const long long adjust = 100 * round_half_away(-(g.x - pen) * 10000.0 / run.size_pt);
                if (adjust != 0) {
                    if (in_string) w.put(')');
                    in_string = false;
                    w.milli(adjust);
                    pen -= double(adjust) / 1000.0 * run.size_pt / 1000.0;
                }
                if (!in_string) {
                    w.put('(');
                    in_string = true;
                }
                w.literal_u16(font.code(g));  // Identity-H: two bytes, the glyph id (or its alias)
                pen += font.width(g.gid) * run.size_pt / 1000.0;
            }
            w.room(6 + 5 + 4);
            close_tj();
            if (rise != 0) w.put("0 Ts\n");
            if (!run.right_to_left) w.put("EMC\n");
        }
        w.room(3);
        w.put("ET\n");
        return true;
    }

    // Title and author as UTF-16BE text strings.
    void write_info() {
        HPDF_SetInfoAttr(pdf_, HPDF_INFO_PRODUCER, "saraban");
        HPDF_Dict info = pdf_->info;
        if (!info) return;
        if (!doc_.title.empty()) HPDF_Dict_Add(info, "Title", text_string(doc_.title));
        if (!doc_.author.empty()) HPDF_Dict_Add(info, "Author", text_string(doc_.author));
        // The document's language, for screen readers and search.
        if (!doc_.language.empty())
            HPDF_Dict_Add(pdf_->catalog, "Lang", HPDF_String_New(pdf_->mmgr, doc_.language.c_str(), nullptr));
    }

    // The saved document. libharu writes it through a stream of ours that appends each piece to the bytes: its
    // own memory stream would copy every byte of the document into its blocks one at a time (HPDF_MemCpy), and
    // out again.
    std::vector<unsigned char> save() {
        std::vector<unsigned char> bytes;
        bytes.reserve(std::size_t(1) << 17);
        pdf_->stream = HPDF_CallbackWriter_New(pdf_->mmgr, append_to_bytes, &bytes);  // freed by HPDF_Free
        if (!pdf_->stream) {  // HPDF_GetMem records the failure without calling the error handler
            error_ = "libharu: cannot save the document (out of memory)";
            return {};
        }
        if (HPDF_SaveToStream(pdf_) != HPDF_OK) return {};
        if (bytes.size() != pdf_->stream->size) {
            error_ = "libharu: เอกสารที่บันทึกไม่ครบ (the saved document is incomplete)";
            return {};
        }
        return bytes;
    }
    // No exception may cross libharu's C frames: a failure is recorded as libharu's own, which HPDF_SaveToStream
    // then reports through the error handler.
    static HPDF_STATUS append_to_bytes(HPDF_Stream stream, const HPDF_BYTE* data, HPDF_UINT size) {
        auto& bytes = *static_cast<std::vector<unsigned char>*>(stream->attr);
        try {
            bytes.insert(bytes.end(), data, data + size);
        } catch (const std::bad_alloc&) {
            return HPDF_SetError(stream->error, HPDF_FAILD_TO_ALLOC_MEM, 0);
        }
        return HPDF_OK;
    }

    const layout::LaidOutDocument& doc_;
    PdfOptions options_;
    HPDF_Doc pdf_ = nullptr;
    ErrorState errors_;
    std::string error_;
    std::string alias_signature_;  // the document's alias codes, for the page cache's keys (note_aliases)
    std::vector<DocumentFont> fonts_;
    // What the document's streams are read from when it is saved (read_from), held until then.
    std::vector<std::shared_ptr<const PdfCache::EmbeddedFont>> held_fonts_;
    std::vector<std::shared_ptr<const PdfCache::PageContent>> held_pages_;
    std::deque<ByteReader> readers_;  // stable addresses: each stream's HPDF_Stream points at its own
    std::vector<HPDF_Page> pages_;
    std::map<std::string, HPDF_Image> images_;
};

}  // namespace

PdfResult render_pdf(const layout::LaidOutDocument& document, const PdfOptions& options) {
    return Writer(document, options).run();
}

}  // namespace saraban::render
