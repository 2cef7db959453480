// Reads an .xlsx (Office Open XML zip) into a plain grid of cells. Everything here assumes the file is hostile:
// sizes in zip headers are not trusted, XML with DTDs is refused, and every limit in XlsxLimits is checked while
// reading, not after.
#include "ingest/xlsx_reader.h"

#include <zip.h>

#include <algorithm>
#include <array>
#include <charconv>
#include <cstring>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "ingest/text.h"

namespace saraban::ingest {
namespace {

using model::Diagnostic;
using model::Severity;

constexpr std::string_view save_as_xlsx = "บันทึกเป็น .xlsx แล้วลองใหม่ (save it as .xlsx)";

// ---------------------------------------------------------------------------------------------------------------
// Small string helpers

std::string_view local_name(std::string_view qualified) {
    auto colon = qualified.find(':');
    return colon == std::string_view::npos ? qualified : qualified.substr(colon + 1);
}

bool is_named(const pugi::xml_node& node, std::string_view name) {
    return node.type() == pugi::node_element && local_name(node.name()) == name;
}

pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name) {
    for (pugi::xml_node child : parent.children())
        if (is_named(child, name)) return child;
    return {};
}

// An attribute by local name, so that "r:id" and "x:r" are found whatever the prefix.
pugi::xml_attribute attribute_named(const pugi::xml_node& node, const char* name, bool prefixed = false) {
    if (!prefixed) return node.attribute(name);  // without a prefix the local name is the whole name
    for (pugi::xml_attribute a : node.attributes()) {
        std::string_view qualified = a.name();
        auto colon = qualified.find(':');
        if (colon != std::string_view::npos && qualified.substr(colon + 1) == name) return a;
    }
    return {};
}

bool ends_with(std::string_view s, std::string_view tail) {
    return s.size() >= tail.size() && s.substr(s.size() - tail.size()) == tail;
}

void append_utf8(std::string& out, unsigned cp) {
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

// The UTF-16 unit of an escape "_xHHHH_" at s[i], or -1.
long escape_at(std::string_view s, std::size_t i) {
    if (i + 6 >= s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return -1;
    unsigned unit = 0;
    auto [end, ec] = std::from_chars(s.data() + i + 2, s.data() + i + 6, unit, 16);
    return ec == std::errc() && end == s.data() + i + 6 ? long(unit) : -1;
}

// OOXML escapes characters XML cannot hold as _xHHHH_ (ECMA-376 ST_Xstring: _x000D_ for CR, _x0007_ for BEL), a
// UTF-16 unit each; _x005F_ escapes an underscore. A pair of escaped surrogates is one character; a lone one stays
// ill-formed UTF-8, which the reader refuses, as it does the control characters escapes give.
std::string decode_ooxml_escapes(std::string s) {
    if (s.find("_x") == std::string::npos) return s;
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        long unit = escape_at(s, i);
        if (unit < 0) {
            out += s[i];
            continue;
        }
        i += 6;
        long low = unit >= 0xD800 && unit <= 0xDBFF ? escape_at(s, i + 1) : -1;
        if (low >= 0xDC00 && low <= 0xDFFF) {
            append_utf8(out, 0x10000 + ((unsigned(unit) - 0xD800) << 10) + (unsigned(low) - 0xDC00));
            i += 7;
        } else {
            append_utf8(out, unsigned(unit));
        }
    }
    return out;
}

// "AB12" → row 12, col 28. Returns false for anything else.
bool parse_cell_reference(std::string_view ref, int& row, int& col) {
    std::size_t i = 0;
    long c = 0;
    while (i < ref.size() && ((ref[i] >= 'A' && ref[i] <= 'Z') || (ref[i] >= 'a' && ref[i] <= 'z'))) {
        c = c * 26 + ((ref[i] | 0x20) - 'a' + 1);
        if (c > 1'000'000) return false;
        ++i;
    }
    if (i == 0 || i == ref.size()) return false;
    long r = 0;
    auto [end, ec] = std::from_chars(ref.data() + i, ref.data() + ref.size(), r);
    if (ec != std::errc() || end != ref.data() + ref.size() || r < 1 || r > 100'000'000) return false;
    row = int(r);
    col = int(c);
    return true;
}

bool parse_positive_int(std::string_view s, int& value) {
    long v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (ec != std::errc() || end != s.data() + s.size() || v < 1 || v > 100'000'000) return false;
    value = int(v);
    return true;
}

bool parse_double(std::string_view s, double& value) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '+')) s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    if (s.empty()) return false;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    return ec == std::errc() && end == s.data() + s.size();
}

