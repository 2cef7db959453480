// The 6-month round comes from the same template as the 12-month one: only the data differ (round 6, no scores
// yet for the year, most steps under way), and the memo follows.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

using namespace saraban::testing;

BOOST_AUTO_TEST_SUITE(cli_six_month_round)

BOOST_AUTO_TEST_CASE(the_same_template_reports_the_six_month_round_from_its_data) {
    TempDir dir;
    const fs::path workbook = dir / "sbn-6.xlsx";
    const Result made = run_program(SARABAN_BINARY_DIR "/make_sample_workbook", {workbook.string(), "--round", "6"});
    BOOST_TEST_REQUIRE(made.status == 0, made.err);
    const Result r = run_saraban({"run", workbook.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const std::string text = strip_ws(pdf_text(dir / "out" / "sbn-6.pdf", "-raw"));
    // The round and its months.
    BOOST_TEST(text.find(strip_ws("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๖ เดือน (ตุลาคม ๒๕๖๓ - มีนาคม ๒๕๖๔)")) != std::string::npos);
    // No assessment results yet: the collection section is left out and the measures become item ๒.๑.
    BOOST_TEST(text.find(strip_ws("แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน")) == std::string::npos);
    BOOST_TEST(text.find(strip_ws("๒.๑ ผลการดำเนินการตามมาตรการเพื่อขับเคลื่อน")) != std::string::npos);
    BOOST_TEST(text.find(strip_ws("จะได้รับรางวัลประกาศเกียรติคุณ")) == std::string::npos);
    BOOST_TEST(text.find(strip_ws("ตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๕๘ - ๒๕๖๓")) != std::string::npos);
    // The summary sentence counts this round's statuses: every measure still under way.
    BOOST_TEST(text.find(strip_ws("การดำเนินการตามมาตรการดังกล่าวข้างต้น อยู่ระหว่างดำเนินการ ๖ มาตรการ/แนวทาง คือ ทบทวน")) !=
               std::string::npos);
    BOOST_TEST(text.find(strip_ws("ดำเนินการแล้วเสร็จ ๕ มาตรการ")) == std::string::npos);
    // A step not yet done and without a progress note is named with its status.
    BOOST_TEST(text.find(strip_ws("ข้อ ๕.๑ พัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code (ยังไม่ได้ดำเนินการ)")) !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(cli_previous_round)

BOOST_AUTO_TEST_CASE(with_last_rounds_workbook_the_memo_and_the_workbook_say_what_moved) {
    TempDir dir;
    // Last round: the 6-month sample; this round: the 12-month one (5.1 and 5.2 still under way, the rest done).
    const fs::path six = dir / "six" / "sbn.xlsx";
    fs::create_directories(six.parent_path());
    const Result made = run_program(SARABAN_BINARY_DIR "/make_sample_workbook", {six.string(), "--round", "6"});
    BOOST_TEST_REQUIRE(made.status == 0, made.err);
    const Result first = run_saraban({"run", six.string(), "-o", (dir / "round6").string()});
    BOOST_TEST_REQUIRE(first.status == 0, first.err);
    BOOST_TEST(fs::exists(dir / "round6" / "overview.xlsx"));
    fs::create_directories(dir / "twelve");
    fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx", dir / "twelve" / "sbn.xlsx");
    const Result second = run_saraban({"run", (dir / "twelve" / "sbn.xlsx").string(), "-o", (dir / "round12").string(),
                                       "--previous", (dir / "round6").string()});
    BOOST_TEST_REQUIRE(second.status == 0, second.err);
    const std::string text = strip_ws(pdf_text(dir / "round12" / "sbn.pdf", "-raw"));
    // Steps 1.2, 2.2, 3.1, 4.2, 5.3 and 6.2 were under way at six months and are done now.
    BOOST_TEST(text.find(strip_ws("เมื่อเทียบกับรอบรายงานก่อน (รอบ ๖ เดือน ปีงบประมาณ พ.ศ. ๒๕๖๔) มีขั้นตอนที่ดำเนินการแล้วเสร็จเพิ่มขึ้น ๖ ขั้นตอน")) !=
                   std::string::npos,
               text.substr(0, 0));
    // Without --previous the paragraph is not there.
    const Result alone = run_saraban({"run", (dir / "twelve" / "sbn.xlsx").string(), "-o", (dir / "alone").string()});
    BOOST_TEST_REQUIRE(alone.status == 0, alone.err);
    BOOST_TEST(strip_ws(pdf_text(dir / "alone" / "sbn.pdf", "-raw")).find(strip_ws("เมื่อเทียบกับรอบรายงานก่อน")) ==
               std::string::npos);
    // A --previous folder that does not exist is a usage error.
    const Result bad = run_saraban({"run", (dir / "twelve" / "sbn.xlsx").string(), "-o", (dir / "x").string(),
                                    "--previous", (dir / "nowhere").string()});
    BOOST_TEST(bad.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
