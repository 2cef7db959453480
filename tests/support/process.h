// Running programs from tests: the built saraban, poppler's tools, node; temporary folders; text helpers.
#pragma once

#include <boost/test/unit_test.hpp>

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::testing {

namespace fs = std::filesystem;

// ---------------------------------------------------------------------------------------------------------
// Running programs

struct Result {
    int status = -1;  // exit status; 128 + signal number when killed by a signal
    std::string out;
    std::string err;
};

inline std::string read_file(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

inline void write_file(const fs::path& path, std::string_view text) {
    std::ofstream out(path, std::ios::binary);
    out << text;
    BOOST_TEST_REQUIRE(out.good(), "cannot write " << path);
}

// A fresh, uniquely named folder under the system's temporary folder, removed with everything in it at the end.
// An empty folder of a fixed name under the system's temporary folder (emptied if a killed test left it), for tests
// that remove it themselves: "saraban-<name>-<pid>".
inline fs::path fresh_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("saraban-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

class TempDir {
public:
    TempDir() {
        std::string pattern = (fs::temp_directory_path() / "saraban-cli-XXXXXX").string();
        if (::mkdtemp(pattern.data()) == nullptr) {
            BOOST_FAIL("mkdtemp failed: errno " << errno);
        }
        path_ = pattern;
    }
    ~TempDir() {
        std::error_code ec;
        fs::remove_all(path_, ec);
    }
    TempDir(const TempDir&) = delete;
    TempDir& operator=(const TempDir&) = delete;

    const fs::path& path() const { return path_; }
    fs::path operator/(const std::string& name) const { return path_ / name; }

private:
    fs::path path_;
};

// Runs program with args (no shell), cwd = the source tree, stdout and stderr captured separately.
inline Result run_program(const std::string& program, const std::vector<std::string>& args) {
    TempDir capture;
    const fs::path out_path = capture / "stdout";
    const fs::path err_path = capture / "stderr";
    std::vector<std::string> argv_storage;
    argv_storage.push_back(program);
    argv_storage.insert(argv_storage.end(), args.begin(), args.end());
    std::vector<char*> argv;
    for (auto& a : argv_storage) argv.push_back(a.data());
    argv.push_back(nullptr);

    const pid_t pid = ::fork();
    if (pid < 0) BOOST_FAIL("fork failed");
    if (pid == 0) {
        const int out_fd = ::open(out_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int err_fd = ::open(err_path.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
        const int null_fd = ::open("/dev/null", O_RDONLY);
        if (out_fd < 0 || err_fd < 0 || null_fd < 0) ::_exit(126);
        ::dup2(null_fd, 0);
        ::dup2(out_fd, 1);
        ::dup2(err_fd, 2);
        if (::chdir(SARABAN_SOURCE_DIR) != 0) ::_exit(126);
        ::execvp(argv[0], argv.data());
        ::_exit(127);
    }
    int wstatus = 0;
    while (::waitpid(pid, &wstatus, 0) < 0) {
        if (errno != EINTR) BOOST_FAIL("waitpid failed");
    }
    Result r;
    r.status = WIFEXITED(wstatus) ? WEXITSTATUS(wstatus) : 128 + WTERMSIG(wstatus);
    r.out = read_file(out_path);
    r.err = read_file(err_path);
    return r;
}

inline const std::string kSaraban = SARABAN_BINARY_DIR "/saraban";

inline Result run_saraban(const std::vector<std::string>& args) { return run_program(kSaraban, args); }

// pdftotext's text of the PDF; mode is "" (default reading order), "-raw" (content-stream order) or "-layout".
// first/last select pages (0: all). The tool's stderr is checked to be empty: poppler warns on a broken ToUnicode.
inline std::string pdf_text(const fs::path& pdf, const std::string& mode = "", int first = 0, int last = 0) {
    std::vector<std::string> args;
    if (!mode.empty()) args.push_back(mode);
    if (first > 0) {
        args.push_back("-f");
        args.push_back(std::to_string(first));
    }
    if (last > 0) {
        args.push_back("-l");
        args.push_back(std::to_string(last));
    }
    args.push_back(pdf.string());
    args.push_back("-");
    const Result r = run_program("pdftotext", args);
    BOOST_TEST_REQUIRE(r.status == 0, "pdftotext " << mode << " " << pdf << " failed: " << r.err);
    BOOST_TEST(r.err.empty(), "pdftotext " << mode << " printed on stderr: " << r.err);
    return r.out;
}

// ---------------------------------------------------------------------------------------------------------
// Text helpers (UTF-8 byte strings)

// Removes all whitespace: ASCII space, tab, newlines, form feed, vertical tab and NBSP (U+00A0, C2 A0).
inline std::string strip_ws(std::string_view s) {
    std::string out;
    out.reserve(s.size());
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v') continue;
        if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) == 0xA0) {
            ++i;
            continue;
        }
        out.push_back(s[i]);
    }
    return out;
}

// How many times part occurs in text (overlapping occurrences too).
inline std::size_t count(const std::string& text, const std::string& part) {
    std::size_t n = 0;
    for (std::size_t at = text.find(part); at != std::string::npos; at = text.find(part, at + 1)) ++n;
    return n;
}

}  // namespace saraban::testing
