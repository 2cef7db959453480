// `saraban run --limit NAME=VALUE`: a limit is a setting of the run, and a bad one is a usage error.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

using namespace saraban::testing;

BOOST_AUTO_TEST_SUITE(cli_limits)

// The sample's memo has more than one page: with pages=1 it is refused, naming the setting, and nothing is written.
BOOST_AUTO_TEST_CASE(a_memo_past_the_pages_limit_fails_its_agency) {
    TempDir out;
    const Result r = run_saraban({"run", "inputs/sample.xlsx", "-o", out.path().string(), "--limit", "pages=1",
                                  "--progress", "none"});
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(r.err.find("inputs/sample.xlsx: บันทึกยาว ") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("pages, more than 1); ปรับได้ด้วย --limit pages=… (raise it with --limit pages=N)") !=
                   std::string::npos, r.err);
    BOOST_TEST(!fs::exists(out / "sample.pdf"));
    const Result raised = run_saraban({"run", "inputs/sample.xlsx", "-o", out.path().string(), "--limit", "pages=100",
                                       "--progress", "none"});
    BOOST_TEST(raised.status == 0, raised.err);
    BOOST_TEST(fs::is_regular_file(out / "sample.pdf"));
}

BOOST_AUTO_TEST_CASE(an_unknown_limit_or_value_is_a_usage_error) {
    TempDir out;
    for (const char* bad : {"row=5", "rows=-1", "rows", "part-bytes=1TB"}) {
        const Result r = run_saraban({"run", "inputs/sample.xlsx", "-o", out.path().string(), "--limit", bad});
        BOOST_TEST(r.status == 2, bad << ": " << r.err);
        BOOST_TEST(r.err.find("saraban: --limit") == 0u, bad << ": " << r.err);
    }
    BOOST_TEST(run_saraban({"run", "-o", out.path().string(), "--limit"}).status == 2);
    BOOST_TEST(fs::is_empty(out.path()));
}

BOOST_AUTO_TEST_SUITE_END()