// Whether a number written as v is already what to_shown_precision makes of it: plain digits, at most 15 of them
// (DBL_DIG), come back from a double as they went in. Most numbers in a workbook ("2564", "96.29") need no rounding.
bool within_shown_precision(std::string_view v) {
    if (v.starts_with('-')) v.remove_prefix(1);
    bool point = false;
    int digits = 0;
    for (char c : v) {
        if (c == '.' && !point) point = true;
        else if (c >= '0' && c <= '9') ++digits;
        else return false;
    }
    return digits <= 15;
}

// ---------------------------------------------------------------------------------------------------------------
// Package paths (OPC part names)

// Joins a relationship target onto the folder of the part that holds the relationship, resolving "." and "..".
// Absolute targets ("/xl/worksheets/sheet1.xml") are taken from the package root. The result has no leading "/".
std::string resolve_part(std::string_view source_folder, std::string_view target) {
    std::string joined = target.starts_with('/') ? std::string(target.substr(1))
                                                 : std::string(source_folder) + std::string(target);
    std::vector<std::string> segments;
    std::size_t start = 0;
    while (start <= joined.size()) {
        std::size_t slash = joined.find_first_of("/\\", start);
        if (slash == std::string::npos) slash = joined.size();
        std::string segment = joined.substr(start, slash - start);
        if (segment == "..") {
            if (!segments.empty()) segments.pop_back();
        } else if (!segment.empty() && segment != ".") {
            segments.push_back(segment);
        }
        start = slash + 1;
    }
    std::string out;
    for (const std::string& s : segments) out += (out.empty() ? "" : "/") + s;
    return out;
}

std::string folder_of(std::string_view part) {
    auto slash = part.rfind('/');
    return slash == std::string_view::npos ? std::string() : std::string(part.substr(0, slash + 1));
}

// xl/workbook.xml → xl/_rels/workbook.xml.rels
std::string rels_part_of(std::string_view part) {
    auto slash = part.rfind('/');
    std::string name(slash == std::string_view::npos ? part : part.substr(slash + 1));
    return folder_of(part) + "_rels/" + name + ".rels";
}

struct Relationship {
    std::string id;      // rId1, …
    std::string type;    // the full type URI
    std::string target;  // resolved part name
};

// ---------------------------------------------------------------------------------------------------------------
// Number formats: which style indexes show dates

bool is_builtin_date_format(int id) {
    if ((id >= 14 && id <= 22) || (id >= 45 && id <= 47)) return true;
    // East Asian locales' built-in date formats (Excel writes these ids in Chinese, Japanese and Korean files).
    return (id >= 27 && id <= 36) || (id >= 50 && id <= 58);
}

// A custom format is a date or time format when, outside quoted text, escapes and [...] sections, it uses a date
// or time letter. "[h]:mm" (elapsed hours) is a time; "[Red]" and "[$-th-TH]" are not.
bool is_date_format_code(std::string_view code) {
    for (std::size_t i = 0; i < code.size(); ++i) {
        char ch = code[i];
        if (ch == '"') {
            auto close = code.find('"', i + 1);
            if (close == std::string_view::npos) return false;
            i = close;
        } else if (ch == '\\' || ch == '_' || ch == '*') {
            ++i;  // the next character is literal (\x), a spacing (_x) or a fill (*x)
        } else if (ch == '[') {
            auto close = code.find(']', i + 1);
            if (close == std::string_view::npos) return false;
            std::string_view inside = code.substr(i + 1, close - i - 1);
            bool elapsed_time = !inside.empty() && inside.find_first_not_of("hHmMsS") == std::string_view::npos;
            if (elapsed_time) return true;
            i = close;
        } else if (ch == ';') {
            return false;  // only the first section decides
        } else {
            switch (ch | 0x20) {
                case 'd': case 'm': case 'y': case 'h': case 's': case 'b': return true;
                default: break;
            }
        }
    }
    return false;
}

// ---------------------------------------------------------------------------------------------------------------
// The reader

class XlsxReader {
public:
    XlsxReader(std::string_view file_name, const XlsxLimits& limits, XlsxResult& result)
        : file_name_(file_name), limits_(limits), result_(result) {}

