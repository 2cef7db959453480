// No character quietly missing from a memo: --fonts adds a folder without hiding the project's fallback fonts (the
// ✓ of the status table), and a character that no font in use can draw is an error naming the character and the
// cell it came from (or the template), with no PDF written.
#include <boost/test/unit_test.hpp>

#include "batch/undrawable.h"
#include "support/process.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// The CSV agency of the ingest tests, copied into dir with edit applied to one of its files.
fs::path agency_with(const TempDir& dir, const std::string& file, const std::string& from, const std::string& to) {
    const fs::path agency = dir / "agency";
    fs::copy(fs::path(SARABAN_SOURCE_DIR) / "tests" / "ingest" / "fixtures" / "csv-utf8", agency);
    std::string text = read_file(agency / file);
    const std::size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from << " not in " << file);
    write_file(agency / file, text.replace(at, from.size(), to));
    return agency;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_undrawable)

// Before, --fonts replaced fonts/ and with it DejaVu Sans: with a folder of Laksaman only (as the system's
// /usr/share/fonts/truetype/tlwg) every ✓ of the status table vanished and the run said nothing.
BOOST_AUTO_TEST_CASE(fonts_option_keeps_the_bundled_fallback) {
    TempDir dir;
    const fs::path fonts = dir / "tlwg";
    fs::create_directories(fonts);
    for (const char* file : {"Laksaman.ttf", "Laksaman-Bold.ttf", "Laksaman-Italic.ttf", "Laksaman-BoldItalic.ttf"})
        fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "fonts" / file, fonts / file);
    const Result plain =
        run_saraban({"run", "inputs/sample.xlsx", "-o", (dir / "plain").string(), "--progress", "none"});
    const Result with = run_saraban({"run", "inputs/sample.xlsx", "-o", (dir / "out").string(), "--fonts",
                                     fonts.string(), "--progress", "none"});
    BOOST_TEST_REQUIRE(plain.status == 0, plain.err);
    BOOST_TEST_REQUIRE(with.status == 0, with.err);
    const std::size_t marks = count(pdf_text(dir / "plain" / "sample.pdf"), "✓");
    BOOST_TEST(marks > 0u);
    BOOST_TEST(count(pdf_text(dir / "out" / "sample.pdf"), "✓") == marks);
    // The folder's fonts are the ones used, and recorded in the manifest.
    const Result fonts_used = run_program("pdffonts", {(dir / "out" / "sample.pdf").string()});
    BOOST_TEST(fonts_used.out.find("DejaVuSans") != std::string::npos, fonts_used.out);
    BOOST_TEST(read_file(dir / "out" / "manifest.json").find(fonts.string() + "/Laksaman.ttf") != std::string::npos);
}

// Before, 中 and 🚀 (in neither Laksaman nor DejaVu Sans) were left out of the memo and the run succeeded.
BOOST_AUTO_TEST_CASE(a_character_no_font_has_is_an_error_at_its_cell) {
    TempDir dir;
    const fs::path agency = agency_with(dir, "มาตรการ.csv", "บุคลากร สบน.,", "บุคลากร 中 สบน. 中🚀,");
    // Without the system's fonts: a machine with a CJK font would draw 中 (tests/cli/fonts_test.cpp).
    const Result r = run_saraban(
        {"run", agency.string(), "-o", (dir / "out").string(), "--progress", "none", "--no-system-fonts"});
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(!fs::exists(dir / "out" / "agency.pdf"));
    const std::string at = (agency / "มาตรการ.csv").string() + ": sheet มาตรการ, cell C2: error: ";
    BOOST_TEST(r.err.find(at + "ไม่มีฟอนต์ใดวาดอักษร \"中\" (U+4E2D) ได้") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(at + "ไม่มีฟอนต์ใดวาดอักษร \"🚀\" (U+1F680) ได้") != std::string::npos, r.err);
    BOOST_TEST(r.err.find("(no font in use can draw \"中\" U+4E2D") != std::string::npos, r.err);
    BOOST_TEST(count(r.err, "U+4E2D") == 2u, r.err);  // one finding a character (Thai and English name it)
    BOOST_TEST(read_file(dir / "out" / "findings.txt").find(at) != std::string::npos);
}

