// Setting paragraphs: lines break only where ICU allows, justified lines reach the right edge, glyphs carry the
// text they stand for in source order (so copy and search give the text back).
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

#include "text/utf8.h"
#include "layout/paragraph.h"
#include "layout/shaper.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::breaker;
using saraban::testing::engine;

namespace {

const char* const kLongThai =
    "ตามที่สำนักงานบริหารหนี้สาธารณะ (สบน.) ได้เห็นชอบมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ "
    "สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ เมื่อวันที่ ๑๖ กุมภาพันธ์ ๒๕๖๔ เพื่อให้การดำเนินการส่งเสริมคุณธรรมและความโปร่งใสของ "
    "สบน. เป็นไปตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and "
    "Transparency Assessment : ITA) และนำเข้า URL ในระบบ ITAS (https://itas.nacc.go.th) ผู้ใหญ่บ้าน น้ำ ก๊าซ ฯพณฯ เด็กๆ";

model::Paragraph paragraph(const std::string& text, model::Align align = model::Align::justify, double indent = 70.87) {
    model::Paragraph p;
    p.spans.push_back({text, {}});
    p.style.align = align;
    p.style.first_line_indent_pt = indent;
    return p;
}

std::string strip_spaces(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ') out += c;
    return out;
}

// The right edge of a line's ink-bearing advance: its last glyph's x plus that glyph's advance is not kept, so
// use the layout's own record.
double right_edge(const layout::SetLine& line) { return line.right_edge; }

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_paragraph)

BOOST_AUTO_TEST_CASE(justified_lines_reach_the_right_margin_but_the_last) {
    const double width = 453.5;
    auto lines = *layout::set_paragraph(paragraph(kLongThai), width, engine());
    BOOST_REQUIRE_GE(lines.size(), 4u);
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) BOOST_TEST(std::fabs(right_edge(lines[i]) - width) < 0.5);
    BOOST_TEST(right_edge(lines.back()) < width - 5);  // the last line is not stretched
}

BOOST_AUTO_TEST_CASE(lines_break_only_at_icu_break_opportunities) {
    auto lines = *layout::set_paragraph(paragraph(kLongThai), 453.5, engine());
    const std::string text = kLongThai;
    std::vector<std::size_t> allowed;
    for (const auto& b : breaker().breakpoints(text)) allowed.push_back(b.offset);
    std::size_t offset = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        std::size_t at = text.find(lines[i].text, offset);
        BOOST_REQUIRE(at != std::string::npos);
        offset = at + lines[i].text.size();
        std::size_t next_start = text.find_first_not_of(' ', offset);
        BOOST_TEST(std::count(allowed.begin(), allowed.end(), next_start) == 1, "line " << i << " ends at " << next_start);
    }
}

BOOST_AUTO_TEST_CASE(lines_put_together_give_the_text_back) {
    auto lines = *layout::set_paragraph(paragraph(kLongThai), 453.5, engine());
    std::string joined;
    for (const auto& l : lines) joined += l.text;
    BOOST_TEST(strip_spaces(joined) == strip_spaces(kLongThai));
}

BOOST_AUTO_TEST_CASE(glyphs_carry_their_text_in_source_order) {
    // pdf.js reads glyph codes in stream order: each word's glyph texts must spell the word, ผู้ and น้ำ included.
    auto lines = *layout::set_paragraph(paragraph("ผู้ใหญ่บ้าน น้ำ ปี่ ญู ธีรศักดิ์", model::Align::left, 0), 453.5, engine());
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    BOOST_REQUIRE_EQUAL(lines[0].runs.size(), 5u);
    for (const auto& run : lines[0].runs) {
        std::string spelled;
        for (const auto& g : run.glyphs)
            if (g.character != 0) saraban::text::append_utf8(spelled, g.character);
        BOOST_TEST(spelled == run.text);
    }
    // น้ำ is drawn as HarfBuzz shaped it, ◌ํ + า: the า stands for ำ, the ring (just before it) for nothing.
    const auto& nam = lines[0].runs[1].glyphs;
    BOOST_REQUIRE_EQUAL(nam.size(), 4u);
    BOOST_TEST(nam[2].code == 0x0E4Du);
    BOOST_TEST(std::uint32_t(nam[2].character) == 0u);
    BOOST_TEST(nam[3].code == 0x0E32u);
    BOOST_TEST(std::uint32_t(nam[3].character) == 0x0E33u);
}

