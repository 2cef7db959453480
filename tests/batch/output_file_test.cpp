// Outputs never escape the output folder, whatever the input is called, and appear only when complete.
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <set>
#include <unistd.h>

#include "batch/output_file.h"

using namespace saraban::batch;
namespace fs = std::filesystem;

BOOST_AUTO_TEST_SUITE(batch_output_file)

BOOST_AUTO_TEST_CASE(names_from_inputs_stay_inside_the_output_folder) {
    BOOST_TEST(safe_file_stem("../../etc/passwd") == "passwd");
    BOOST_TEST(safe_file_stem("..\\..\\windows\\x") == "x");
    BOOST_TEST(safe_file_stem("..") == "document");
    BOOST_TEST(safe_file_stem("") == "document");
    BOOST_TEST(safe_file_stem(".hidden") == "hidden");
    BOOST_TEST(safe_file_stem("a\nb:c") == "a_b_c");
    BOOST_TEST(safe_file_stem("สำนักงานบริหารหนี้สาธารณะ") == "สำนักงานบริหารหนี้สาธารณะ");
    // Long names are cut on a UTF-8 boundary.
    std::string long_thai;
    for (int i = 0; i < 100; ++i) long_thai += "ก";
    std::string cut = safe_file_stem(long_thai);
    BOOST_TEST(cut.size() <= 120u);
    BOOST_TEST(cut.size() % 3 == 0u);
}

BOOST_AUTO_TEST_CASE(clashing_names_get_a_number) {
    std::set<std::string> taken;
    const auto is_taken = [&](const std::string& name) { return taken.count(name) > 0; };
    for (const char* want : {"sample.pdf", "sample-2.pdf", "sample-3.pdf"}) {
        const std::string name = unique_name("sample", ".pdf", is_taken);
        BOOST_TEST(name == want);
        taken.insert(name);
    }
}

BOOST_AUTO_TEST_CASE(atomic_write_leaves_only_the_final_file) {
    const fs::path dir = fs::temp_directory_path() / ("saraban-out-" + std::to_string(::getpid()));
    fs::create_directories(dir);
    const std::vector<unsigned char> bytes = {'%', 'P', 'D', 'F'};
    BOOST_TEST(write_atomically((dir / "x.pdf").string(), bytes).empty());
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    BOOST_TEST(files == 1u);
    BOOST_TEST(fs::file_size(dir / "x.pdf") == 4u);
    // A folder that does not exist: an error naming the path, and nothing written.
    std::string error = write_atomically((dir / "missing" / "y.pdf").string(), bytes);
    BOOST_TEST(error.find("missing") != std::string::npos);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
