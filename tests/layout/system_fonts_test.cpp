// The system's fonts as the last link of the fallback chain: a character neither the family nor the bundled
// fallback has is drawn in the font fontconfig gives for it, which depends on the character alone, and the
// laid-out document lists such fonts by path after the set's own, whatever order the process met them in.
#include <boost/test/unit_test.hpp>

#include <cstdio>
#include <set>
#include <thread>

#include "layout/document_layout.h"
#include "layout/system_fonts.h"
#include "support/engine.h"
#include "support/process.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

const std::string kFonts = std::string(SARABAN_SOURCE_DIR) + "/fonts";
constexpr char32_t kEthiopic = U'ሰ';  // U+1230, in ሰላም ("peace"): in neither Laksaman nor DejaVu Sans

// The files fontconfig says have cp (fc-list), for checking the choice against. scripts/setup.sh --tests installs
// fonts-sil-abyssinica so that Ethiopic has one; the test fails, not skips, on a machine without.
std::vector<std::string> system_files_with(char32_t cp) {
    char query[32];
    std::snprintf(query, sizeof query, ":charset=%x", unsigned(cp));
    const Result r = run_program("fc-list", {query, "file"});
    std::vector<std::string> files;
    for (std::size_t at = 0; at < r.out.size();) {
        const std::size_t end = r.out.find('\n', at);
        std::string line = r.out.substr(at, end - at);
        if (const std::size_t colon = line.rfind(':'); colon != std::string::npos) files.push_back(line.substr(0, colon));
        at = end == std::string::npos ? r.out.size() : end + 1;
    }
    BOOST_TEST_REQUIRE(!files.empty(), "no system font has U+" << std::hex << unsigned(cp)
                                                              << ": run scripts/setup.sh --tests (fonts-sil-abyssinica)");
    return files;
}

// A copy of a TrueType font whose glyf table is renamed (glyx: the table directory stays sorted): HarfBuzz still
// reads its cmap and metrics, but it has no TrueType outlines, as a CFF .otf has none; the PDF cannot embed it.
void write_without_outlines(const std::string& from, const fs::path& to) {
    std::string bytes = read_file(from);
    const unsigned tables = (unsigned char)bytes[4] << 8 | (unsigned char)bytes[5];
    for (unsigned i = 0; i < tables; ++i)
        if (bytes.compare(12 + 16 * i, 4, "glyf") == 0) bytes[12 + 16 * i + 3] = 'x';
    write_file(to, bytes);
}

model::Document one_paragraph(const std::string& text) {
    model::Document doc;
    model::Paragraph p;
    p.spans.push_back({text, {}});
    doc.blocks.push_back(p);
    return doc;
}

// The fonts of the glyphs standing for c.
std::set<int> fonts_drawing(const layout::LaidOutDocument& doc, char32_t c) {
    std::set<int> out;
    for (const auto& page : doc.pages)
        for (const auto& run : page.runs)
            for (const auto& g : run.glyphs)
                if (g.character == c) out.insert(g.font);
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_system_fonts)

