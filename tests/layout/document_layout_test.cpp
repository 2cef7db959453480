// Pagination: paragraphs flow over pages without stranding a single line, tables repeat their header rows, later
// pages get "- ๒ -" and every page that continues gets its continuation marker.
#include <boost/test/unit_test.hpp>

#include <algorithm>

#include "layout/document_layout.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::engine;

namespace {

model::Paragraph body(const std::string& text) {
    model::Paragraph p;
    p.spans.push_back({text, {}});
    p.style.first_line_indent_pt = 70.87;
    p.style.space_before_pt = 6;
    return p;
}

std::string page_text(const layout::Page& page) {
    std::string s;
    for (const auto& run : page.runs) s += run.text + " ";
    return s;
}

// The baselines of a page's runs, top to bottom.
std::vector<double> baselines(const layout::Page& page) {
    std::vector<double> ys;
    for (const auto& run : page.runs)
        if (!run.glyphs.empty()) ys.push_back(run.glyphs.front().baseline);
    std::sort(ys.begin(), ys.end(), std::greater<>());
    ys.erase(std::unique(ys.begin(), ys.end(), [](double a, double b) { return std::abs(a - b) < 0.5; }), ys.end());
    return ys;
}

const std::string kSentence = "สบน. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ";

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_document)

BOOST_AUTO_TEST_CASE(long_text_flows_over_numbered_pages_with_markers) {
    model::Document doc;
    for (int i = 0; i < 12; ++i) {
        std::string text;
        for (int k = 0; k < 6; ++k) text += kSentence;
        doc.blocks.push_back(body(text));
    }
    auto out = layout::layout_document(doc, engine());
    BOOST_REQUIRE_GE(out.pages.size(), 3u);
    BOOST_TEST(page_text(out.pages[0]).find("- ๑ -") == std::string::npos);
    BOOST_TEST(page_text(out.pages[1]).find("๒") != std::string::npos);
    for (std::size_t i = 0; i + 1 < out.pages.size(); ++i) {
        // The marker is the lowest line, "/" + the next page's first words + "...".
        const double lowest = baselines(out.pages[i]).back();
        std::string marker;
        for (const auto& run : out.pages[i].runs)
            if (std::abs(run.glyphs.front().baseline - lowest) < 0.5) marker += run.text + " ";
        marker.pop_back();
        BOOST_REQUIRE(marker.size() > 5);
        BOOST_TEST(marker.rfind("/", 0) == 0, marker);
        BOOST_TEST(marker.substr(marker.size() - 3) == "...", marker);
        // The words are the next page's first words (after its page number).
        const std::string words = marker.substr(1, marker.size() - 4);
        const std::string next = page_text(out.pages[i + 1]);
        BOOST_TEST(next.find(words) != std::string::npos, words);
        BOOST_TEST(next.find(words) < 40u, words);
    }
    // Nothing is set below the bottom margin.
    for (const auto& page : out.pages)
        for (const auto& run : page.runs) BOOST_TEST(run.glyphs.front().baseline > doc.page.margin_bottom_pt - 1);
}

BOOST_AUTO_TEST_CASE(no_single_line_is_left_at_the_foot_of_a_page) {
    // Fill a page with one-line paragraphs, then a long one: it must not leave one line alone at the foot.
    model::Document doc;
    for (int n = 18; n <= 26; ++n) {
        doc.blocks.clear();
        for (int i = 0; i < n; ++i) doc.blocks.push_back(body("บรรทัดเดียว"));
        std::string text;
        for (int k = 0; k < 5; ++k) text += kSentence;
        doc.blocks.push_back(body(text));
        auto out = layout::layout_document(doc, engine());
        if (out.pages.size() < 2) continue;
        // Count the long paragraph's lines on page 1: zero or at least two.
        std::size_t long_lines = 0;
        for (const auto& run : out.pages[0].runs)
            if (run.text.find("สบน.") == 0) ++long_lines;
        BOOST_TEST(long_lines != 1u, "n = " << n);
    }
}

