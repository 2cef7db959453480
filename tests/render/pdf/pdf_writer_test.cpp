// PDF writing: what a reader needs to get the Thai back (ActualText per word, a ToUnicode entry for every
// presentation form), the same bytes for the same pages, and a clear error for a font libharu cannot load.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <unistd.h>
#include <string>

#include "layout/document_layout.h"
#include "render/pdf/pdf_writer.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::engine;

namespace {

layout::LaidOutDocument sample(const std::string& text) {
    model::Document doc;
    model::Paragraph p;
    p.spans.push_back({text, {}});
    doc.blocks.push_back(p);
    doc.title = "รายงานผล";
    return layout::layout_document(doc, engine());
}

// Two pages: a long paragraph after opening fills the first, closing stands alone on the second (documents made
// with other openings and the same closing share their second page).
layout::LaidOutDocument two_pages(const std::string& opening, const std::string& closing) {
    model::Document doc;
    model::Paragraph first, second;
    std::string long_text = opening;
    for (int i = 0; i < 400; ++i) long_text += " สำนักงานเลขานุการกรม";
    first.spans.push_back({long_text, {}});
    second.spans.push_back({closing, {}});
    doc.blocks.push_back(first);
    doc.blocks.push_back(model::Spacer{2000});  // pushes the second paragraph onto its own page
    doc.blocks.push_back(second);
    return layout::layout_document(doc, engine());
}

std::string as_text(const std::vector<unsigned char>& bytes) { return std::string(bytes.begin(), bytes.end()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(render_pdf_writer)

BOOST_AUTO_TEST_CASE(words_carry_actual_text_and_forms_map_back_to_thai) {
    auto pdf = render::render_pdf(sample("ผู้ใหญ่ น้ำ ✓"), {false});
    BOOST_REQUIRE_MESSAGE(pdf, pdf.error);
    const std::string s = as_text(pdf.bytes);
    BOOST_TEST(s.rfind("%PDF-", 0) == 0);
    // ผู้ใหญ่ as UTF-16BE in the ActualText of its span (a literal string of raw bytes; ญ's 0x0D escaped as \r).
    const std::string phuyai("/ActualText (\xFE\xFF\x0E\x1C\x0E\x39\x0E\x49\x0E\x43\x0E\x2B\x0E\\r\x0E\x48)");
    BOOST_TEST(s.find(phuyai) != std::string::npos);
    // Codes are glyph ids; the lowered tone mark (the glyph cmap'd at PUA F70B) is read back as ้ (U+0E49) by
    // readers of glyph codes.
    const auto& regular = *saraban::testing::fonts().fonts[saraban::testing::fonts().regular];
    char entry[32];
    std::snprintf(entry, sizeof entry, "<%04X> <0E49>", regular.glyph_for(0xF70B));
    BOOST_TEST(s.find(entry) != std::string::npos, entry);
    BOOST_TEST(s.find("/CIDToGIDMap /Identity") != std::string::npos);
    // libharu's own identity range (which poppler warns about) is gone.
    BOOST_TEST(s.find("begincidrange") == std::string::npos);
    BOOST_TEST(s.find(" TJ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_glyph_standing_for_two_texts_gets_a_code_of_its_own) {
    // The า glyph stands for ำ in ป่ำ (HarfBuzz's ◌ํ + า, whose ring stands for nothing) and for า in ป่า: pdf.js
    // reads codes through ToUnicode only, so the second use is written with a code past the glyph ids, which a
    // CIDToGIDMap stream maps back to the glyph.
    auto pdf = render::render_pdf(sample("ป่ำ ป่า"), {false});
    BOOST_REQUIRE_MESSAGE(pdf, pdf.error);
    const std::string s = as_text(pdf.bytes);
    const auto& regular = *saraban::testing::fonts().fonts[saraban::testing::fonts().regular];
    const unsigned aa = regular.glyph_for(0x0E32), ring = regular.glyph_for(0x0E4D);
    char entry[32];
    std::snprintf(entry, sizeof entry, "<%04X> <0E33>", aa);
    BOOST_TEST(s.find(entry) != std::string::npos, entry);
    std::snprintf(entry, sizeof entry, "<%04X> <200B>", ring);
    BOOST_TEST(s.find(entry) != std::string::npos, entry);
    const std::size_t alias = s.find("> <0E32>");
    BOOST_REQUIRE(alias != std::string::npos);
    BOOST_TEST(std::stoul(s.substr(alias - 4, 4), nullptr, 16) > aa);
    BOOST_TEST(s.find("/CIDToGIDMap /Identity") == std::string::npos);
    BOOST_TEST(s.find("/CIDToGIDMap ") != std::string::npos);
}

// Every word's ActualText, in page order, read back from the uncompressed content as a PDF reader reads a literal
// string (escapes undone, unescaped brackets nesting) and decoded from UTF-16BE (the BMP is enough here).
std::u16string actual_texts(const std::string& pdf) {
    std::u16string all;
    const std::string open = "/ActualText (";
    for (std::size_t at = pdf.find(open); at != std::string::npos; at = pdf.find(open, at)) {
        at += open.size();
        std::string bytes;
        for (int depth = 1; at < pdf.size(); ++at) {
            char c = pdf[at];
            if (c == '\\') {
                c = pdf[++at];
                c = c == 'n' ? '\n' : c == 'r' ? '\r' : c;
            } else if (c == '(') {
                ++depth;
            } else if (c == ')' && --depth == 0) {
                break;
            }
            bytes += c;
        }
        for (std::size_t i = 2; i + 1 < bytes.size(); i += 2)  // after the FE FF mark
            all += char16_t((static_cast<unsigned char>(bytes[i]) << 8) | static_cast<unsigned char>(bytes[i + 1]));
    }
    return all;
}

BOOST_AUTO_TEST_CASE(delimiters_and_line_ends_survive_in_long_words) {
    // Words of brackets, backslashes and Thai letters whose UTF-16 has a byte PDF escapes (ญ 0E0D, ช 0E0A,
    // ศ 0E28, ษ 0E29), long enough to be cut over lines and to outgrow the page's first buffer.
    std::string text;
    std::u16string expected;
    const char* const pieces[] = {"(", ")", "\\", "\u0E0D", "\u0E0A", "\u0E28", "\u0E29"};
    const char16_t units[] = {u'(', u')', u'\\', u'\u0E0D', u'\u0E0A', u'\u0E28', u'\u0E29'};
    for (int word = 0; word < 6; ++word) {
        for (int i = 0; i < 700; ++i) {
            const int k = (i * 7 + word * 3) % 7;
            text += pieces[k];
            expected += units[k];
        }
        text += ' ';
    }
    model::Document doc;  // small type, so that a page holds more than its first 16 KB of content; no furniture
    model::Paragraph p;
    p.spans.push_back({text, {false, false, false, 8}});
    doc.blocks.push_back(p);
    doc.page.page_numbers = false;
    doc.page.continuation_marker = false;
    auto pdf = render::render_pdf(layout::layout_document(doc, engine()), {false});
    BOOST_REQUIRE_MESSAGE(pdf, pdf.error);
    BOOST_TEST((actual_texts(as_text(pdf.bytes)) == expected));  // its text is 48 KB of content
}

BOOST_AUTO_TEST_CASE(title_is_a_utf16_text_string) {
    auto pdf = render::render_pdf(sample("ทดสอบ"), {false});
    BOOST_REQUIRE(pdf);
    BOOST_TEST(as_text(pdf.bytes).find("/Title <FEFF0E230E320E220E070E320E190E1C0E25>") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(same_pages_give_the_same_bytes) {
    auto a = render::render_pdf(sample("สบน. ได้ดำเนินการ ๑๒,๕๐๐ บาท"));
    auto b = render::render_pdf(sample("สบน. ได้ดำเนินการ ๑๒,๕๐๐ บาท"));
    BOOST_REQUIRE(a);
    BOOST_TEST(a.bytes == b.bytes);
    BOOST_TEST(as_text(a.bytes).find("CreationDate") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_cache_of_embedded_fonts_changes_no_byte) {
    render::PdfCache cache(2);
    const auto first = sample("สบน. ได้ดำเนินการ ๑๒,๕๐๐ บาท"), second = sample("ผู้ใหญ่ น้ำ ✓ ๑๒,๕๐๐");
    auto cold = render::render_pdf(first, {.compress = true, .cache = &cache});
    BOOST_REQUIRE(cold);
    BOOST_TEST(cold.bytes == render::render_pdf(first).bytes);
    BOOST_TEST(cache.size() == 1u);
    // The same glyphs again: the cached subset is embedded, and the file is the one made without a cache.
    BOOST_TEST(render::render_pdf(first, {.compress = true, .cache = &cache}).bytes == cold.bytes);
    BOOST_TEST(cache.size() == 1u);
    // Other glyphs (and the fallback font for ✓): other subsets, each keyed apart; the oldest goes when full.
    auto other = render::render_pdf(second, {.compress = true, .cache = &cache});
    BOOST_TEST(other.bytes == render::render_pdf(second).bytes);
    BOOST_TEST(cache.size() == 2u);
    BOOST_TEST(render::render_pdf(first, {.compress = false, .cache = &cache}).bytes ==
               render::render_pdf(first, {.compress = false}).bytes);
    BOOST_TEST(cache.size() == 2u);
}

BOOST_AUTO_TEST_CASE(a_cache_of_page_contents_changes_no_byte) {
    // Two documents that share their second page and differ on the first.
    const std::string closing = "ผู้ใหญ่ น้ำ ✓ ๑๒,๕๐๐ บาท";
    const auto a = two_pages("กรมบัญชีกลาง", closing), b = two_pages("กรมสรรพากร", closing);
    BOOST_REQUIRE(a.pages.size() >= 2u);
    BOOST_REQUIRE(a.pages.size() == b.pages.size());
    render::PdfCache cache;
    auto cached_a = render::render_pdf(a, {.compress = true, .cache = &cache});
    BOOST_REQUIRE(cached_a);
    BOOST_TEST(cache.page_hits() == 0u);
    BOOST_TEST(cache.pages() == a.pages.size());
    auto cached_b = render::render_pdf(b, {.compress = true, .cache = &cache});
    BOOST_TEST(cache.page_hits() >= 1u);                 // the shared last page
    BOOST_TEST(cache.page_hits() < b.pages.size());      // but not the first, whose words differ
    BOOST_TEST(cached_a.bytes == render::render_pdf(a).bytes);
    BOOST_TEST(cached_b.bytes == render::render_pdf(b).bytes);
    // Uncompressed documents do not take compressed pages from the cache.
    BOOST_TEST(render::render_pdf(b, {.compress = false, .cache = &cache}).bytes ==
               render::render_pdf(b, {.compress = false}).bytes);
    // A full cache keeps its newest pages only.
    render::PdfCache small(32, 1);
    BOOST_TEST(!render::render_pdf(a, {.compress = true, .cache = &small}).bytes.empty());
    BOOST_TEST(small.pages() == 1u);
}

// The glyph า is also the า of ำ: which of the two texts gets an alias code depends on which comes first in the
// document. A page shared by two documents whose first texts differ must not be taken from the cache with the
// other document's codes (the sample batch gave other bytes for -j 1 and -j 2 when it was).
BOOST_AUTO_TEST_CASE(a_cached_page_is_reused_only_with_the_same_glyph_codes) {
    const auto am_first = two_pages("ทำ", "น้ำ บาท ทำ มา"), aa_first = two_pages("มา", "น้ำ บาท ทำ มา");
    BOOST_REQUIRE(am_first.pages.size() == aa_first.pages.size());
    render::PdfCache cache;
    BOOST_REQUIRE(render::render_pdf(am_first, {.compress = true, .cache = &cache}));
    BOOST_TEST(render::render_pdf(aa_first, {.compress = true, .cache = &cache}).bytes ==
               render::render_pdf(aa_first).bytes);
}

BOOST_AUTO_TEST_CASE(a_page_the_cache_lets_go_stays_until_the_document_is_saved) {
    // One page, and the same page followed by a second: their first pages are the same.
    auto pages = [](bool second_page) {
        model::Document doc;
        doc.page.page_numbers = false;
        doc.page.continuation_marker = false;
        model::Paragraph first, second;
        first.spans.push_back({"ผู้ใหญ่ น้ำ ✓ ๑๒,๕๐๐ บาท", {}});
        doc.blocks.push_back(first);
        if (second_page) {
            second.spans.push_back({"สำนักงานเลขานุการกรม", {}});
            doc.blocks.push_back(model::Spacer{2000});
            doc.blocks.push_back(second);
        }
        return layout::layout_document(doc, engine());
    };
    const auto one_page = pages(false), two_pages = pages(true);
    BOOST_REQUIRE(two_pages.pages.size() == 2u);
    render::PdfCache cache(1, 1);
    BOOST_REQUIRE(render::render_pdf(one_page, {.compress = true, .cache = &cache}));
    // The first page comes from the cache; the second, made next, takes its place there before the document is
    // saved, and the document still writes the first page's bytes whole.
    const auto cached = render::render_pdf(two_pages, {.compress = true, .cache = &cache});
    BOOST_TEST(cache.page_hits() == 1u);
    BOOST_TEST(cache.pages() == 1u);
    BOOST_TEST(cached.bytes == render::render_pdf(two_pages).bytes);
}

BOOST_AUTO_TEST_CASE(each_page_is_one_text_object_with_a_span_per_word) {
    auto pdf = render::render_pdf(sample("สบน. ได้ดำเนินการ ๑๒,๕๐๐ บาท"), {.compress = false});
    BOOST_REQUIRE(pdf);
    const std::string s = as_text(pdf.bytes);
    auto count = [&](const std::string& what) {
        std::size_t n = 0;
        for (std::size_t at = s.find(what); at != std::string::npos; at = s.find(what, at + 1)) ++n;
        return n;
    };
    BOOST_TEST(count("\nBT\n") == 1u);
    BOOST_TEST(count(" BDC\n") == 4u);  // สบน. / ได้ดำเนินการ / ๑๒,๕๐๐ / บาท
    BOOST_TEST(count("EMC\n") == 4u);
    BOOST_TEST(count(" Tf\n") == 1u);   // one font and size: set once
}

BOOST_AUTO_TEST_CASE(a_font_that_cannot_be_loaded_is_an_error_not_a_crash) {
    auto doc = sample("ทดสอบ");
    doc.fonts[doc.pages[0].runs[0].glyphs[0].font].path = std::string(SARABAN_SOURCE_DIR) + "/README.md";
    auto pdf = render::render_pdf(doc);
    BOOST_TEST(!pdf);
    BOOST_TEST(pdf.error.find("README.md") != std::string::npos, pdf.error);
    BOOST_TEST(pdf.bytes.empty());
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(render_pdf_outline)

BOOST_AUTO_TEST_CASE(bookmarks_language_and_landscape_pages) {
    model::Document doc;
    model::Paragraph p;
    p.spans.push_back({"บันทึกข้อความ", {}});
    doc.blocks.push_back(p);
    doc.bookmark = "รายงาน";
    model::Document plan;
    plan.page.landscape = true;
    plan.bookmark = "แผน";
    plan.blocks.push_back(p);
    doc.attachments.push_back(plan);
    auto laid = layout::layout_document(doc, engine());
    BOOST_REQUIRE_EQUAL(laid.pages.size(), 2u);
    BOOST_TEST(laid.pages[1].width_pt > laid.pages[1].height_pt);
    BOOST_REQUIRE_EQUAL(laid.outline.size(), 2u);
    BOOST_TEST(laid.outline[1].page == 1u);
    BOOST_TEST(laid.outline[1].level == 1);
    auto pdf = render::render_pdf(laid, {false});
    BOOST_REQUIRE(bool(pdf));
    const std::string s = as_text(pdf.bytes);
    BOOST_TEST(s.find("/Lang (th-TH)") != std::string::npos);
    BOOST_TEST(s.find("/Outlines") != std::string::npos);
    BOOST_TEST(s.find("<FEFF0E230E320E220E070E320E19>") != std::string::npos);  // "รายงาน" as a UTF-16 title
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(render_pdf_images)

BOOST_AUTO_TEST_CASE(the_emblem_is_drawn_from_the_image_or_a_placeholder) {
    // A 1×1 black PNG, written here so that the test needs no file of its own.
    const unsigned char png[] = {0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48,
                                 0x44, 0x52, 0x00, 0x00, 0x00, 0x01, 0x00, 0x00, 0x00, 0x01, 0x08, 0x00, 0x00, 0x00,
                                 0x00, 0x3A, 0x7E, 0x9B, 0x55, 0x00, 0x00, 0x00, 0x0A, 0x49, 0x44, 0x41, 0x54, 0x78,
                                 0x9C, 0x63, 0x60, 0x00, 0x00, 0x00, 0x02, 0x00, 0x01, 0x48, 0xAF, 0xA4, 0x71, 0x00,
                                 0x00, 0x00, 0x00, 0x49, 0x45, 0x4E, 0x44, 0xAE, 0x42, 0x60, 0x82};
    const std::string path = (std::filesystem::temp_directory_path() / ("saraban-emblem-" + std::to_string(::getpid()) + ".png")).string();
    {
        std::ofstream out(path, std::ios::binary);
        out.write(reinterpret_cast<const char*>(png), sizeof png);
    }
    model::Document doc;
    model::FormHeader header;
    header.emblem_path = path;
    header.lines.push_back({model::FormField{"เรื่อง", "ทดสอบ"}});
    doc.blocks.push_back(header);
    auto laid = layout::layout_document(doc, engine());
    BOOST_REQUIRE_EQUAL(laid.pages[0].images.size(), 1u);
    BOOST_TEST(laid.pages[0].images[0].height == 42.52, boost::test_tools::tolerance(0.01));  // 1.5 cm
    auto pdf = render::render_pdf(laid, {false});
    BOOST_REQUIRE_MESSAGE(bool(pdf), pdf.error);
    BOOST_TEST(as_text(pdf.bytes).find("/Subtype /Image") != std::string::npos);
    // Without an image: a dotted placeholder square, no image.
    std::get<model::FormHeader>(doc.blocks[0]).emblem_path.clear();
    auto placeholder = layout::layout_document(doc, engine());
    BOOST_TEST(placeholder.pages[0].images.empty());
    std::size_t dotted = 0;
    for (const auto& r : placeholder.pages[0].rules) dotted += r.dotted && std::abs(std::abs(r.x2 - r.x1) + std::abs(r.y2 - r.y1) - 42.52) < 0.01;
    BOOST_TEST(dotted == 4u);
    // A missing image file is an error naming it.
    std::get<model::FormHeader>(doc.blocks[0]).emblem_path = path + ".missing";
    auto missing = render::render_pdf(layout::layout_document(doc, engine()));
    BOOST_TEST(!bool(missing));
    BOOST_TEST(missing.error.find(".missing") != std::string::npos);
    std::filesystem::remove(path);
}

BOOST_AUTO_TEST_SUITE_END()
