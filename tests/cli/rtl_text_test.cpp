// Hebrew and Jawi (Arabic script) inside an agency's Thai text (issue 15): one such word used to crash the whole
// batch (HarfBuzz's right-to-left clusters go down). The memo must be made, and readers must get the words back
// in logical order: poppler's pdftotext (both modes) and pdf.js.
#include <boost/test/unit_test.hpp>

#include "support/minimal_agency.h"
#include "support/process.h"

using namespace saraban::testing;

namespace {

// A Hebrew word in a step; a Jawi phrase, مسجد ڤتاني (Patani mosque), in a step and in a progress note, which the
// memo quotes for a step not yet done, with a Hebrew phrase.
const char* measures_csv =
    "ลำดับ,มาตรการ/ขั้นตอน,สถานะ,ความคืบหน้า\n"
    "1,เสริมสร้างวัฒนธรรมองค์กรสุจริต,,\n"
    "1.1,abc שלום def อบรม,ดำเนินการแล้ว,\n"
    "1.2,อบรมเจ้าหน้าที่ที่มัสยิด مسجد ڤتاني จังหวัดปัตตานี,อยู่ระหว่างดำเนินการ,"
    "ประสานโต๊ะอิหม่าม مسجد ڤتاني และ בית שלום แล้ว\n"
    "2,เปิดเผยข้อมูลการจัดซื้อจัดจ้าง,,\n"
    "2.1,ประกาศแผนจัดซื้อจัดจ้างประจำปี,ยังไม่ได้ดำเนินการ,\n";

// Text without whitespace and without the embedding marks (U+202B, U+202C) poppler wraps right-to-left text in.
std::string plain(const std::string& text) {
    std::string out = strip_ws(text);
    for (const char* mark : {"\u202B", "\u202C"})
        for (std::size_t at; (at = out.find(mark)) != std::string::npos;) out.erase(at, 3);
    return out;
}

bool has(const std::string& text, const std::string& phrase) { return plain(text).find(plain(phrase)) != std::string::npos; }

std::string pdfjs_text(const fs::path& pdf) {
    const std::string extractor = SARABAN_SOURCE_DIR "/tests/pdfjs/extract_text.mjs";
    BOOST_TEST_REQUIRE(fs::exists(SARABAN_SOURCE_DIR "/tests/pdfjs/node_modules/pdfjs-dist"),
                       "pdfjs-dist is not installed: run scripts/setup.sh");
    const Result r = run_program("node", {extractor, pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "node " << extractor << " failed: " << r.err);
    return r.out;
}

struct Memo {
    TempDir dir;
    fs::path pdf;
    Memo() {
        const fs::path agency = write_csv_agency(dir.path(), "jawi", minimal_memo_csv(), measures_csv);
        const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string(), "--progress", "none"});
        BOOST_TEST_REQUIRE(r.status == 0, "exit " << r.status << ": " << r.out << r.err);
        pdf = dir / "out" / "jawi.pdf";
        BOOST_TEST_REQUIRE(fs::exists(pdf));
    }
};

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_rtl_text)

BOOST_AUTO_TEST_CASE(hebrew_and_jawi_in_an_agency_s_text_make_the_memo) {
    const Memo memo;
    // pdftotext in reading order gives each line in logical order (right-to-left text between embedding marks).
    const std::string text = pdf_text(memo.pdf);
    BOOST_TEST(has(text, "๑.๑ abc שלום def อบรม"), text);
    BOOST_TEST(has(text, "ข้อ ๑.๒ ประสานโต๊ะอิหม่าม مسجد ڤتاني และ בית שלום"), text);
    BOOST_TEST(has(text, "อบรมเจ้าหน้าที่ที่มัสยิด مسجد"));
    // pdf.js, which reads glyph codes: the same, Arabic as letters, not joining forms.
    const std::string pdfjs = pdfjs_text(memo.pdf);
    BOOST_TEST(has(pdfjs, "๑.๑ abc שלום def อบรม"), pdfjs);
    BOOST_TEST(has(pdfjs, "ข้อ ๑.๒ ประสานโต๊ะอิหม่าม مسجد ڤتاني และ בית שלום"), pdfjs);
}

BOOST_AUTO_TEST_CASE(pdftotext_raw_gives_each_right_to_left_word_in_logical_order) {
    const Memo memo;
    // Content-stream order: words as drawn, each right-to-left word put back in logical order by poppler (so the
    // words of a right-to-left phrase come last to first).
    const std::string raw = pdf_text(memo.pdf, "-raw");
    BOOST_TEST(has(raw, "๑.๑ abc שלום def อบรม"), raw);
    for (const char* word : {"مسجد", "ڤتاني", "בית"}) BOOST_TEST(has(raw, word), word);
    for (const char* backwards : {"םולש", "دجسم", "يناتڤ", "תיב"}) BOOST_TEST(!has(raw, backwards), backwards);
}

BOOST_AUTO_TEST_SUITE_END()