    ~XlsxReader() {
        if (archive_) zip_discard(archive_);
    }
    XlsxReader(const XlsxReader&) = delete;
    XlsxReader& operator=(const XlsxReader&) = delete;

    void read(std::span<const std::byte> bytes) {
        if (!check_signature(bytes)) return;
        if (!open_archive(bytes)) return;
        if (is_opendocument()) {
            fail("", "เป็นไฟล์ OpenDocument (.ods) ไม่ใช่ .xlsx (an OpenDocument spreadsheet, not an .xlsx); " +
                         std::string(save_as_xlsx));
            return;
        }
        std::string workbook_part = find_workbook_part();
        if (workbook_part.empty()) return;
        read_workbook(workbook_part);
    }

private:
    // ---- diagnostics

    void fail(std::string_view part, const std::string& message, model::CellRef at = {}) {
        at.file = std::string(file_name_);
        std::string text = message;
        if (!part.empty()) text = "ส่วน " + std::string(part) + " (part " + std::string(part) + "): " + message;
        result_.diagnostics.push_back(Diagnostic{Severity::error, std::move(at), std::move(text)});
        failed_ = true;
    }

    void warn(const std::string& message, model::CellRef at = {}) {
        at.file = std::string(file_name_);
        result_.diagnostics.push_back(Diagnostic{Severity::warning, std::move(at), message});
    }

    // ---- the container

    bool check_signature(std::span<const std::byte> bytes) {
        auto starts_with = [&](std::initializer_list<unsigned char> magic) {
            if (bytes.size() < magic.size()) return false;
            return std::equal(magic.begin(), magic.end(), bytes.begin(),
                              [](unsigned char m, std::byte b) { return m == std::to_integer<unsigned char>(b); });
        };
        if (bytes.empty()) {
            fail("", "ไฟล์ว่าง (empty file); " + std::string(save_as_xlsx));
            return false;
        }
        if (starts_with({0xD0, 0xCF, 0x11, 0xE0})) {
            fail("", "เป็นไฟล์ .xls แบบเก่าหรือไฟล์ .xlsx ที่ตั้งรหัสผ่าน (an old .xls or a password-protected "
                     "workbook); " + std::string(save_as_xlsx) + " without a password");
            return false;
        }
        if (!starts_with({'P', 'K', 0x03, 0x04}) && !starts_with({'P', 'K', 0x05, 0x06})) {
            fail("", "ไม่ใช่ไฟล์ .xlsx (not an .xlsx file: no zip signature); " + std::string(save_as_xlsx));
            return false;
        }
        return true;
    }

    bool open_archive(std::span<const std::byte> bytes) {
        zip_error_t error;
        zip_error_init(&error);
        zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
        if (source) {
            archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
            if (!archive_) zip_source_free(source);
        }
        if (!archive_) {
            fail("", "ไฟล์ .xlsx เสียหาย อ่านไฟล์ zip ไม่ได้ (a damaged .xlsx: the zip cannot be read: " +
                         std::string(zip_error_strerror(&error)) + "); " + std::string(save_as_xlsx));
            zip_error_fini(&error);
            return false;
        }
        zip_error_fini(&error);
        zip_int64_t entries = zip_get_num_entries(archive_, 0);
        if (entries < 0 || entries > limits_.max_entries) {
            fail("", "ไฟล์ zip มีรายการมากเกินไป (too many zip entries: " + std::to_string(entries) +
                         ", at most " + std::to_string(limits_.max_entries) + ")");
            return false;
        }
        index_entries(entries);
        return true;
    }

    // OPC part names are case-insensitive, and some writers store "xl\workbook.xml": index entries by a
    // normalised name. (Entry names are only ever compared, never used as file paths.)
    static std::string entry_key(std::string_view name) {
        std::string key;
        for (char c : name) key += c == '\\' ? '/' : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
        if (key.starts_with('/')) key.erase(0, 1);
        return key;
    }

    void index_entries(zip_int64_t entries) {
        for (zip_int64_t i = 0; i < entries; ++i)
            if (const char* name = zip_get_name(archive_, zip_uint64_t(i), ZIP_FL_ENC_RAW))
                entry_index_.emplace(entry_key(name), zip_uint64_t(i));
    }

