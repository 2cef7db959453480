// Builds small .xlsx files in memory for tests: a zip written with libzip, with the parts a test asks for.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
#include <utility>
#include <vector>

namespace saraban::test {

struct Part {
    std::string name;
    std::string content;
};

// A part of `size` zero bytes, produced on the fly: a zip bomb needs no big buffer to write.
struct Zeros {
    std::string name;
    zip_uint64_t size = 0;
};

namespace detail {

struct ZeroState {
    zip_uint64_t size = 0;
    zip_uint64_t left = 0;
};

inline zip_int64_t zero_source(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* state = static_cast<ZeroState*>(userdata);
    switch (cmd) {
        case ZIP_SOURCE_OPEN:
            state->left = state->size;
            return 0;
        case ZIP_SOURCE_READ: {
            zip_uint64_t n = len < state->left ? len : state->left;
            std::memset(data, 0, n);
            state->left -= n;
            return zip_int64_t(n);
        }
        case ZIP_SOURCE_CLOSE:
            return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = state->size;
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_FREE:
            delete state;
            return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                  ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default:
            return -1;
    }
}

}  // namespace detail

// A zip being written into memory: add parts, then take its bytes (shared with the hostile-input catalogue, which
// adds parts of its own kinds).
class ZipInMemory {
public:
    ZipInMemory() {
        zip_error_t error;
        zip_error_init(&error);
        buffer_ = zip_source_buffer_create(nullptr, 0, 0, &error);
        archive_ = buffer_ ? zip_open_from_source(buffer_, ZIP_TRUNCATE, &error) : nullptr;
        if (!archive_) throw std::runtime_error("zip: cannot create the zip");
        zip_source_keep(buffer_);
    }
    ZipInMemory(const ZipInMemory&) = delete;
    ZipInMemory& operator=(const ZipInMemory&) = delete;

    // Deflated, but a "mimetype", stored as ODF requires.
    void add(const Part& p) {
        zip_source_t* s = zip_source_buffer(archive_, p.content.data(), p.content.size(), 0);
        zip_int64_t index = s ? zip_file_add(archive_, p.name.c_str(), s, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) throw std::runtime_error("zip: cannot add " + p.name);
        if (p.name == "mimetype") zip_set_file_compression(archive_, zip_uint64_t(index), ZIP_CM_STORE, 0);
    }

    // A part whose bytes a libzip source function makes as they are read, deflated at level.
    void add(const std::string& name, zip_source_t* source, int level) {
        zip_int64_t index = source ? zip_file_add(archive_, name.c_str(), source, 0) : -1;
        if (index < 0) throw std::runtime_error("zip: cannot add " + name);
        zip_set_file_compression(archive_, zip_uint64_t(index), ZIP_CM_DEFLATE, zip_uint32_t(level));
    }
    zip_t* archive() { return archive_; }

