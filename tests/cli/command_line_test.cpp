// The command line as CLI11 parses it (pipeline/cli/command_line.h): each command's own --help, both forms of an
// option's value, -jN everywhere, repeated options, usage errors that show the one relevant usage line, and
// --version with the libraries saraban runs with.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

#include <string>
#include <vector>

using namespace saraban::testing;

BOOST_AUTO_TEST_SUITE(cli_command_line)

BOOST_AUTO_TEST_CASE(each_command_has_its_own_help_on_stdout_with_exit_0) {
    for (const std::string command : {"run", "init", "merge", "bench", "typeset"}) {
        const Result r = run_saraban({command, "--help"});
        BOOST_TEST(r.status == 0u, command << " --help exited " << r.status << ": " << r.err);
        BOOST_TEST(r.out.find("usage: saraban " + command) == 0u, command << " --help:\n" << r.out);
        BOOST_TEST(count(r.out, "usage: ") == 1u, command << " --help shows another command:\n" << r.out);
    }
    const Result run = run_saraban({"run", "-h"});
    BOOST_TEST(run.out.find("--limit NAME=VALUE") != std::string::npos, run.out);
    BOOST_TEST(run.out.find("docs/limits.md") != std::string::npos, run.out);
}

BOOST_AUTO_TEST_CASE(an_option_takes_its_value_after_an_equals_sign_or_a_space) {
    TempDir dir;
    const Result eq =
        run_saraban({"run", "inputs", "--output=" + (dir / "eq").string(), "--jobs=2", "--progress=none"});
    BOOST_TEST_REQUIRE(eq.status == 0u, eq.err);
    const Result sp = run_saraban({"run", "inputs", "--output", (dir / "sp").string(), "-j2", "--progress", "none"});
    BOOST_TEST_REQUIRE(sp.status == 0u, sp.err);
    BOOST_TEST(read_file(dir / "eq" / "sample.pdf") == read_file(dir / "sp" / "sample.pdf"));
    BOOST_TEST(eq.err.find("written to " + (dir / "eq").string()) != std::string::npos, eq.err);
}

BOOST_AUTO_TEST_CASE(bench_takes_minus_j_both_ways) {
    for (const std::vector<std::string>& args :
         std::vector<std::vector<std::string>>{{"bench", "-n2", "-j2"}, {"bench", "--agencies=2", "-j", "2"}}) {
        const Result r = run_saraban(args);
        BOOST_TEST(r.status == 0u, args[1] << " " << args[2] << ": " << r.err);
        BOOST_TEST(r.out.find("2 agencies from ") != std::string::npos, r.out);
        BOOST_TEST(r.out.find(", 2 worker(s), ") != std::string::npos, r.out);
    }
}

BOOST_AUTO_TEST_CASE(a_usage_error_shows_only_its_command_s_usage_line) {
    TempDir out;
    const Result r = run_saraban({"bench", "--frobnicate"});
    BOOST_TEST(r.status == 2);
    BOOST_TEST(r.err.find("saraban: ไม่รู้จักตัวเลือกหรือค่านี้ (") == 0u, r.err);
    BOOST_TEST(r.err.find("--frobnicate") != std::string::npos, r.err);
    BOOST_TEST(count(r.err, "usage: saraban bench") == 1u, r.err);
    BOOST_TEST(count(r.err, "saraban run") == 0u, "the whole page was printed:\n" << r.err);
    const Result j = run_saraban({"run", "-j", "0", "-o", out.path().string()});
    BOOST_TEST(j.status == 2);
    BOOST_TEST(j.err.find("saraban: -j needs a number of workers from 1 to 1024\nusage: saraban run ") == 0u, j.err);
    BOOST_TEST(count(j.err, "saraban typeset") == 0u, j.err);
    const Result missing = run_saraban({"typeset", "x.txt"});
    BOOST_TEST(missing.status == 2);
    BOOST_TEST(missing.err.find("ขาดสิ่งที่ต้องระบุ") != std::string::npos, missing.err);
    BOOST_TEST(missing.err.find("usage: saraban typeset FILE.txt -o OUT.pdf") != std::string::npos, missing.err);
    BOOST_TEST(fs::is_empty(out.path()));
}

BOOST_AUTO_TEST_CASE(fonts_and_limits_may_be_repeated_and_each_takes_one_value) {
    TempDir dir;
    fs::create_directories(dir / "a");
    fs::create_directories(dir / "b");
    // Each --fonts takes one folder, so "inputs" after it stays an input.
    const Result r = run_saraban({"run", "--fonts", (dir / "a").string(), "--fonts=" + (dir / "b").string(), "inputs",
                                  "--limit", "rows=100000", "--limit=pages=100", "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0u, r.err);
    const std::string manifest = read_file(dir / "out" / "manifest.json");
    BOOST_TEST(manifest.find("\"sample.xlsx\"") != std::string::npos, manifest.substr(0, 400));
    const Result bad =
        run_saraban({"run", "inputs", "--limit", "rows=100000", "--limit", "row=1", "-o", (dir / "bad").string()});
    BOOST_TEST(bad.status == 2, bad.err);
    BOOST_TEST(bad.err.find("saraban: --limit") == 0u, bad.err);
}

BOOST_AUTO_TEST_CASE(version_names_the_libraries_in_use) {
    const Result r = run_saraban({"--version"});
    BOOST_TEST_REQUIRE(r.status == 0);
    for (const char* library :
         {"HarfBuzz ", "ICU ", "libharu ", "libxlsxwriter ", "libzip ", "pugixml ", "OpenSSL ", "zlib ", "malloc "})
        BOOST_TEST(r.out.find(std::string("\n  ") + library) != std::string::npos, library << " missing:\n" << r.out);
    if (SARABAN_JEMALLOC) BOOST_TEST(r.out.find("malloc jemalloc 5.") != std::string::npos, r.out);
}

BOOST_AUTO_TEST_SUITE_END()