    std::optional<zip_uint64_t> find_entry(const std::string& part) const {
        auto it = entry_index_.find(entry_key(part));
        return it == entry_index_.end() ? std::nullopt : std::optional(it->second);
    }

    bool has_part(const std::string& part) const { return find_entry(part).has_value(); }

    // Reads one part in chunks, stopping as soon as the per-part or total limit is passed: the sizes in the zip
    // headers are not trusted. Returns nullopt (with a diagnostic when required) if missing or refused.
    std::optional<std::string> read_part(const std::string& part, bool required) {
        std::optional<zip_uint64_t> index = find_entry(part);
        if (!index) {
            if (required) fail(part, "ไม่พบในไฟล์ (missing from the file)");
            return std::nullopt;
        }
        zip_file_t* file = zip_fopen_index(archive_, *index, 0);
        if (!file) {
            fail(part, "เปิดอ่านไม่ได้ (cannot be opened: " + std::string(zip_strerror(archive_)) +
                           "); ไฟล์อาจเสียหายหรือตั้งรหัสผ่าน (damaged or encrypted)");
            return std::nullopt;
        }
        std::string content;
        std::array<char, 64 * 1024> chunk;
        for (;;) {
            zip_int64_t n = zip_fread(file, chunk.data(), chunk.size());
            if (n < 0) {
                fail(part, "อ่านไม่ได้ ข้อมูลเสียหาย (cannot be read: " + std::string(zip_file_strerror(file)) + ")");
                zip_fclose(file);
                return std::nullopt;
            }
            if (n == 0) break;
            content.append(chunk.data(), std::size_t(n));
            total_read_ += std::uint64_t(n);
            if (content.size() > limits_.max_part_uncompressed || total_read_ > limits_.max_total_uncompressed) {
                fail(part, "ขยายแล้วใหญ่เกินกำหนด อาจเป็น zip bomb (too large when uncompressed: over " +
                               std::to_string(content.size() > limits_.max_part_uncompressed
                                                  ? limits_.max_part_uncompressed
                                                  : limits_.max_total_uncompressed) +
                               " bytes)");
                zip_fclose(file);
                return std::nullopt;
            }
        }
        zip_fclose(file);
        return content;
    }

    bool is_opendocument() {
        if (!has_part("mimetype")) return false;
        auto mimetype = read_part("mimetype", false);
        return mimetype && mimetype->starts_with("application/vnd.oasis.opendocument");
    }

    // ---- XML

    struct XmlPart {
        std::string text;  // pugixml parses in place: the text must live as long as the document
        pugi::xml_document document;
    };

    std::unique_ptr<XmlPart> parse_part(const std::string& part, bool required) {
        auto content = read_part(part, required);
        if (!content) return nullptr;
        // Billion laughs and external entities live in the DTD. OOXML never has one, so refuse any.
        if (declares_dtd(*content)) {
            fail(part, "มีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาต (has a DOCTYPE or entity declaration, which .xlsx "
                       "never needs: refused)");
            return nullptr;
        }
        auto xml = std::make_unique<XmlPart>();
        xml->text = escape_nul_references(std::move(*content));
        auto parsed = xml->document.load_buffer_inplace(xml->text.data(), xml->text.size(),
                                                        pugi::parse_default | pugi::parse_ws_pcdata_single);
        if (!parsed) {
            fail(part, "XML เสียหาย (malformed XML at byte " + std::to_string(parsed.offset) + ": " +
                           parsed.description() + ")");
            return nullptr;
        }
        if (too_deep(xml->document)) {
            fail(part, "XML ซ้อนลึกเกินกำหนด (XML nested deeper than " + std::to_string(limits_.max_xml_depth) +
                           " elements)");
            return nullptr;
        }
        return xml;
    }

    // pugixml decodes "&#0;" ("&#x00;", …) to a NUL, which ends the text it is in: the rest of the cell would vanish
    // in silence. Written as the OOXML escape _x0000_ instead, it reaches the cell's text, which is refused for it.
    static std::string escape_nul_references(std::string xml) {
        std::string out;
        std::size_t copied = 0;
        bool found = false;
        for (std::size_t at = xml.find("&#"); at != std::string::npos; at = xml.find("&#", at + 2)) {
            std::size_t i = at + 2;
            if (i < xml.size() && (xml[i] == 'x' || xml[i] == 'X')) ++i;
            const std::size_t digits = i;
            while (i < xml.size() && xml[i] == '0') ++i;
            if (i == digits || i == xml.size() || xml[i] != ';') continue;
            out.append(xml, copied, at - copied).append("_x0000_");
            copied = i + 1;
            found = true;
        }
        if (!found) return xml;
        return out.append(xml, copied);
    }

