// Runs saraban as a child process and measures what it cost: peak resident memory (wait4's rusage, ru_maxrss, of
// the child alone) and wall time.
#pragma once

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/resource.h>
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
    std::vector<std::string> storage{program};
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
    rusage usage{};
    while (::wait4(pid, &wstatus, 0, &usage) < 0)
        if (errno != EINTR) BOOST_FAIL("wait4 failed");
    Measured m;
    m.seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    m.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    m.peak_rss_mb = usage.ru_maxrss / 1024;  // kilobytes on Linux
    m.err = read_file(err_path);
    return m;
}

}  // namespace saraban::testing