BOOST_AUTO_TEST_CASE(a_word_longer_than_the_line_breaks_between_clusters) {
    auto lines = *layout::set_paragraph(paragraph("ศักดิ์สิทธิ์ศักดิ์สิทธิ์ศักดิ์สิทธิ์", model::Align::left, 0), 60, engine());
    BOOST_REQUIRE_GE(lines.size(), 2u);
    auto clusters = breaker().cluster_boundaries("ศักดิ์สิทธิ์ศักดิ์สิทธิ์ศักดิ์สิทธิ์");
    std::size_t offset = 0;
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) {
        offset += lines[i].text.size();
        BOOST_TEST(std::count(clusters.begin(), clusters.end(), offset) == 1);
        BOOST_TEST(lines[i].right_edge <= 60.01);
    }
}

BOOST_AUTO_TEST_CASE(first_line_indent_and_alignment) {
    auto indented = *layout::set_paragraph(paragraph("สบน. ได้ดำเนินการ", model::Align::left, 70.87), 453.5, engine());
    BOOST_TEST(indented[0].runs[0].glyphs[0].x == 70.87, boost::test_tools::tolerance(0.01));
    auto centred = *layout::set_paragraph(paragraph("บันทึกข้อความ", model::Align::center, 0), 400, engine());
    const double width = centred[0].right_edge - centred[0].runs[0].glyphs[0].x;
    BOOST_TEST(centred[0].runs[0].glyphs[0].x == (400 - width) / 2, boost::test_tools::tolerance(0.5));
    auto right = *layout::set_paragraph(paragraph("/๒) แบบวัด...", model::Align::right, 0), 400, engine());
    BOOST_TEST(right[0].right_edge == 400, boost::test_tools::tolerance(0.01));
}

BOOST_AUTO_TEST_CASE(no_line_is_much_looser_than_needed) {
    // Total fit: with a whole paragraph in view, no justified line should have to stretch by more than 15 %.
    auto lines = *layout::set_paragraph(paragraph(kLongThai), 453.5, engine());
    for (std::size_t i = 0; i + 1 < lines.size(); ++i) BOOST_TEST(lines[i].natural_width > 0.85 * 453.5);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout_paragraph_styles)

BOOST_AUTO_TEST_CASE(bold_and_underlined_spans_inside_a_thai_paragraph) {
    model::Paragraph p;
    p.style.align = model::Align::left;
    p.spans.push_back({"ตามที่ ", {}});
    p.spans.push_back({"สบน.", {true, false, false, 16}});
    p.spans.push_back({" ได้เห็นชอบ ", {}});
    p.spans.push_back({"Integrity and Transparency", {false, false, true, 16}});
    auto lines = *layout::set_paragraph(p, 453.5, engine());
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    const auto& fonts = saraban::testing::fonts();
    bool bold_seen = false;
    for (const auto& run : lines[0].runs) {
        if (run.text == "สบน.") {
            for (const auto& g : run.glyphs) BOOST_TEST(g.font == fonts.bold);
            bold_seen = true;
        } else {
            for (const auto& g : run.glyphs) BOOST_TEST(g.font == fonts.regular);
        }
    }
    BOOST_TEST(bold_seen);
    // One rule under each underlined cluster, below the baseline, spanning the Latin words and their spaces.
    BOOST_REQUIRE(!lines[0].rules.empty());
    double from = 1e9, to = -1e9;
    for (const auto& r : lines[0].rules) {
        BOOST_TEST(r.y1 < 0);
        from = std::min(from, r.x1);
        to = std::max(to, r.x2);
    }
    double integrity_x = 0;
    for (const auto& run : lines[0].runs)
        if (run.text == "Integrity") integrity_x = run.glyphs.front().x;
    BOOST_TEST(from == integrity_x, boost::test_tools::tolerance(0.5));
    BOOST_TEST(to == lines[0].right_edge, boost::test_tools::tolerance(0.5));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout_paragraph_cache)

