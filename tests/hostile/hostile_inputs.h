// Makers of hostile files for the catalogue: zips whose parts are a pattern repeated millions of times, produced
// on the fly while libzip deflates them (a 120 MB part never sits in memory), and byte surgery on a zip's headers.
#pragma once

#include <zip.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <stdexcept>
#include <string>
#include <vector>

#include "ingest/xlsx_builder.h"
#include "support/process.h"

namespace saraban::testing {

// A part: head, then unit count times, then tail.
struct Repeated {
    std::string name;
    std::string head;
    std::string unit;
    std::uint64_t count = 0;
    std::string tail;

    std::uint64_t size() const { return head.size() + unit.size() * count + tail.size(); }
};

namespace detail {

struct RepeatedState {
    Repeated part;
    std::uint64_t at = 0;  // bytes given so far

    // Copies the bytes from at onwards into out, at most len.
    std::uint64_t read(char* out, std::uint64_t len) {
        std::uint64_t done = 0;
        const std::uint64_t body_end = part.head.size() + part.unit.size() * part.count;
        while (done < len && at < part.size()) {
            const std::string* piece = &part.tail;
            std::uint64_t offset = at - body_end;
            if (at < part.head.size()) {
                piece = &part.head;
                offset = at;
            } else if (at < body_end) {
                piece = &part.unit;
                offset = (at - part.head.size()) % part.unit.size();
            }
            const std::uint64_t n = std::min<std::uint64_t>(len - done, piece->size() - offset);
            std::memcpy(out + done, piece->data() + offset, n);
            done += n;
            at += n;
        }
        return done;
    }
};

inline zip_int64_t repeated_source(void* userdata, void* data, zip_uint64_t len, zip_source_cmd_t cmd) {
    auto* state = static_cast<RepeatedState*>(userdata);
    switch (cmd) {
        case ZIP_SOURCE_OPEN: state->at = 0; return 0;
        case ZIP_SOURCE_READ: return zip_int64_t(state->read(static_cast<char*>(data), len));
        case ZIP_SOURCE_CLOSE: return 0;
        case ZIP_SOURCE_STAT: {
            auto* st = static_cast<zip_stat_t*>(data);
            zip_stat_init(st);
            st->size = state->part.size();
            st->valid |= ZIP_STAT_SIZE;
            return sizeof(zip_stat_t);
        }
        case ZIP_SOURCE_FREE: delete state; return 0;
        case ZIP_SOURCE_SUPPORTS:
            return zip_source_make_command_bitmap(ZIP_SOURCE_OPEN, ZIP_SOURCE_READ, ZIP_SOURCE_CLOSE,
                                                  ZIP_SOURCE_STAT, ZIP_SOURCE_ERROR, ZIP_SOURCE_FREE, -1);
        default: return -1;
    }
}

}  // namespace detail

// A zip of the parts (deflated; a "mimetype" stored) and the repeated parts (deflated at level 9: ~1000:1).
inline std::vector<std::byte> zip_of(const std::vector<test::Part>& parts, const std::vector<Repeated>& repeated) {
    test::ZipInMemory zip;
    for (const test::Part& p : parts) zip.add(p);
    for (const Repeated& r : repeated)
        zip.add(r.name, zip_source_function(zip.archive(), detail::repeated_source, new detail::RepeatedState{r}), 9);
    return zip.bytes();
}

// An .xlsx of one sheet, Sheet1, whose worksheet part is the repeated one (its name is set here).
inline std::vector<std::byte> xlsx_with_sheet(Repeated sheet, const std::vector<test::Part>& extra = {}) {
    std::vector<test::Part> parts = test::workbook_parts({"Sheet1"}, {""});
    std::erase_if(parts, [](const test::Part& p) { return p.name == "xl/worksheets/sheet1.xml"; });
    sheet.name = "xl/worksheets/sheet1.xml";
    return zip_of(test::with_parts(parts, extra), {sheet});
}

inline const std::string worksheet_head =
    R"(<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData>)";
inline const std::string worksheet_tail = "</sheetData></worksheet>";

// Sets the uncompressed size an entry's local header and central directory record declare, leaving its data as
// it is: a zip whose headers lie.
inline void declare_size(std::vector<std::byte>& zip, const std::string& entry, std::uint32_t size) {
    auto put32 = [&](std::size_t at, std::uint32_t v) {
        for (int i = 0; i < 4; ++i) zip[at + std::size_t(i)] = std::byte((v >> (8 * i)) & 0xFF);
    };
    auto get16 = [&](std::size_t at) { return unsigned(zip[at]) | unsigned(zip[at + 1]) << 8; };
    const char* bytes = reinterpret_cast<const char*>(zip.data());
    int patched = 0;
    for (std::size_t i = 0; i + 46 < zip.size(); ++i) {
        const bool local = std::memcmp(bytes + i, "PK\x03\x04", 4) == 0;
        const bool central = std::memcmp(bytes + i, "PK\x01\x02", 4) == 0;
        if (!local && !central) continue;
        const std::size_t name_at = i + (local ? 30 : 46);
        const std::size_t name_length = get16(i + (local ? 26 : 28));
        if (name_length != entry.size() || std::memcmp(bytes + name_at, entry.data(), entry.size()) != 0) continue;
        put32(i + (local ? 22 : 24), size);
        ++patched;
    }
    if (patched != 2) throw std::runtime_error("declare_size: " + entry + " not found twice");
}

inline void write_bytes(const fs::path& path, const std::vector<std::byte>& bytes) {
    write_file(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace saraban::testing
