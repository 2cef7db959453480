// The fonts of a run: a character neither the family nor the bundled fallback has comes from the system's fonts
// (fontconfig), reaches the PDF as a real glyph of an embedded font, and the manifest names and hashes that file;
// --no-system-fonts keeps to the folders, and the character is then an error at its cell. A file beside the
// fonts that is not a font is a warning, once; a family that cannot be loaded is an error, once.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// The CSV agency of the ingest tests, copied to dir/name with one cell of its measures changed.
fs::path agency_with(const TempDir& dir, const std::string& name, const std::string& from, const std::string& to) {
    const fs::path agency = dir / name;
    fs::copy(fs::path(SARABAN_SOURCE_DIR) / "tests" / "ingest" / "fixtures" / "csv-utf8", agency);
    std::string text = read_file(agency / "มาตรการ.csv");
    const std::size_t at = text.find(from);
    BOOST_TEST_REQUIRE(at != std::string::npos, from);
    write_file(agency / "มาตรการ.csv", text.replace(at, from.size(), to));
    return agency;
}

// The system font fontconfig gives for U+1230 (ሰ), as saraban must find it: the files that have it (fc-list), of
// which saraban takes fontconfig's best TrueType one. scripts/setup.sh --tests installs fonts-sil-abyssinica.
std::vector<std::string> ethiopic_fonts() {
    const Result r = run_program("fc-list", {":charset=1230:fontformat=TrueType", "file"});
    std::vector<std::string> files;
    for (std::size_t at = 0, end; at < r.out.size(); at = end + 1) {
        end = r.out.find('\n', at);
        if (end == std::string::npos) end = r.out.size();
        const std::string line = r.out.substr(at, end - at);  // "/usr/share/fonts/…/x.ttf: "
        if (const std::size_t colon = line.rfind(':'); colon != std::string::npos && colon > 0)
            files.push_back(line.substr(0, colon));
    }
    BOOST_TEST_REQUIRE(!files.empty(), "no TrueType font on this machine has Ethiopic: run scripts/setup.sh --tests");
    return files;
}

const std::string kEthiopicCell = "บุคลากร ሰላም สบน.,";

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_fonts)

BOOST_AUTO_TEST_CASE(a_character_only_a_system_font_has_reaches_the_pdf_and_the_manifest) {
    const std::vector<std::string> candidates = ethiopic_fonts();
    TempDir dir;
    const fs::path agency = agency_with(dir, "agency", "บุคลากร สบน.,", kEthiopicCell);
    const Result r = run_saraban({"run", agency.string(), "-o", (dir / "out").string(), "--progress", "none"});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    const fs::path pdf = dir / "out" / "agency.pdf";
    BOOST_TEST(pdf_text(pdf).find("บุคลากร ሰላም") != std::string::npos);  // real glyphs, read back
    // The manifest names the system font and its SHA-256; the PDF embeds that font (its PostScript name).
    const std::string manifest = read_file(dir / "out" / "manifest.json");
    std::string used;
    for (const auto& file : candidates)
        if (manifest.find("\"path\": \"" + file + "\"") != std::string::npos) used = file;
    BOOST_TEST_REQUIRE(!used.empty(), manifest);
    BOOST_TEST(manifest.find("\"system_fonts\": [") != std::string::npos);
    BOOST_TEST(manifest.find("\"system_fonts\": true") != std::string::npos);  // the environment's switch
    const std::string sha = run_program("sha256sum", {used}).out.substr(0, 64);
    BOOST_TEST(manifest.find("\"sha256\": \"" + sha + "\"") != std::string::npos);
    const std::string name = run_program("fc-scan", {"--format", "%{postscriptname}", used}).out;
    const Result fonts = run_program("pdffonts", {pdf.string()});
    BOOST_TEST(fonts.out.find("+" + name + " ") != std::string::npos, fonts.out);
    BOOST_TEST(count(fonts.out, " yes ") >= 3u, fonts.out);  // embedded, as Laksaman and DejaVu Sans
}

