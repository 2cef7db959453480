#include "batch/manifest.h"

#include <nlohmann/json.hpp>

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>
#include <set>

#include "batch/sha256.h"

namespace saraban::batch {

using nlohmann::json;

namespace {

std::string dump(const json& j, int indent) {
    return j.dump(indent, ' ', false, json::error_handler_t::replace);
}

json files_json(const std::vector<FileHash>& files) {
    json a = json::array();
    for (const auto& f : files) a.push_back({{"path", f.path}, {"sha256", f.sha256}});
    return a;
}

std::vector<FileHash> files_from(const json& a) {
    std::vector<FileHash> out;
    if (!a.is_array()) return out;
    for (const auto& f : a) out.push_back({f.value("path", ""), f.value("sha256", "")});
    return out;
}

json record_json(const AgencyRecord& r) {
    json findings = json::array();
    for (const auto& f : r.findings) findings.push_back({{"severity", f.severity}, {"message", f.message}});
    json j = {{"id", r.id},
              {"input", r.input},
              {"inputs", files_json(r.inputs)},
              {"outputs", files_json(r.outputs)},
              {"findings", findings},
              {"status", to_string(r.status)}};
    if (!r.error.empty()) j["error"] = r.error;
    if (!r.system_fonts.empty()) j["system_fonts"] = files_json(r.system_fonts);
    return j;
}

std::optional<AgencyRecord> record_from(const json& j) {
    if (!j.is_object() || !j.contains("id") || !j["id"].is_string()) return std::nullopt;
    AgencyRecord r;
    r.id = j["id"].get<std::string>();
    r.input = j.value("input", "");
    r.inputs = files_from(j.value("inputs", json::array()));
    r.outputs = files_from(j.value("outputs", json::array()));
    for (const auto& f : j.value("findings", json::array()))
        if (f.is_object()) r.findings.push_back({f.value("severity", ""), f.value("message", "")});
    const std::string status = j.value("status", "pending");
    r.status = status == "produced" ? AgencyStatus::produced
               : status == "failed" ? AgencyStatus::failed
                                    : AgencyStatus::pending;
    r.error = j.value("error", "");
    r.system_fonts = files_from(j.value("system_fonts", json::array()));
    return r;
}

json environment_json(const Environment& e) {
    return {{"saraban_version", e.saraban_version},
            {"font_family", e.font_family},
            {"templates", files_json(e.templates)},
            {"fonts", files_json(e.fonts)},
            {"system_fonts", e.system_fonts},
            {"sha256", e.sha256}};
}

}  // namespace

const char* to_string(AgencyStatus s) {
    switch (s) {
    case AgencyStatus::produced: return "produced";
    case AgencyStatus::failed: return "failed";
    case AgencyStatus::pending: break;
    }
    return "pending";
}

void seal(Environment& env) {
    Environment copy = env;
    copy.sha256.clear();
    env.sha256 = sha256_hex(dump(environment_json(copy), -1));
}

ManifestText manifest_text(const Manifest& m, std::size_t agencies, const AgencyCounts& counts) {
    // The agencies are written one by one into the array's place, never built into one JSON tree: for 100,000
    // agencies the tree, or even the text, would be tens of megabytes.
    const json array = agencies == 0 ? json::array() : json::array({nullptr});
    json j = {{"format", kManifestFormat},
              {"environment", environment_json(m.environment)},
              {"batch", {{"agencies", m.batch_agencies}, {"ids_sha256", m.batch_ids_sha256}}},
              {"summary", {{"agencies", int(agencies)}, {"produced", counts.produced}, {"failed", counts.failed},
                           {"pending", counts.pending}}},
              {"agencies", array}};
    if (m.merged_shards.empty()) j["shard"] = {{"index", m.shard.index}, {"count", m.shard.count}};
    else j["shard"] = {{"count", m.shard.count}, {"merged", m.merged_shards}};
    std::string text = dump(j, 2) + "\n";
    if (agencies == 0) return {std::move(text), ""};
    const std::string placeholder = "\"agencies\": [\n    null\n  ]";
    const std::size_t at = text.find(placeholder);
    return {text.substr(0, at) + "\"agencies\": [\n", "\n  ]" + text.substr(at + placeholder.size())};
}

void append_agency_json(std::string& out, const AgencyRecord& r, bool first) {
    out += first ? "    " : ",\n    ";
    const std::string one = dump(record_json(r), 2);  // its lines indented under the array's
    for (char c : one) {
        out += c;
        if (c == '\n') out += "    ";
    }
}

AgencyCounts& AgencyCounts::operator+=(AgencyStatus s) {
    (s == AgencyStatus::produced ? produced : s == AgencyStatus::failed ? failed : pending)++;
    return *this;
}

std::string to_json(const Manifest& m) {
    AgencyCounts counts;
    for (const auto& r : m.agencies) counts += r.status;
    const ManifestText text = manifest_text(m, m.agencies.size(), counts);
    std::string out;
    out.reserve(text.head.size() + text.tail.size() + m.agencies.size() * 800);
    out += text.head;
    for (std::size_t i = 0; i < m.agencies.size(); ++i) append_agency_json(out, m.agencies[i], i == 0);
    out += text.tail;
    return out;
}

std::optional<Manifest> parse_manifest(std::string_view text, std::string& error) {
    json j = json::parse(text.begin(), text.end(), nullptr, false);
    if (j.is_discarded() || !j.is_object()) {
        error = "not JSON";
        return std::nullopt;
    }
    if (j.value("format", "") != kManifestFormat) {
        error = "not a saraban manifest (format \"" + j.value("format", "") + "\", want " + kManifestFormat + ")";
        return std::nullopt;
    }
    try {
        Manifest m;
        const json& env = j.at("environment");
        m.environment.saraban_version = env.value("saraban_version", "");
        m.environment.font_family = env.value("font_family", "");
        m.environment.templates = files_from(env.value("templates", json::array()));
        m.environment.fonts = files_from(env.value("fonts", json::array()));
        m.environment.system_fonts = env.value("system_fonts", true);
        m.environment.sha256 = env.value("sha256", "");
        const json& batch = j.at("batch");
        m.batch_agencies = batch.value("agencies", 0);
        m.batch_ids_sha256 = batch.value("ids_sha256", "");
        const json& shard = j.at("shard");
        m.shard.count = shard.value("count", 1);
        m.shard.index = shard.value("index", 1);
        if (shard.contains("merged")) m.merged_shards = shard["merged"].get<std::vector<int>>();
        for (const auto& a : j.at("agencies")) {
            auto r = record_from(a);
            if (!r) {
                error = "an agency without an id";
                return std::nullopt;
            }
            m.agencies.push_back(std::move(*r));
        }
        std::sort(m.agencies.begin(), m.agencies.end(), [](const auto& a, const auto& b) { return a.id < b.id; });
        return m;
    } catch (const json::exception& e) {
        error = std::string("malformed manifest: ") + e.what();
        return std::nullopt;
    }
}

std::string to_journal_line(const AgencyRecord& r) { return dump(record_json(r), -1) + "\n"; }

std::optional<AgencyRecord> parse_journal_line(std::string_view line) {
    json j = json::parse(line.begin(), line.end(), nullptr, false);
    if (j.is_discarded()) return std::nullopt;
    return record_from(j);
}

std::string journal_path(const std::string& manifest_path) { return manifest_path + ".journal"; }

void put_record(Manifest& m, AgencyRecord record) {
    auto it = std::lower_bound(m.agencies.begin(), m.agencies.end(), record.id,
                               [](const AgencyRecord& a, const std::string& id) { return a.id < id; });
    if (it != m.agencies.end() && it->id == record.id) *it = std::move(record);
    else m.agencies.insert(it, std::move(record));
}

std::optional<Manifest> load_manifest(const std::string& path, std::string& error, int* journal_records) {
    std::ifstream in(path, std::ios::binary);
    if (!in) {
        error = path + ": cannot open";
        return std::nullopt;
    }
    const std::string text((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    auto m = parse_manifest(text, error);
    if (!m) {
        error = path + ": " + error;
        return std::nullopt;
    }
    int applied = 0;
    std::ifstream journal(journal_path(path), std::ios::binary);
    for (std::string line; std::getline(journal, line);) {
        if (auto r = parse_journal_line(line)) {
            put_record(*m, std::move(*r));
            ++applied;
        }
    }
    if (journal_records) *journal_records = applied;
    return m;
}

std::string manifest_name(const Shard& shard) { return shard_file_name("manifest", ".json", shard); }

MergeResult merge_manifests(const std::vector<std::pair<std::string, Manifest>>& manifests) {
    MergeResult out;
    if (manifests.empty()) return out;
    const Manifest& first = manifests.front().second;
    out.merged.environment = first.environment;
    out.merged.batch_agencies = first.batch_agencies;
    out.merged.batch_ids_sha256 = first.batch_ids_sha256;
    out.merged.shard.count = first.shard.count;
    out.merged.shard.index = 1;
    std::map<int, std::string> shard_seen;  // index → manifest name
    std::map<std::string, std::string> agency_seen;  // id → manifest name
    std::set<std::string> doubled;
    for (const auto& [name, m] : manifests) {
        if (m.batch_ids_sha256 != first.batch_ids_sha256 || m.shard.count != first.shard.count) {
            out.problems.push_back(name + ": another batch than " + manifests.front().first + " (" +
                                   std::to_string(m.batch_agencies) + " agencies in " + std::to_string(m.shard.count) +
                                   " shard(s), not " + std::to_string(first.batch_agencies) + " in " +
                                   std::to_string(first.shard.count) + ")");
        }
        if (m.environment.sha256 != first.environment.sha256)
            out.problems.push_back(name + ": made with other templates, fonts or saraban version than " +
                                   manifests.front().first);
        const std::vector<int> indexes = m.merged_shards.empty() ? std::vector<int>{m.shard.index} : m.merged_shards;
        for (int index : indexes) {
            auto [it, fresh] = shard_seen.emplace(index, name);
            if (!fresh)
                out.problems.push_back(name + ": shard " + std::to_string(index) + " of " +
                                       std::to_string(m.shard.count) + " is also in " + it->second);
        }
        for (const auto& r : m.agencies) {
            auto [it, fresh] = agency_seen.emplace(r.id, name);
            if (!fresh) {
                if (doubled.insert(r.id).second) ++out.doubled;
                out.problems.push_back(r.id + ": doubled, in " + it->second + " and " + name);
                continue;
            }
            if (r.status == AgencyStatus::pending) {
                ++out.missing;
                out.problems.push_back(r.id + ": missing, not finished in " + name);
            }
            if (r.status == AgencyStatus::failed) ++out.failed;
            put_record(out.merged, r);
        }
    }
    for (int k = 1; k <= first.shard.count; ++k) {
        if (!shard_seen.count(k))
            out.problems.push_back("shard " + std::to_string(k) + " of " + std::to_string(first.shard.count) +
                                   ": no manifest (its agencies are missing)");
        else out.merged.merged_shards.push_back(k);
    }
    const int absent = first.batch_agencies - int(agency_seen.size());
    if (absent > 0) {
        out.missing += absent;
        out.problems.push_back(std::to_string(absent) + " of the batch's " + std::to_string(first.batch_agencies) +
                               " agencies are in no manifest");
    }
    // Every shard there, every agency once and finished: the batch is whole, and its manifest is the one a single
    // run of the same inputs writes, byte for byte (same input, same bytes, for any shard split).
    if (out.problems.empty()) {
        out.merged.shard = {};
        out.merged.merged_shards.clear();
    }
    return out;
}

}  // namespace saraban::batch
