// Mixed-direction paragraphs (issue 15): a Hebrew word or a Jawi name (Arabic script) inside Thai text is shaped
// right to left, broken in logical order and drawn in visual order; each word's run keeps its logical text.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <string>
#include <vector>

#include "layout/bidi.h"
#include "text/utf8.h"
#include "layout/paragraph.h"
#include "layout/shaper.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::engine;
using saraban::testing::fonts;

namespace {

model::Paragraph paragraph(const std::string& text, model::Align align = model::Align::left) {
    model::Paragraph p;
    p.spans.push_back({text, {}});
    p.style.align = align;
    return p;
}

std::vector<std::string> run_texts(const layout::SetLine& line) {
    std::vector<std::string> out;
    for (const auto& run : line.runs) out.push_back(run.text);
    return out;
}

// The characters of a run's glyphs in the order they are drawn.
std::string drawn(const layout::GlyphRun& run) {
    std::string out;
    for (const auto& g : run.glyphs) saraban::text::append_utf8(out, g.character);
    return out;
}

// The code points of utf8, reversed, as UTF-8.
std::string reversed(const std::string& utf8) {
    std::vector<std::uint32_t> cps;
    for (std::size_t i = 0; i < utf8.size();) cps.push_back(saraban::text::next_code_point(utf8, i));
    std::string out;
    for (auto it = cps.rbegin(); it != cps.rend(); ++it) saraban::text::append_utf8(out, *it);
    return out;
}

bool drawn_left_to_right(const layout::SetLine& line) {
    double x = -1;
    for (const auto& run : line.runs)
        for (const auto& g : run.glyphs) {
            if (g.x < x - 3) return false;  // a mark may sit a little left of its base's origin
            x = std::max(x, g.x);
        }
    return true;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_bidi)

BOOST_AUTO_TEST_CASE(a_hebrew_phrase_in_a_thai_line_is_drawn_right_to_left) {
    // Two Hebrew words: the phrase reads right to left, so שלום (logically first) is drawn right of עולם.
    const auto lines = *layout::set_paragraph(paragraph("abc שלום עולם def อบรม"), 453.5, engine());
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    const std::vector<std::string> expected = {"abc", "עולם", "שלום", "def", "อบรม"};
    BOOST_TEST(run_texts(lines[0]) == expected, boost::test_tools::per_element());
    // Each Hebrew run's glyphs go left to right as drawn: its letters last to first; its text stays logical.
    BOOST_TEST(drawn(lines[0].runs[1]) == reversed("עולם"));
    BOOST_TEST(drawn(lines[0].runs[2]) == reversed("שלום"));
    BOOST_TEST(drawn(lines[0].runs[3]) == "def");
    BOOST_TEST(drawn_left_to_right(lines[0]));
    BOOST_TEST(lines[0].text == "abc שלום עולם def อบรม");
}

BOOST_AUTO_TEST_CASE(digits_after_hebrew_stay_left_to_right_inside_the_phrase) {
    // UAX #9: European digits after a Hebrew letter take level 2, inside the right-to-left phrase.
    const auto lines = *layout::set_paragraph(paragraph("ก שלום 123 עולם ข"), 453.5, engine());
    BOOST_REQUIRE_EQUAL(lines.size(), 1u);
    const std::vector<std::string> expected = {"ก", "עולם", "123", "שלום", "ข"};
    BOOST_TEST(run_texts(lines[0]) == expected, boost::test_tools::per_element());
    BOOST_TEST(drawn(lines[0].runs[2]) == "123");
}

BOOST_AUTO_TEST_CASE(shaped_clusters_never_go_back_and_mark_the_right_to_left_glyphs) {
    const std::string text = "abc שלום def مسجد อบรม";
    const auto levels = layout::bidi_levels(text);
    BOOST_REQUIRE_EQUAL(levels.size(), text.size());
    BOOST_TEST(levels[text.find("שלום")] == 1);
    BOOST_TEST(levels[text.find("อบรม")] == 0);
    BOOST_TEST(layout::bidi_levels("abc อบรม ๑๒๓ 123").empty());  // nothing right to left: the plain path
    layout::ShapeCache cache;
    for (int pass = 0; pass < 2; ++pass) {
        const auto glyphs = layout::shape(text, fonts().regular, 16, fonts(), 0, levels);
        const auto cached = cache.shape(text, fonts().regular, 16, fonts(), 0, levels);
        BOOST_TEST(layout::to_text(glyphs, 16) == layout::to_text(cached, 16));
        for (std::size_t i = 1; i < glyphs.size(); ++i) BOOST_TEST(glyphs[i - 1].cluster <= glyphs[i].cluster);
        for (const auto& g : glyphs) BOOST_TEST(g.level == levels[g.cluster]);
        BOOST_TEST(std::count_if(glyphs.begin(), glyphs.end(), [](const auto& g) { return g.level == 1; }) == 8);
    }
}

BOOST_AUTO_TEST_CASE(arabic_letters_join_and_are_read_back_as_letters) {
    // Jawi: ڤتاني (Patani), مسجد (masjid). Joined, the letters take their initial, medial and final forms, not the
    // isolated forms the cmap gives; the glyphs still stand for the letters (pdf.js reads those).
    for (const std::string word : {"مسجد", "ڤتاني"}) {
        const auto lines = *layout::set_paragraph(paragraph("ที่ " + word + " จังหวัด"), 453.5, engine());
        BOOST_REQUIRE_EQUAL(lines.size(), 1u);
        BOOST_REQUIRE_EQUAL(lines[0].runs.size(), 3u);
        const layout::GlyphRun& run = lines[0].runs[1];
        BOOST_TEST(run.text == word);
        BOOST_TEST(drawn(run) == reversed(word));
        const layout::Font& font = *fonts().fonts[run.glyphs.front().font];
        std::size_t joined = 0;
        for (const auto& g : run.glyphs) joined += g.gid != font.glyph_for(g.character);
        BOOST_TEST(joined == run.glyphs.size(), word << ": " << joined << " of " << run.glyphs.size() << " joined");
    }
}

BOOST_AUTO_TEST_CASE(lines_break_inside_a_right_to_left_phrase_and_each_line_reads_right_to_left) {
    const std::vector<std::string> hebrew = {"אחד", "שתיים", "שלוש", "ארבע", "חמש", "שש", "שבע", "שמונה", "תשע", "עשר"};
    std::string text = "อบรม";
    for (const auto& w : hebrew) text += " " + w;
    text += " def";
    const double width = 120;
    const auto lines = *layout::set_paragraph(paragraph(text, model::Align::justify), width, engine());
    BOOST_REQUIRE_GE(lines.size(), 3u);
    std::string joined;
    std::vector<std::string> logical;  // the Hebrew words, read line after line, each line right to left
    for (std::size_t i = 0; i < lines.size(); ++i) {
        joined += (i ? " " : "") + lines[i].text;
        BOOST_TEST(lines[i].right_edge <= width + 0.01);
        if (i + 1 < lines.size()) BOOST_TEST(lines[i].right_edge == width, boost::test_tools::tolerance(0.01));
        BOOST_TEST(drawn_left_to_right(lines[i]));
        std::vector<std::string> on_line;
        for (const auto& run : lines[i].runs)
            if (std::find(hebrew.begin(), hebrew.end(), run.text) != hebrew.end()) on_line.push_back(run.text);
        logical.insert(logical.end(), on_line.rbegin(), on_line.rend());
    }
    BOOST_TEST(joined == text);
    BOOST_TEST(logical == hebrew, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(clusters_that_go_back_or_leave_the_text_are_an_error_not_a_crash) {
    const std::string text = "abc";
    std::vector<layout::ShapedGlyph> glyphs(3);
    glyphs[0].cluster = 0, glyphs[1].cluster = 1, glyphs[2].cluster = 2;
    BOOST_CHECK_NO_THROW(layout::check_clusters(glyphs, text));
    glyphs[2].cluster = 0;  // what HarfBuzz gives a right-to-left run, taken as left to right
    BOOST_CHECK_THROW(layout::check_clusters(glyphs, text), layout::TextError);
    glyphs[2].cluster = 3;  // past the end
    BOOST_CHECK_THROW(layout::check_clusters(glyphs, text), layout::TextError);
    try {
        layout::check_clusters(glyphs, text);
    } catch (const layout::TextError& e) {
        BOOST_TEST(std::string(e.what()).find("\"abc\"") != std::string::npos, e.what());
    }
}

BOOST_AUTO_TEST_CASE(a_mixed_paragraph_from_the_cache_is_the_one_set_without) {
    layout::ParagraphCache paragraphs;
    layout::ShapeCache shapes;
    layout::LineBreakCache breaks;
    auto cached = engine();
    cached.cache = &paragraphs;
    cached.shapes = &shapes;
    cached.breaks = &breaks;
    const auto p = paragraph("ชื่อ ڤتاني مسجد และ שלום עולם ๑๒๓", model::Align::justify);
    const auto plain = *layout::set_paragraph(p, 150, engine());
    for (int pass = 0; pass < 2; ++pass) {
        const auto lines = *layout::set_paragraph(p, 150, cached);
        BOOST_REQUIRE_EQUAL(lines.size(), plain.size());
        for (std::size_t i = 0; i < lines.size(); ++i) {
            BOOST_TEST(run_texts(lines[i]) == run_texts(plain[i]), boost::test_tools::per_element());
            BOOST_TEST(lines[i].right_edge == plain[i].right_edge);
        }
    }
}

BOOST_AUTO_TEST_SUITE_END()
