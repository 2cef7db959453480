// Where libxlsxwriter assembles a workbook's parts (render/xlsx/detail/part_files.h): a tracking workbook's in
// memory, through saraban's lxw_tmpfile; the overview's, whose rows have no bound, in temporary files.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "render/xlsx/detail/part_files.h"
#include "render/xlsx/overview_workbook.h"
#include "render/xlsx/tracking_fixture.h"

using namespace saraban;
using namespace saraban::testing;

BOOST_AUTO_TEST_SUITE(render_xlsx_part_files)

BOOST_AUTO_TEST_CASE(a_memory_part_is_written_rewound_and_read_back_as_a_file_would_be) {
    std::FILE* part = render::xlsx_detail::open_memory_part();
    BOOST_TEST_REQUIRE(part != nullptr);
    std::string written;
    for (int i = 0; i < 20000; ++i) {  // 200 KB: many times stdio's buffer, so the part grows many times
        char line[32];
        const int n = std::snprintf(line, sizeof line, "<c r=\"A%d\"/>\n", i);
        BOOST_TEST_REQUIRE(std::fputs(line, part) >= 0);
        written.append(line, std::size_t(n));
    }
    BOOST_TEST(std::fflush(part) == 0);
    std::rewind(part);
    std::string read(written.size() + 10, '\0');
    BOOST_TEST(std::fread(read.data(), 1, read.size(), part) == written.size());
    BOOST_TEST(std::feof(part) != 0);
    read.resize(written.size());
    BOOST_TEST((read == written));
    // Seeks from each end, as libxlsxwriter's readers of files do.
    BOOST_TEST(std::fseek(part, -3, SEEK_END) == 0);
    BOOST_TEST(std::ftell(part) == long(written.size()) - 3);
    char tail[4] = {};
    BOOST_TEST(std::fread(tail, 1, 3, part) == 3u);
    BOOST_TEST(std::string(tail) == written.substr(written.size() - 3));
    BOOST_TEST(std::fseek(part, -1, SEEK_SET) != 0);  // before the start
    BOOST_TEST(std::fclose(part) == 0);
    BOOST_TEST(render::xlsx_detail::memory_parts_cut_short() == 0u);
}

BOOST_AUTO_TEST_CASE(a_tracking_workbook_is_assembled_in_memory_and_the_overview_in_files) {
    TempDir dir;
    const unsigned long before = render::workbook_parts_in_memory();
    const fs::path path = write_workbook(sample_report(), sample_findings(), dir.path());
    const unsigned long after = render::workbook_parts_in_memory();
    // Seven sheets, shared strings, styles, theme, workbook, chart, drawing, rels, properties: about 20 parts.
    BOOST_TEST(after - before >= 20u);
    // The parts are whole: the workbook reads back.
    const std::string bytes = read_file(path);
    const auto span = std::as_bytes(std::span(bytes.data(), bytes.size()));
    BOOST_TEST(bool(ingest::read_xlsx(span, "tracking.xlsx")));
    // The overview keeps libxlsxwriter's temporary files: its rows go out as they are written.
    render::AgencyRow row;
    row.source = "a.xlsx";
    BOOST_TEST(render::write_overview_workbook({row}, (dir / "overview.xlsx").string()).empty());
    BOOST_TEST(render::workbook_parts_in_memory() == after);
}

BOOST_AUTO_TEST_SUITE_END()
