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
