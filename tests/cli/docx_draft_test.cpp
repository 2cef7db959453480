// saraban run writes x.docx beside x.pdf by default, through the same group commit, recorded in the manifest with
// its SHA-256; the same bytes whatever -j; --draft none leaves it out.
#include <boost/test/unit_test.hpp>

#include "batch/manifest.h"
#include "batch/sha256.h"
#include "support/process.h"

using namespace saraban::testing;
namespace batch = saraban::batch;

namespace {

void two_agencies(const fs::path& dir) {
    fs::create_directories(dir);
    const fs::path sample = fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx";
    fs::copy_file(sample, dir / "ก.xlsx");
    fs::copy_file(sample, dir / "ข.xlsx");
}

batch::Manifest manifest_of(const fs::path& dir) {
    std::string error;
    auto m = batch::load_manifest((dir / "manifest.json").string(), error);
    BOOST_TEST_REQUIRE(m.has_value(), error);
    return *m;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(docx_draft)

BOOST_AUTO_TEST_CASE(a_docx_beside_each_pdf_recorded_with_its_hash_and_the_same_for_any_j) {
    TempDir dir;
    two_agencies(dir / "in");
    const Result one = run_saraban({"run", (dir / "in").string(), "-o", (dir / "j1").string(), "-j", "1"});
    const Result two = run_saraban({"run", (dir / "in").string(), "-o", (dir / "j2").string(), "-j", "2"});
    BOOST_TEST_REQUIRE(one.status == 0, one.err);
    BOOST_TEST_REQUIRE(two.status == 0, two.err);
    for (const char* name : {"ก.docx", "ข.docx"}) {
        const std::string bytes = read_file(dir / "j1" / name);
        BOOST_TEST_REQUIRE(bytes.size() > 1000u, name);
        BOOST_TEST((bytes == read_file(dir / "j2" / name)), name << " differs between -j 1 and -j 2");
    }
    const batch::Manifest m = manifest_of(dir / "j1");
    BOOST_TEST_REQUIRE(m.agencies.size() == 2u);
    for (const auto& agency : m.agencies) {
        BOOST_TEST_REQUIRE(agency.outputs.size() == 3u);
        const auto& docx = agency.outputs[2];
        BOOST_TEST(docx.path == fs::path(agency.id).stem().string() + ".docx");
        BOOST_TEST(docx.sha256 == batch::sha256_hex(read_file(dir / "j1" / docx.path)));
    }
    // Unchanged: --resume keeps them.
    const Result again = run_saraban({"run", (dir / "in").string(), "-o", (dir / "j1").string(), "--resume"});
    BOOST_TEST_REQUIRE(again.status == 0, again.err);
    BOOST_TEST(again.err.find("0 document(s) written") != std::string::npos, again.err);
}

BOOST_AUTO_TEST_CASE(draft_none_writes_no_docx_and_a_bad_value_is_a_usage_error) {
    TempDir dir;
    two_agencies(dir / "in");
    const Result r = run_saraban({"run", (dir / "in").string(), "-o", (dir / "out").string(), "--draft", "none"});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(fs::exists(dir / "out" / "ก.pdf"));
    BOOST_TEST(!fs::exists(dir / "out" / "ก.docx"));
    for (const auto& agency : manifest_of(dir / "out").agencies) BOOST_TEST(agency.outputs.size() == 2u);
    // Asked for again, the drafts are made: the records without them no longer stand.
    const Result with = run_saraban({"run", (dir / "in").string(), "-o", (dir / "out").string(), "--resume"});
    BOOST_TEST_REQUIRE(with.status == 0, with.err);
    BOOST_TEST(fs::exists(dir / "out" / "ก.docx"));
    const Result bad = run_saraban({"run", (dir / "in").string(), "-o", (dir / "bad").string(), "--draft", "odt"});
    BOOST_TEST(bad.status == 2);
    BOOST_TEST(bad.err.find("--draft needs none or docx") != std::string::npos, bad.err);
}

BOOST_AUTO_TEST_SUITE_END()
