#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <random>
#include <ostream>
#include <string>
#include <vector>

#include "layout/line_breaker.h"

using saraban::layout::Breakpoint;
using saraban::layout::BreakKind;
using saraban::layout::ThaiLineBreaker;

namespace {

const ThaiLineBreaker& breaker() {
    static const ThaiLineBreaker instance;
    return instance;
}

using Lines = std::vector<std::string>;

// The text cut at every breakpoint: the pieces a line may start with.
Lines pieces(const std::string& text) {
    Lines result;
    std::size_t start = 0;
    for (const Breakpoint& bp : breaker().breakpoints(text)) {
        result.push_back(text.substr(start, bp.offset - start));
        start = bp.offset;
    }
    return result;
}

// The text cut at every grapheme-cluster boundary.
Lines clusters(const std::string& text) {
    Lines result;
    std::size_t start = 0;
    for (std::size_t boundary : breaker().cluster_boundaries(text)) {
        result.push_back(text.substr(start, boundary - start));
        start = boundary;
    }
    return result;
}

bool breaks_at(const std::string& text, std::size_t offset) {
    for (const Breakpoint& bp : breaker().breakpoints(text)) {
        if (bp.offset == offset) return true;
    }
    return false;
}

// Offset of the first occurrence of needle (which must occur).
std::size_t offset_of(const std::string& text, const std::string& needle) {
    const std::size_t at = text.find(needle);
    BOOST_TEST_REQUIRE(at != std::string::npos, "\"" << needle << "\" not in \"" << text << "\"");
    return at;
}

bool is_thai_combining_mark(char32_t c) {
    return c == 0x0E31 || (c >= 0x0E34 && c <= 0x0E3A) || (c >= 0x0E47 && c <= 0x0E4E);
}

// Decodes the code point starting at offset (well-formed UTF-8 assumed).
char32_t code_point_at(const std::string& text, std::size_t offset) {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(offset);
    if (lead < 0x80) return lead;
    if (lead < 0xE0) return ((lead & 0x1Fu) << 6) | (byte(offset + 1) & 0x3Fu);
    if (lead < 0xF0) return ((lead & 0x0Fu) << 12) | ((byte(offset + 1) & 0x3Fu) << 6) | (byte(offset + 2) & 0x3Fu);
    return ((lead & 0x07u) << 18) | ((byte(offset + 1) & 0x3Fu) << 12) | ((byte(offset + 2) & 0x3Fu) << 6) |
           (byte(offset + 3) & 0x3Fu);
}

}  // namespace

namespace saraban::layout {
std::ostream& operator<<(std::ostream& os, const Breakpoint& bp) {
    return os << bp.offset << (bp.kind == BreakKind::mandatory ? "!" : "");
}
}  // namespace saraban::layout

BOOST_AUTO_TEST_SUITE(layout_line_breaker)

