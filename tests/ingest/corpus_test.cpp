// Every real-world workbook in ../shared/corpus/xlsx-poi (Apache POI's test battery, some hostile on purpose) is
// either read or refused with an error naming the file: no crash, no hang, no unbounded allocation.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "ingest/report_reader.h"

using namespace saraban;

namespace {

// A short name for why a file was refused: the English part of the first error, up to its first colon.
std::string reason_of(const model::Diagnostic& d) {
    const std::string& m = d.message;
    std::string english = m.substr(std::min(m.find('('), m.size()));
    if (auto part = m.find("(part "); part == 0 || m.starts_with("ส่วน ")) {
        auto after = m.find("): ");
        english = after == std::string::npos ? m : m.substr(after + 3);
        english = english.substr(std::min(english.find('('), english.size()));
    }
    return english.substr(0, std::min(english.find_first_of(":;"), std::size_t(60)));
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_corpus)

BOOST_AUTO_TEST_CASE(every_corpus_file_reads_or_is_refused_naming_it) {
    const std::filesystem::path dir = SARABAN_SHARED_DIR "/corpus/xlsx-poi";
    BOOST_TEST_REQUIRE(std::filesystem::is_directory(dir),
                       "the corpus is missing: expected " << dir.string()
                                                          << " (CI keeps ../shared beside the checkout)");
    std::vector<std::filesystem::path> files;
    for (const auto& entry : std::filesystem::directory_iterator(dir))
        if (entry.is_regular_file()) files.push_back(entry.path());
    std::sort(files.begin(), files.end());
    BOOST_TEST_REQUIRE(files.size() > 300u);

    std::map<std::string, int> refused_by_reason;
    int read_as_ita = 0;
    auto start = std::chrono::steady_clock::now();
    for (const auto& file : files) {
        const std::string path = file.string();
        BOOST_TEST_CONTEXT(path) {
            auto file_start = std::chrono::steady_clock::now();
            auto result = ingest::read_report_file(path);
            double seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - file_start).count();
            if (seconds > 0.5) BOOST_TEST_MESSAGE("slow: " << path << ": " << seconds << " s");
            if (result) {
                ++read_as_ita;
                continue;
            }
            for (const auto& d : result.diagnostics)
                if (d.severity == model::Severity::error)
                    BOOST_TEST(model::to_string(d).find(file.filename().string()) != std::string::npos,
                               model::to_string(d));
            auto first_error = std::find_if(result.diagnostics.begin(), result.diagnostics.end(),
                                            [](const auto& d) { return d.severity == model::Severity::error; });
            ++refused_by_reason[reason_of(*first_error)];
        }
    }
    double total = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    BOOST_TEST_MESSAGE("corpus: " << files.size() << " files in " << total << " s; read as ITA: " << read_as_ita);
    for (const auto& [reason, count] : refused_by_reason) BOOST_TEST_MESSAGE("  " << count << " × " << reason);
}

BOOST_AUTO_TEST_SUITE_END()