BOOST_AUTO_TEST_CASE(table_header_rows_repeat_on_each_page) {
    model::Document doc;
    model::Table t;
    t.column_widths_pt = {300, 150};
    t.header_rows = 1;
    model::TableRow header;
    header.cells.push_back({{body("ขั้นตอน/วิธีการปฏิบัติ")}, 1, 1});
    header.cells.push_back({{body("ผลการดำเนินการ")}, 1, 1});
    t.rows.push_back(header);
    for (int i = 0; i < 40; ++i) {
        model::TableRow row;
        row.cells.push_back({{body("ขั้นตอนที่ " + std::to_string(i) + " " + kSentence)}, 1, 1});
        row.cells.push_back({{body("✓")}, 1, 1});
        t.rows.push_back(row);
    }
    doc.blocks.push_back(t);
    auto out = layout::layout_document(doc, engine());
    BOOST_REQUIRE_GE(out.pages.size(), 2u);
    for (const auto& page : out.pages) {
        std::size_t headers = 0;
        for (const auto& run : page.runs) headers += run.text == "ขั้นตอน/วิธีการปฏิบัติ";
        BOOST_TEST(headers == 1u);
    }
    // Every row appears exactly once.
    std::string all;
    for (const auto& page : out.pages) all += page_text(page);
    for (int i = 0; i < 40; ++i) {
        std::string needle = "ขั้นตอนที่ " + std::to_string(i) + " ";
        std::size_t first = all.find(needle);
        BOOST_TEST((first != std::string::npos && all.find(needle, first + 1) == std::string::npos), "row " << i);
    }
}

