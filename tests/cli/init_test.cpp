// `saraban init`: the blank input workbook a new agency fills in. Filled as a user would (openpyxl), and saved
// again by LibreOffice, it gives the same memo; left blank, it gives errors naming the cells to fill, never an
// error about its example rows; it is never written over an existing file. The CSV form likewise.
#include <boost/test/unit_test.hpp>

#include "render/xlsx/workbook_tools.h"
#include "support/process.h"

using namespace saraban::testing;

namespace {

bool has(const std::string& text, const std::string& phrase) {
    return strip_ws(text).find(strip_ws(phrase)) != std::string::npos;
}

void fill(const fs::path& blank, const fs::path& filled) {
    const Result r = run_program("/usr/bin/python3",
                                 {SARABAN_SOURCE_DIR "/tests/cli/fill_init_workbook.py", blank.string(), filled.string()});
    BOOST_TEST_REQUIRE(r.status != 3, r.err);
    BOOST_TEST_REQUIRE(r.status == 0, "fill_init_workbook.py failed: " << r.err);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_init)

BOOST_AUTO_TEST_CASE(a_filled_blank_workbook_reads_back_and_libreoffice_keeps_it_so) {
    TempDir dir;
    const fs::path blank = dir / "new" / "kts.xlsx";
    const Result made = run_saraban({"init", blank.string()});
    BOOST_TEST_REQUIRE(made.status == 0, made.err);
    BOOST_TEST(fs::exists(blank));
    // Never over an existing file.
    const Result again = run_saraban({"init", blank.string()});
    BOOST_TEST(again.status == 1);
    BOOST_TEST(again.err.find("already exists") != std::string::npos, again.err);

    fs::create_directories(dir / "filled");
    const fs::path filled = dir / "filled" / "kts.xlsx";
    fill(blank, filled);
    const Result run = run_saraban({"run", filled.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(run.status == 0, run.out << run.err);
    const std::string text = pdf_text(dir / "out" / "kts.pdf", "-raw");
    BOOST_TEST(has(text, "ตามที่กรมตรวจบัญชีสหกรณ์ (กตส.) ได้เห็นชอบมาตรการ"));
    BOOST_TEST(has(text, "รอบ ๖ เดือน (ตุลาคม ๒๕๖๗ - มีนาคม ๒๕๖๘)"));
    BOOST_TEST(has(text, "วันที่ ๑๗ มีนาคม ๒๕๖๘"));  // 17/3/2568 typed as text
    BOOST_TEST(has(text, "สำนักงานเลขานุการกรม (สลก.กตส.) ขอเรียน ดังนี้"));
    BOOST_TEST(has(text, "ข้อ ๑.๒ รายงานแล้ว ๓ เดือน"));  // the progress note of the step not yet done
    // The example rows are not data.
    BOOST_TEST(!has(text, "เสริมสร้างวัฒนธรรมองค์กรสุจริต"));
    BOOST_TEST(!has(text, "๒๕๖๖"));

    // LibreOffice opens and saves it: the same memo, byte for byte.
    fs::create_directories(dir / "lo");
    const fs::path resaved = resave_with_libreoffice(filled, dir / "lo", dir / "profile");
    const Result run_lo = run_saraban({"run", resaved.string(), "-o", (dir / "out-lo").string()});
    BOOST_TEST_REQUIRE(run_lo.status == 0, run_lo.out << run_lo.err);
    BOOST_TEST((read_file(dir / "out" / "kts.pdf") == read_file(dir / "out-lo" / "kts.pdf")));
}

BOOST_AUTO_TEST_CASE(a_blank_workbook_names_the_cells_to_fill_and_not_its_examples) {
    TempDir dir;
    BOOST_TEST_REQUIRE(run_saraban({"init", (dir / "x.xlsx").string()}).status == 0);
    const Result r = run_saraban({"run", (dir / "x.xlsx").string(), "-o", (dir / "out").string()});
    BOOST_TEST(r.status == 1);
    const std::string prefix = (dir / "x.xlsx").string() + ": sheet หนังสือ, cell ";
    BOOST_TEST(r.err.find(prefix + "B2: error: ค่าว่าง ต้องระบุ หน่วยงาน [agency]") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("ผู้ลงนาม [signer]") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("sheet มาตรการ, cell") == std::string::npos, r.err);  // the example rows are skipped
    BOOST_TEST(r.err.find("sheet คะแนน, cell") == std::string::npos, r.err);
    BOOST_TEST(r.err.find("ตัวอย่าง") == std::string::npos, r.err);
}

BOOST_AUTO_TEST_CASE(the_csv_form_filled_in_gives_a_memo) {
    TempDir dir;
    const fs::path folder = dir / "kts";
    BOOST_TEST_REQUIRE(run_saraban({"init", folder.string(), "--csv"}).status == 0);
    for (const char* file : {"หนังสือ.csv", "คะแนน.csv", "มาตรการ.csv", "ตัวแปร.csv", "คำแนะนำ.txt"})
        BOOST_TEST(fs::exists(folder / file), file);
    // A second init into the same folder writes nothing over it.
    const std::string before = read_file(folder / "คะแนน.csv");
    const Result again = run_saraban({"init", folder.string(), "--csv"});
    BOOST_TEST(again.status == 1);
    BOOST_TEST(again.err.find("already exists") != std::string::npos, again.err);
    BOOST_TEST(read_file(folder / "คะแนน.csv") == before);
    // A name in capitals is still a workbook name.
    BOOST_TEST_REQUIRE(run_saraban({"init", (dir / "KTS.XLSX").string()}).status == 0);
    BOOST_TEST(fs::is_regular_file(dir / "KTS.XLSX"));
    // Fill it as a text editor would: the values after each key, rows under the examples.
    std::string memo = read_file(folder / "หนังสือ.csv");
    const std::pair<const char*, const char*> values[] = {
        {"หน่วยงาน [agency],", "กรมตรวจบัญชีสหกรณ์"}, {"ชื่อย่อ [agency_abbr],", "กตส."},
        {"ส่วนราชการ [division],", "สำนักงานเลขานุการกรม"}, {"เรื่อง [subject],", "รายงานผล"},
        {"เรียน [to],", "อธิบดี"}, {"ผู้ลงนาม [signer],", "นายก ข"}, {"ตำแหน่ง [signer_title],", "เลขานุการกรม"},
        {"ปีงบประมาณ [fiscal_year],", "2568"}, {"รอบรายงาน [round],", "6"},
    };
    for (const auto& [key, value] : values) {
        const auto at = memo.find(std::string("\n") + key);
        BOOST_TEST_REQUIRE(at != std::string::npos, key);
        memo.insert(at + 1 + std::string(key).size(), value);
    }
    write_file(folder / "หนังสือ.csv", memo);
    write_file(folder / "คะแนน.csv", read_file(folder / "คะแนน.csv") + "2567,91.5,88,95,92,A,,,\r\n");
    write_file(folder / "มาตรการ.csv", read_file(folder / "มาตรการ.csv") +
                                         "1,ส่งเสริมความโปร่งใส,,,,,,,\r\n1.1,เผยแพร่แผน,,,,,ดำเนินการแล้ว,,\r\n");
    const Result r = run_saraban({"run", folder.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    BOOST_TEST(has(pdf_text(dir / "out" / "kts.pdf", "-raw"), "ตามที่กรมตรวจบัญชีสหกรณ์ (กตส.) ได้เห็นชอบ"));
}

BOOST_AUTO_TEST_SUITE_END()