BOOST_AUTO_TEST_CASE(without_system_fonts_each_character_is_an_error_at_its_cell) {
    TempDir dir;
    const fs::path agency = agency_with(dir, "agency", "บุคลากร สบน.,", kEthiopicCell);
    const Result r = run_saraban(
        {"run", agency.string(), "-o", (dir / "out").string(), "--progress", "none", "--no-system-fonts"});
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(!fs::exists(dir / "out" / "agency.pdf"));
    const std::string at = (agency / "มาตรการ.csv").string() + ": sheet มาตรการ, cell C2: error: ";
    for (const char* c : {"\"ሰ\" (U+1230)", "\"ላ\" (U+120B)", "\"ም\" (U+121D)"})
        BOOST_TEST(count(r.err, at + "ไม่มีฟอนต์ใดวาดอักษร " + c) == 1u, r.err);
    BOOST_TEST(read_file(dir / "out" / "manifest.json").find("\"system_fonts\": false") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(typeset_draws_it_from_the_system_too) {
    ethiopic_fonts();
    TempDir dir;
    write_file(dir / "proof.txt", "ชื่อ ሰላም ✓\n");
    const Result r = run_saraban({"typeset", (dir / "proof.txt").string(), "-o", (dir / "proof.pdf").string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    BOOST_TEST(pdf_text(dir / "proof.pdf").find("ชื่อ ሰላም ✓") != std::string::npos);
}

// The font chosen for a character and its place in the PDF depend on nothing a worker did before: agencies with
// and without the character, in one worker or three, and split in shards, give the same bytes.
BOOST_AUTO_TEST_CASE(system_fonts_give_the_same_bytes_for_any_workers_and_shards) {
    ethiopic_fonts();
    TempDir dir;
    const fs::path inputs = dir / "inputs";
    fs::create_directories(inputs);
    agency_with(dir, "inputs/a", "บุคลากร สบน.,", kEthiopicCell);
    agency_with(dir, "inputs/b", "บุคลากร สบน.,", "บุคลากร สบน.,");
    agency_with(dir, "inputs/c", "บุคลากร สบน.,", "ላ ሰ บุคลากร สบน. ✓,");
    const Result one = run_saraban({"run", inputs.string(), "-o", (dir / "one").string(), "-j", "1", "--progress", "none"});
    const Result three = run_saraban({"run", inputs.string(), "-o", (dir / "three").string(), "-j", "3", "--progress", "none"});
    BOOST_TEST_REQUIRE(one.status == 0, one.err);
    BOOST_TEST_REQUIRE(three.status == 0, three.err);
    for (const char* shard : {"1/2", "2/2"}) {
        const Result r = run_saraban({"run", inputs.string(), "-o", (dir / "shards").string(), "--shard", shard,
                                      "--progress", "none"});
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
    }
    for (const char* file : {"a.pdf", "b.pdf", "c.pdf"}) {
        const std::string bytes = read_file(dir / "one" / file);
        BOOST_TEST(!bytes.empty());
        BOOST_TEST((bytes == read_file(dir / "three" / file)), file);
        BOOST_TEST((bytes == read_file(dir / "shards" / file)), file);
    }
    BOOST_TEST((read_file(dir / "one" / "manifest.json") == read_file(dir / "three" / "manifest.json")));
}

// Issue 15: a stray junk .ttf beside the fonts in use failed every agency. It is a warning naming the file, said
// once for the run (the log, findings.txt, the summary's count), and the memos are made.
BOOST_AUTO_TEST_CASE(a_junk_file_beside_the_fonts_is_a_warning_once) {
    TempDir dir;
    const fs::path fonts = dir / "fonts";
    fs::create_directories(fonts);
    for (const char* file : {"Laksaman.ttf", "Laksaman-Bold.ttf", "Laksaman-Italic.ttf", "Laksaman-BoldItalic.ttf"})
        fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "fonts" / file, fonts / file);
    write_file(fonts / "junk.ttf", std::string(4096, '\0'));
    const fs::path inputs = dir / "inputs";
    fs::create_directories(inputs);
    agency_with(dir, "inputs/a", "บุคลากร สบน.,", "บุคลากร สบน.,");
    agency_with(dir, "inputs/b", "บุคลากร สบน.,", "บุคลากร สบน.,");
    const Result r = run_saraban({"run", inputs.string(), "-o", (dir / "out").string(), "--fonts", fonts.string(),
                                  "--progress", "none"});
    BOOST_TEST(r.status == 0, r.err);
    const std::string warning = (fonts / "junk.ttf").string() + ": warning: ";
    BOOST_TEST(count(r.err, warning) == 1u, r.err);
    BOOST_TEST(count(read_file(dir / "out" / "findings.txt"), warning) == 1u);
    BOOST_TEST(fs::exists(dir / "out" / "a.pdf"));
    BOOST_TEST(fs::exists(dir / "out" / "b.pdf"));
}

// A font file that is not a font, of the family asked for: the run cannot set any memo, and says so once.
BOOST_AUTO_TEST_CASE(a_family_that_cannot_be_loaded_is_one_error) {
    TempDir dir;
    const fs::path fonts = dir / "fonts";
    fs::create_directories(fonts);
    write_file(fonts / "Garuda.ttf", "<html><body>404 Not Found</body></html>\n");
    const fs::path inputs = dir / "inputs";
    fs::create_directories(inputs);
    agency_with(dir, "inputs/a", "บุคลากร สบน.,", "บุคลากร สบน.,");
    agency_with(dir, "inputs/b", "บุคลากร สบน.,", "บุคลากร สบน.,");
    const Result r = run_saraban({"run", inputs.string(), "-o", (dir / "out").string(), "--fonts", fonts.string(),
                                  "--font", "Garuda", "--progress", "none"});
    BOOST_TEST(r.status == 1, r.err);
    BOOST_TEST(count(r.err, "no regular face of font family \"Garuda\"") == 1u, r.err);
    BOOST_TEST(r.err.find("files that are not fonts: " + (fonts / "Garuda.ttf").string()) != std::string::npos, r.err);
    BOOST_TEST(!fs::exists(dir / "out" / "a.pdf"));
    BOOST_TEST(!fs::exists(dir / "out" / "b.pdf"));
}

BOOST_AUTO_TEST_SUITE_END()
