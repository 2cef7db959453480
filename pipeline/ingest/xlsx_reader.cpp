// Reads an .xlsx (Office Open XML zip) into a plain grid of cells. Everything here assumes the file is hostile:
// sizes in zip headers are not trusted, XML with DTDs is refused (both in detail/zip_package.cpp, shared with
// read_ods), and every limit of ingest/limits.h is checked while reading, not after.
#include "ingest/xlsx_reader.h"

#include <algorithm>
#include <charconv>
#include <cstring>
#include <map>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include <pugixml.hpp>

#include "ingest/detail/numbers.h"
#include "ingest/detail/zip_package.h"
#include "ingest/text.h"
#include "text/utf8.h"

namespace saraban::ingest {
namespace {

using model::Diagnostic;
using model::Severity;
using detail::child_named;
using detail::is_named;
using detail::parse_double;
using detail::within_shown_precision;

constexpr std::string_view save_as_xlsx = "บันทึกเป็น .xlsx แล้วลองใหม่ (save it as .xlsx)";

// "&#0;" becomes the OOXML escape _x0000_, which decode_ooxml_escapes makes a NUL in the cell's text.
const detail::PackageFormat xlsx_package = {
    ".xlsx", save_as_xlsx, "ไฟล์อาจเสียหายหรือตั้งรหัสผ่าน (damaged or encrypted)", true, "_x0000_",
    pugi::parse_default | pugi::parse_ws_pcdata_single};

// ---------------------------------------------------------------------------------------------------------------
// Small string helpers

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
            text::append_utf8(out, 0x10000 + ((unsigned(unit) - 0xD800) << 10) + (unsigned(low) - 0xDC00));
            i += 7;
        } else {
            text::append_utf8(out, unsigned(unit));
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
    XlsxReader(std::string_view file_name, const Limits& limits, XlsxResult& result)
        : file_name_(file_name), limits_(limits), result_(result) {}

    void read(std::span<const std::byte> bytes) {
        if (!check_signature(bytes)) return;
        if (!package_.open(bytes)) return;
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
        diagnostics_.fail(part, message, std::move(at));
    }

    void warn(const std::string& message, model::CellRef at = {}) { diagnostics_.warn(message, std::move(at)); }

    // ---- the container

    bool check_signature(std::span<const std::byte> bytes) {
        switch (detail::signature_of(bytes)) {
            case detail::Signature::empty:
                fail("", "ไฟล์ว่าง (empty file); " + std::string(save_as_xlsx));
                return false;
            case detail::Signature::ole:
                fail("", "เป็นไฟล์ .xls แบบเก่าหรือไฟล์ .xlsx ที่ตั้งรหัสผ่าน (an old .xls or a password-protected "
                         "workbook); " + std::string(save_as_xlsx) + " without a password");
                return false;
            case detail::Signature::other:
                fail("", "ไม่ใช่ไฟล์ .xlsx (not an .xlsx file: no zip signature); " + std::string(save_as_xlsx));
                return false;
            case detail::Signature::zip:
                break;
        }
        return true;
    }

    bool is_opendocument() {
        if (!package_.has("mimetype")) return false;
        auto mimetype = package_.read("mimetype");
        return mimetype && mimetype->starts_with("application/vnd.oasis.opendocument");
    }

    // ---- relationships

    std::vector<Relationship> read_relationships(const std::string& source_part) {
        std::vector<Relationship> out;
        std::string rels = source_part.empty() ? "_rels/.rels" : rels_part_of(source_part);
        auto xml = package_.parse(rels, false);
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
        if (diagnostics_.failed) return "";
        if (part.empty() || !package_.has(part)) part = "xl/workbook.xml";  // writers that omit or garble _rels/.rels
        if (!package_.has(part)) {
            fail("", "ไม่พบ workbook.xml ไม่ใช่สมุดงาน Excel (missing workbook.xml: not an Excel workbook); " +
                         std::string(save_as_xlsx));
            return "";
        }
        return part;
    }

    void read_workbook(const std::string& workbook_part) {
        std::vector<Relationship> relationships = read_relationships(workbook_part);
        if (diagnostics_.failed) return;
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

        auto workbook = package_.parse(workbook_part, true);
        if (!workbook) return;
        pugi::xml_node root = child_named(workbook->document, "workbook");
        std::string_view date1904 = attribute_named(child_named(root, "workbookPr"), "date1904").value();
        result_.workbook.date1904 = date1904 == "1" || date1904 == "true";

        read_shared_strings(shared_strings_part);
        if (diagnostics_.failed) return;
        read_styles(styles_part);
        if (diagnostics_.failed) return;

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
            if (diagnostics_.failed) return;
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
                       " bytes)" + raise_hint("cell-bytes"), {std::string(), std::string(sheet), row, col});
        return true;
    }

    // Strings with a bad character are kept empty, the character in bad_shared_strings_: each cell that shows one
    // is an error at that cell.
    void read_shared_strings(const std::string& part) {
        auto xml = package_.parse(part, false);
        if (!xml) return;
        for (pugi::xml_node si : child_named(xml->document, "sst").children()) {
            if (!is_named(si, "si") && !is_named(si, "sstItem")) continue;  // sstItem: Excel 2007 beta
            if (std::int64_t(shared_strings_.size()) >= limits_.max_shared_strings) {
                fail(part, "มีข้อความใช้ร่วมเกิน " + std::to_string(limits_.max_shared_strings) + " รายการ (more than " +
                               std::to_string(limits_.max_shared_strings) + " shared strings)" +
                               raise_hint("shared-strings"));
                return;
            }
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
        auto xml = package_.parse(part, false);
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
        auto xml = package_.parse(part, true);
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
                                   std::to_string(limits_.max_cols) + ")" +
                                   raise_hint(cell_row > limits_.max_rows ? "rows" : "columns"),
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
                               std::to_string(limits_.max_merged_ranges) + " merged ranges)" +
                               raise_hint("merged-ranges"),
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
                           std::to_string(limits_.max_total_uncompressed) + " bytes)" + raise_hint("total-bytes"),
                 {std::string(), sheet.name, row, col});
            return false;
        }
        if (cell.kind == Cell::Kind::text && cell.text.empty()) return true;
        if (++cells_ > limits_.max_cells) {
            fail(part, "มีเซลล์ที่มีค่าเกิน " + std::to_string(limits_.max_cells) + " เซลล์ (more than " +
                           std::to_string(limits_.max_cells) + " cells with a value)" + raise_hint("cells"),
                 {std::string(), sheet.name, row, col});
            return false;
        }
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
    const Limits& limits_;
    XlsxResult& result_;
    detail::Diagnostics diagnostics_{file_name_, result_.diagnostics};
    detail::ZipPackage package_{xlsx_package, limits_, diagnostics_};
    std::uint64_t cell_text_bytes_ = 0;  // text copied into cells, against shared-string amplification
    std::int64_t cells_ = 0;             // cells with a value, all sheets
    std::vector<std::string> shared_strings_;
    std::map<std::size_t, BadCharacter> bad_shared_strings_;  // by index into shared_strings_
    std::vector<bool> style_is_date_;  // by cellXfs index
};

}  // namespace

XlsxResult read_xlsx(std::span<const std::byte> bytes, std::string_view file_name, const Limits& limits) {
    return detail::read_guarded(file_name,
                                [&](XlsxResult& result) { XlsxReader(file_name, limits, result).read(bytes); });
}

}  // namespace saraban::ingest
