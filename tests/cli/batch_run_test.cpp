// The monthly batch end to end: parallel workers give the same bytes as one, the manifest tells the truth about the
// files, a run killed with SIGKILL leaves only complete files and --resume finishes it to the bytes of a clean run,
// and shards made apart cover the batch exactly once.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

#include <signal.h>
#include <stdlib.h>

#include <chrono>
#include <map>
#include <string>
#include <thread>
#include <vector>

#include "batch/manifest.h"
#include "batch/sha256.h"

namespace fs = std::filesystem;
using namespace saraban::testing;
namespace batch = saraban::batch;

namespace {

// A folder of n agencies: copies of the sample workbook under other names, and one CSV agency folder.
void make_agencies(const fs::path& dir, int workbooks) {
    fs::create_directories(dir);
    const fs::path sample = fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx";
    for (int i = 1; i <= workbooks; ++i) fs::copy_file(sample, dir / ("หน่วยงาน-" + std::to_string(i) + ".xlsx"));
    fs::copy(fs::path(SARABAN_SOURCE_DIR) / "tests" / "ingest" / "fixtures" / "csv-utf8", dir / "csv-agency");
}

// Every file of a folder by name, with its bytes.
std::map<std::string, std::string> files_of(const fs::path& dir) {
    std::map<std::string, std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out[e.path().filename().string()] = read_file(e.path());
    return out;
}

void check_same_files(const fs::path& a, const fs::path& b) {
    const auto fa = files_of(a), fb = files_of(b);
    std::string names_a, names_b;
    for (const auto& [n, _] : fa) names_a += n + " ";
    for (const auto& [n, _] : fb) names_b += n + " ";
    BOOST_TEST(names_a == names_b);
    for (const auto& [name, bytes] : fa) {
        auto it = fb.find(name);
        if (it == fb.end()) continue;
        BOOST_TEST((bytes == it->second), name << " differs between " << a << " and " << b);
    }
}

batch::Manifest load(const fs::path& path) {
    std::string error;
    auto m = batch::load_manifest(path.string(), error);
    BOOST_TEST_REQUIRE(m.has_value(), error);
    return *m;
}

std::string last_line(const std::string& text) {
    std::string t = text;
    while (!t.empty() && t.back() == '\n') t.pop_back();
    return t.substr(t.rfind('\n') + 1);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_run)

BOOST_AUTO_TEST_CASE(one_worker_and_two_give_byte_identical_outputs_and_manifest) {
    TempDir dir;
    make_agencies(dir / "in", 5);
    const Result one = run_saraban({"run", (dir / "in").string(), "-o", (dir / "j1").string(), "-j", "1"});
    const Result two = run_saraban({"run", (dir / "in").string(), "-o", (dir / "j2").string(), "-j", "2"});
    BOOST_TEST_REQUIRE(one.status == 0, one.err);
    BOOST_TEST_REQUIRE(two.status == 0, two.err);
    BOOST_TEST(files_of(dir / "j1").size() ==
               3u * 6 + 4);  // a PDF, a draft and a workbook each, manifest, findings, overview, lock
    check_same_files(dir / "j1", dir / "j2");
    // Plain progress lines when stderr is not a terminal, one per agency.
    BOOST_TEST(two.err.find("[6/6] ") != std::string::npos, two.err);
    BOOST_TEST(last_line(two.err).find("6 input(s), 6 document(s) written") != std::string::npos, two.err);
}

BOOST_AUTO_TEST_CASE(the_manifest_records_each_agency_with_the_hashes_of_its_files) {
    TempDir dir;
    make_agencies(dir / "in", 2);
    write_file(dir / "in" / "broken.xlsx", "not a workbook");
    const Result r = run_saraban({"run", (dir / "in").string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 1, r.err);
    const batch::Manifest m = load(dir / "out" / "manifest.json");
    BOOST_TEST_REQUIRE(m.agencies.size() == 4u);
    BOOST_TEST(m.batch_agencies == 4);
    BOOST_TEST(m.environment.saraban_version == "0.1.0");
    BOOST_TEST(!m.environment.fonts.empty());
    BOOST_TEST(!m.environment.templates.empty());
    std::vector<std::string> ids;
    for (const auto& a : m.agencies) ids.push_back(a.id);
    BOOST_TEST((ids == std::vector<std::string>{"broken.xlsx", "csv-agency", "หน่วยงาน-1.xlsx", "หน่วยงาน-2.xlsx"}));
    for (const auto& a : m.agencies) {
        if (a.id == "broken.xlsx") {
            BOOST_TEST((a.status == batch::AgencyStatus::failed));
            BOOST_TEST(a.outputs.empty());
            BOOST_TEST_REQUIRE(!a.findings.empty());
            BOOST_TEST(a.findings[0].severity == "error");
            continue;
        }
        BOOST_TEST((a.status == batch::AgencyStatus::produced), a.id);
        BOOST_TEST_REQUIRE(a.outputs.size() == 3u);  // the PDF, the workbook, the draft
        for (const auto& o : a.outputs) {
            // An independent SHA-256 (coreutils) of the file the manifest names.
            const Result sum = run_program("sha256sum", {(dir / "out" / o.path).string()});
            BOOST_TEST(sum.out.substr(0, 64) == o.sha256, o.path);
        }
        BOOST_TEST_REQUIRE(!a.inputs.empty());
        for (const auto& in : a.inputs) {
            const Result sum = run_program("sha256sum", {(dir / "in" / in.path).string()});
            BOOST_TEST(sum.out.substr(0, 64) == in.sha256, in.path);
        }
    }
    // The CSV agency's inputs are its four files.
    BOOST_TEST(m.agencies[1].inputs.size() == 4u);
}

BOOST_AUTO_TEST_CASE(a_run_killed_mid_batch_leaves_complete_files_and_resume_finishes_it_as_a_clean_run) {
    TempDir dir;
    make_agencies(dir / "in", 8);
    const std::string in = (dir / "in").string();
    const Result clean = run_saraban({"run", in, "-o", (dir / "clean").string(), "-j", "1"});
    BOOST_TEST_REQUIRE(clean.status == 0, clean.err);

    const fs::path out = dir / "killed";
    const pid_t pid = ::fork();
    BOOST_TEST_REQUIRE(pid >= 0);
    if (pid == 0) {
        const int null_fd = ::open("/dev/null", O_RDWR);
        ::dup2(null_fd, 0);
        ::dup2(null_fd, 1);
        ::dup2(null_fd, 2);
        if (::chdir(SARABAN_SOURCE_DIR) != 0) ::_exit(126);
        ::execl(kSaraban.c_str(), kSaraban.c_str(), "run", in.c_str(), "-o", out.c_str(), "-j", "1", nullptr);
        ::_exit(127);
    }
    // Kill it as soon as its journal records a first agency (its PDF and workbook are then in place).
    const auto deadline = std::chrono::steady_clock::now() + std::chrono::seconds(60);
    bool seen = false;
    while (!seen && std::chrono::steady_clock::now() < deadline) {
        seen = read_file(out / "manifest.json.journal").find('\n') != std::string::npos;
        if (!seen) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    }
    ::kill(pid, SIGKILL);
    int wstatus = 0;
    ::waitpid(pid, &wstatus, 0);
    BOOST_TEST_REQUIRE(seen, "the run recorded no agency within a minute");
    BOOST_TEST_REQUIRE(WIFSIGNALED(wstatus), "the run ended before it was killed: make the batch larger");

    // Only complete files under final names: each is byte for byte the clean run's file (the manifest aside,
    // which lists pending agencies); temporaries only under .tmp names.
    const auto clean_files = files_of(dir / "clean");
    int finished_files = 0;
    for (const auto& [name, bytes] : files_of(out)) {
        if (name.find(".tmp") != std::string::npos || name == "manifest.json" || name == "manifest.json.journal") continue;
        BOOST_TEST_REQUIRE(clean_files.count(name) == 1u, "unexpected file " << name);
        BOOST_TEST((bytes == clean_files.at(name)), name << " is not complete");
        ++finished_files;
    }
    BOOST_TEST(finished_files >= 2);
    int produced_before = 0;
    for (const auto& a : load(out / "manifest.json").agencies) produced_before += a.status == batch::AgencyStatus::produced;

    BOOST_TEST(produced_before >= 1);
    BOOST_TEST_MESSAGE("killed with " << produced_before << " agencies recorded and " << finished_files << " files");
    const Result resumed = run_saraban({"run", in, "-o", out.string(), "--resume", "-j", "2"});
    BOOST_TEST_REQUIRE(resumed.status == 0, resumed.err);
    BOOST_TEST(last_line(resumed.err).find(std::to_string(produced_before) + " unchanged") != std::string::npos,
               "the agencies finished before the kill should not be made again (" << produced_before
                                                                                 << "): " << resumed.err);
    check_same_files(dir / "clean", out);  // manifest and findings included; no temporaries left

    // Resuming again makes nothing; after an input changes only that agency is made.
    const Result again = run_saraban({"run", in, "-o", out.string(), "--resume"});
    BOOST_TEST(last_line(again.err).find("0 document(s) written") != std::string::npos, again.err);
    BOOST_TEST(last_line(again.err).find("9 unchanged") != std::string::npos, again.err);
    fs::remove(out / "หน่วยงาน-3.pdf");
    write_file(dir / "in" / "csv-agency" / "ตัวแปร.csv", read_file(dir / "in" / "csv-agency" / "ตัวแปร.csv") + "\n");
    const Result changed = run_saraban({"run", in, "-o", out.string(), "--resume"});
    BOOST_TEST(last_line(changed.err).find("2 document(s) written") != std::string::npos, changed.err);
    BOOST_TEST(fs::exists(out / "หน่วยงาน-3.pdf"));
}

BOOST_AUTO_TEST_CASE(shards_cover_the_batch_exactly_once_and_merge_reports_gaps_and_doubles) {
    TempDir dir;
    make_agencies(dir / "in", 6);
    const std::string in = (dir / "in").string();
    const Result whole = run_saraban({"run", in, "-o", (dir / "whole").string()});
    BOOST_TEST_REQUIRE(whole.status == 0, whole.err);
    // Three shards into one shared folder: two by option, the last from a Kubernetes Indexed Job's variables.
    const std::string shared = (dir / "shared").string();
    for (const char* k : {"1/3", "2/3"}) {
        const Result r = run_saraban({"run", in, "-o", shared, "--shard", k});
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
    }
    ::setenv("JOB_COMPLETION_INDEX", "2", 1);
    const Result r3 = run_saraban({"run", in, "-o", shared, "--shards", "3"});
    ::unsetenv("JOB_COMPLETION_INDEX");
    BOOST_TEST_REQUIRE(r3.status == 0, r3.err);
    BOOST_TEST(fs::exists(dir / "shared" / "manifest-3-of-3.json"));
    // Together the shards made exactly the whole run's PDFs and workbooks, each once.
    for (const auto& [name, bytes] : files_of(dir / "whole")) {
        if (name == "manifest.json" || name == "findings.txt" || name == "overview.xlsx") continue;  // per shard
        BOOST_TEST((read_file(dir / "shared" / name) == bytes), name);
    }
    std::vector<std::string> m;
    for (int k = 1; k <= 3; ++k) m.push_back((dir / "shared" / ("manifest-" + std::to_string(k) + "-of-3.json")).string());
    std::size_t sum = 0;
    for (const auto& path : m) sum += load(path).agencies.size();
    BOOST_TEST(sum == 7u);

    const std::string merged = (dir / "merged.json").string();
    const Result ok = run_saraban({"merge", m[0], m[1], m[2], "-o", merged});
    BOOST_TEST(ok.status == 0, ok.err);
    const batch::Manifest all = load(merged), w = load(dir / "whole" / "manifest.json");
    BOOST_TEST((all.agencies == w.agencies), "the merged manifest's agencies differ from the whole run's");

    const Result missing = run_saraban({"merge", m[0], m[2], "-o", merged});
    BOOST_TEST(missing.status == 1, missing.err);
    BOOST_TEST(missing.err.find("shard 2 of 3: no manifest") != std::string::npos, missing.err);
    const Result doubled = run_saraban({"merge", m[0], m[1], m[2], m[1], "-o", merged});
    BOOST_TEST(doubled.status == 1, doubled.err);
    BOOST_TEST(doubled.err.find("doubled") != std::string::npos, doubled.err);
}

BOOST_AUTO_TEST_CASE(bad_batch_options_are_usage_errors) {
    TempDir out;
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"run", "-j", "0", "-o", out.path().string()},
             {"run", "-j", "-o", out.path().string()},
             {"run", "--shard", "4/3", "-o", out.path().string()},
             {"run", "--shard", "1/3", "--shards", "4", "-o", out.path().string()},
             {"run", "--shards", "3", "-o", out.path().string()},
             {"merge", "-o", (out / "m.json").string()},
             {"merge", (out / "none.json").string(), "-o", (out / "m.json").string()}}) {
        const Result r = run_saraban(args);
        BOOST_TEST(r.status == 2, args[1] << " " << args[2] << " exited " << r.status << ": " << r.err);
    }
    BOOST_TEST(fs::is_empty(out.path()));
}

