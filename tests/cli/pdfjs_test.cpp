// pdf.js (Firefox's viewer) reads glyph codes through ToUnicode and ignores ActualText: the Thai it extracts
// checks that presentation forms map back to Thai and that each word's glyphs are written in source order.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <map>
#include <sstream>

#include "layout/shaper.h"
#include "support/glyph_check.h"

using namespace saraban::testing;

namespace {

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

BOOST_AUTO_TEST_CASE(pdfjs_gives_back_the_hard_case_corpus_exactly) {
    const std::string corpus = SARABAN_SOURCE_DIR "/tests/cli/data/thai_hard_cases.txt";
    TempDir dir;
    const Result r = run_saraban({"typeset", corpus, "-o", (dir / "corpus.pdf").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const std::string extracted = strip_ws(pdfjs_text(dir / "corpus.pdf"));
    BOOST_TEST(!has_private_use(extracted));
    BOOST_TEST(extracted == strip_ws(read_file(corpus)));
}

BOOST_AUTO_TEST_CASE(latin_words_in_thai_text_are_shaped_as_latin) {
    // Laksaman kerns and makes ligatures for the Latin script only: Latin words and ASCII digits in a Thai
    // paragraph must be shaped as Latin, so drawn as HarfBuzz shapes them alone. Each paragraph is one line, its
    // last, so nothing is justified.
    const std::vector<std::string> paragraphs = {"ระบบ Transparency Assessment (Integrity) ของ สบน.",
                                                 "ปี 2564 ไฟล์ Office ทาง Web Service 12,500 บาท"};
    TempDir dir;
    std::string text;
    std::vector<std::string> words;
    for (const auto& p : paragraphs) {
        text += p + "\n";
        std::istringstream in(p);
        for (std::string w; in >> w;) words.push_back(w);
    }
    write_file(dir / "latin.txt", text);
    const Result r = run_saraban({"typeset", (dir / "latin.txt").string(), "-o", (dir / "latin.pdf").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(strip_ws(pdfjs_text(dir / "latin.pdf")) == strip_ws(text));
    BOOST_TEST(strip_ws(pdf_text(dir / "latin.pdf")) == strip_ws(text));

    const auto drawn = pdfjs_words(dir / "latin.pdf");
    BOOST_TEST_REQUIRE(drawn.size() == words.size());
    for (std::size_t i = 0; i < words.size(); ++i)
        BOOST_TEST(differs_from_shaping(drawn[i], words[i], 16).empty(), differs_from_shaping(drawn[i], words[i], 16));
    // T–r kerns by −45/1000 em (−0.72 pt at 16 pt): r starts that much inside T's advance.
    const auto& transparency = drawn[1];
    BOOST_TEST_REQUIRE(transparency.size() > 2u);
    BOOST_TEST(transparency[1].x - transparency[0].x - transparency[0].width < -0.5);
}

BOOST_AUTO_TEST_CASE(sara_am_keeps_harfbuzz_positions_and_reads_back_once) {
    // HarfBuzz splits ำ into ◌ํ + า and, after the tall consonants ป ฝ ฟ ฬ, moves the ring left off the
    // ascender. Every glyph must be drawn where HarfBuzz put it, and every reader must still get ำ exactly once.
    // ป่า follows ป่ำ so that one า glyph stands for ำ in one word and for า in the next.
    const std::vector<std::string> words = {"ป่ำ", "ป้ำ", "ฟ้ำ", "ฬำ", "ฝ่ำ", "น้ำ", "ป่า", "ทำ"};
    TempDir dir;
    std::string text, expected;
    for (const auto& w : words) text += w + "\n", expected += w;
    write_file(dir / "am.txt", text);
    const Result r = run_saraban({"typeset", (dir / "am.txt").string(), "-o", (dir / "am.pdf").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(strip_ws(pdfjs_text(dir / "am.pdf")) == expected);
    BOOST_TEST(strip_ws(pdf_text(dir / "am.pdf")) == expected);
    BOOST_TEST(strip_ws(pdf_text(dir / "am.pdf", "-raw")) == expected);

    const auto drawn = pdfjs_words(dir / "am.pdf");
    BOOST_TEST_REQUIRE(drawn.size() == words.size());
    for (std::size_t i = 0; i < words.size(); ++i) {
        BOOST_TEST(drawn_text(drawn[i]) == words[i]);
        BOOST_TEST(differs_from_shaping(drawn[i], words[i], 16).empty(), differs_from_shaping(drawn[i], words[i], 16));
    }
    const auto& fonts = saraban::testing::fonts();
    // What the test is about: HarfBuzz does move the ring of ป่ำ left of the า it stands before.
    const auto pam = saraban::layout::shape(words[0], fonts.regular, 16, fonts);
    BOOST_TEST_REQUIRE(pam.size() == 4u);
    const std::uint32_t ring = fonts.at(fonts.regular).glyph_for(0x0E4D);
    BOOST_TEST(
        std::count_if(pam.begin(), pam.end(), [&](const auto& g) { return g.gid == ring && g.x_offset < -1.5; }) == 1);
}

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
