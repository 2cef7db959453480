// Another agency than the sample's, written only to the input contract (docs/input-workbook.md): a CSV folder with
// only the required data, in both rounds, and one with its own sending unit. The default templates must give a
// complete memo that carries only this agency's facts: nothing of the sample agency, no sentence with a hole.
#include <boost/test/unit_test.hpp>

#include <sstream>

#include "support/minimal_agency.h"
#include "support/process.h"

using namespace saraban::testing;

namespace {

std::string memo_csv(int round, const std::string& extra = "") { return minimal_memo_csv(round, extra); }

const char* measures_csv =
    "ลำดับ,มาตรการ/ขั้นตอน,สถานะ\n"
    "1,เสริมสร้างวัฒนธรรมองค์กรสุจริต,\n"
    "1.1,จัดอบรมเจ้าหน้าที่เรื่องผลประโยชน์ทับซ้อน,ดำเนินการแล้ว\n"
    "1.2,เผยแพร่คู่มือการปฏิบัติงานบนเว็บไซต์กรม,อยู่ระหว่างดำเนินการ\n"
    "2,เปิดเผยข้อมูลการจัดซื้อจัดจ้าง,\n"
    "2.1,ประกาศแผนจัดซื้อจัดจ้างประจำปี,ยังไม่ได้ดำเนินการ\n";

fs::path write_agency(const TempDir& dir, const std::string& name, const std::string& memo) {
    return write_csv_agency(dir.path(), name, memo, measures_csv);
}

bool has(const std::string& text, const std::string& phrase) { return text.find(strip_ws(phrase)) != std::string::npos; }

// Phrases of the sample agency and its templates' former wording, none of which may reach another agency's memo.
const char* const sample_phrases[] = {
    "สบน.", "สำนักงานบริหารหนี้สาธารณะ", "สลก.", "สำนักงานเลขาธิการกรม", "ศูนย์เทคโนโลยีสารสนเทศ", "๑๐.๒", "๐๔๒",
    "๒๕๖๔", "สิริภา",
};

// A fact whose value is missing leaves its words out; these are what a hole would look like.
const char* const holes[] = {
    "เมื่อวันที่ เพื่อให้", "ระหว่างเดือน กำหนด", "ระหว่างเดือน โดย", "ไม่น้อยกว่า คน", "จำนวน คน", "ภายนอก คน",
    "ระหว่าง โดย", "พ.ศ. -", "( )", "()",
};

void check_memo(const fs::path& pdf, const std::string& round_phrase) {
    const std::string raw = pdf_text(pdf, "-raw");
    const std::string text = strip_ws(raw);
    BOOST_TEST(has(text, "ตามที่กรมส่งเสริมสหกรณ์ (กสส.) ได้เห็นชอบมาตรการ"));
    BOOST_TEST(has(text, round_phrase), "missing " << round_phrase);
    // The sending unit defaults to the ส่วนราชการ line, without an abbreviation.
    BOOST_TEST(has(text, "กองการเจ้าหน้าที่ กลุ่มงานจริยธรรม ขอเรียน ดังนี้"));
    BOOST_TEST(has(text, "๓. กองการเจ้าหน้าที่ กลุ่มงานจริยธรรม จะได้ติดตาม"));
    BOOST_TEST(has(text, "ในปีงบประมาณ พ.ศ. ๒๕๖๗ โดยมีรายละเอียดผลคะแนน"));
    BOOST_TEST(has(text, "(นายสมมติ ทดสอบดี)"));
    // No attachment without the analysis memo's data, so no sentence points at one.
    BOOST_TEST(!has(text, "เอกสารแนบ"));
    for (const char* phrase : sample_phrases) BOOST_TEST(!has(text, phrase), "sample phrase in the memo: " << phrase);
    for (const char* hole : holes) BOOST_TEST(!has(raw, hole), "a sentence with a hole: " << hole);
    // The form keeps the labels of the number and date for the register to fill.
    BOOST_TEST(has(text, "ที่") );
    BOOST_TEST(raw.find("วันที่") != std::string::npos);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_any_agency)

BOOST_AUTO_TEST_CASE(only_the_required_data_gives_a_complete_memo_in_the_twelve_month_round) {
    TempDir dir;
    const fs::path agency = write_agency(dir, "kss", memo_csv(12));
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    check_memo(dir / "out" / "kss.pdf", "รอบ ๑๒ เดือน (เมษายน ๒๕๖๗ - กันยายน ๒๕๖๗)");
    const std::string text = strip_ws(pdf_text(dir / "out" / "kss.pdf", "-raw"));
    // The year's results are quoted without the counts the workbook does not give.
    BOOST_TEST(has(text, "ได้รับคะแนนการประเมิน IIT ๙๐ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน"));
    BOOST_TEST(has(text, "ไม่น้อยกว่าจำนวนกลุ่มตัวอย่างขั้นต่ำ ได้รับคะแนนการประเมิน IIT"));
    BOOST_TEST(has(text, "ตามเกณฑ์การประเมิน รวมทั้งปรับปรุงเว็บไซต์ และช่องทาง"));
}

BOOST_AUTO_TEST_CASE(only_the_required_data_gives_a_complete_memo_in_the_six_month_round) {
    TempDir dir;
    const fs::path agency = write_agency(dir, "kss", memo_csv(6));
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    check_memo(dir / "out" / "kss.pdf", "รอบ ๖ เดือน (ตุลาคม ๒๕๖๖ - มีนาคม ๒๕๖๗)");
}

BOOST_AUTO_TEST_CASE(an_agency_with_its_own_sending_unit_shows_that_unit) {
    TempDir dir;
    const fs::path agency = write_agency(
        dir, "kss", memo_csv(12, "หน่วยงานผู้เสนอ,สำนักงานเลขานุการกรม\nชื่อย่อผู้เสนอ,สลก.กสส.\n"));
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    const std::string text = strip_ws(pdf_text(dir / "out" / "kss.pdf", "-raw"));
    BOOST_TEST(has(text, "สำนักงานเลขานุการกรม (สลก.กสส.) ขอเรียน ดังนี้"));
    BOOST_TEST(has(text, "๓. สลก.กสส. จะได้ติดตาม"));
}

BOOST_AUTO_TEST_CASE(a_value_the_template_needs_is_reported_at_the_input_with_every_other_finding) {
    TempDir dir;
    // A template of the agency's own, chosen by the แม่แบบ key, that needs a variable the input lacks; the input
    // also has a wrong status, which used to hide the missing value until the next run.
    const fs::path templates = dir / "templates";
    fs::create_directories(templates);
    for (const auto& entry : fs::directory_iterator(fs::path(SARABAN_SOURCE_DIR) / "templates"))
        fs::copy_file(entry.path(), templates / entry.path().filename());
    write_file(templates / "mine.xml",
               "<memo>\n  <p>เรียน <v name=\"to\"/></p>\n  <p>ตามหนังสือที่ <v name=\"circular_ref\"/> นั้น</p>\n"
               "  <p><v name=\"agncy\"/></p>\n</memo>\n");
    const fs::path agency = write_agency(dir, "kss", memo_csv(12, "แม่แบบ,mine\n"));
    std::string bad = measures_csv;
    bad.replace(bad.find("ยังไม่ได้ดำเนินการ"), std::string("ยังไม่ได้ดำเนินการ").size(), "ยังไม่ทำ");
    write_file(agency / "มาตรการ.csv", bad);
    const Result r =
        run_saraban({"run", agency.string(), "-o", (dir / "out").string(), "--templates", templates.string()});
    BOOST_TEST(r.status == 1, r.out << r.err);
    const std::string all = r.out + r.err;
    BOOST_TEST(all.find("มาตรการ.csv") != std::string::npos, all);  // the status error
    const std::string missing = (agency / "ตัวแปร.csv").string() + ": error: ไม่มีค่า \"circular_ref\"";
    BOOST_TEST(all.find(missing) != std::string::npos, all);
    BOOST_TEST(all.find("mine.xml:3:") != std::string::npos, all);  // the template line that needs it
    // A misspelt name is the template's error, on a line that still names the agency's input.
    const std::string findings = read_file(dir / "out" / "findings.txt");
    BOOST_TEST(findings.find(agency.string() + ": " + (templates / "mine.xml").string() +
                             ":4:6: error: ไม่รู้จักชื่อ \"agncy\" (unknown name \"agncy\"; did you mean \"agency\"?") !=
                   std::string::npos,
               findings);
    std::istringstream lines(findings);
    for (std::string line; std::getline(lines, line);)
        BOOST_TEST(line.starts_with(agency.string()), "a finding that does not name the input: " << line);
    BOOST_TEST(!fs::exists(dir / "out" / "kss.pdf"));
}

BOOST_AUTO_TEST_CASE(a_missing_required_key_is_said_once) {
    TempDir dir;
    std::string memo = memo_csv(12);
    memo.erase(memo.find("ผู้ลงนาม,"), std::string("ผู้ลงนาม,นายสมมติ ทดสอบดี\n").size());
    const fs::path agency = write_agency(dir, "kss", memo);
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string()});
    BOOST_TEST(r.status == 1);
    std::size_t lines = 0;
    for (std::size_t at = r.err.find("[signer]"); at != std::string::npos; at = r.err.find("[signer]", at + 1)) ++lines;
    BOOST_TEST(lines == 1u, r.err);
}

