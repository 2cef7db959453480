// The batch's overview names files as the input folder does, never by the absolute path of the machine that ran
// it: a run given absolute folders (a workbook, and a CSV folder with a finding) leaves none of them in any XML
// part of overview.xlsx, and its findings sheet lists the finding with the agency's file relative to the folder.
#include <boost/test/unit_test.hpp>

#include "render/xlsx/workbook_tools.h"
#include "support/minimal_agency.h"
#include "support/process.h"

using namespace saraban::testing;

BOOST_AUTO_TEST_SUITE(cli_overview_paths)

BOOST_AUTO_TEST_CASE(overview_holds_no_absolute_path) {
    TempDir dir;
    const fs::path inputs = fs::absolute(dir / "inputs");
    const fs::path out = fs::absolute(dir / "out");
    fs::create_directories(inputs);
    fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx", inputs / "sbn.xlsx");
    // A status no one writes: an error at its cell, named in findings.txt by the absolute path given.
    write_csv_agency(inputs, "kss", minimal_memo_csv(),
                     "ลำดับ,มาตรการ/ขั้นตอน,สถานะ\n1,มาตรการหนึ่ง,\n1.1,ขั้นตอนหนึ่ง,เสร็จไปบ้าง\n");
    const Result r = run_saraban({"run", inputs.string(), "-o", out.string(), "-j", "2"});
    BOOST_TEST(r.status != 0, r.err);  // an agency failed
    BOOST_TEST_REQUIRE(fs::exists(out / "overview.xlsx"), r.err);
    BOOST_TEST(read_file(out / "findings.txt").find(inputs.string()) != std::string::npos,
               "the finding names the input as given");

    int parts = 0;
    rewrite_parts(out / "overview.xlsx", [&](const std::string& name, std::string xml) {
        ++parts;
        for (const fs::path& folder : {inputs, out, dir.path()})
            BOOST_TEST(xml.find(folder.string()) == std::string::npos, name << " holds " << folder);
        return xml;
    });
    BOOST_TEST(parts >= 8);

    std::vector<std::string> findings;
    for (const std::string& line : workbook_tool({"overview", (out / "overview.xlsx").string()}))
        if (line.starts_with("finding=")) findings.push_back(line.substr(8));
    BOOST_TEST_REQUIRE(findings.size() >= 2u);
    BOOST_TEST(findings[0] == "หน่วยงาน|ไฟล์|ชีต|เซลล์|ระดับ|ข้อความ");
    bool relative = false;
    for (const std::string& f : findings) relative = relative || f.starts_with("กรมส่งเสริมสหกรณ์|kss/มาตรการ.csv|");
    BOOST_TEST(relative, "no finding of kss/มาตรการ.csv");
}

BOOST_AUTO_TEST_SUITE_END()