    // Whether the XML holds "<!DOCTYPE" or "<!ENTITY". Looked for by the rare "!", not the "<" of every tag.
    static bool declares_dtd(std::string_view xml) {
        for (auto bang = xml.find('!'); bang != std::string_view::npos; bang = xml.find('!', bang + 1)) {
            if (bang == 0 || xml[bang - 1] != '<') continue;
            std::string_view rest = xml.substr(bang + 1);
            if (rest.starts_with("DOCTYPE") || rest.starts_with("ENTITY")) return true;
        }
        return false;
    }

    // Whether the XML nests deeper than the limit. pugixml's walk needs no recursion (a hostile file cannot blow the
    // stack) and costs one call a node.
    bool too_deep(pugi::xml_document& document) const {
        struct Walker : pugi::xml_tree_walker {
            int limit = 0;
            bool for_each(pugi::xml_node&) override { return depth() < limit; }  // the node is depth() + 1 deep
        } walker;
        walker.limit = limits_.max_xml_depth;
        return !document.traverse(walker);
    }

    std::vector<Relationship> read_relationships(const std::string& source_part) {
        std::vector<Relationship> out;
        std::string rels = source_part.empty() ? "_rels/.rels" : rels_part_of(source_part);
        auto xml = parse_part(rels, false);
        if (!xml) return out;
        std::string folder = folder_of(source_part);
        for (pugi::xml_node r : child_named(xml->document, "Relationships").children()) {
            if (!is_named(r, "Relationship")) continue;
            if (std::string_view(attribute_named(r, "TargetMode").value()) == "External") continue;
            out.push_back({r.attribute("Id").value(), r.attribute("Type").value(),
                           resolve_part(folder, r.attribute("Target").value())});
        }
        return out;
    }

    // ---- workbook

    std::string find_workbook_part() {
        std::string part;
        for (const Relationship& r : read_relationships("")) {
            if (ends_with(r.type, "/officeDocument")) {
                part = r.target;
                break;
            }
        }
        if (failed_) return "";
        if (part.empty() || !has_part(part)) part = "xl/workbook.xml";  // writers that omit or garble _rels/.rels
        if (!has_part(part)) {
            fail("", "ไม่พบ workbook.xml ไม่ใช่สมุดงาน Excel (missing workbook.xml: not an Excel workbook); " +
                         std::string(save_as_xlsx));
            return "";
        }
        return part;
    }

    void read_workbook(const std::string& workbook_part) {
        std::vector<Relationship> relationships = read_relationships(workbook_part);
        if (failed_) return;
        std::map<std::string, std::string> target_by_id;
        std::string shared_strings_part, styles_part;
        for (const Relationship& r : relationships) {
            target_by_id[r.id] = r.target;
            if (ends_with(r.type, "/sharedStrings")) shared_strings_part = r.target;
            if (ends_with(r.type, "/styles")) styles_part = r.target;
        }
        std::string folder = folder_of(workbook_part);
        if (shared_strings_part.empty()) shared_strings_part = folder + "sharedStrings.xml";
        if (styles_part.empty()) styles_part = folder + "styles.xml";

        auto workbook = parse_part(workbook_part, true);
        if (!workbook) return;
        pugi::xml_node root = child_named(workbook->document, "workbook");
        std::string_view date1904 = attribute_named(child_named(root, "workbookPr"), "date1904").value();
        result_.workbook.date1904 = date1904 == "1" || date1904 == "true";

        read_shared_strings(shared_strings_part);
        if (failed_) return;
        read_styles(styles_part);
        if (failed_) return;

        for (pugi::xml_node sheet : child_named(root, "sheets").children()) {
            if (!is_named(sheet, "sheet")) continue;
            Sheet out;
            out.name = to_nfc(attribute_named(sheet, "name").value());
            std::string_view state = attribute_named(sheet, "state").value();
            out.hidden = state == "hidden" || state == "veryHidden";
            std::string id = attribute_named(sheet, "id", true).value();
            auto target = target_by_id.find(id);
            if (target == target_by_id.end()) {  // e.g. an old macro sheet: leave it out, the rest is readable
                warn("ข้ามชีต " + out.name + " เพราะไม่มีส่วนข้อมูล (sheet " + out.name +
                     " skipped: it has no part, relationship \"" + id + "\" not found)");
                continue;
            }
            read_worksheet(target->second, out);
            if (failed_) return;
            result_.workbook.sheets.push_back(std::move(out));
        }
    }