    std::vector<std::byte> bytes() {
        if (zip_close(archive_) < 0) throw std::runtime_error("zip: cannot write the zip");
        std::vector<std::byte> out;
        if (zip_source_open(buffer_) < 0) throw std::runtime_error("zip: cannot reopen");
        zip_source_seek(buffer_, 0, SEEK_END);
        out.resize(std::size_t(zip_source_tell(buffer_)));
        zip_source_seek(buffer_, 0, SEEK_SET);
        zip_source_read(buffer_, out.data(), out.size());
        zip_source_close(buffer_);
        zip_source_free(buffer_);
        return out;
    }

private:
    zip_source_t* buffer_ = nullptr;
    zip_t* archive_ = nullptr;
};

// The bytes of a zip holding these parts in the order given (and the zero-filled ones), deflated but for a
// "mimetype", stored as ODF requires: an .ods as LibreOffice writes it when "mimetype" comes first.
inline std::vector<std::byte> make_zip(const std::vector<Part>& parts, const std::vector<Zeros>& zeros = {}) {
    ZipInMemory zip;
    for (const Part& p : parts) zip.add(p);
    for (const Zeros& z : zeros)
        zip.add(z.name, zip_source_function(zip.archive(), detail::zero_source, new detail::ZeroState{z.size, z.size}),
                1);
    return zip.bytes();
}

inline std::string xml_escape(const std::string& s) {
    std::string out;
    for (char c : s) {
        switch (c) {
            case '&': out += "&amp;"; break;
            case '<': out += "&lt;"; break;
            case '>': out += "&gt;"; break;
            case '"': out += "&quot;"; break;
            default: out += c;
        }
    }
    return out;
}

// A row of cells as written in the test: "n:96.29" is a number cell, "b:1" a boolean, "e:#N/A" an error cell, ""
// no cell, anything else an inline string.
using Rows = std::vector<std::vector<std::string>>;

struct SheetSpec {
    std::string name;
    Rows rows;
};

inline std::string column_letters(int col) {
    std::string letters;
    for (int c = col; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters;
}

inline std::string worksheet_xml(const Rows& rows) {
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                      R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
    for (std::size_t r = 0; r < rows.size(); ++r) {
        std::string row_number = std::to_string(r + 1);
        xml += "<row r=\"" + row_number + "\">";
        for (std::size_t c = 0; c < rows[r].size(); ++c) {
            const std::string& v = rows[r][c];
            if (v.empty()) continue;
            std::string ref = column_letters(int(c) + 1) + row_number;
            if (v.starts_with("n:"))
                xml += "<c r=\"" + ref + "\"><v>" + v.substr(2) + "</v></c>";
            else if (v.starts_with("b:"))
                xml += "<c r=\"" + ref + "\" t=\"b\"><v>" + v.substr(2) + "</v></c>";
            else if (v.starts_with("e:"))
                xml += "<c r=\"" + ref + "\" t=\"e\"><f>VLOOKUP(A1,X:Y,2,0)</f><v>" + xml_escape(v.substr(2)) +
                       "</v></c>";
            else
                xml += "<c r=\"" + ref + "\" t=\"inlineStr\"><is><t>" + xml_escape(v) + "</t></is></c>";
        }
        xml += "</row>";
    }
    return xml + "</sheetData></worksheet>";
}

// The parts of a workbook with these sheets; worksheets as given by `worksheets` (default: worksheet_xml).
inline std::vector<Part> workbook_parts(const std::vector<std::string>& names, const std::vector<std::string>& worksheets) {
    std::vector<Part> parts;
    parts.push_back({"_rels/.rels",
                     R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                     R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/>)"
                     R"(</Relationships>)"});
    std::string workbook = R"(<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>)";
    std::string rels = R"(<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)";
    for (std::size_t i = 0; i < names.size(); ++i) {
        std::string n = std::to_string(i + 1);
        workbook += "<sheet name=\"" + xml_escape(names[i]) + "\" sheetId=\"" + n + "\" r:id=\"rId" + n + "\"/>";
        // Absolute targets, as some writers use, exercise the reader's path resolution.
        rels += "<Relationship Id=\"rId" + n +
                "\" Type=\"http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet\" "
                "Target=\"/xl/worksheets/sheet" + n + ".xml\"/>";
        parts.push_back({"xl/worksheets/sheet" + n + ".xml", worksheets[i]});
    }
    parts.push_back({"xl/workbook.xml", workbook + "</sheets></workbook>"});
    parts.push_back({"xl/_rels/workbook.xml.rels", rels + "</Relationships>"});
    return parts;
}

// Parts with `extra` added, or replacing the part of the same name.
inline std::vector<Part> with_parts(std::vector<Part> parts, const std::vector<Part>& extra) {
    for (const Part& p : extra) {
        bool replaced = false;
        for (Part& existing : parts)
            if (existing.name == p.name) existing.content = p.content, replaced = true;
        if (!replaced) parts.push_back(p);
    }
    return parts;
}

// "B2" → {2, 2}.
inline std::pair<int, int> cell_position(const std::string& ref) {
    int col = 0;
    std::size_t i = 0;
    for (; i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z'; ++i) col = col * 26 + (ref[i] - 'A' + 1);
    return {std::stoi(ref.substr(i)), col};
}

// A worksheet as Excel writes it: <dimension>, <sheetViews>, <cols>, rows with spans, text through the shared strings
// (added to `strings`; xl/sharedStrings.xml is shared_strings_xml(strings)), a styled empty <c s="1"/> at every
// position a merged region covers but its top-left, and <mergeCells> after <sheetData>. Cells as in Rows.
inline std::string excel_worksheet_xml(const Rows& rows, const std::vector<std::string>& merges,
                                       std::vector<std::string>& strings) {
    std::size_t width = 1;
    for (const auto& row : rows) width = std::max(width, row.size());
    struct Region { int r1, c1, r2, c2; };
    std::vector<Region> regions;
    for (const std::string& m : merges) {
        auto colon = m.find(':');
        auto [r1, c1] = cell_position(m.substr(0, colon));
        auto [r2, c2] = cell_position(m.substr(colon + 1));
        regions.push_back({r1, c1, r2, c2});
        width = std::max(width, std::size_t(c2));
    }
    auto covered = [&](int r, int c) {
        for (const Region& g : regions)
            if (r >= g.r1 && r <= g.r2 && c >= g.c1 && c <= g.c2 && !(r == g.r1 && c == g.c1)) return true;
        return false;
    };
    std::string last = column_letters(int(width)) + std::to_string(rows.size());
    std::string xml =
        R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\r\n"
        R"(<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships" xmlns:mc="http://schemas.openxmlformats.org/markup-compatibility/2006" mc:Ignorable="x14ac xr xr2 xr3" xmlns:x14ac="http://schemas.microsoft.com/office/spreadsheetml/2009/9/ac" xmlns:xr="http://schemas.microsoft.com/office/spreadsheetml/2014/revision" xr:uid="{00000000-0001-0000-0000-000000000000}">)"
        R"(<dimension ref="A1:)" + last + R"("/><sheetViews><sheetView tabSelected="1" workbookViewId="0"><selection activeCell="A1" sqref="A1"/></sheetView></sheetViews>)"
        R"(<sheetFormatPr defaultRowHeight="21" x14ac:dyDescent="0.55"/><cols><col min="1" max="1" width="8.625" customWidth="1"/><col min="2" max="2" width="60.625" customWidth="1"/></cols><sheetData>)";
    std::string spans = "1:" + std::to_string(width);
    for (std::size_t r = 0; r < rows.size(); ++r) {
        int row = int(r) + 1;
        xml += "<row r=\"" + std::to_string(row) + "\" spans=\"" + spans + "\" x14ac:dyDescent=\"0.55\">";
        for (std::size_t c = 0; c < width; ++c) {
            int col = int(c) + 1;
            std::string v = c < rows[r].size() ? rows[r][c] : "";
            std::string ref = column_letters(col) + std::to_string(row);
            if (v.empty()) {
                if (covered(row, col)) xml += "<c r=\"" + ref + "\" s=\"1\"/>";
            } else if (v.starts_with("n:")) {
                xml += "<c r=\"" + ref + "\" s=\"1\"><v>" + v.substr(2) + "</v></c>";
            } else {
                strings.push_back(v);
                xml += "<c r=\"" + ref + "\" s=\"1\" t=\"s\"><v>" + std::to_string(strings.size() - 1) + "</v></c>";
            }
        }
        xml += "</row>";
    }
    xml += "</sheetData>";
    if (!merges.empty()) {
        xml += "<mergeCells count=\"" + std::to_string(merges.size()) + "\">";
        for (const std::string& m : merges) xml += "<mergeCell ref=\"" + m + "\"/>";
        xml += "</mergeCells>";
    }
    return xml + R"(<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/><pageSetup paperSize="9" orientation="landscape"/></worksheet>)";
}

inline std::string shared_strings_xml(const std::vector<std::string>& strings) {
    std::string xml = R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)" "\r\n"
                      R"(<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count=")" +
                      std::to_string(strings.size()) + "\" uniqueCount=\"" + std::to_string(strings.size()) + "\">";
    for (const std::string& s : strings) xml += "<si><t>" + xml_escape(s) + "</t></si>";
    return xml + "</sst>";
}

inline std::vector<std::byte> make_xlsx(const std::vector<SheetSpec>& sheets) {
    std::vector<std::string> names, worksheets;
    for (const SheetSpec& s : sheets) {
        names.push_back(s.name);
        worksheets.push_back(worksheet_xml(s.rows));
    }
    return make_zip(workbook_parts(names, worksheets));
}

}  // namespace saraban::test
