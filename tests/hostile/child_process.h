// Runs saraban as a child process and measures what it cost: peak resident memory and wall time. The peak comes
// from GNU time, which forks saraban from its own small process: a child forked straight from this test inherits
// the test's resident pages in its ru_maxrss (Linux sets a forked process's high-water mark to the parent's RSS at
// fork, and keeps it across exec), which once put a 29 MB run at 102 MB.
#pragma once

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <string>
#include <vector>

#include "support/process.h"

namespace saraban::testing {

struct Measured {
    int status = -1;        // exit status; 128 + signal number when killed by a signal
    std::string err;        // stderr
    long peak_rss_mb = 0;   // ru_maxrss
    double seconds = 0;     // wall time
};

// Runs program with args in cwd, stdin from /dev/null, stdout discarded, stderr captured.
inline Measured run_measured(const std::string& program, const std::vector<std::string>& args, const fs::path& cwd) {
    TempDir capture;
    const fs::path err_path = capture / "stderr";
    const fs::path rss_path = capture / "peak-rss-kb";
    std::vector<std::string> storage{"/usr/bin/time", "-f", "%M", "-o", rss_path.string(), program};
    storage.insert(storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : storage) argv.push_back(a.data());
    argv.push_back(nullptr);
    const auto start = std::chrono::steady_clock::now();
    const pid_t pid = ::fork();
    if (pid < 0) BOOST_FAIL("fork failed");
    if (pid == 0) {
        const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null_fd = ::open("/dev/null", O_RDWR);
        if (err_fd < 0 || null_fd < 0 || ::chdir(cwd.c_str()) != 0) ::_exit(126);
        ::dup2(null_fd, 0);
        ::dup2(null_fd, 1);
        ::dup2(err_fd, 2);
        ::execv(argv[0], argv.data());
        ::_exit(127);
    }
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0)
        if (errno != EINTR) BOOST_FAIL("waitpid failed");
    Measured m;
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);  // time passes saraban's on
    // GNU time's last line is the peak in kilobytes (a line before it says how the command ended, if not with 0).
    std::string report = read_file(rss_path);
    while (!report.empty() && report.back() == '\n') report.pop_back();
    const std::size_t line = report.rfind('\n');
    const std::string kilobytes = line == std::string::npos ? report : report.substr(line + 1);
    BOOST_TEST_REQUIRE(!kilobytes.empty(), "GNU time (/usr/bin/time, Debian package time) gave no figure");
    m.peak_rss_mb = std::stol(kilobytes) / 1024;
    m.err = read_file(err_path);
    return m;
}

}  // namespace saraban::testing
