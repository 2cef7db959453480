// The batch's record (<output>/manifest.json, or manifest-K-of-N.json for a shard): per agency its inputs and outputs
// with their SHA-256, its findings and its status, and the environment (saraban's version, the templates and fonts,
// each hashed) the outputs were made with. Deterministic JSON (nlohmann::json; keys sorted, agencies sorted by id,
// no time stamps, no worker count), so two runs over the same inputs give the same bytes whatever -j was.
//
// While a run goes on, each finished agency is appended as one JSON line to <manifest>.journal; the manifest is
// rewritten (atomically) from the journal at the end, and --resume or merge read a journal left by a killed run.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "batch/shard.h"

namespace saraban::batch {

inline constexpr const char* kManifestFormat = "saraban-manifest/1";

struct FileHash {
    std::string path;    // inputs: as read; outputs, templates, fonts: relative to their folder
    std::string sha256;  // 64 hex digits
    bool operator==(const FileHash&) const = default;
};

struct Finding {
    std::string severity;  // "warning" or "error"
    std::string message;   // the whole line, as stderr and findings.txt give it
    bool operator==(const Finding&) const = default;
};

enum class AgencyStatus { pending, produced, failed };
const char* to_string(AgencyStatus s);

struct AgencyRecord {
    std::string id;     // the input's path relative to the input root ("sbn.xlsx", "csv/sbn"): key and shard key
    std::string input;  // the input's path as given on the command line (messages say it)
    std::vector<FileHash> inputs;   // the workbook, or each file of a CSV folder
    std::vector<FileHash> outputs;  // the PDF and the tracking workbook (names in the output folder)
    // System fonts the PDF embeds (fontconfig's, for characters the fonts of the folders lack), by absolute path:
    // they are no part of the environment, which every agency shares; --resume makes such an agency again.
    std::vector<FileHash> system_fonts;
    std::vector<Finding> findings;
    AgencyStatus status = AgencyStatus::pending;
    std::string error;  // what stopped it besides its findings (a font, the disk), or ""
    bool operator==(const AgencyRecord&) const = default;
};

// What every output depends on besides its own input.
struct Environment {
    std::string saraban_version;
    std::string font_family;           // the --font option, "" for the template's
    std::vector<FileHash> templates;   // every file under templates/ (sorted by path)
    std::vector<FileHash> fonts;       // every file under fonts/
    bool system_fonts = true;          // the system's fonts complete the fallback chain (off: --no-system-fonts)
    std::string sha256;                // of all the above (see environment_hash)
    bool operator==(const Environment&) const = default;
};

// Fills env.sha256 from the other fields.
void seal(Environment& env);

struct Manifest {
    Environment environment;
    Shard shard;
    int batch_agencies = 0;         // agencies in the whole batch, all shards together
    std::string batch_ids_sha256;   // SHA-256 of the batch's sorted ids, one a line: same batch ⇔ same value
    std::vector<AgencyRecord> agencies;  // this shard's, sorted by id
    std::vector<int> merged_shards;      // a merged manifest: the shard indexes it joins; else empty
};

// Deterministic JSON, two-space indented, ending with a newline. Strings that are not UTF-8 are written with U+FFFD.
std::string to_json(const Manifest& m);

// The same JSON in pieces, for a manifest written one agency at a time without its records in memory:
// head, then append_agency_json for each agency sorted by id (first: the first one), then tail. m.agencies is
// not read; agencies and counts stand for them.
struct AgencyCounts {
    int produced = 0, failed = 0, pending = 0;
    AgencyCounts& operator+=(AgencyStatus s);
};
struct ManifestText {
    std::string head, tail;
};
ManifestText manifest_text(const Manifest& m, std::size_t agencies, const AgencyCounts& counts);
void append_agency_json(std::string& out, const AgencyRecord& r, bool first);
[[nodiscard]] std::optional<Manifest> parse_manifest(std::string_view json, std::string& error);

// One agency as a single JSON line (with '\n'), for the journal; and back (nullopt for a torn or foreign line).
std::string to_journal_line(const AgencyRecord& r);
std::optional<AgencyRecord> parse_journal_line(std::string_view line);

// The journal beside a manifest.
std::string journal_path(const std::string& manifest_path);

// Reads a manifest and applies the records of its journal when one is left beside it (a killed run); a torn last
// line is ignored. *journal_records counts the records taken from the journal.
[[nodiscard]] std::optional<Manifest> load_manifest(const std::string& path, std::string& error,
                                                    int* journal_records = nullptr);

// Sorts agencies by id and replaces the record with the same id (or adds it).
void put_record(Manifest& m, AgencyRecord record);

// "manifest.json" for the whole batch, "manifest-K-of-N.json" for a shard.
std::string manifest_name(const Shard& shard);

struct [[nodiscard]] MergeResult {
    Manifest merged;
    std::vector<std::string> problems;  // missing shards, doubled or missing agencies, different batches
    int missing = 0;   // agencies of the batch in no manifest, or pending (a shard that did not finish)
    int doubled = 0;   // agencies in more than one manifest
    int failed = 0;    // agencies whose documents could not be produced
};

// Joins shard manifests (names are for messages): every agency once, sorted by id. Reports agencies that are in
// no manifest (shards missing or unfinished), in several, and manifests of another batch or environment.
MergeResult merge_manifests(const std::vector<std::pair<std::string, Manifest>>& manifests);

}  // namespace saraban::batch
