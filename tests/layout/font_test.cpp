// Fonts are found by the family named inside their files; a missing family or a broken file is a clear error.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <unistd.h>

#include <hb-ot.h>
#include <hb.h>

#include "layout/font.h"

using namespace saraban::layout;
namespace fs = std::filesystem;

namespace {

const std::string kFonts = std::string(SARABAN_SOURCE_DIR) + "/fonts";

struct ScratchDir {
    fs::path path = fs::temp_directory_path() / ("saraban-fonts-" + std::to_string(::getpid()));
    ScratchDir() { fs::create_directories(path); }
    ~ScratchDir() { fs::remove_all(path); }
};

bool message_has(const FontError& e, const std::string& part) { return std::string(e.what()).find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(layout_font)

BOOST_AUTO_TEST_CASE(the_default_family_has_four_faces_and_a_fallback) {
    FontSet set = load_default_fonts(kFonts);
    BOOST_TEST(set.fonts[set.regular]->family() == "Laksaman");
    BOOST_TEST(set.bold >= 0);
    BOOST_TEST(set.italic >= 0);
    BOOST_TEST(set.bold_italic >= 0);
    BOOST_TEST(set.fonts[set.bold]->style() == "Bold");
    BOOST_TEST(set.fonts[set.fallback]->family() == "DejaVu Sans");
    BOOST_TEST(set.face(true, true) == set.bold_italic);
}

BOOST_AUTO_TEST_CASE(families_are_found_by_their_inner_name_whatever_the_file_is_called) {
    ScratchDir dir;
    fs::copy_file(kFonts + "/Laksaman.ttf", dir.path / "my font file.TTF");
    FontSet set = load_font_family(dir.path.string(), "laksaman");  // case does not matter
    BOOST_TEST(set.regular >= 0);
    BOOST_TEST(set.bold == -1);
    BOOST_TEST(set.face(true, false) == set.regular);  // no bold face: regular stands in
    BOOST_TEST(set.fallback == -1);
}

BOOST_AUTO_TEST_CASE(a_missing_family_names_the_families_that_are_there) {
    BOOST_CHECK_EXCEPTION(load_font_family(kFonts, "TH Sarabun New"), FontError, [](const FontError& e) {
        return message_has(e, "TH Sarabun New") && message_has(e, "Laksaman") && message_has(e, "DejaVu Sans");
    });
}

// A stray file that is not a font beside the fonts in use (issue 15: it failed every agency) is skipped with a
// warning naming it; only when the family asked for cannot be found is it an error, which names the file too.
BOOST_AUTO_TEST_CASE(a_junk_file_beside_the_fonts_is_skipped_and_named) {
    ScratchDir dir;
    fs::copy_file(kFonts + "/Laksaman.ttf", dir.path / "Laksaman.ttf");
    std::ofstream(dir.path / "broken.ttf") << "not a font";
    const FontSet set = load_font_family(dir.path.string(), "Laksaman");
    BOOST_TEST(set.regular >= 0);
    BOOST_REQUIRE_EQUAL(set.skipped.size(), 1u);
    BOOST_TEST(set.skipped[0].at.file == (dir.path / "broken.ttf").string());
    BOOST_TEST((set.skipped[0].severity == saraban::model::Severity::warning));
    BOOST_TEST(saraban::model::to_string(set.skipped[0]).find("broken.ttf: warning: ") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_family_whose_file_is_not_a_font_is_an_error_naming_it) {
    ScratchDir dir;
    fs::copy_file(kFonts + "/DejaVuSans.ttf", dir.path / "DejaVuSans.ttf");
    std::ofstream(dir.path / "Garuda.ttf") << "<html>404 Not Found</html>";
    BOOST_CHECK_EXCEPTION(load_font_family(dir.path.string(), "Garuda"), FontError, [](const FontError& e) {
        return message_has(e, "\"Garuda\"") && message_has(e, "DejaVu Sans") && message_has(e, "Garuda.ttf");
    });
}

BOOST_AUTO_TEST_CASE(fonts_whose_lookups_involve_the_space_are_known) {
    // Laksaman's lookups never involve the space, so its text may be shaped word by word; DejaVu Sans has a GSUB
    // lookup that does, so its runs are shaped whole.
    const FontSet set = load_default_fonts(kFonts);
    for (int face : {set.regular, set.bold, set.italic, set.bold_italic})
        BOOST_TEST(!set.fonts[face]->lookups_reach_space(), set.fonts[face]->path());
    BOOST_TEST(set.fonts[set.fallback]->lookups_reach_space());
}

// Font keeps the cmap of the commonest code points in a table; every answer must be HarfBuzz's own.
BOOST_AUTO_TEST_CASE(glyph_for_answers_as_the_font_s_cmap_does) {
    for (const char* file : {"Laksaman.ttf", "Laksaman-Bold.ttf", "DejaVuSans.ttf"}) {
        const std::string path = kFonts + "/" + file;
        const Font font(path);
        hb_blob_t* blob = hb_blob_create_from_file(path.c_str());
        hb_face_t* face = hb_face_create(blob, 0);
        hb_font_t* reference = hb_font_create(face);
        hb_ot_font_set_funcs(reference);
        std::size_t mapped = 0, differ = 0;
        for (std::uint32_t cp = 0; cp < 0x11000; ++cp) {
            hb_codepoint_t gid = 0;
            const std::uint32_t expected = hb_font_get_nominal_glyph(reference, cp, &gid) ? gid : 0;
            mapped += expected != 0;
            differ += font.glyph_for(cp) != expected;
        }
        hb_font_destroy(reference);
        hb_face_destroy(face);
        hb_blob_destroy(blob);
        BOOST_TEST(mapped > 200u, file);  // Thai and Latin at least
        BOOST_TEST(differ == 0u, file);
    }
}

// A folder of the user's (--fonts) comes first in the search path and the project's fonts/ after it: the family is
// taken from the first folder that has it, and the fallback (DejaVu Sans, for ✓) is still found in fonts/.
BOOST_AUTO_TEST_CASE(a_folder_before_the_project_s_fonts_hides_not_its_fallback) {
    ScratchDir dir;
    for (const char* file : {"Laksaman.ttf", "Laksaman-Bold.ttf"}) fs::copy_file(kFonts + "/" + file, dir.path / file);
    const FontSet set = load_font_family(std::vector<std::string>{dir.path.string(), kFonts}, "Laksaman");
    BOOST_TEST(fs::path(set.fonts[set.regular]->path()).parent_path() == dir.path);
    BOOST_TEST(fs::path(set.fonts[set.bold]->path()).parent_path() == dir.path);
    BOOST_TEST(set.italic == -1);  // not mixed with the faces of another folder's copy of the family
    BOOST_REQUIRE(set.fallback >= 0);
    BOOST_TEST(set.fonts[set.fallback]->family() == "DejaVu Sans");
    BOOST_TEST(set.fonts[set.fallback]->glyph_for(U'✓') != 0u);
    // A family the first folder lacks comes from the next; a folder named twice counts once.
    const std::vector<std::string> twice = {dir.path.string(), kFonts, kFonts + "/"};
    const FontSet later = load_font_family(twice, "DejaVu Sans");
    BOOST_TEST(fs::path(later.fonts[later.regular]->path()).filename() == "DejaVuSans.ttf");
    BOOST_TEST(later.fonts.size() == 1u);
}

BOOST_AUTO_TEST_SUITE_END()
