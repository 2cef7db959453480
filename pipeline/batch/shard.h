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

// The shard from a scheduler's environment, when --shard is not given (env maps names to values):
//   JOB_COMPLETION_INDEX (Kubernetes Indexed Job, 0-based) with N from shards_option (--shards N) or SARABAN_SHARDS;
//   SLURM_ARRAY_TASK_ID with SLURM_ARRAY_TASK_COUNT (job arrays), less SLURM_ARRAY_TASK_MIN when set, so that
//   --array=0-3 and --array=1-4 both give shards 1..4.
// Returns the whole batch when none is set; nullopt and error when they are inconsistent (an index without a count,
// an index out of range, a non-number).
std::optional<Shard> shard_from_environment(const std::map<std::string, std::string>& env, int shards_option,
                                            std::string& error);

// The process environment's variables that shard_from_environment reads.
std::map<std::string, std::string> scheduler_environment();

}  // namespace saraban::batch
