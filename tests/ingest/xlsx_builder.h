// Builds small .xlsx files in memory for tests: a zip written with libzip, with the parts a test asks for.
#pragma once

#include <zip.h>

#include <cstddef>
#include <cstring>
#include <stdexcept>
#include <string>
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

// The bytes of a zip holding these parts (and the zero-filled ones, deflated).
inline std::vector<std::byte> make_zip(const std::vector<Part>& parts, const std::vector<Zeros>& zeros = {}) {
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    zip_t* archive = buffer ? zip_open_from_source(buffer, ZIP_TRUNCATE, &error) : nullptr;
    if (!archive) throw std::runtime_error("make_zip: cannot create the zip");
    zip_source_keep(buffer);
    for (const Part& p : parts) {
        zip_source_t* s = zip_source_buffer(archive, p.content.data(), p.content.size(), 0);
        if (!s || zip_file_add(archive, p.name.c_str(), s, ZIP_FL_ENC_UTF_8) < 0)
            throw std::runtime_error("make_zip: cannot add " + p.name);
    }
    for (const Zeros& z : zeros) {
        auto* state = new detail::ZeroState{z.size, z.size};
        zip_source_t* s = zip_source_function(archive, detail::zero_source, state);
        zip_int64_t index = s ? zip_file_add(archive, z.name.c_str(), s, 0) : -1;
        if (index < 0) throw std::runtime_error("make_zip: cannot add " + z.name);
        zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
    }
    if (zip_close(archive) < 0) throw std::runtime_error("make_zip: cannot write the zip");

    std::vector<std::byte> bytes;
    if (zip_source_open(buffer) < 0) throw std::runtime_error("make_zip: cannot reopen");
    zip_source_seek(buffer, 0, SEEK_END);
    bytes.resize(std::size_t(zip_source_tell(buffer)));
    zip_source_seek(buffer, 0, SEEK_SET);
    zip_source_read(buffer, bytes.data(), bytes.size());
    zip_source_close(buffer);
    zip_source_free(buffer);
    return bytes;
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

// A row of cells as written in the test: "n:96.29" is a number cell, "" no cell, anything else an inline string.
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

inline std::vector<std::byte> make_xlsx(const std::vector<SheetSpec>& sheets) {
    std::vector<std::string> names, worksheets;
    for (const SheetSpec& s : sheets) {
        names.push_back(s.name);
        worksheets.push_back(worksheet_xml(s.rows));
    }
    return make_zip(workbook_parts(names, worksheets));
}

}  // namespace saraban::test