    // ---- shared strings and styles

    // The text of a string item (<si> or <is>): a plain <t>, or rich-text runs <r><t> concatenated. Phonetic runs
    // (<rPh>) are readings for East Asian text, not part of the value.
    std::string string_item_text(const pugi::xml_node& item) {
        std::string text;
        for (pugi::xml_node child : item.children()) {
            if (is_named(child, "t")) {
                text += child.text().get();
            } else if (is_named(child, "r")) {
                text += child_named(child, "t").text().get();
            }
            if (text.size() > limits_.max_string_bytes) break;
        }
        return decode_ooxml_escapes(std::move(text));
    }

    // The cell's place (sheet, row, col) is made into a CellRef only for the error: most texts are not too long.
    bool string_too_long(const std::string& text, std::string_view part, std::string_view sheet = {}, int row = 0,
                         int col = 0) {
        if (text.size() <= limits_.max_string_bytes) return false;
        fail(part, "ข้อความยาวเกินกำหนด (text longer than " + std::to_string(limits_.max_string_bytes) +
                       " bytes)", {std::string(), std::string(sheet), row, col});
        return true;
    }

    // Strings with a bad character are kept empty, the character in bad_shared_strings_: each cell that shows one
    // is an error at that cell.
    void read_shared_strings(const std::string& part) {
        auto xml = parse_part(part, false);
        if (!xml) return;
        for (pugi::xml_node si : child_named(xml->document, "sst").children()) {
            if (!is_named(si, "si") && !is_named(si, "sstItem")) continue;  // sstItem: Excel 2007 beta
            std::string text = string_item_text(si);
            if (string_too_long(text, part)) return;
            if (auto bad = find_bad_character(text)) {
                bad_shared_strings_.emplace(shared_strings_.size(), std::move(*bad));
                text.clear();
            }
            shared_strings_.push_back(to_nfc(std::move(text)));
        }
    }

    void read_styles(const std::string& part) {
        auto xml = parse_part(part, false);
        if (!xml) return;
        pugi::xml_node root = child_named(xml->document, "styleSheet");
        std::map<int, bool> custom_is_date;
        for (pugi::xml_node format : child_named(root, "numFmts").children()) {
            if (!is_named(format, "numFmt")) continue;
            int id = format.attribute("numFmtId").as_int(-1);
            custom_is_date[id] = is_date_format_code(format.attribute("formatCode").value());
        }
        for (pugi::xml_node xf : child_named(root, "cellXfs").children()) {
            if (!is_named(xf, "xf")) continue;
            int id = xf.attribute("numFmtId").as_int(0);
            auto custom = custom_is_date.find(id);
            style_is_date_.push_back(custom != custom_is_date.end() ? custom->second : is_builtin_date_format(id));
        }
    }

    // ---- worksheets

    void read_worksheet(const std::string& part, Sheet& sheet) {
        auto xml = parse_part(part, true);
        if (!xml) return;
        pugi::xml_node root = xml->document.document_element();
        pugi::xml_node data = child_named(root, "sheetData");  // absent in chart sheets: no cells
        int row_number = 0;
        for (pugi::xml_node row : data.children()) {
            if (!is_named(row, "row")) continue;
            // Rows and cells without "r" follow the previous one.
            pugi::xml_attribute r = attribute_named(row, "r");
            if (!r || !parse_positive_int(r.value(), row_number)) ++row_number;
            // Empty rows (LibreOffice writes formatted ones down to row 1048576) are skipped; only cells count.
            int col_number = 0;
            for (pugi::xml_node c : row.children()) {
                if (!is_named(c, "c")) continue;
                int cell_row = row_number;
                pugi::xml_attribute cr = attribute_named(c, "r");
                if (!cr || !parse_cell_reference(cr.value(), cell_row, col_number)) {
                    cell_row = row_number;
                    ++col_number;
                }
                if (col_number > limits_.max_cols || cell_row > limits_.max_rows) {
                    fail(part, "เซลล์อยู่เกินแถว " + std::to_string(limits_.max_rows) + " หรือคอลัมน์ " +
                                   std::to_string(limits_.max_cols) + " (a cell beyond row " +
                                   std::to_string(limits_.max_rows) + " or column " +
                                   std::to_string(limits_.max_cols) + ")",
                         {std::string(), sheet.name, cell_row, col_number});
                    return;
                }
                if (!read_cell(c, cell_row, col_number, part, sheet)) return;
            }
        }
        if (!read_merged_ranges(root, part, sheet)) return;
        // Writers normally emit cells in order (then there is nothing to sort); a file that does not must still
        // come out row-major.
        auto row_major = [](const Cell& a, const Cell& b) { return a.row != b.row ? a.row < b.row : a.col < b.col; };
        if (!std::is_sorted(sheet.cells.begin(), sheet.cells.end(), row_major))
            std::stable_sort(sheet.cells.begin(), sheet.cells.end(), row_major);
    }