BOOST_AUTO_TEST_CASE(a_template_name_the_folder_lacks_is_an_error_at_its_cell) {
    TempDir dir;
    const fs::path agency = write_agency(dir, "kss", memo_csv(12, "แม่แบบ,progres-report\n"));
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string()});
    BOOST_TEST(r.status == 1);
    const std::string all = r.out + r.err;
    BOOST_TEST(all.find((agency / "หนังสือ.csv").string()) != std::string::npos, all);
    BOOST_TEST(all.find("no template \"progres-report\"") != std::string::npos, all);
    BOOST_TEST(all.find("progress-report.xml") != std::string::npos, all);  // what there is
}

BOOST_AUTO_TEST_CASE(a_previous_folder_without_this_agencys_workbook_is_a_warning_naming_the_file) {
    TempDir dir;
    const fs::path agency = write_agency(dir, "kss", memo_csv(12));
    fs::create_directories(dir / "last-round");
    const Result r = run_saraban(
        {"run", agency.string(), "-o", (dir / "out").string(), "--previous", (dir / "last-round").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    const std::string all = r.out + r.err;
    BOOST_TEST(all.find((dir / "last-round" / "kss.xlsx").string() + ": warning:") != std::string::npos, all);
    BOOST_TEST(all.find("1 warning") != std::string::npos, all);
    BOOST_TEST(read_file(dir / "out" / "findings.txt").find("last-round/kss.xlsx") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_input_folder_names_every_workbook_it_does_not_read) {
    TempDir dir;
    const fs::path inputs = dir / "inputs";
    write_agency(dir, "inputs/kss", memo_csv(12));
    write_file(inputs / "~$kss.xlsx", "lock");                    // Excel's lock file of an open workbook
    write_file(inputs / ".~lock.kss.xlsx#", "lock");             // LibreOffice's
    fs::create_symlink(dir / "gone.xlsx", inputs / "moved.xlsx");  // a link to a file moved away
    write_file(inputs / "notes.csv", "a,b\n");                    // one sheet outside an agency folder
    fs::create_directories(inputs / "2567");
    write_file(inputs / "2567" / "x.xlsx", "");                  // a folder of workbooks one level down
    write_file(inputs / "README.txt", "not an input");           // not worth a word
    const Result r = run_saraban({"run", inputs.string(), "-o", (dir / "out").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.out << r.err);
    const std::string all = r.out + r.err;
    for (const char* name : {"~$kss.xlsx", ".~lock.kss.xlsx#", "moved.xlsx", "notes.csv", "2567"})
        BOOST_TEST(all.find((inputs / name).string() + ": warning: ข้าม") != std::string::npos, name << "\n" << all);
    BOOST_TEST(all.find("README.txt") == std::string::npos);
    BOOST_TEST(all.find("5 warning(s)") != std::string::npos, all);
    const std::string findings = read_file(dir / "out" / "findings.txt");
    BOOST_TEST(findings.find("moved.xlsx: warning:") != std::string::npos, findings);
}

BOOST_AUTO_TEST_SUITE_END()