namespace {

// Every glyph and rule of the lines, as text, so that two settings can be compared whole.
std::string describe(const std::vector<layout::SetLine>& lines) {
    std::string out;
    char buf[128];
    for (const auto& line : lines) {
        std::snprintf(buf, sizeof buf, "line %.4f %.4f %.4f|", line.height, line.natural_width, line.right_edge);
        out += buf + line.text + "\n";
        for (const auto& run : line.runs)
            for (const auto& g : run.glyphs) {
                std::snprintf(buf, sizeof buf, "%d:%u@%.4f,%.4f ", g.font, g.gid, g.x, g.y);
                out += buf;
                saraban::text::append_utf8(out, g.character);
            }
        for (const auto& r : line.rules) {
            std::snprintf(buf, sizeof buf, "rule %.4f %.4f %.4f\n", r.x1, r.x2, r.y1);
            out += buf;
        }
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_CASE(a_cached_paragraph_is_the_one_set_without_a_cache) {
    layout::ParagraphCache cache;
    layout::TextEngine cached = engine();
    cached.cache = &cache;
    model::Paragraph underlined = paragraph(kLongThai);
    underlined.spans.push_back({" ลงชื่อ", {true, false, true, 18}});
    for (const auto& p : {paragraph(kLongThai), underlined, paragraph("", model::Align::left, 0)}) {
        const std::string plain = describe(*layout::set_paragraph(p, 453.5, engine()));
        BOOST_TEST(describe(*layout::set_paragraph(p, 453.5, cached)) == plain);  // set, then kept
        BOOST_TEST(describe(*layout::set_paragraph(p, 453.5, cached)) == plain);  // taken from the cache
    }
    BOOST_TEST(cache.misses() == 3u);
    BOOST_TEST(cache.hits() == 3u);
}

BOOST_AUTO_TEST_CASE(another_width_style_or_engine_is_another_paragraph) {
    layout::ParagraphCache cache;
    layout::TextEngine cached = engine();
    cached.cache = &cache;
    model::Paragraph p = paragraph(kLongThai);
    layout::set_paragraph(p, 453.5, cached);
    const std::string narrow = describe(*layout::set_paragraph(p, 300, cached));
    BOOST_TEST(narrow == describe(*layout::set_paragraph(p, 300, engine())));
    p.spans[0].style.bold = true;
    layout::set_paragraph(p, 300, cached);
    p.style.first_line_indent_pt = 0;
    layout::set_paragraph(p, 300, cached);
    layout::TextEngine looser = engine(1.5);
    looser.cache = &cache;
    const auto loose = *layout::set_paragraph(p, 300, looser);
    BOOST_TEST(loose.front().height == layout::set_paragraph(p, 300, engine(1.5))->front().height);
    BOOST_TEST(cache.misses() == 5u);
    BOOST_TEST(cache.hits() == 0u);
}

BOOST_AUTO_TEST_CASE(the_cache_keeps_what_is_used_and_drops_the_rest) {
    // Room for about 600 glyphs: each paragraph below has about 40.
    layout::ParagraphCache cache(600);
    layout::TextEngine cached = engine();
    cached.cache = &cache;
    const model::Paragraph common = paragraph("สำนักงานเลขานุการกรม (สลก.) ขอเรียน ดังนี้");
    layout::set_paragraph(common, 453.5, cached);
    for (int i = 0; i < 200; ++i) {
        layout::set_paragraph(paragraph("หน่วยงานที่ " + std::to_string(i) + " ดำเนินการแล้ว"), 453.5, cached);
        layout::set_paragraph(common, 453.5, cached);  // used by every memo: stays
    }
    BOOST_TEST(cache.hits() == 200u);
    const std::size_t misses = cache.misses();
    layout::set_paragraph(paragraph("หน่วยงานที่ 0 ดำเนินการแล้ว"), 453.5, cached);  // long gone
    BOOST_TEST(cache.misses() == misses + 1);
}

BOOST_AUTO_TEST_CASE(words_shaped_through_the_shape_cache_set_the_same_lines) {
    layout::ShapeCache shapes;
    layout::TextEngine cached = engine();
    cached.shapes = &shapes;
    model::Paragraph mixed = paragraph(kLongThai);
    mixed.spans.push_back({" ระบบ QR Code และ E-form ✓ ๑๒,๕๐๐ บาท", {true, false, true, 18}});
    for (const auto& p : {paragraph(kLongThai), mixed, paragraph("", model::Align::left, 0)}) {
        const std::string plain = describe(*layout::set_paragraph(p, 453.5, engine()));
        BOOST_TEST(describe(*layout::set_paragraph(p, 453.5, cached)) == plain);  // words shaped, then kept
        BOOST_TEST(describe(*layout::set_paragraph(p, 300, cached)) ==
                   describe(*layout::set_paragraph(p, 300, engine())));  // another width: the same words
    }
    BOOST_TEST(shapes.hits() > shapes.misses());
}

BOOST_AUTO_TEST_CASE(the_shape_cache_drops_its_older_half_when_full) {
    layout::ShapeCache shapes(60);  // room for about 60 glyphs
    const auto& f = saraban::testing::fonts();
    shapes.shape("สำนักงาน", f.regular, 16, f);
    shapes.shape("สำนักงาน", f.regular, 16, f);
    BOOST_TEST(shapes.misses() == 1u);
    BOOST_TEST(shapes.hits() == 1u);
    for (int i = 0; i < 40; ++i) shapes.shape("หน่วยงานที่ " + std::to_string(10 + i), f.regular, 16, f);
    const std::size_t misses = shapes.misses(), hits = shapes.hits();
    shapes.shape("สำนักงาน", f.regular, 16, f);  // long gone: shaped again
    BOOST_TEST(shapes.misses() == misses + 1);
    shapes.shape("สำนักงาน", f.regular, 16, f);  // just kept
    BOOST_TEST(shapes.hits() == hits + 1);
}

BOOST_AUTO_TEST_SUITE_END()
