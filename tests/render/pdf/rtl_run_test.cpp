// Right-to-left words in the PDF (issue 15): readers take them from their glyphs, drawn left to right, and reverse
// them; an ActualText in logical order made poppler give the word backwards, so such a word has none. Lam with
// alef, one glyph for two letters, maps to both in the order drawn.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <string>

#include "layout/document_layout.h"
#include "render/pdf/pdf_writer.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::engine;
using saraban::testing::fonts;

namespace {

std::string pdf_of(const std::string& text) {
    model::Document doc;
    model::Paragraph p;
    p.spans.push_back({text, {}});
    doc.blocks.push_back(p);
    auto pdf = render::render_pdf(layout::layout_document(doc, engine()), {.compress = false});
    BOOST_TEST_REQUIRE(bool(pdf), pdf.error);
    return std::string(pdf.bytes.begin(), pdf.bytes.end());
}

std::size_t count(const std::string& s, const std::string& what) {
    std::size_t n = 0;
    for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
    return n;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_pdf_rtl)

BOOST_AUTO_TEST_CASE(a_right_to_left_word_has_no_actual_text) {
    const std::string s = pdf_of("อบรม שלום abc");
    BOOST_TEST(count(s, " BDC\n") == 2u);  // อบรม and abc
    BOOST_TEST(count(s, "EMC\n") == 2u);
    // ש (U+05E9) has a ToUnicode entry of its own: readers get the letters from the glyphs.
    const auto& dejavu = *fonts().fonts[fonts().fallback];
    char entry[32];
    std::snprintf(entry, sizeof entry, "<%04X> <05E9>", dejavu.glyph_for(0x05E9));
    BOOST_TEST(s.find(entry) != std::string::npos, entry);
}

BOOST_AUTO_TEST_CASE(joining_forms_map_to_letters_and_lam_alef_to_both_letters) {
    // ملايو (Melayu): م initial, ل+ا one glyph (ﻼ, U+FEFC), ي medial, و final.
    const std::string s = pdf_of("ภาษา ملايو");
    BOOST_TEST(s.find("> <06270644>") != std::string::npos);  // alef then lam: the order drawn
    BOOST_TEST(s.find("> <0645>") != std::string::npos);      // the initial form of م, as م
    BOOST_TEST(s.find("> <FEFC>") == std::string::npos);
    BOOST_TEST(s.find("> <FEE3>") == std::string::npos);      // no presentation form reaches the reader
}

BOOST_AUTO_TEST_SUITE_END()
