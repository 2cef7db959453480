// The limits that keep one input within bounded memory and time, whatever its bytes: every reader checks them while
// it reads (a zip part as it inflates, an XML part's elements before its tree is built, a CSV as it decodes), never
// after the memory is spent. docs/limits.md names each one, its default and why; a run sets them by name
// (`saraban run --limit rows=200000`), and an error past one names it, so that the user knows what to raise.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <variant>

namespace saraban::ingest {

struct Limits {
    // The file
    std::uint64_t max_file_bytes = 32ull << 20;  // file-bytes: one input file (a workbook, or one CSV file)
    // Zip packages (.xlsx, .ods)
    std::int64_t max_entries = 10000;                      // zip-entries
    std::uint64_t max_part_uncompressed = 32ull << 20;     // part-bytes: one part inflated, or one CSV file decoded
    std::uint64_t max_total_uncompressed = 128ull << 20;   // total-bytes: all parts (or CSV files) together; and
                                                           // the cells' text, against one string shown many times
    // XML parts, counted by a streaming pass before the tree is built
    std::int64_t max_xml_nodes = 1'000'000;       // xml-elements: elements and text runs, one part
    std::int64_t max_xml_attributes = 1'000'000;  // xml-attributes: attributes, one part
    int max_xml_depth = 256;                      // xml-depth: element nesting
    // Sheets, whatever the format
    int max_rows = 100000;                 // rows: per sheet
    int max_cols = 16384;                  // columns: per sheet (Excel's own limit, XFD)
    std::int64_t max_cells = 1'000'000;    // cells: cells with a value, all sheets together (.ods repeats expanded)
    std::int64_t max_shared_strings = 1'000'000;  // shared-strings: an .xlsx's table of texts
    std::uint64_t max_string_bytes = 1 << 20;     // cell-bytes: one cell's text
    int max_merged_ranges = 100000;               // merged-ranges: per sheet
    // CSV folders
    std::uint64_t max_record_bytes = 1 << 20;  // csv-row-bytes: one record (quoted line breaks inside it)
    int max_files = 64;                        // csv-files: CSV files in one agency folder
    // The memo (checked by the batch after layout)
    int max_pages = 500;  // pages: one memo, its attachments included
};

// A limit as the user names it.
struct LimitSetting {
    std::string_view name;         // "rows"
    std::string_view unit;         // "bytes" or "" (a count)
    std::string_view description;  // one line, English
    std::variant<int Limits::*, std::int64_t Limits::*, std::uint64_t Limits::*> member;
};

// Every setting, in the order docs/limits.md lists them.
std::span<const LimitSetting> limit_settings();

// The setting's value in limits, as a number.
std::uint64_t limit_value(const Limits& limits, const LimitSetting& setting);

// Applies "NAME=VALUE" (VALUE a whole number ≥ 1; byte limits also take a KiB, MiB or GiB suffix: part-bytes=64MiB).
// Returns "" or what is wrong, in Thai and English, naming the settings when the name is unknown.
[[nodiscard]] std::string set_limit(Limits& limits, std::string_view assignment);

// What an error past a limit ends with, so that the user knows what to raise:
// "; ปรับได้ด้วย --limit rows=… (raise it with --limit rows=N)".
std::string raise_hint(std::string_view setting);

}  // namespace saraban::ingest