BOOST_AUTO_TEST_CASE(a_character_neither_font_has_comes_from_the_system) {
    const std::vector<std::string> candidates = system_files_with(kEthiopic);
    const layout::FontSet set = layout::load_font_family({kFonts}, "Laksaman", std::make_shared<layout::SystemFonts>());
    BOOST_TEST(set.fonts[std::size_t(set.regular)]->glyph_for(kEthiopic) == 0u);
    BOOST_TEST(set.fonts[std::size_t(set.fallback)]->glyph_for(kEthiopic) == 0u);
    const int face = set.fallback_for(kEthiopic);
    BOOST_REQUIRE(face >= 0);
    BOOST_TEST(set.is_system(face));
    const layout::Font& font = set.at(face);
    BOOST_TEST((std::find(candidates.begin(), candidates.end(), font.path()) != candidates.end()), font.path());
    BOOST_TEST(font.has_truetype_outlines());
    BOOST_TEST(font.glyph_for(kEthiopic) != 0u);
    // What the bundled fallback has stays with it; controls, format characters and private-use code points are
    // never looked for among the system's fonts (many of which map them).
    BOOST_TEST(set.fallback_for(U'✓') == set.fallback);
    for (std::uint32_t cp : {0x0Au, 0x09u, 0x200Du, 0x200Bu, 0xF70Au, 0xE000u, 0x0378u})
        BOOST_TEST(set.system->index_for(cp) == -1, std::hex << cp);

    const layout::TextEngine engine{set, breaker(), 1.3};
    const auto doc = layout::layout_document(one_paragraph("ชื่อ ሰላም ✓"), engine);
    BOOST_TEST(doc.missing_characters.empty());
    BOOST_REQUIRE_EQUAL(doc.fonts.size(), set.fonts.size() + 1);  // the set's own, then the one system font used
    BOOST_TEST(doc.fonts.back().path == font.path());
    BOOST_TEST(doc.fonts.back().system);
    BOOST_TEST(fonts_drawing(doc, kEthiopic) == std::set<int>{int(set.fonts.size())});
    BOOST_TEST(fonts_drawing(doc, U'✓') == std::set<int>{set.fallback});
}

BOOST_AUTO_TEST_CASE(without_system_fonts_the_character_is_missing) {
    const layout::FontSet set = layout::load_font_family({kFonts}, "Laksaman");
    BOOST_TEST(set.fallback_for(kEthiopic) == -1);
    const layout::TextEngine engine{set, breaker(), 1.3};
    const auto doc = layout::layout_document(one_paragraph("ชื่อ ሰላም"), engine);
    BOOST_REQUIRE(!doc.missing_characters.empty());
    BOOST_TEST(unsigned(doc.missing_characters.front().code_point) == unsigned(kEthiopic));
    BOOST_TEST(doc.fonts.size() == set.fonts.size());
}

// Two system fonts (a folder standing for the system: Laksaman for Thai, the Ethiopic font) met in opposite
// orders by two processes' registries number them differently; the documents must not differ in any way.
BOOST_AUTO_TEST_CASE(the_document_does_not_depend_on_the_order_system_fonts_were_met) {
    TempDir system;
    fs::copy_file(kFonts + "/Laksaman.ttf", system / "Laksaman.ttf");
    fs::copy_file(system_files_with(kEthiopic).front(), system / "ethiopic.ttf");
    TempDir dejavu;  // a family with neither Thai nor Ethiopic, and no fallback
    fs::copy_file(kFonts + "/DejaVuSans.ttf", dejavu / "DejaVuSans.ttf");
    auto thai_first = std::make_shared<layout::SystemFonts>(std::vector<std::string>{system.path().string()});
    auto ethiopic_first = std::make_shared<layout::SystemFonts>(std::vector<std::string>{system.path().string()});
    BOOST_TEST_REQUIRE(thai_first->index_for(U'ก') == 0);
    BOOST_TEST_REQUIRE(ethiopic_first->index_for(kEthiopic) == 0);
    BOOST_TEST(thai_first->index_for(kEthiopic) == 1);
    BOOST_TEST(ethiopic_first->index_for(U'ก') == 1);

    const auto a = layout::load_font_family({dejavu.path().string()}, "DejaVu Sans", thai_first);
    const auto b = layout::load_font_family({dejavu.path().string()}, "DejaVu Sans", ethiopic_first);
    const auto doc_a = layout::layout_document(one_paragraph("ሰላም ชื่อ abc"), {a, breaker(), 1.3});
    const auto doc_b = layout::layout_document(one_paragraph("ሰላም ชื่อ abc"), {b, breaker(), 1.3});
    BOOST_REQUIRE_EQUAL(doc_a.fonts.size(), 3u);
    BOOST_REQUIRE_EQUAL(doc_b.fonts.size(), 3u);
    for (std::size_t i = 0; i < 3; ++i) {
        BOOST_TEST(doc_a.fonts[i].path == doc_b.fonts[i].path);
        BOOST_TEST(doc_a.fonts[i].system == doc_b.fonts[i].system);
    }
    BOOST_TEST(doc_a.fonts[1].path < doc_a.fonts[2].path);  // by path
    BOOST_REQUIRE_EQUAL(doc_a.pages.size(), doc_b.pages.size());
    std::size_t glyphs = 0;
    for (std::size_t p = 0; p < doc_a.pages.size(); ++p) {
        BOOST_REQUIRE_EQUAL(doc_a.pages[p].runs.size(), doc_b.pages[p].runs.size());
        for (std::size_t r = 0; r < doc_a.pages[p].runs.size(); ++r) {
            const auto& ga = doc_a.pages[p].runs[r].glyphs;
            const auto& gb = doc_b.pages[p].runs[r].glyphs;
            BOOST_REQUIRE_EQUAL(ga.size(), gb.size());
            for (std::size_t g = 0; g < ga.size(); ++g, ++glyphs) {
                BOOST_TEST(ga[g].font == gb[g].font);
                BOOST_TEST(ga[g].gid == gb[g].gid);
            }
        }
    }
    BOOST_TEST(glyphs > 8u);
    const int laksaman = doc_a.fonts[1].path.ends_with("Laksaman.ttf") ? 1 : 2;
    BOOST_TEST(fonts_drawing(doc_a, U'ช') == std::set<int>{laksaman});
    BOOST_TEST(fonts_drawing(doc_a, kEthiopic) == std::set<int>{3 - laksaman});
}