BOOST_AUTO_TEST_CASE(signature_block_is_centred_and_kept_whole) {
    model::Document doc;
    for (int i = 0; i < 24; ++i) doc.blocks.push_back(body("บรรทัดเดียว"));
    model::Signature s;
    s.lines = {"(นางสาวสิริภา สัตยานนท์)", "เลขานุการกรม"};
    s.center_x_pt = 269.3;
    doc.blocks.push_back(s);
    auto out = layout::layout_document(doc, engine());
    const layout::Page* with_name = nullptr;
    for (const auto& page : out.pages)
        if (page_text(page).find("(นางสาวสิริภา") != std::string::npos) with_name = &page;
    BOOST_REQUIRE(with_name);
    BOOST_TEST(page_text(*with_name).find("เลขานุการกรม") != std::string::npos);
    for (const auto& run : with_name->runs) {
        if (run.text != "เลขานุการกรม") continue;
        // Centred on the given point of the text area (within the last glyph's advance).
        const double left = run.glyphs.front().x - doc.page.margin_left_pt;
        BOOST_TEST(left < 269.3);
        BOOST_TEST(left > 269.3 - 60);
    }
    BOOST_TEST(baselines(*with_name).size() >= 2u);
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(layout_document_tables)

// A table of two columns under a header row ("ขั้นตอน", "ผล"), whose one body row has a first cell of 60 lines
// ("บรรทัดที่ 0 สบน. ...", taller than a page) and "✓" spanning result_rows rows.
model::Table table_with_a_tall_row(int result_rows) {
    model::Table t;
    t.column_widths_pt = {300, 150};
    t.header_rows = 1;
    model::TableRow header;
    header.cells.push_back({{body("ขั้นตอน")}, 1, 1});
    header.cells.push_back({{body("ผล")}, 1, 1});
    t.rows.push_back(header);
    model::TableRow tall;
    std::string text;
    for (int i = 0; i < 60; ++i) text += "บรรทัดที่ " + std::to_string(i) + " " + kSentence;
    tall.cells.push_back({{body(text)}, 1, 1});
    tall.cells.push_back({{body("✓")}, 1, result_rows});
    t.rows.push_back(tall);
    return t;
}

BOOST_AUTO_TEST_CASE(a_row_taller_than_a_page_continues_on_the_next) {
    model::Document doc;
    doc.blocks.push_back(table_with_a_tall_row(1));
    auto out = layout::layout_document(doc, engine());
    BOOST_REQUIRE_GE(out.pages.size(), 2u);
    std::string all;
    for (std::size_t p = 0; p < out.pages.size(); ++p) {
        const auto& page = out.pages[p];
        // The text without the continuation marker (the lowest line of every page but the last), which quotes
        // the next page.
        const double marker = baselines(page).back();
        for (const auto& run : page.runs)
            if (p + 1 == out.pages.size() || std::abs(run.glyphs.front().baseline - marker) > 0.5) all += run.text + " ";
        std::size_t headers = 0;
        for (const auto& run : page.runs) headers += run.text == "ขั้นตอน";
        BOOST_TEST(headers == 1u);  // the header repeats
        for (const auto& run : page.runs) BOOST_TEST(run.glyphs.front().baseline > doc.page.margin_bottom_pt);
    }
    // Runs are words, and a line may end inside "บรรทัดที่": compare without spaces.
    all.erase(std::remove(all.begin(), all.end(), ' '), all.end());
    for (int i = 0; i < 60; ++i) {
        const std::string needle = "บรรทัดที่" + std::to_string(i) + "สบน.";
        std::size_t first = all.find(needle);
        BOOST_TEST((first != std::string::npos && all.find(needle, first + 1) == std::string::npos), "line " << i);
    }
}

// A row that cannot be split between lines (a cell spans rows) and is taller than a page is placed whole: none of
// its text may be lost on the way (the cut of its first cells was once thrown away when a later cell spanned).
BOOST_AUTO_TEST_CASE(a_spanning_row_taller_than_a_page_keeps_all_its_text) {
    model::Table t = table_with_a_tall_row(2);  // ✓ spans the tall row and the next
    model::TableRow next;
    next.cells.push_back({{body("ขั้นตอนถัดไป")}, 1, 1});
    t.rows.push_back(next);
    model::Document doc;
    doc.blocks.push_back(t);
    const auto out = layout::layout_document(doc, engine());
    std::string all;
    for (const auto& page : out.pages) all += page_text(page);
    all.erase(std::remove(all.begin(), all.end(), ' '), all.end());
    for (int i = 0; i < 60; ++i)
        BOOST_TEST(all.find("บรรทัดที่" + std::to_string(i) + "สบน.") != std::string::npos, "line " << i);
    BOOST_TEST(all.find("ขั้นตอนถัดไป") != std::string::npos);
}

// A character no font of the set has would be drawn as nothing: the document lists it with the text it was in
// (paragraph, table cell, form field) instead, once per text; what the fallback draws (✓) is not listed.
BOOST_AUTO_TEST_CASE(characters_no_font_has_are_listed_with_their_text) {
    const std::string emoji_cell = "ขั้นตอนที่ ๑ 🚀 และ ✓", han_field = "กค 中 ๐๙๐๑";
    model::Document doc;
    model::FormHeader header;
    header.lines.push_back({model::FormField{"ที่", han_field}});
    doc.blocks.push_back(header);
    doc.blocks.push_back(body(kSentence + "🚀"));
    model::Table t;
    t.column_widths_pt = {200, 200};
    model::TableRow row;
    row.cells.push_back({{body(emoji_cell)}, 1, 1});
    row.cells.push_back({{body("✓")}, 1, 1});
    t.rows.push_back(row);
    doc.blocks.push_back(t);
    const auto& fonts = saraban::testing::fonts();
    for (char32_t c : {U'\U0001F680', U'中'})  // neither Laksaman nor DejaVu Sans has these
        BOOST_REQUIRE(fonts.fonts[fonts.regular]->glyph_for(c) == 0 && fonts.fonts[fonts.fallback]->glyph_for(c) == 0);

    const auto out = layout::layout_document(doc, engine());
    const std::vector<layout::MissingCharacter> expected = {
        {U'中', han_field}, {U'\U0001F680', kSentence + "🚀"}, {U'\U0001F680', emoji_cell}};
    BOOST_TEST(out.missing_characters.size() == expected.size());
    for (const auto& m : expected)
        BOOST_TEST((std::find(out.missing_characters.begin(), out.missing_characters.end(), m) !=
                    out.missing_characters.end()), "U+" << std::hex << unsigned(m.code_point) << " in " << m.text);
    // Set again from the paragraph cache: still listed.
    layout::ParagraphCache cache;
    auto cached = engine();
    cached.cache = &cache;
    layout::layout_document(doc, cached);
    BOOST_TEST(layout::layout_document(doc, cached).missing_characters == out.missing_characters);
}

BOOST_AUTO_TEST_SUITE_END()
