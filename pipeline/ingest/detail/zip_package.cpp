#include "ingest/detail/zip_package.h"

#include <zip.h>

#include "ingest/detail/xml_budget.h"

#include <algorithm>
#include <array>
#include <initializer_list>
#include <new>
#include <stdexcept>
#include <utility>

namespace saraban::ingest::detail {
namespace {

using model::Diagnostic;
using model::Severity;

std::uint64_t little_endian(std::span<const std::byte> bytes, std::size_t at, int width) {
    std::uint64_t value = 0;
    for (int i = width - 1; i >= 0; --i) value = value << 8 | std::to_integer<std::uint64_t>(bytes[at + i]);
    return value;
}

bool signature_at(std::span<const std::byte> bytes, std::size_t at, unsigned char kind_a, unsigned char kind_b) {
    return at + 4 <= bytes.size() && bytes[at] == std::byte{'P'} && bytes[at + 1] == std::byte{'K'} &&
           bytes[at + 2] == std::byte{kind_a} && bytes[at + 3] == std::byte{kind_b};
}

// The number of entries a zip's end-of-central-directory record declares (its Zip64 record's when the classic
// field is full), or nullopt when there is no such record (libzip then refuses the file). libzip allocates a record
// for each declared entry when it opens the zip, before saraban can count them: 370,000 empty entries in a 30 MB
// file cost 80 MB there. libzip refuses a count its central directory does not hold ("inconsistent"), so the count
// read here bounds what it would allocate, and a zip past zip-entries is refused before it is opened.
std::optional<std::uint64_t> declared_entries(std::span<const std::byte> bytes) {
    constexpr std::size_t eocd_size = 22, max_comment = 0xFFFF;
    if (bytes.size() < eocd_size) return std::nullopt;
    const std::size_t last = bytes.size() - eocd_size;
    const std::size_t first = last > max_comment ? last - max_comment : 0;
    for (std::size_t at = last + 1; at-- > first;) {
        if (!signature_at(bytes, at, 5, 6)) continue;
        std::uint64_t entries = little_endian(bytes, at + 10, 2);
        // Zip64: a locator (20 bytes) right before the record points at the Zip64 record, whose count is at +32.
        if (entries == 0xFFFF && at >= 20 && signature_at(bytes, at - 20, 6, 7)) {
            std::uint64_t record = little_endian(bytes, at - 20 + 8, 8);
            if (record <= bytes.size() - 56 && signature_at(bytes, std::size_t(record), 6, 6))
                entries = little_endian(bytes, std::size_t(record) + 32, 8);
        }
        return entries;
    }
    return std::nullopt;
}

}  // namespace

void Diagnostics::fail(std::string_view part, const std::string& message, model::CellRef at) {
    at.file = std::string(file_name);
    std::string text = message;
    if (!part.empty()) text = "ส่วน " + std::string(part) + " (part " + std::string(part) + "): " + message;
    out.push_back(Diagnostic{Severity::error, std::move(at), std::move(text)});
    failed = true;
}

void Diagnostics::warn(const std::string& message, model::CellRef at) {
    at.file = std::string(file_name);
    out.push_back(Diagnostic{Severity::warning, std::move(at), message});
}

XlsxResult read_guarded(std::string_view file_name, const std::function<void(XlsxResult&)>& read) {
    XlsxResult result;
    try {
        read(result);
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

Signature signature_of(std::span<const std::byte> bytes) {
    auto starts_with = [&](std::initializer_list<unsigned char> magic) {
        if (bytes.size() < magic.size()) return false;
        return std::equal(magic.begin(), magic.end(), bytes.begin(),
                          [](unsigned char m, std::byte b) { return m == std::to_integer<unsigned char>(b); });
    };
    if (bytes.empty()) return Signature::empty;
    if (starts_with({0xD0, 0xCF, 0x11, 0xE0})) return Signature::ole;
    if (starts_with({'P', 'K', 0x03, 0x04}) || starts_with({'P', 'K', 0x05, 0x06})) return Signature::zip;
    return Signature::other;
}

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

ZipPackage::~ZipPackage() {
    if (archive_) zip_discard(archive_);
}

bool ZipPackage::open(std::span<const std::byte> bytes) {
    if (std::optional<std::uint64_t> declared = declared_entries(bytes);
        declared && *declared > std::uint64_t(limits_.max_entries)) {
        fail_too_many_entries(*declared);
        return false;
    }
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
    if (source) {
        archive_ = zip_open_from_source(source, ZIP_RDONLY, &error);
        if (!archive_) zip_source_free(source);
    }
    if (!archive_) {
        const std::string extension(format_.extension);
        diagnostics_.fail("", "ไฟล์ " + extension + " เสียหาย อ่านไฟล์ zip ไม่ได้ (a damaged " + extension +
                                  ": the zip cannot be read: " + std::string(zip_error_strerror(&error)) + "); " +
                                  std::string(format_.advice));
        zip_error_fini(&error);
        return false;
    }
    zip_error_fini(&error);
    zip_int64_t entries = zip_get_num_entries(archive_, 0);
    if (entries < 0 || entries > limits_.max_entries) {
        fail_too_many_entries(std::uint64_t(std::max<zip_int64_t>(entries, 0)));
        return false;
    }
    for (zip_int64_t i = 0; i < entries; ++i)
        if (const char* name = zip_get_name(archive_, zip_uint64_t(i), ZIP_FL_ENC_RAW))
            entries_.emplace(key(name), zip_uint64_t(i));
    return true;
}

void ZipPackage::fail_too_many_entries(std::uint64_t entries) {
    diagnostics_.fail("", "ไฟล์ zip มีรายการมากเกินไป (too many zip entries: " + std::to_string(entries) + ", at most " +
                              std::to_string(limits_.max_entries) + ")" + raise_hint("zip-entries"));
}

// OPC part names are case-insensitive, and some writers store "xl\workbook.xml": such entries are indexed by a
// normalised name. (Entry names are only ever compared, never used as file paths.)
std::string ZipPackage::key(std::string_view name) const {
    if (!format_.case_insensitive_names) return std::string(name);
    std::string key;
    for (char c : name) key += c == '\\' ? '/' : (c >= 'A' && c <= 'Z') ? char(c - 'A' + 'a') : c;
    if (key.starts_with('/')) key.erase(0, 1);
    return key;
}

std::optional<std::uint64_t> ZipPackage::find(std::string_view part) const {
    auto it = entries_.find(key(part));
    return it == entries_.end() ? std::nullopt : std::optional(it->second);
}

bool ZipPackage::has(std::string_view part) const { return find(part).has_value(); }

// Reads in chunks, stopping as soon as the per-part or total limit is passed (the sizes in the zip headers are
// not trusted), or, for an XML part, as soon as its budget is.
std::optional<std::string> ZipPackage::read(std::string_view part, XmlBudget* budget) {
    std::optional<std::uint64_t> index = find(part);
    if (!index) return std::nullopt;
    zip_file_t* file = zip_fopen_index(archive_, *index, 0);
    if (!file) {
        diagnostics_.fail(part, "เปิดอ่านไม่ได้ (cannot be opened: " + std::string(zip_strerror(archive_)) + "); " +
                                    std::string(format_.open_failure));
        return std::nullopt;
    }
    std::string content;
    content.reserve(std::size_t(std::min(declared_size(*index), limits_.max_part_uncompressed)));
    std::array<char, 64 * 1024> chunk;
    for (zip_int64_t n; (n = zip_fread(file, chunk.data(), chunk.size())) != 0;) {
        if (n < 0) {
            const std::string reason = zip_file_strerror(file);
            diagnostics_.fail(part, "อ่านไม่ได้ ข้อมูลเสียหาย (cannot be read: " + reason + ")");
            zip_fclose(file);
            return std::nullopt;
        }
        content.append(chunk.data(), std::size_t(n));
        total_read_ += std::uint64_t(n);
        const bool part_over = content.size() > limits_.max_part_uncompressed;
        if (part_over || total_read_ > limits_.max_total_uncompressed) {
            diagnostics_.fail(part, "ขยายแล้วใหญ่เกินกำหนด อาจเป็น zip bomb (too large when uncompressed: over " +
                                        std::to_string(part_over ? limits_.max_part_uncompressed
                                                                 : limits_.max_total_uncompressed) +
                                        " bytes" + (part_over ? "" : " in all parts together") + ")" +
                                        raise_hint(part_over ? "part-bytes" : "total-bytes"));
            zip_fclose(file);
            return std::nullopt;
        }
        if (budget && !within(*budget, std::string_view(chunk.data(), std::size_t(n)), part)) {
            zip_fclose(file);
            return std::nullopt;
        }
    }
    zip_fclose(file);
    return content;
}

// What the zip's directory says the part inflates to: a hint for the buffer, never a limit.
std::uint64_t ZipPackage::declared_size(std::uint64_t index) const {
    zip_stat_t stat;
    if (zip_stat_index(archive_, index, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) return 0;
    return stat.size;
}

// Feeds the budget; false with the error when the bytes pass one of its limits.
bool ZipPackage::within(XmlBudget& budget, std::string_view bytes, std::string_view part) {
    switch (budget.feed(bytes)) {
        case XmlBudget::Over::none:
            return true;
        case XmlBudget::Over::nodes:
            diagnostics_.fail(part, "XML มีอีลิเมนต์และข้อความเกิน " + std::to_string(limits_.max_xml_nodes) +
                                        " รายการ (more than " + std::to_string(limits_.max_xml_nodes) +
                                        " XML elements and text runs)" + raise_hint("xml-elements"));
            break;
        case XmlBudget::Over::attributes:
            diagnostics_.fail(part, "XML มีแอตทริบิวต์เกิน " + std::to_string(limits_.max_xml_attributes) +
                                        " รายการ (more than " + std::to_string(limits_.max_xml_attributes) +
                                        " XML attributes)" + raise_hint("xml-attributes"));
            break;
        case XmlBudget::Over::depth:
            diagnostics_.fail(part, "XML ซ้อนลึกเกินกำหนด (XML nested deeper than " +
                                        std::to_string(limits_.max_xml_depth) + " elements)" +
                                        raise_hint("xml-depth"));
            break;
        case XmlBudget::Over::dtd:  // billion laughs and external entities live in the DTD
            diagnostics_.fail(part, "มีการประกาศ DOCTYPE/ENTITY ซึ่งไม่อนุญาต (has a DOCTYPE or entity declaration, "
                                    "which " + std::string(format_.extension) + " never needs: refused)");
            break;
    }
    return false;
}

std::unique_ptr<XmlPart> ZipPackage::parse(std::string_view part, bool required) {
    if (!has(part)) {
        if (required) diagnostics_.fail(part, "ไม่พบในไฟล์ (missing from the file)");
        return nullptr;
    }
    XmlBudget budget(limits_);
    auto content = read(part, &budget);
    if (!content) return nullptr;
    auto xml = std::make_unique<XmlPart>();
    xml->text = replace_nul_references(std::move(*content));
    auto parsed = xml->document.load_buffer_inplace(xml->text.data(), xml->text.size(), format_.parse_options);
    if (!parsed) {
        diagnostics_.fail(part, "XML เสียหาย (malformed XML at byte " + std::to_string(parsed.offset) + ": " +
                                    parsed.description() + ")");
        return nullptr;
    }
    return xml;
}

// pugixml decodes "&#0;" ("&#x00;", …) to a NUL, which ends the text it is in: the rest of the cell would vanish in
// silence. Each reader writes it as something that reaches the cell's text, which is then refused for it.
std::string ZipPackage::replace_nul_references(std::string xml) {
    std::string out;
    std::size_t copied = 0;
    bool found = false;
    for (std::size_t at = xml.find("&#"); at != std::string::npos; at = xml.find("&#", at + 2)) {
        std::size_t i = at + 2;
        if (i < xml.size() && (xml[i] == 'x' || xml[i] == 'X')) ++i;
        const std::size_t digits = i;
        while (i < xml.size() && xml[i] == '0') ++i;
        if (i == digits || i == xml.size() || xml[i] != ';') continue;
        out.append(xml, copied, at - copied).append(format_.nul_reference);
        copied = i + 1;
        found = true;
    }
    if (!found) return xml;
    nul_references_ = true;
    return out.append(xml, copied);
}

}  // namespace saraban::ingest::detail
