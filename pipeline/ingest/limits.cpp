#include "ingest/limits.h"

#include <charconv>
#include <limits>
#include <type_traits>
#include <utility>

namespace saraban::ingest {
namespace {

constexpr LimitSetting settings[] = {
    {"file-bytes", "bytes", "one input file: a workbook, or one CSV file of an agency folder", &Limits::max_file_bytes},
    {"zip-entries", "", "entries in a workbook's zip", &Limits::max_entries},
    {"part-bytes", "bytes", "one zip part as it inflates, or one CSV file decoded to UTF-8",
     &Limits::max_part_uncompressed},
    {"total-bytes", "bytes", "all parts (or CSV files) of one input together, and all its cells' text",
     &Limits::max_total_uncompressed},
    {"xml-elements", "", "elements and text runs of one XML part, counted before its tree is built",
     &Limits::max_xml_nodes},
    {"xml-attributes", "", "attributes of one XML part, counted before its tree is built",
     &Limits::max_xml_attributes},
    {"xml-depth", "", "elements nested in one another", &Limits::max_xml_depth},
    {"rows", "", "the last row a cell may be in, per sheet", &Limits::max_rows},
    {"columns", "", "the last column a cell may be in, per sheet", &Limits::max_cols},
    {"cells", "", "cells with a value, all sheets of one input together", &Limits::max_cells},
    {"shared-strings", "", "texts in an .xlsx's shared-strings table", &Limits::max_shared_strings},
    {"cell-bytes", "bytes", "one cell's text", &Limits::max_string_bytes},
    {"merged-ranges", "", "merged ranges per sheet", &Limits::max_merged_ranges},
    {"csv-row-bytes", "bytes", "one CSV record (a line, with the line breaks quoted inside it)",
     &Limits::max_record_bytes},
    {"csv-files", "", "CSV files in one agency folder", &Limits::max_files},
    {"pages", "", "pages of one memo, attachments included", &Limits::max_pages},
};

// The largest value a member of this type may be set to.
template <typename T>
std::uint64_t largest(T Limits::*) {
    return std::uint64_t(std::numeric_limits<T>::max());
}

// "64MiB" → 67108864; nullopt-like 0 for anything that is not a whole number ≥ 1 (with a suffix only for bytes).
std::uint64_t parse_value(std::string_view text, bool bytes) {
    std::uint64_t scale = 1;
    for (auto [suffix, factor] : {std::pair{"KiB", 1ull << 10}, {"MiB", 1ull << 20}, {"GiB", 1ull << 30}}) {
        if (bytes && text.size() > 3 && text.ends_with(suffix)) {
            text.remove_suffix(3);
            scale = factor;
        }
    }
    std::uint64_t value = 0;
    auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
    if (ec != std::errc() || end != text.data() + text.size() || value == 0) return 0;
    if (value > std::numeric_limits<std::uint64_t>::max() / scale) return 0;
    return value * scale;
}

std::string setting_names() {
    std::string names;
    for (const LimitSetting& s : settings) names += (names.empty() ? "" : ", ") + std::string(s.name);
    return names;
}

}  // namespace

std::span<const LimitSetting> limit_settings() { return settings; }

std::uint64_t limit_value(const Limits& limits, const LimitSetting& setting) {
    return std::visit([&](auto member) { return std::uint64_t(limits.*member); }, setting.member);
}

std::string set_limit(Limits& limits, std::string_view assignment) {
    const auto equals = assignment.find('=');
    const std::string_view name = assignment.substr(0, equals);
    for (const LimitSetting& s : settings) {
        if (s.name != name) continue;
        if (equals == std::string_view::npos)
            return "--limit " + std::string(name) + ": ต้องมีค่า (needs a value: --limit " + std::string(name) + "=N)";
        const std::string_view text = assignment.substr(equals + 1);
        const std::uint64_t value = parse_value(text, s.unit == "bytes");
        const std::uint64_t most = std::visit([](auto member) { return largest(member); }, s.member);
        if (value == 0 || value > most)
            return "--limit " + std::string(name) + ": ค่าไม่ถูกต้อง \"" + std::string(text) + "\" (not a whole number "
                   "from 1 to " + std::to_string(most) + (s.unit == "bytes" ? "; a KiB, MiB or GiB suffix may follow" : "") +
                   ")";
        std::visit([&](auto member) { limits.*member = std::remove_reference_t<decltype(limits.*member)>(value); }, s.member);
        return "";
    }
    return "--limit: ไม่รู้จัก \"" + std::string(name) + "\" (no such limit; the limits are " + setting_names() +
           ": docs/limits.md)";
}

std::string raise_hint(std::string_view setting) {
    return "; ปรับได้ด้วย --limit " + std::string(setting) + "=… (raise it with --limit " + std::string(setting) +
           "=N)";
}

}  // namespace saraban::ingest
