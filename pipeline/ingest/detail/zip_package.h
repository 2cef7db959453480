// Internal to ingest: what read_xlsx and read_ods share. Both formats are a zip package of XML parts, read from a
// file assumed hostile: the sizes in zip headers are not trusted, every part counts against a total budget, an XML
// part's elements, attributes and depth are counted as it inflates (xml_budget.h, which also refuses a DTD), before
// pugixml builds its tree, and "&#0;" is kept from cutting a text short. Each reader keeps its own words
// (which format, what to do) in PackageFormat: the messages are API, tests compare whole lines.
#pragma once

#include <cstddef>
#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <pugixml.hpp>

#include "ingest/limits.h"
#include "ingest/xlsx_reader.h"

struct zip;  // libzip's archive (zip_t), kept out of the readers

namespace saraban::ingest::detail {

class XmlBudget;

// A reader's diagnostics. An error stops reading (failed); an error about a part names the part.
struct Diagnostics {
    std::string_view file_name;
    std::vector<model::Diagnostic>& out;
    bool failed = false;

    void fail(std::string_view part, const std::string& message, model::CellRef at = {});
    void warn(const std::string& message, model::CellRef at = {});
};

// Runs read into a result, never throwing: running out of memory or any other exception is an error naming the
// file, and a result with an error holds no workbook.
XlsxResult read_guarded(std::string_view file_name, const std::function<void(XlsxResult&)>& read);

// What a file's first bytes say it is.
enum class Signature { empty, ole, zip, other };  // ole: an old .xls, or an encrypted workbook
Signature signature_of(std::span<const std::byte> bytes);

// How a format's package is named and read; the words go into its messages.
struct PackageFormat {
    std::string_view extension;       // ".xlsx": "a damaged .xlsx", "which .xlsx never needs"
    std::string_view advice;          // what to do with a zip that cannot be read
    std::string_view open_failure;    // what a part that cannot be opened says of the file
    bool case_insensitive_names;      // OPC: "XL\Workbook.xml" is xl/workbook.xml; ODF names are exact
    std::string_view nul_reference;   // what "&#0;" becomes before parsing
    unsigned parse_options;           // pugixml's
};

struct XmlPart {
    std::string text;  // pugixml parses in place: the text must live as long as the document
    pugi::xml_document document;
};

// pugi::xml_node lookups by local name, whatever the prefix.
std::string_view local_name(std::string_view qualified);
bool is_named(const pugi::xml_node& node, std::string_view name);
pugi::xml_node child_named(const pugi::xml_node& parent, std::string_view name);

// A zip package read from memory within limits. Failures go to the Diagnostics as errors (naming the part).
class ZipPackage {
public:
    ZipPackage(const PackageFormat& format, const Limits& limits, Diagnostics& diagnostics)
        : format_(format), limits_(limits), diagnostics_(diagnostics) {}
    ~ZipPackage();
    ZipPackage(const ZipPackage&) = delete;
    ZipPackage& operator=(const ZipPackage&) = delete;

    // Opens the zip (bytes must outlive the package) and indexes its entries; false with an error if it cannot.
    bool open(std::span<const std::byte> bytes);
    bool has(std::string_view part) const;
    // A part's bytes; nullopt when missing (no diagnostic) or refused (an error). With a budget, the bytes are
    // counted as XML while they inflate (and refused past it).
    std::optional<std::string> read(std::string_view part, XmlBudget* budget = nullptr);
    // A part parsed; nullptr when missing (an error only if required) or refused (an error).
    std::unique_ptr<XmlPart> parse(std::string_view part, bool required);
    // Whether a part parsed had "&#0;" (now format.nul_reference).
    bool had_nul_references() const { return nul_references_; }

private:
    std::optional<std::uint64_t> find(std::string_view part) const;
    std::uint64_t declared_size(std::uint64_t index) const;
    bool within(XmlBudget& budget, std::string_view bytes, std::string_view part);
    std::string key(std::string_view name) const;
    void fail_too_many_entries(std::uint64_t entries);
    std::string replace_nul_references(std::string xml);

    const PackageFormat& format_;
    const Limits& limits_;
    Diagnostics& diagnostics_;
    zip* archive_ = nullptr;
    std::map<std::string, std::uint64_t, std::less<>> entries_;  // by key()
    std::uint64_t total_read_ = 0;
    bool nul_references_ = false;
};

}  // namespace saraban::ingest::detail