    // <mergeCells><mergeCell ref="B2:D2"/>…: returns false when reading must stop. A single cell ("A1" or "A1:A1")
    // merges nothing; a reference that cannot be read is skipped with a warning, the cells are still right.
    bool read_merged_ranges(const pugi::xml_node& root, std::string_view part, Sheet& sheet) {
        for (pugi::xml_node m : child_named(root, "mergeCells").children()) {
            if (!is_named(m, "mergeCell")) continue;
            std::string_view ref = attribute_named(m, "ref").value();
            auto colon = ref.find(':');
            if (colon == std::string_view::npos) colon = ref.size();  // "A1": one cell
            MergedRange range;
            bool ok = parse_cell_reference(ref.substr(0, colon), range.first_row, range.first_col);
            if (ok) {
                range.last_row = range.first_row;
                range.last_col = range.first_col;
                if (colon < ref.size()) ok = parse_cell_reference(ref.substr(colon + 1), range.last_row, range.last_col);
            }
            if (!ok) {
                warn("ช่วงเซลล์ที่ผสานไม่ถูกต้อง \"" + std::string(ref) + "\" ข้ามไป (malformed merged range \"" +
                     std::string(ref) + "\": ignored)", {std::string(), sheet.name, 0, 0});
                continue;
            }
            if (range.first_row > range.last_row) std::swap(range.first_row, range.last_row);
            if (range.first_col > range.last_col) std::swap(range.first_col, range.last_col);
            if (range.first_row == range.last_row && range.first_col == range.last_col) continue;
            if (int(sheet.merged.size()) >= limits_.max_merged_ranges) {
                fail(part, "มีช่วงเซลล์ที่ผสานเกิน " + std::to_string(limits_.max_merged_ranges) + " ช่วง (more than " +
                               std::to_string(limits_.max_merged_ranges) + " merged ranges)",
                     {std::string(), sheet.name, 0, 0});
                return false;
            }
            sheet.merged.push_back(range);
        }
        return true;
    }

