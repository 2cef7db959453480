// The batch's bookkeeping without running the pipeline: the shard partition, the manifest's JSON and journal, and
// merging shard manifests.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <map>
#include <set>

#include "batch/manifest.h"
#include "batch/sha256.h"
#include "batch/shard.h"

using namespace saraban::batch;
namespace fs = std::filesystem;

namespace {

std::vector<std::string> agency_ids(int n) {
    std::vector<std::string> ids;
    for (int i = 0; i < n; ++i) {
        ids.push_back(i % 3 == 0   ? "สำนักงาน-" + std::to_string(i) + ".xlsx"
                      : i % 3 == 1 ? "region/agency" + std::to_string(i) + ".xlsx"
                                   : "csv/" + std::to_string(i));
    }
    return ids;
}

AgencyRecord record(const std::string& id, AgencyStatus status = AgencyStatus::produced) {
    AgencyRecord r;
    r.id = id;
    r.input = "inputs/" + id;
    r.inputs = {{id, sha256_hex(id)}};
    if (status == AgencyStatus::produced) r.outputs = {{id + ".pdf", sha256_hex(id + "pdf")}, {id + ".xlsx", sha256_hex(id + "x")}};
    r.status = status;
    return r;
}

Manifest shard_manifest(const std::vector<std::string>& all, int index, int count) {
    Manifest m;
    m.environment.saraban_version = "0.1.0";
    seal(m.environment);
    m.shard = {index, count};
    m.batch_agencies = int(all.size());
    m.batch_ids_sha256 = "ids";
    for (const auto& id : all)
        if (shard_of(id, count) == index) put_record(m, record(id));
    return m;
}

// An error the user reads in Thai and in English: a Thai letter (U+0E00..U+0E7F) and an English word.
bool bilingual(const std::string& error) {
    return (error.find("\xe0\xb8") != std::string::npos || error.find("\xe0\xb9") != std::string::npos) &&
           (error.find("is not") != std::string::npos || error.find("is set") != std::string::npos ||
            error.find("wants") != std::string::npos || error.find("needs") != std::string::npos ||
            error.find("must") != std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_shard)

BOOST_AUTO_TEST_CASE(sha256_matches_the_standard_vectors) {
    BOOST_TEST(sha256_hex("") == "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    BOOST_TEST(sha256_hex("abc") == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    std::string error;
    BOOST_TEST(sha256_file("/no/such/file", error).empty());
    BOOST_TEST(error.find("/no/such/file") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(every_agency_is_in_exactly_one_shard_for_any_count) {
    const auto ids = agency_ids(3000);
    for (int n : {1, 2, 3, 4, 7, 16, 100}) {
        std::map<int, int> sizes;
        for (const auto& id : ids) {
            int in = 0;
            for (int k = 1; k <= n; ++k) in += shard_of(id, n) == k;
            BOOST_TEST(in == 1, id << " is in " << in << " of " << n << " shards");
            ++sizes[shard_of(id, n)];
        }
        BOOST_TEST(int(sizes.size()) == n, "some of the " << n << " shards are empty");
        // Balanced: no shard more than 40 % off the mean (at least 187 ids a shard, so 5 standard deviations; a broken
        // hash puts everything in a few).
        if (n > 16) continue;
        const double mean = 3000.0 / n;
        for (const auto& [k, size] : sizes)
            BOOST_TEST((size > 0.6 * mean && size < 1.4 * mean), "shard " << k << "/" << n << " has " << size);
    }
}

BOOST_AUTO_TEST_CASE(the_partition_is_stable_across_machines) {
    // shard = int(sha256(id)[:16 hex digits], 16) % N + 1; these values were checked with Python's hashlib.
    BOOST_TEST(shard_of("sample.xlsx", 4) == 2);
    BOOST_TEST(shard_of("sample.xlsx", 7) == 3);
    BOOST_TEST(shard_of("csv/sbn", 7) == 5);
    BOOST_TEST(shard_of("สบน.xlsx", 4) == 1);
    BOOST_TEST(shard_of("anything", 1) == 1);
}

BOOST_AUTO_TEST_CASE(shard_options_and_scheduler_variables) {
    std::string error;
    BOOST_TEST((parse_shard("2/8", error) == Shard{2, 8}));
    for (const char* bad : {"0/8", "9/8", "2/0", "2", "a/b", "2/8x", "", "-1/3"}) {
        error.clear();
        BOOST_TEST(!parse_shard(bad, error).has_value(), bad);
        BOOST_TEST(bilingual(error), error);
    }
    auto env = [&](std::map<std::string, std::string> e, int shards = 0) {
        error.clear();
        return shard_from_environment(e, shards, error);
    };
    BOOST_TEST((env({}) == Shard{1, 1}));
    BOOST_TEST((env({}, 1) == Shard{1, 1}));
    BOOST_TEST((env({{"JOB_COMPLETION_INDEX", "0"}}, 3) == Shard{1, 3}));
    BOOST_TEST((env({{"JOB_COMPLETION_INDEX", "2"}, {"SARABAN_SHARDS", "3"}}) == Shard{3, 3}));
    BOOST_TEST((env({{"JOB_COMPLETION_INDEX", "2"}, {"SARABAN_SHARDS", "9"}}, 3) == Shard{3, 3}));  // --shards wins
    BOOST_TEST(!env({{"JOB_COMPLETION_INDEX", "3"}, {"SARABAN_SHARDS", "3"}}).has_value());  // out of range
    BOOST_TEST(error.find("0..2") != std::string::npos, error);
    BOOST_TEST(!env({{"JOB_COMPLETION_INDEX", "1"}}).has_value());  // no count
    BOOST_TEST(error.find("--shards") != std::string::npos, error);
    BOOST_TEST(bilingual(error), error);
    for (const char* bad : {"0", "x", "-2", "100001"}) {
        BOOST_TEST(!env({{"JOB_COMPLETION_INDEX", "0"}, {"SARABAN_SHARDS", bad}}).has_value(), bad);
        BOOST_TEST(error.find("SARABAN_SHARDS") != std::string::npos, error);
        BOOST_TEST(bilingual(error), error);
    }
    BOOST_TEST(!env({}, 4).has_value());  // --shards without an index
    BOOST_TEST(bilingual(error), error);
}

// Slurm: array task K is shard K of the job script's --shards N, whatever the array's size and first id, so that a
// task resubmitted alone (sbatch --array=3, which sees SLURM_ARRAY_TASK_COUNT=1 and SLURM_ARRAY_TASK_MIN=3, as
// measured on Slurm 22.05) makes the same agencies as it did in the whole array.
BOOST_AUTO_TEST_CASE(a_slurm_task_is_its_shard_alone_or_in_the_whole_array) {
    std::string error;
    auto env = [&](std::map<std::string, std::string> e, int shards = 0) {
        error.clear();
        return shard_from_environment(e, shards, error);
    };
    const std::map<std::string, std::string> in_array = {
        {"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "8"}, {"SLURM_ARRAY_TASK_MIN", "1"}};
    const std::map<std::string, std::string> alone = {
        {"SLURM_ARRAY_TASK_ID", "3"}, {"SLURM_ARRAY_TASK_COUNT", "1"}, {"SLURM_ARRAY_TASK_MIN", "3"}};
    BOOST_TEST((env(in_array, 8) == Shard{3, 8}));
    BOOST_TEST((env(alone, 8) == Shard{3, 8}));
    auto with_variable = alone;
    with_variable["SARABAN_SHARDS"] = "8";
    BOOST_TEST((env(with_variable) == Shard{3, 8}));
    // The same agencies either way: the resubmitted task redoes exactly its own part of the batch.
    const auto ids = agency_ids(200);
    std::set<std::string> first, again;
    for (const auto& id : ids) {
        if (shard_of(id, env(in_array, 8)->count) == env(in_array, 8)->index) first.insert(id);
        if (shard_of(id, env(alone, 8)->count) == env(alone, 8)->index) again.insert(id);
    }
    BOOST_TEST(!first.empty());
    BOOST_TEST((first == again));
    // Without N the task stops: the array's size is not visible to it (COUNT=1 would make it the whole batch).
    for (const auto& e : {in_array, alone}) {
        BOOST_TEST(!env(e).has_value());
        BOOST_TEST(error.find("--shards N") != std::string::npos, error);
        BOOST_TEST(error.find("SLURM_ARRAY_TASK_ID") != std::string::npos, error);
        BOOST_TEST(error.find("resubmitted") != std::string::npos, error);
        BOOST_TEST(bilingual(error), error);
    }
    // Task ids are the shard numbers 1..N: --array=0-7 is refused rather than shifted.
    BOOST_TEST(!env({{"SLURM_ARRAY_TASK_ID", "0"}}, 8).has_value());
    BOOST_TEST(error.find("--array=1-8") != std::string::npos, error);
    BOOST_TEST(bilingual(error), error);
    BOOST_TEST(!env({{"SLURM_ARRAY_TASK_ID", "9"}}, 8).has_value());
    BOOST_TEST(error.find("1..8") != std::string::npos, error);
    BOOST_TEST((env({{"SLURM_ARRAY_TASK_ID", "8"}}, 8) == Shard{8, 8}));
    BOOST_TEST((env({{"SLURM_ARRAY_TASK_ID", "1"}}, 1) == Shard{1, 1}));
    BOOST_TEST(!env({{"SLURM_ARRAY_TASK_ID", "x"}}, 4).has_value());
    BOOST_TEST(bilingual(error), error);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(batch_manifest)

BOOST_AUTO_TEST_CASE(json_escapes_text_and_reads_back_the_same) {
    Manifest m;
    m.environment.saraban_version = "0.1.0";
    m.environment.fonts = {{"Laksaman.ttf", sha256_hex("f")}};
    seal(m.environment);
    m.batch_agencies = 2;
    AgencyRecord r = record("ข \"quoted\" \\ back\tslash\x01.xlsx");
    r.findings = {{"warning", "inputs/x.xlsx: sheet คะแนน, cell C5: warning: ๙๖.๒๙๙ \"มีทศนิยม\"\nline two"}};
    r.error = "control \x1f char";
    r.system_fonts = {{"/usr/share/fonts/truetype/abyssinica/AbyssinicaSIL-Regular.ttf", sha256_hex("e")}};
    put_record(m, r);
    put_record(m, record("a.xlsx", AgencyStatus::failed));
    const std::string json = to_json(m);
    BOOST_TEST(json.find("\\u0001") != std::string::npos);
    BOOST_TEST(json.find("\\u001f") != std::string::npos);
    BOOST_TEST(json.find("\\\"quoted\\\"") != std::string::npos);
    BOOST_TEST(json.find("\\n") != std::string::npos);
    BOOST_TEST(json.find("คะแนน") != std::string::npos);  // UTF-8 written as is
    BOOST_TEST(json.find('\x01') == std::string::npos);
    // Agencies sorted by id: "a.xlsx" before "ข…" whatever the order they were put in.
    BOOST_TEST(json.find("\"a.xlsx\"") < json.find("quoted"));
    std::string error;
    auto back = parse_manifest(json, error);
    BOOST_TEST_REQUIRE(back.has_value(), error);
    BOOST_TEST(back->agencies.size() == 2u);
    BOOST_TEST((back->agencies[1] == r));  // its system fonts too
    BOOST_TEST(back->agencies[0].system_fonts.empty());
    BOOST_TEST(to_journal_line(back->agencies[1]).find("AbyssinicaSIL-Regular.ttf") != std::string::npos);
    BOOST_TEST((parse_journal_line(to_journal_line(r)) == r));
    BOOST_TEST((back->environment == m.environment));
    BOOST_TEST(to_json(*back) == json);  // deterministic
    // Not UTF-8: replaced, never an exception.
    put_record(m, record("bad\xff.xlsx"));
    BOOST_TEST(to_json(m).find("bad\xef\xbf\xbd.xlsx") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(the_environment_hash_changes_with_any_template_font_or_version) {
    Environment a;
    a.saraban_version = "0.1.0";
    a.templates = {{"progress-report.xml", sha256_hex("t")}};
    a.fonts = {{"Laksaman.ttf", sha256_hex("f")}};
    seal(a);
    Environment b = a;
    b.templates[0].sha256 = sha256_hex("t2");
    seal(b);
    Environment c = a;
    c.saraban_version = "0.1.1";
    seal(c);
    Environment d = a;
    d.font_family = "TH Sarabun New";
    seal(d);
    Environment e = a;
    e.system_fonts = false;  // --no-system-fonts
    seal(e);
    Environment same = a;
    seal(same);
    BOOST_TEST(a.sha256 != e.sha256);
    BOOST_TEST(a.sha256 == same.sha256);
    BOOST_TEST(a.sha256 != b.sha256);
    BOOST_TEST(a.sha256 != c.sha256);
    BOOST_TEST(a.sha256 != d.sha256);
}

BOOST_AUTO_TEST_CASE(a_journal_left_by_a_killed_run_is_applied_and_a_torn_line_ignored) {
    const fs::path dir = fs::temp_directory_path() / ("saraban-manifest-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::string path = (dir / "manifest.json").string();
    Manifest m;
    put_record(m, record("a.xlsx", AgencyStatus::pending));
    put_record(m, record("b.xlsx", AgencyStatus::pending));
    std::ofstream(path) << to_json(m);
    const std::string done = to_journal_line(record("b.xlsx"));
    std::ofstream(journal_path(path)) << done << done.substr(0, done.size() / 2);  // the second line torn
    std::string error;
    int from_journal = -1;
    auto loaded = load_manifest(path, error, &from_journal);
    BOOST_TEST_REQUIRE(loaded.has_value(), error);
    BOOST_TEST(from_journal == 1);
    BOOST_TEST_REQUIRE(loaded->agencies.size() == 2u);
    BOOST_TEST((loaded->agencies[0].status == AgencyStatus::pending));
    BOOST_TEST((loaded->agencies[1].status == AgencyStatus::produced));
    BOOST_TEST(!load_manifest((dir / "none.json").string(), error).has_value());
    std::ofstream(dir / "other.json") << "{\"format\": \"something else\"}";
    BOOST_TEST(!load_manifest((dir / "other.json").string(), error).has_value());
    BOOST_TEST(error.find("not a saraban manifest") != std::string::npos);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(merging_all_shards_gives_every_agency_once) {
    const auto ids = agency_ids(200);
    std::vector<std::pair<std::string, Manifest>> shards;
    for (int k = 1; k <= 3; ++k) shards.emplace_back("m" + std::to_string(k), shard_manifest(ids, k, 3));
    const auto r = merge_manifests(shards);
    BOOST_TEST(r.problems.empty(), (r.problems.empty() ? "" : r.problems.front()));
    BOOST_TEST(r.missing == 0);
    BOOST_TEST(r.doubled == 0);
    BOOST_TEST(r.merged.agencies.size() == ids.size());
    // Whole again: written as a single run writes its manifest.
    BOOST_TEST(r.merged.merged_shards.empty());
    BOOST_TEST(r.merged.shard.whole());
    Manifest single = shard_manifest(ids, 1, 1);
    BOOST_TEST(to_json(r.merged) == to_json(single));
    BOOST_TEST(std::is_sorted(r.merged.agencies.begin(), r.merged.agencies.end(),
                              [](const auto& a, const auto& b) { return a.id < b.id; }));
}

BOOST_AUTO_TEST_CASE(merging_reports_missing_shards_doubled_and_unfinished_agencies) {
    const auto ids = agency_ids(200);
    const Manifest s1 = shard_manifest(ids, 1, 3), s2 = shard_manifest(ids, 2, 3), s3 = shard_manifest(ids, 3, 3);
    auto has = [](const MergeResult& r, const std::string& text) {
        for (const auto& p : r.problems)
            if (p.find(text) != std::string::npos) return true;
        return false;
    };
    // Shard 2 missing.
    auto r = merge_manifests({{"m1", s1}, {"m3", s3}});
    BOOST_TEST(r.missing == int(s2.agencies.size()));
    BOOST_TEST(has(r, "shard 2 of 3: no manifest"));
    // Shard 1 given twice: every agency of it doubled.
    r = merge_manifests({{"m1", s1}, {"m2", s2}, {"m3", s3}, {"again", s1}});
    BOOST_TEST(r.doubled == int(s1.agencies.size()));
    BOOST_TEST(r.missing == 0);
    BOOST_TEST(has(r, "also in m1"));
    BOOST_TEST(has(r, s1.agencies[0].id + ": doubled, in m1 and again"));
    // An agency of shard 3 not finished (a killed shard): missing, named.
    Manifest unfinished = s3;
    unfinished.agencies[0].status = AgencyStatus::pending;
    r = merge_manifests({{"m1", s1}, {"m2", s2}, {"m3", unfinished}});
    BOOST_TEST(r.missing == 1);
    BOOST_TEST(has(r, s3.agencies[0].id + ": missing"));
    // A manifest of another batch.
    Manifest other = s2;
    other.batch_ids_sha256 = "other";
    r = merge_manifests({{"m1", s1}, {"m2", other}, {"m3", s3}});
    BOOST_TEST(has(r, "m2: another batch"));
}

BOOST_AUTO_TEST_SUITE_END()
