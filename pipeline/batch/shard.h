// Splitting one batch over N machines: each agency belongs to exactly one shard, chosen from its id (its input's
// path relative to the input root) alone, so every machine computes the same partition whatever it mounts where.
#pragma once

#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <string_view>

namespace saraban::batch {

// Shard `index` (1-based) of `count`. count 1 is the whole batch.
struct Shard {
    int index = 1;
    int count = 1;

    bool whole() const { return count == 1; }
    bool operator==(const Shard&) const = default;
};

// The shard (1..count) an agency id belongs to: the first 8 bytes of SHA-256(id), big-endian, mod count, plus 1.
int shard_of(std::string_view agency_id, int count);

// A run's own file in a shared output folder: "stem.ext" for a whole batch, "stem-K-of-N.ext" for shard K of N
// (manifest, findings, overview), so that shards never write over each other.
std::string shard_file_name(std::string_view stem, std::string_view ext, const Shard& shard);

// Parses "K/N" (1 ≤ K ≤ N ≤ 100000). Returns nullopt and sets error otherwise.
std::optional<Shard> parse_shard(std::string_view text, std::string& error);

// The shard from a scheduler's environment, when --shard is not given (env maps names to values). The index is
// the scheduler's, N is always ours: shards_option (--shards N, from 1), else SARABAN_SHARDS.
//   JOB_COMPLETION_INDEX: a Kubernetes Indexed Job's pod, 0..N-1, is shard index + 1.
//   SLURM_ARRAY_TASK_ID: a Slurm array's task K (--array=1-N) is shard K. The array's size and first id
//   (SLURM_ARRAY_TASK_COUNT, _MIN) are not used: a task resubmitted alone (--array=3) sees 1 and 3.
// Returns the whole batch when no index is set; nullopt and a bilingual error when N is missing, an index is out
// of range or a value is not a number, or --shards N > 1 comes without an index.
std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& env, int shards_option,
                                            std::string& error);

// The process environment's variables that shard_from_environment reads.
std::map<std::string, std::string> scheduler_environment();

}  // namespace saraban::batch
