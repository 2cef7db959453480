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

// The number of shards when a scheduler gives only the index: --shards N, else SARABAN_SHARDS. Neither is an error
// naming the variable that gave the index.
bool shard_count(const std::map<std::string, std::string>& env, int shards_option, const char* index_name, long& count,
                 std::string& error) {
    if (shards_option > 0) {
        count = shards_option;
        return true;
    }
    const auto it = env.find("SARABAN_SHARDS");
    if (it == env.end() || it->second.empty()) {
        const bool slurm = std::string_view(index_name) == "SLURM_ARRAY_TASK_ID";
        error = std::string("มี ") + index_name +
                " แต่ไม่ได้บอกจำนวนส่วนของชุดงาน: " + "ใส่ --shards N (หรือ SARABAN_SHARDS) ในสคริปต์งาน" +
                (slurm ? " เพราะงานที่ส่งซ้ำทีละงานไม่เห็นขนาดของ array" : "") + " (" + index_name +
                " is set but not the number of shards: give --shards N, or SARABAN_SHARDS, in the job script" +
                (slurm ? "; a task resubmitted alone, sbatch --array=3, does not see the array's size)" : ")");
        return false;
    }
    const auto v = parse_int(it->second);
    if (!v) {
        error = "SARABAN_SHARDS=" + it->second + " ไม่ใช่ตัวเลข (is not a number)";
        return false;
    }
    if (*v < 1 || *v > kMaxShards) {
        error = "SARABAN_SHARDS=" + it->second + " ต้องอยู่ระหว่าง 1 ถึง 100000 (must be from 1 to 100000)";
        return false;
    }
    count = *v;
    return true;
}

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
        error = "--shard ต้องเป็น K/N โดย 1 ≤ K ≤ N เช่น 2/8 ไม่ใช่ \"" + std::string(text) +
                "\" (--shard wants K/N with 1 ≤ K ≤ N, e.g. 2/8)";
        return std::nullopt;
    }
    return Shard{int(*k), int(*n)};
}

std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& env, int shards_option,
                                            std::string& error) {
    // Kubernetes numbers an Indexed Job's pods 0..N-1; a Slurm array's tasks are the shards' own numbers 1..N.
    const char* index_name = nullptr;
    long base = 0;
    for (const auto& [name, from] : {std::pair{"JOB_COMPLETION_INDEX", 0L}, std::pair{"SLURM_ARRAY_TASK_ID", 1L}}) {
        const auto it = env.find(name);
        if (it != env.end() && !it->second.empty()) {
            index_name = name;
            base = from;
            break;
        }
    }
    if (!index_name) {
        if (shards_option <= 1) return Shard{};
        error =
            "--shards N ต้องมีลำดับส่วนด้วย: --shard K/N, JOB_COMPLETION_INDEX หรือ SLURM_ARRAY_TASK_ID "
            "(--shards N needs a shard index: --shard K/N, JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID)";
        return std::nullopt;
    }
    const std::string& text = env.at(index_name);
    const auto index = parse_int(text);
    if (!index) {
        error = std::string(index_name) + "=" + text + " ไม่ใช่ตัวเลข (is not a number)";
        return std::nullopt;
    }
    long count = 0;
    if (!shard_count(env, shards_option, index_name, count, error)) return std::nullopt;
    const long first = base, last = base + count - 1;
    if (*index < first || *index > last) {
        const std::string range = std::to_string(first) + ".." + std::to_string(last);
        error = std::string(index_name) + "=" + text + " อยู่นอกช่วง " + range + " ของ " + std::to_string(count) +
                " ส่วน (is not within " + range + " for " + std::to_string(count) + " shards" +
                (base == 1 ? "; submit the array as --array=1-" + std::to_string(count) + ")" : ")");
        return std::nullopt;
    }
    return Shard{int(*index - base + 1), int(count)};
}

std::map<std::string, std::string> scheduler_environment() {
    std::map<std::string, std::string> env;
    for (const char* name : {"JOB_COMPLETION_INDEX", "SARABAN_SHARDS", "SLURM_ARRAY_TASK_ID"}) {
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
