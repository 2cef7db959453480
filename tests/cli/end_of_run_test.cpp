// The end of a run says the truth: a second run into a folder in use is refused at once; SIGTERM stops a batch
// cleanly (manifest written, the rest pending, exit 143) and --resume then gives a clean run's bytes, as it does
// after kill -9 and after a disk that filled up; a file of the run that cannot be written makes the exit status
// non-zero.
#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/wait.h>
#include <unistd.h>

#include "support/process.h"

using namespace saraban::testing;

namespace {

// A folder of n copies of the sample workbook: enough agencies that a run is still busy after its first one.
fs::path batch_of(const TempDir& dir, int n) {
    const fs::path inputs = dir / "inputs";
    fs::create_directories(inputs);
    for (int i = 0; i < n; ++i)
        fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx",
                      inputs / ("agency-" + std::to_string(100 + i) + ".xlsx"));
    return inputs;
}

// Runs saraban with args, sends it signal_number once its log shows the first agency finished, and returns the
// exit status (128 + signal when killed by one) and the log.
std::pair<int, std::string> run_and_signal(const std::vector<std::string>& args, int signal_number) {
    int pipe_fds[2];
    BOOST_TEST_REQUIRE(::pipe(pipe_fds) == 0);
    std::vector<std::string> all = {kSaraban};
    all.insert(all.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : all) argv.push_back(a.data());
    argv.push_back(nullptr);
    const pid_t pid = ::fork();
    BOOST_TEST_REQUIRE(pid >= 0);
    if (pid == 0) {
        ::dup2(pipe_fds[1], 2);
        ::close(pipe_fds[0]);
        if (::chdir(SARABAN_SOURCE_DIR) != 0) ::_exit(126);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    ::close(pipe_fds[1]);
    std::string log;
    bool sent = false;
    char buffer[4096];
    for (ssize_t n; (n = ::read(pipe_fds[0], buffer, sizeof buffer)) > 0;) {
        log.append(buffer, std::size_t(n));
        if (!sent && log.find(": produced") != std::string::npos) {
            ::kill(pid, signal_number);
            sent = true;
        }
    }
    ::close(pipe_fds[0]);
    int status = 0;
    ::waitpid(pid, &status, 0);
    BOOST_TEST(sent, "the run ended before its first agency was logged: " << log);
    return {WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status), log};
}

// The files of an output folder a clean run also writes, by name (a killed run may leave temporary files, which
// --resume clears).
void require_same_outputs(const fs::path& folder, const fs::path& clean) {
    for (const auto& entry : fs::directory_iterator(clean)) {
        const std::string name = entry.path().filename().string();
        if (name.starts_with(".") || !entry.is_regular_file()) continue;  // the lock file
        BOOST_TEST((read_file(folder / name) == read_file(entry.path())), name << " differs from a clean run's");
    }
}

// Whether any file under its final name in folder is cut short: every PDF ends with %%EOF, every workbook with the
// zip's end record.
void require_no_half_written_file(const fs::path& folder) {
    for (const auto& entry : fs::directory_iterator(folder)) {
        const std::string name = entry.path().filename().string();
        if (!entry.is_regular_file()) continue;
        const std::string bytes = read_file(entry.path());
        if (name.ends_with(".pdf"))
            BOOST_TEST(bytes.substr(bytes.size() - std::min<std::size_t>(bytes.size(), 8)).find("%%EOF") !=
                           std::string::npos, name << " is cut short");
        if (name.ends_with(".xlsx"))
            BOOST_TEST((bytes.size() >= 22 && bytes.compare(bytes.size() - 22, 4, "PK\x05\x06") == 0),
                       name << " is cut short");
    }
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_end_of_run)

BOOST_AUTO_TEST_CASE(sigterm_stops_cleanly_and_resume_gives_the_clean_runs_bytes) {
    TempDir dir;
    const fs::path inputs = batch_of(dir, 24);
    const std::string out = (dir / "out").string();
    const auto [status, log] = run_and_signal({"run", inputs.string(), "-o", out, "-j", "1", "--progress", "lines"}, SIGTERM);
    BOOST_TEST(status == 143, log);
    BOOST_TEST(log.find("stopped by signal 15") != std::string::npos, log);
    const std::string manifest = read_file(dir / "out" / "manifest.json");
    BOOST_TEST(manifest.find("\"pending\"") != std::string::npos);  // the rest wait for --resume
    BOOST_TEST(manifest.find("\"produced\"") != std::string::npos);
    BOOST_TEST(fs::exists(dir / "out" / "overview.xlsx"));
    BOOST_TEST(!fs::exists(dir / "out" / "manifest.json.journal"));

    const Result resumed = run_saraban({"run", inputs.string(), "-o", out, "--resume", "--progress", "none"});
    BOOST_TEST_REQUIRE(resumed.status == 0, resumed.err);
    const Result clean = run_saraban({"run", inputs.string(), "-o", (dir / "clean").string(), "--progress", "none"});
    BOOST_TEST_REQUIRE(clean.status == 0, clean.err);
    for (const char* name : {"manifest.json", "findings.txt", "agency-100.pdf", "agency-123.pdf", "agency-123.xlsx"})
        BOOST_TEST((read_file(dir / "out" / name) == read_file(dir / "clean" / name)), name);
}

