// The overview's rows kept on disk during a run read back exactly (Thai text, scores to the last bit, unknown
// values, the findings), so that the workbook written from them has the bytes of one written from rows in memory.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/overview_spool.h"

using namespace saraban;
namespace fs = std::filesystem;

namespace {

std::vector<render::AgencyRow> rows(int n) {
    std::vector<render::AgencyRow> out;
    for (int i = 0; i < n; ++i) {
        render::AgencyRow r;
        r.agency = "สำนักงานเลขานุการกรม เขต " + std::to_string(i) + std::string(std::size_t(i % 40), 'x');
        r.agency_abbr = i % 4 ? "สลก." : "";
        r.fiscal_year_be = i == 7 ? 2565 : 2564;
        r.round_months = 12;
        r.date = {2021, 9, 1 + i % 28};
        if (i % 5) r.ita = 85.0 + 1.0 / (i + 3);  // not exactly representable: must come back to the bit
        if (i % 6) r.eit = 90.125;
        r.level = i % 2 ? "A" : "";
        r.steps_done = i;
        r.steps_in_progress = i % 3;
        r.steps_not_started = 1;
        r.errors = i % 7 == 0;
        r.warnings = i % 2;
        r.produced = i % 7 != 0;
        r.source = "inputs/agency-" + std::to_string(i) + ".xlsx";
        for (int k = 0; k < i % 3; ++k)
            r.findings.push_back({k ? model::Severity::warning : model::Severity::error, r.source, k ? "" : "คะแนน",
                                  k ? "" : "E" + std::to_string(i), "ข้อความ " + std::to_string(k)});
        out.push_back(r);
    }
    return out;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_overview_spool)

BOOST_AUTO_TEST_CASE(rows_read_back_as_added_and_make_the_same_workbook) {
    const auto in_memory = rows(300);
    batch::OverviewSpool spool;
    for (const auto& r : in_memory) spool.add(r);
    spool.rewind();
    render::AgencyRow row;
    std::size_t n = 0;
    for (; spool.next(row); ++n) {
        BOOST_REQUIRE(n < in_memory.size());
        const auto& want = in_memory[n];
        BOOST_TEST(row.agency == want.agency);
        BOOST_TEST(row.agency_abbr == want.agency_abbr);
        BOOST_TEST((row.date == want.date));
        BOOST_TEST((row.ita == want.ita));  // exact: optional<double> equality
        BOOST_TEST((row.iit == want.iit));
        BOOST_TEST((row.eit == want.eit));
        BOOST_TEST(row.level == want.level);
        BOOST_TEST(row.steps_done == want.steps_done);
        BOOST_TEST(row.errors == want.errors);
        BOOST_TEST(row.produced == want.produced);
        BOOST_TEST(row.source == want.source);
        BOOST_TEST_REQUIRE(row.findings.size() == want.findings.size());
        for (std::size_t k = 0; k < want.findings.size(); ++k) {
            BOOST_TEST((row.findings[k].severity == want.findings[k].severity));
            BOOST_TEST(row.findings[k].file == want.findings[k].file);
            BOOST_TEST(row.findings[k].sheet == want.findings[k].sheet);
            BOOST_TEST(row.findings[k].cell == want.findings[k].cell);
            BOOST_TEST(row.findings[k].message == want.findings[k].message);
        }
    }
    BOOST_TEST(n == in_memory.size());
    BOOST_TEST(spool.error().empty(), spool.error());

    const fs::path dir = fs::temp_directory_path() / ("saraban-spool-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    BOOST_REQUIRE(render::write_overview_workbook(in_memory, (dir / "memory.xlsx").string()).empty());
    spool.rewind();
    BOOST_REQUIRE(render::write_overview_workbook(spool.summary(), [&](render::AgencyRow& r) { return spool.next(r); },
                                                  (dir / "spool.xlsx").string())
                      .empty());
    BOOST_TEST(slurp(dir / "spool.xlsx") == slurp(dir / "memory.xlsx"));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