BOOST_AUTO_TEST_CASE(thai_sentence_breaks_between_words_only) {
    const Lines expected{"สบน. ", "ได้", "ดำเนิน", "การ ", "ฯพณฯ ", "นายก", "รัฐมนตรี ", "เด็กๆ ",
                         "(QR ", "Code) ", "๑๒,๕๐๐ ", "บาท"};
    BOOST_TEST(pieces("สบน. ได้ดำเนินการ ฯพณฯ นายกรัฐมนตรี เด็กๆ (QR Code) ๑๒,๕๐๐ บาท") == expected,
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(compound_words_split_only_at_their_parts) {
    BOOST_TEST(pieces("ผู้ใหญ่บ้าน") == (Lines{"ผู้ใหญ่", "บ้าน"}), boost::test_tools::per_element());
    BOOST_TEST(pieces("การยืม - คืน") == (Lines{"การ", "ยืม - คืน"}), boost::test_tools::per_element());
    BOOST_TEST(pieces("ข้อ ๕.๑ การพัฒนา") == (Lines{"ข้อ ", "๕.๑ ", "การ", "พัฒนา"}),
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(short_words_stay_whole) {
    BOOST_TEST(pieces("ก๊าซ") == (Lines{"ก๊าซ"}), boost::test_tools::per_element());
    BOOST_TEST(pieces("น้ำ") == (Lines{"น้ำ"}), boost::test_tools::per_element());
    BOOST_TEST(pieces("ฤๅ") == (Lines{"ฤๅ"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_break_inside_common_words) {
    const std::string text = "สบน. ได้ดำเนินการ ฯพณฯ";
    // inside การ (after ก and after กา) and inside ดำเนิน (after ดำ)
    const std::size_t kan = offset_of(text, "การ");
    BOOST_TEST(!breaks_at(text, kan + std::string("ก").size()));
    BOOST_TEST(!breaks_at(text, kan + std::string("กา").size()));
    BOOST_TEST(!breaks_at(text, offset_of(text, "ดำเนิน") + std::string("ดำ").size()));
    BOOST_TEST(!breaks_at("ผู้ใหญ่บ้าน", std::string("ผู้").size()));
}

BOOST_AUTO_TEST_CASE(no_break_before_mai_yamok_even_after_a_space) {
    // ICU itself breaks before a ๆ written after a space (the Royal Institute's spelling).
    BOOST_TEST(pieces("เด็ก ๆ เล่นกัน") == (Lines{"เด็ก ๆ ", "เล่น", "กัน"}), boost::test_tools::per_element());
    BOOST_TEST(!breaks_at("เด็กๆ", std::string("เด็ก").size()));
}

BOOST_AUTO_TEST_CASE(attached_paiyannoi_stays_with_its_word_but_may_start_one) {
    const std::string text = "กรุงเทพฯ และ ฯพณฯ";
    BOOST_TEST(!breaks_at(text, offset_of(text, "ฯ ")));
    BOOST_TEST(breaks_at(text, offset_of(text, "ฯพณฯ")));  // after the space
}

BOOST_AUTO_TEST_CASE(no_break_before_closing_or_after_opening_punctuation) {
    const std::string text = "(Integrity and Transparency Assessment : ITA)";
    BOOST_TEST(pieces(text) == (Lines{"(Integrity ", "and ", "Transparency ", "Assessment : ", "ITA)"}),
               boost::test_tools::per_element());
    BOOST_TEST(!breaks_at(text, 1));  // after "("
    BOOST_TEST(!breaks_at(text, offset_of(text, ")")));
    BOOST_TEST(!breaks_at("สบน. ได้", std::string("สบน").size()));  // before "."
    // ICU breaks before a "%" that follows a space; the Thai rules do not.
    BOOST_TEST(pieces("ร้อยละ ๙๕.๒๐ %") == (Lines{"ร้อย", "ละ ", "๙๕.๒๐ %"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(url_inside_thai_breaks_only_after_its_scheme) {
    const std::string text = "ตรวจสอบได้ที่ https://itas.nacc.go.th เพื่อประกอบการประเมิน";
    const Lines expected{"ตรวจ", "สอบ", "ได้ที่ ", "https://", "itas.nacc.go.th ", "เพื่อ", "ประกอบ", "การ",
                         "ประเมิน"};
    BOOST_TEST(pieces(text) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(line_feed_gives_a_mandatory_break) {
    const std::string text = "บรรทัดแรก\nบรรทัดสอง";
    const std::size_t after_line_feed = offset_of(text, "\n") + 1;
    const std::vector<Breakpoint> expected{{std::string("บรรทัด").size(), BreakKind::allowed},
                                           {after_line_feed, BreakKind::mandatory},
                                           {after_line_feed + std::string("บรรทัด").size(), BreakKind::allowed},
                                           {text.size(), BreakKind::allowed}};
    BOOST_TEST(breaker().breakpoints(text) == expected, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(breakpoints_end_at_the_end_of_the_text) {
    const std::string text = "นายกรัฐมนตรี";
    const auto bps = breaker().breakpoints(text);
    BOOST_TEST_REQUIRE(!bps.empty());
    BOOST_TEST(bps.back().offset == text.size());
    BOOST_TEST(bps.front().offset > 0u);
}

BOOST_AUTO_TEST_CASE(empty_text_has_no_breakpoints) {
    BOOST_TEST(breaker().breakpoints("").empty());
    BOOST_TEST(breaker().cluster_boundaries("").empty());
}

BOOST_AUTO_TEST_CASE(clusters_keep_marks_with_their_base) {
    BOOST_TEST(clusters("ผู้ป่าปี่") == (Lines{"ผู้", "ป่", "า", "ปี่"}), boost::test_tools::per_element());
    BOOST_TEST(clusters("น้ำ") == (Lines{"น้ำ"}), boost::test_tools::per_element());
    BOOST_TEST(clusters("ก๊าซ") == (Lines{"ก๊", "า", "ซ"}), boost::test_tools::per_element());
    BOOST_TEST(clusters("ฤๅ") == (Lines{"ฤๅ"}), boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(no_cluster_boundary_precedes_a_thai_mark) {
    for (const std::string text : {"ผู้", "ป่า", "ปี่", "ฟื้น", "ญู", "ฐุ", "น้ำ", "ก๊าซ", "ผู้ใหญ่บ้านได้ดำเนินการ"}) {
        const auto boundaries = breaker().cluster_boundaries(text);
        BOOST_TEST_REQUIRE(!boundaries.empty());
        BOOST_TEST(boundaries.back() == text.size());
        for (std::size_t boundary : boundaries) {
            if (boundary == text.size()) continue;
            BOOST_TEST(!is_thai_combining_mark(code_point_at(text, boundary)), text << " splits at " << boundary);
        }
    }
}

BOOST_AUTO_TEST_CASE(breakpoints_fall_on_cluster_boundaries) {
    const std::string text = "สบน. ได้ดำเนินการ ฯพณฯ นายกรัฐมนตรี เด็กๆ (QR Code) ๑๒,๕๐๐ บาท";
    const auto boundaries = breaker().cluster_boundaries(text);
    for (const Breakpoint& bp : breaker().breakpoints(text)) {
        BOOST_TEST((std::find(boundaries.begin(), boundaries.end(), bp.offset) != boundaries.end()),
                   "breakpoint " << bp.offset << " is inside a cluster");
    }
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout_line_breaker_typography)

namespace {
std::vector<std::size_t> offsets(const std::string& text) {
    saraban::layout::ThaiLineBreaker breaker;
    std::vector<std::size_t> out;
    for (const auto& b : breaker.breakpoints(text)) out.push_back(b.offset);
    return out;
}
bool breaks_at(const std::string& text, const std::string& before) {
    auto o = offsets(text);
    return std::find(o.begin(), o.end(), before.size()) != o.end();
}
}  // namespace

BOOST_AUTO_TEST_CASE(a_standing_dash_never_starts_or_ends_a_line) {
    BOOST_TEST(!breaks_at("การยืม - คืน", "การยืม "));
    BOOST_TEST(!breaks_at("การยืม - คืน", "การยืม - "));
    BOOST_TEST(breaks_at("ยืม-คืน และ", "ยืม-คืน "));
    BOOST_TEST(!breaks_at("พ.ศ. ๒๕๕๘ – ๒๕๖๔", "พ.ศ. ๒๕๕๘ "));
}

BOOST_AUTO_TEST_CASE(an_era_and_its_year_stay_together) {
    BOOST_TEST(!breaks_at("ปีงบประมาณ พ.ศ. ๒๕๖๕", "ปีงบประมาณ พ.ศ. "));
    BOOST_TEST(breaks_at("ปีงบประมาณ พ.ศ. ๒๕๖๕", "ปีงบประมาณ "));
    BOOST_TEST(!breaks_at("ค.ศ. 2021", "ค.ศ. "));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout_line_break_cache)

// Breaks are printed "offset:kind" for a readable failure.
std::string describe(const std::vector<Breakpoint>& breaks) {
    std::string out;
    for (const Breakpoint& b : breaks)
        out += std::to_string(b.offset) + (b.kind == BreakKind::mandatory ? "!" : "") + " ";
    return out;
}

BOOST_AUTO_TEST_CASE(breaking_word_by_word_through_the_cache_gives_the_same_breaks) {
    // Spaces next to what UAX #14 treats specially (brackets, quotes, closing punctuation, dashes, marks, line
    // feeds, no-break spaces), the Thai rules that look across spaces (พ.ศ. and its year, a standing dash), and
    // plain Thai, Latin and digits on both sides.
    const std::vector<std::string> pieces = {
        "สำนักงานเลขานุการกรม", "ดำเนินการแล้ว", "ผู้ใหญ่", "ITA", "QR", "Code", "๒๕๖๔", "2564", "พ.ศ.", "(", ")",
        "(ร้อยละ", "๘๐)", "-", "–", "\"", "\u201C", "\u201D", "ๆ", "ฯ", ".", ",", ":", "%", "\u0E48", "\n", "\u00A0",
        "/", "https://itas.nacc.go.th", " ", " ", "  "};
    std::vector<std::string> texts = {"", " ", "ก", "ตามที่ สลก. ได้ ( ทบทวน ) แล้ว", "พ.ศ. ๒๕๖๔ และ ค.ศ. 2021",
                                      "การยืม - คืน ๒๕๕๘ - ๒๕๖๔", "ก \u0E48ข", "word\n next  ", " นำหน้า"};
    std::mt19937 random(1129);
    for (int n = 0; n < 3000; ++n) {
        std::string text;
        const int length = int(random() % 10);
        for (int i = 0; i < length; ++i) text += pieces[random() % pieces.size()];
        texts.push_back(text);
    }
    saraban::layout::LineBreakCache cache;
    for (int pass = 0; pass < 2; ++pass)
        for (const std::string& text : texts)
            BOOST_TEST_REQUIRE(describe(breaker().breakpoints(text, &cache)) == describe(breaker().breakpoints(text)),
                               "pass " << pass << ": \"" << text << "\"");
    BOOST_TEST(cache.hits() > cache.misses());
}

BOOST_AUTO_TEST_SUITE_END()