BOOST_AUTO_TEST_CASE(kill_9_leaves_no_half_written_file_and_resume_gives_the_clean_runs_bytes) {
    TempDir dir;
    const fs::path inputs = batch_of(dir, 24);
    const std::string out = (dir / "out").string();
    const auto [status, log] = run_and_signal({"run", inputs.string(), "-o", out, "-j", "2", "--progress", "lines"}, SIGKILL);
    BOOST_TEST(status == 128 + SIGKILL, log);
    require_no_half_written_file(dir / "out");

    const Result resumed = run_saraban({"run", inputs.string(), "-o", out, "--resume", "--progress", "none"});
    BOOST_TEST_REQUIRE(resumed.status == 0, resumed.err);
    const Result clean = run_saraban({"run", inputs.string(), "-o", (dir / "clean").string(), "--progress", "none"});
    BOOST_TEST_REQUIRE(clean.status == 0, clean.err);
    require_same_outputs(dir / "out", dir / "clean");
    for (const auto& entry : fs::directory_iterator(dir / "out"))  // no temporary file left behind
        BOOST_TEST(fs::exists(dir / "clean" / entry.path().filename()), entry.path().filename() << " left over");
}

// A real full disk: a 400 KB tmpfs as the output folder, in a mount namespace of its own (unshare: root in CI,
// a user namespace elsewhere), where six agencies' outputs (about 120 KB each) cannot fit. The run must say it
// failed; once the disk has room, --resume must finish the batch with a clean run's bytes.
BOOST_AUTO_TEST_CASE(a_full_disk_fails_the_run_and_resume_then_gives_the_clean_runs_bytes) {
    TempDir dir;
    const fs::path inputs = batch_of(dir, 6);
    fs::create_directories(dir / "disk");
    fs::create_directories(dir / "kept");
    const std::string script =
        "set -u; mount -t tmpfs -o size=400k tmpfs \"$DISK\" || exit 99\n"
        "\"$SARABAN\" run \"$INPUTS\" -o \"$DISK/out\" -j 2 --progress none 2>\"$KEPT/full.log\"; echo $? >\"$KEPT/full.status\"\n"
        "for f in \"$DISK\"/out/*; do case \"$f\" in *.pdf|*.xlsx) cp \"$f\" \"$KEPT/\";; esac; done\n"
        "mount -o remount,size=16m \"$DISK\" || exit 98\n"
        "\"$SARABAN\" run \"$INPUTS\" -o \"$DISK/out\" --resume --progress none 2>\"$KEPT/resume.log\"; echo $? >\"$KEPT/resume.status\"\n"
        "mkdir \"$KEPT/out\" && cp \"$DISK\"/out/* \"$KEPT/out/\"\n";
    ::setenv("SARABAN", kSaraban.c_str(), 1);
    ::setenv("INPUTS", inputs.c_str(), 1);
    ::setenv("DISK", (dir / "disk").c_str(), 1);
    ::setenv("KEPT", (dir / "kept").c_str(), 1);
    const std::vector<std::string> unshare = ::geteuid() == 0
        ? std::vector<std::string>{"--mount", "sh", "-c", script}
        : std::vector<std::string>{"--user", "--map-root-user", "--mount", "sh", "-c", script};
    const Result r = run_program("/usr/bin/unshare", unshare);
    BOOST_TEST_REQUIRE(r.status == 0, "unshare/mount could not give the test a small disk: " << r.err);

    const std::string full_log = read_file(dir / "kept" / "full.log");
    BOOST_TEST(read_file(dir / "kept" / "full.status") == "1\n", full_log);
    BOOST_TEST(full_log.find("เขียนไฟล์ไม่ได้: ดิสก์เต็ม (cannot write the file: No space left on device)") !=
                   std::string::npos, full_log);
    BOOST_TEST(full_log.find(".tmp") == std::string::npos, full_log);  // files are named as the user will look
    require_no_half_written_file(dir / "kept");  // what stood under a final name on the full disk
    BOOST_TEST(read_file(dir / "kept" / "resume.status") == "0\n", read_file(dir / "kept" / "resume.log"));

    const Result clean = run_saraban({"run", inputs.string(), "-o", (dir / "clean").string(), "--progress", "none"});
    BOOST_TEST_REQUIRE(clean.status == 0, clean.err);
    require_same_outputs(dir / "kept" / "out", dir / "clean");
}

BOOST_AUTO_TEST_CASE(a_second_run_into_a_folder_in_use_is_refused_at_once) {
    TempDir dir;
    fs::create_directories(dir / "out");
    // The first run's lock, held here as a running saraban would hold it.
    const int fd = ::open((dir / "out" / ".manifest.json.lock").c_str(), O_RDWR | O_CREAT, 0644);
    BOOST_TEST_REQUIRE(fd >= 0);
    BOOST_TEST_REQUIRE(::flock(fd, LOCK_EX | LOCK_NB) == 0);
    write_file(dir / "out" / "manifest.json.journal", "kept\n");
    const Result r = run_saraban({"run", "inputs", "-o", (dir / "out").string()});
    ::close(fd);
    BOOST_TEST(r.status == 75, r.err);
    BOOST_TEST(r.err.find("another saraban run is writing this output folder") != std::string::npos, r.err);
    BOOST_TEST(read_file(dir / "out" / "manifest.json.journal") == "kept\n");  // not truncated
    BOOST_TEST(!fs::exists(dir / "out" / "sample.pdf"));
    // Once it is released, the run goes ahead.
    BOOST_TEST(run_saraban({"run", "inputs", "-o", (dir / "out").string()}).status == 0);
}

BOOST_AUTO_TEST_CASE(a_file_of_the_run_that_cannot_be_written_makes_the_exit_status_non_zero) {
    TempDir dir;
    fs::create_directories(dir / "out" / "findings.txt" / "in-the-way");  // a folder where the file must go
    const Result r = run_saraban({"run", "inputs", "-o", (dir / "out").string()});
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(r.err.find("findings.txt") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("1 file(s) of the run not written") != std::string::npos, r.err);
    BOOST_TEST(fs::exists(dir / "out" / "sample.pdf"));  // the agency's own outputs are fine
}

BOOST_AUTO_TEST_SUITE_END()