    // Reads one <c>; returns false when reading must stop.
    bool read_cell(const pugi::xml_node& c, int row, int col, std::string_view part, Sheet& sheet) {
        Cell cell;
        cell.row = row;
        cell.col = col;
        std::string_view type = attribute_named(c, "t").value();
        pugi::xml_node value = child_named(c, "v");
        std::string v = value.text().get();
        if (v.empty() && type != "inlineStr") return true;  // <v></v>: no value
        // Every text the file gives a cell is checked before NFC, so that a bad character's place is as written.
        std::optional<BadCharacter> bad;

        if (type == "s") {
            int index = -1;
            auto [end, ec] = std::from_chars(v.data(), v.data() + v.size(), index);
            if (ec != std::errc() || end != v.data() + v.size() || index < 0 ||
                std::size_t(index) >= shared_strings_.size()) {
                warn("ดัชนีข้อความที่ใช้ร่วมกันผิด ข้ามเซลล์นี้ (bad shared-string index \"" + v + "\": cell skipped)",
                     {std::string(), sheet.name, row, col});
                return true;
            }
            cell.text = shared_strings_[std::size_t(index)];
            if (auto found = bad_shared_strings_.find(std::size_t(index)); found != bad_shared_strings_.end())
                bad = found->second;
        } else if (type == "inlineStr") {
            cell.text = string_item_text(child_named(c, "is"));
            if (!(bad = find_bad_character(cell.text))) cell.text = to_nfc(std::move(cell.text));
        } else if (type == "str" || type == "d") {  // a formula's string result; an ISO 8601 date as text
            cell.text = decode_ooxml_escapes(v);
            if (!(bad = find_bad_character(cell.text))) cell.text = to_nfc(std::move(cell.text));
        } else if (type == "b") {
            cell.kind = Cell::Kind::boolean;
            cell.number = (v == "1" || v == "true") ? 1 : 0;
            cell.text = cell.number ? "TRUE" : "FALSE";
        } else if (type == "e") {
            cell.kind = Cell::Kind::error;
            cell.text = v;
            bad = find_bad_character(v);
        } else {  // "n" or no type: a number
            if (!value) return true;  // a formula without a cached value, or a styled empty cell
            cell.kind = Cell::Kind::number;
            cell.text = v;
            if (!parse_double(v, cell.number)) {
                if ((bad = find_bad_character(v))) return refuse_cell(*bad, sheet.name, row, col);
                warn("ตัวเลขในไฟล์ผิดรูปแบบ อ่านเป็นข้อความ (malformed number \"" + v + "\": read as text)",
                     {std::string(), sheet.name, row, col});
                cell.kind = Cell::Kind::text;
            }
            if (!within_shown_precision(v)) cell.number = to_shown_precision(cell.number);
            std::size_t style = std::size_t(attribute_named(c, "s").as_int(0));
            cell.is_date = cell.kind == Cell::Kind::number && style < style_is_date_.size() && style_is_date_[style];
        }
        if (bad) return refuse_cell(*bad, sheet.name, row, col);
        if (string_too_long(cell.text, part, sheet.name, row, col)) return false;
        // One long shared string referenced by every cell would multiply memory: the cells' text shares the
        // budget for uncompressed bytes.
        cell_text_bytes_ += cell.text.size();
        if (cell_text_bytes_ > limits_.max_total_uncompressed) {
            fail(part, "ข้อความในเซลล์รวมกันใหญ่เกินกำหนด (the cells' text adds up to more than " +
                           std::to_string(limits_.max_total_uncompressed) + " bytes)",
                 {std::string(), sheet.name, row, col});
            return false;
        }
        if (cell.kind == Cell::Kind::text && cell.text.empty()) return true;
        sheet.cells.push_back(std::move(cell));
        return true;
    }

    // A cell whose text holds a bad character is an error at the cell and is left out, so that nothing downstream
    // sees it; reading goes on, so that every such cell is reported.
    bool refuse_cell(const BadCharacter& bad, const std::string& sheet, int row, int col) {
        result_.diagnostics.push_back(Diagnostic{Severity::error, {std::string(file_name_), sheet, row, col},
                                                 bad_character_message(bad)});
        return true;
    }

    std::string_view file_name_;
    const XlsxLimits& limits_;
    XlsxResult& result_;
    zip_t* archive_ = nullptr;
    std::uint64_t total_read_ = 0;
    bool failed_ = false;
    std::map<std::string, zip_uint64_t> entry_index_;  // by entry_key()
    std::uint64_t cell_text_bytes_ = 0;  // text copied into cells, against shared-string amplification
    std::vector<std::string> shared_strings_;
    std::map<std::size_t, BadCharacter> bad_shared_strings_;  // by index into shared_strings_
    std::vector<bool> style_is_date_;  // by cellXfs index
};

}  // namespace

XlsxResult read_xlsx(std::span<const std::byte> bytes, std::string_view file_name, const XlsxLimits& limits) {
    XlsxResult result;
    try {
        XlsxReader reader(file_name, limits, result);
        reader.read(bytes);
    } catch (const std::bad_alloc&) {
        result.diagnostics.push_back(Diagnostic{Severity::error, {std::string(file_name), "", 0, 0},
                                                "หน่วยความจำไม่พอ (out of memory while reading)"});
    } catch (const std::exception& e) {
        result.diagnostics.push_back(Diagnostic{Severity::error, {std::string(file_name), "", 0, 0},
                                                std::string("อ่านไฟล์ไม่สำเร็จ (cannot read: ") + e.what() + ")"});
    }
    if (model::has_error(result.diagnostics)) result.workbook = {};
    return result;
}

}  // namespace saraban::ingest