// Every character no font has, each once, at its first line and column (before, only the first was named).
BOOST_AUTO_TEST_CASE(typeset_refuses_each_character_no_font_has) {
    TempDir dir;
    write_file(dir / "proof.txt", "ทดสอบ 中 ✓ ሀ\nสอง 🚀 中\n");
    const Result r = run_saraban({"typeset", (dir / "proof.txt").string(), "-o", (dir / "proof.pdf").string(),
                                  "--no-system-fonts"});
    BOOST_TEST(r.status == 1);
    const std::string at = (dir / "proof.txt").string();
    BOOST_TEST(r.err.find(at + ":1:7: error: ไม่มีฟอนต์ใดวาดอักษร \"中\" (U+4E2D)") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(at + ":1:11: error: ไม่มีฟอนต์ใดวาดอักษร \"ሀ\" (U+1200)") != std::string::npos, r.err);
    BOOST_TEST(r.err.find(at + ":2:5: error: ไม่มีฟอนต์ใดวาดอักษร \"🚀\" (U+1F680)") != std::string::npos, r.err);
    BOOST_TEST(count(r.err, ": error: ") == 3u, r.err);
    BOOST_TEST(!fs::exists(dir / "proof.pdf"));
}

// Where a character is said to come from: the report's cell holding it (a value quoted in the text it was in
// first), a variable, the template's line and column, or the template itself (a value saraban computes).
BOOST_AUTO_TEST_CASE(findings_name_the_cell_the_variable_or_the_template) {
    model::Report report;
    report.source = "in/x.xlsx";
    report.memo.subject = "เรื่อง 中";
    report.memo.at["subject"] = {"in/x.xlsx", "หนังสือ", 8, 2};
    model::Measure m;
    m.text = "มาตรการ 中 ที่สอง";
    m.at = {"in/x.xlsx", "มาตรการ", 5, 0};
    m.field_at["item"] = {"in/x.xlsx", "มาตรการ", 5, 2};
    report.measures.push_back(m);
    report.variables["unit"] = "หน่วย ★";
    const std::map<std::string, std::string> templates = {
        {"t/memo.xml", "<memo>\n  <p>ข้อ ☐ และ</p>\n</memo>\n"}, {"t/README.md", "✗"}};
    const std::vector<layout::MissingCharacter> missing = {
        {U'中', "ข้อ มาตรการ 中 ที่สอง"}, {U'★', "หน่วย ★"}, {U'☐', "ข้อ ☐ และ"},
        {U'✗', "สถานะ ✗"}, {U'\t', "tab"}};
    const auto found = batch::undrawable_findings(missing, report, "t/memo.xml", templates);
    BOOST_REQUIRE_EQUAL(found.size(), 4u);
    // The subject holds 中 too, but the measure is the value quoted in the text 中 was in.
    BOOST_TEST(model::to_string(found[0].at) == "in/x.xlsx: sheet มาตรการ, cell B5");
    BOOST_TEST(model::to_string(found[1].at) == "in/x.xlsx");
    BOOST_TEST(found[1].message.find("ตัวแปร \"unit\"") != std::string::npos, found[1].message);
    BOOST_TEST(model::to_string(found[2].at) == "t/memo.xml:2:10");
    BOOST_TEST(model::to_string(found[3].at) == "t/memo.xml");  // not in any template's text: computed
    BOOST_TEST(found[3].message.find("\"สถานะ ✗\"") != std::string::npos, found[3].message);
    for (const auto& d : found) BOOST_TEST((d.severity == model::Severity::error));
}

BOOST_AUTO_TEST_SUITE_END()