// A font the PDF cannot embed (no TrueType outlines) is passed over for the next that has the character; with no
// other, the character has none. In a folder of the search path it is skipped with a warning naming it.
BOOST_AUTO_TEST_CASE(fonts_the_pdf_cannot_embed_are_passed_over) {
    const std::string ethiopic = system_files_with(kEthiopic).front();
    TempDir only_unusable, both;
    write_without_outlines(ethiopic, only_unusable / "a-unusable.ttf");
    write_without_outlines(ethiopic, both / "a-unusable.ttf");
    fs::copy_file(ethiopic, both / "b-usable.ttf");
    BOOST_TEST(!layout::Font((only_unusable / "a-unusable.ttf").string()).has_truetype_outlines());
    BOOST_TEST(layout::SystemFonts({only_unusable.path().string()}).index_for(kEthiopic) == -1);
    layout::SystemFonts fonts({both.path().string()});
    const int index = fonts.index_for(kEthiopic);
    BOOST_REQUIRE(index >= 0);
    BOOST_TEST(fonts.font(index).path() == (both / "b-usable.ttf").string());

    TempDir folder;
    fs::copy_file(kFonts + "/Laksaman.ttf", folder / "Laksaman.ttf");
    write_without_outlines(kFonts + "/Laksaman-Bold.ttf", folder / "Laksaman-Bold.otf");
    const layout::FontSet set = layout::load_font_family({folder.path().string()}, "Laksaman");
    BOOST_TEST(set.bold == -1);  // not used, rather than embedded broken
    BOOST_REQUIRE_EQUAL(set.skipped.size(), 1u);
    BOOST_TEST(set.skipped[0].at.file == (folder / "Laksaman-Bold.otf").string());
    BOOST_TEST(set.skipped[0].message.find("no TrueType outlines") != std::string::npos);
}

// Threads asking at once get one answer per character, each file loaded once.
BOOST_AUTO_TEST_CASE(workers_asking_at_once_agree) {
    system_files_with(kEthiopic);
    layout::SystemFonts fonts;
    std::vector<int> seen(8, -2);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < seen.size(); ++i)
        threads.emplace_back([&, i] { seen[i] = fonts.index_for(i % 2 ? kEthiopic : U'ላ'); });
    for (auto& t : threads) t.join();
    BOOST_TEST(seen[0] >= 0);
    BOOST_TEST(seen[1] >= 0);
    for (std::size_t i = 2; i < seen.size(); ++i) BOOST_TEST(seen[i] == seen[i % 2]);
}

BOOST_AUTO_TEST_SUITE_END()