BOOST_AUTO_TEST_CASE(bench_runs_synthetic_agencies_and_reports_stages_throughput_and_memory) {
    const Result r = run_saraban({"bench", "--agencies", "3", "-j", "2"});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    // "malloc: jemalloc 5.3.0, thread caches up to 128 KB": the program allocates with jemalloc, which answers for
    // its version and for the option the program set when asked.
    // "level 2": the program's deflateInit2_ stood in for zlib's when libxlsxwriter zipped the workbooks.
    // A build without jemalloc (SARABAN_JEMALLOC=OFF, the sanitizer builds) says so instead.
    const std::vector<std::string> allocator =
        SARABAN_JEMALLOC ? std::vector<std::string>{"malloc: jemalloc 5.", "thread caches up to 128 KB"}
                         : std::vector<std::string>{"malloc: the system's (built with SARABAN_JEMALLOC=OFF)"};
    for (const std::string& what : allocator)
        BOOST_TEST(r.out.find(what) != std::string::npos, "bench output lacks \"" << what << "\":\n" << r.out);
    for (const char* what : {"3 agencies", "throughput", "ms an agency", "peak RSS", "layout", "pdf", "xlsx",
                             "produced 3, failed 0", "workbook parts deflated at level 2"})
        BOOST_TEST(r.out.find(what) != std::string::npos, "bench output lacks \"" << what << "\":\n" << r.out);
}

BOOST_AUTO_TEST_SUITE_END()
