#include "batch/shard.h"

#include <charconv>
#include <cstdlib>

#include "batch/sha256.h"

namespace saraban::batch {

namespace {

std::optional<long> parse_int(std::string_view s) {
    while (!s.empty() && s.front() == ' ') s.remove_prefix(1);
    while (!s.empty() && s.back() == ' ') s.remove_suffix(1);
    long v = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
    if (s.empty() || ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return v;
}

constexpr long kMaxShards = 100000;

}  // namespace

int shard_of(std::string_view agency_id, int count) {
    if (count <= 1) return 1;
    const std::string h = sha256_hex(agency_id);
    std::uint64_t v = 0;
    for (int i = 0; i < 16; ++i) {
        const char c = h[std::size_t(i)];
        v = (v << 4) | std::uint64_t(c <= '9' ? c - '0' : c - 'a' + 10);
    }
    return int(v % std::uint64_t(count)) + 1;
}

std::optional<Shard> parse_shard(std::string_view text, std::string& error) {
    const auto slash = text.find('/');
    std::optional<long> k, n;
    if (slash != std::string_view::npos) {
        k = parse_int(text.substr(0, slash));
        n = parse_int(text.substr(slash + 1));
    }
    if (!k || !n || *n < 1 || *n > kMaxShards || *k < 1 || *k > *n) {
        error = "--shard wants K/N with 1 ≤ K ≤ N (e.g. 2/8), not \"" + std::string(text) + "\"";
        return std::nullopt;
    }
    return Shard{int(*k), int(*n)};
}

std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& env, int shards_option,
                                            std::string& error) {
    auto get = [&](const char* name) -> std::optional<std::string> {
        auto it = env.find(name);
        if (it == env.end() || it->second.empty()) return std::nullopt;
        return it->second;
    };
    auto number = [&](const char* name, long& out) {
        const auto text = get(name);
        if (!text) return false;
        const auto v = parse_int(*text);
        if (!v) {
            error = std::string(name) + "=" + *text + " is not a number";
            return false;
        }
        out = *v;
        return true;
    };
    long index = 0, count = 0;
    if (get("JOB_COMPLETION_INDEX")) {
        if (!number("JOB_COMPLETION_INDEX", index)) return std::nullopt;
        if (shards_option > 0) {
            count = shards_option;
        } else if (!number("SARABAN_SHARDS", count)) {
            if (error.empty())
                error = "JOB_COMPLETION_INDEX is set but not the number of shards: give --shards N or SARABAN_SHARDS";
            return std::nullopt;
        }
        index += 1;  // 0-based
    } else if (get("SLURM_ARRAY_TASK_ID")) {
        if (!number("SLURM_ARRAY_TASK_ID", index)) return std::nullopt;
        if (shards_option > 0) {
            count = shards_option;
        } else if (!number("SLURM_ARRAY_TASK_COUNT", count)) {
            if (error.empty()) error = "SLURM_ARRAY_TASK_ID is set but not SLURM_ARRAY_TASK_COUNT: give --shards N";
            return std::nullopt;
        }
        long min = 0;
        if (get("SLURM_ARRAY_TASK_MIN") && !number("SLURM_ARRAY_TASK_MIN", min)) return std::nullopt;
        index = index - min + 1;
    } else if (shards_option > 1) {
        error = "--shards N needs a shard index: --shard K/N, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID";
        return std::nullopt;
    } else {
        return Shard{};
    }
    if (count < 1 || count > kMaxShards || index < 1 || index > count) {
        error = "shard index " + std::to_string(index) + " is not within 1.." + std::to_string(count) +
                " (from the scheduler's environment)";
        return std::nullopt;
    }
    return Shard{int(index), int(count)};
}

std::map<std::string, std::string> scheduler_environment() {
    std::map<std::string, std::string> env;
    for (const char* name : {"JOB_COMPLETION_INDEX", "SARABAN_SHARDS", "SLURM_ARRAY_TASK_ID", "SLURM_ARRAY_TASK_COUNT",
                             "SLURM_ARRAY_TASK_MIN"}) {
        if (const char* v = std::getenv(name)) env[name] = v;
    }
    return env;
}

std::string shard_file_name(std::string_view stem, std::string_view ext, const Shard& shard) {
    std::string name(stem);
    if (!shard.whole()) name += "-" + std::to_string(shard.index) + "-of-" + std::to_string(shard.count);
    return name + std::string(ext);
}

}  // namespace saraban::batch
