// pdf.js (Firefox's viewer) reads glyph codes through ToUnicode and ignores ActualText: the Thai it extracts
// checks that presentation forms map back to Thai and that each word's glyphs are written in source order.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <map>

#include "support/process.h"

using namespace saraban::testing;

namespace {

const std::string kExtractor = SARABAN_SOURCE_DIR "/tests/pdfjs/extract_text.mjs";

std::string pdfjs_text(const fs::path& pdf) {
    BOOST_TEST_REQUIRE(fs::exists(SARABAN_SOURCE_DIR "/tests/pdfjs/node_modules/pdfjs-dist"),
                       "pdfjs-dist is not installed: run scripts/setup.sh");
    const Result r = run_program("node", {kExtractor, pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "node " << kExtractor << " failed: " << r.err);
    return r.out;
}

// Code points of a UTF-8 string, counted.
std::map<std::string, int> character_counts(const std::string& s) {
    std::map<std::string, int> counts;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t len = 1;
        const unsigned char c = static_cast<unsigned char>(s[i]);
        if (c >= 0xF0) len = 4;
        else if (c >= 0xE0) len = 3;
        else if (c >= 0xC0) len = 2;
        ++counts[s.substr(i, len)];
        i += len;
    }
    return counts;
}

bool has_private_use(const std::string& s) {
    // U+E000..U+F8FF in UTF-8: EE 80 80 .. EF A3 BF
    for (std::size_t i = 0; i + 2 < s.size(); ++i) {
        const unsigned char a = s[i], b = s[i + 1];
        if (a == 0xEE || (a == 0xEF && b <= 0xA3)) return true;
    }
    return false;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_pdfjs)

BOOST_AUTO_TEST_CASE(pdfjs_gives_back_the_hard_thai_cases_exactly) {
    TempDir dir;
    const std::vector<std::string> paragraphs = {
        "ผู้ใหญ่บ้าน ป่า ปี่ ฟื้น ญู ฐุ น้ำ ก๊าซ ฯพณฯ เด็กๆ ฤๅ ธีรศักดิ์ ศักดิ์สิทธิ์ ✓",
        "การบูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบงานพัสดุ ในด้านการใช้ทรัพย์สินของทางราชการ ปีงบประมาณ พ.ศ. ๒๕๖๔",
        "นำเข้า URL ข้อมูลตามเกณฑ์การประเมินในระบบ ITAS (https://itas.nacc.go.th) เพื่อประกอบการตรวจประเมิน",
    };
    std::string text;
    for (const auto& p : paragraphs) text += p + "\n";
    write_file(dir / "hard.txt", text);
    const Result r = run_saraban({"typeset", (dir / "hard.txt").string(), "-o", (dir / "hard.pdf").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const std::string extracted = strip_ws(pdfjs_text(dir / "hard.pdf"));
    BOOST_TEST(!has_private_use(extracted));
    std::string expected;
    for (const auto& p : paragraphs) expected += strip_ws(p);
    BOOST_TEST(extracted == expected);
}

BOOST_AUTO_TEST_CASE(pdfjs_and_pdftotext_read_the_same_characters_from_the_memo) {
    TempDir dir;
    const Result r = run_saraban({"run", "inputs", "-o", dir.path().string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    std::string a = strip_ws(pdfjs_text(dir / "sample.pdf"));
    std::string b = strip_ws(pdf_text(dir / "sample.pdf", "-raw"));
    BOOST_TEST(!has_private_use(a));
    // Reading order differs in tables, and pdftotext drops a hyphen that ends a line ("- ๒ -"): compare the
    // characters, hyphens aside.
    a.erase(std::remove(a.begin(), a.end(), '-'), a.end());
    b.erase(std::remove(b.begin(), b.end(), '-'), b.end());
    BOOST_TEST((character_counts(a) == character_counts(b)));
    BOOST_TEST(a.find("ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ") != std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
