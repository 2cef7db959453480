// The journal keeps a run's records until the end: each reads back, by the place append gave, as the very record
// written, so that the manifest written from the journal has the bytes of one written from memory.
#include <boost/test/unit_test.hpp>

#include <unistd.h>

#include <filesystem>
#include <fstream>

#include "batch/journal.h"
#include "batch/manifest.h"
#include "batch/output_file.h"
#include "support/process.h"

using namespace saraban::batch;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) { return saraban::testing::fresh_folder("journal-" + name); }
using saraban::testing::read_file;

AgencyRecord record(int i) {
    AgencyRecord r;
    r.id = "สำนักงาน-" + std::to_string(i) + ".xlsx";
    r.input = "inputs/" + r.id;
    r.inputs = {{r.id, std::string(64, 'a' + char(i % 6))}};
    if (i % 3 == 0) {
        r.status = AgencyStatus::failed;
        r.error = r.input + ": บันทึกลงดิสก์ไม่ได้ \"quoted\"\n\tand \xff not UTF-8";
        r.findings = {{"error", r.input + ": sheet คะแนน, cell C5: error: x"}, {"warning", "w"}};
    } else {
        r.status = AgencyStatus::produced;
        r.outputs = {{std::to_string(i) + ".pdf", std::string(64, '1')}, {std::to_string(i) + ".xlsx", std::string(64, '2')}};
    }
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_journal)

BOOST_AUTO_TEST_CASE(records_read_back_by_place_give_the_manifest_made_from_memory) {
    const fs::path dir = fresh_folder("places");
    Manifest m;
    m.environment.saraban_version = "0.1.0";
    seal(m.environment);
    m.batch_agencies = 50;
    Journal journal((dir / "manifest.json.journal").string());
    BOOST_REQUIRE(journal.ok());
    std::vector<Journal::Place> places;
    for (int i = 49; i >= 0; --i) {  // finished out of id order
        auto place = journal.append(record(i));
        BOOST_REQUIRE(place.has_value());
        places.push_back(*place);
        put_record(m, record(i));
    }
    // Read back in id order, as the run writes its manifest.
    AgencyCounts counts;
    for (const auto& r : m.agencies) counts += r.status;
    const ManifestText text = manifest_text(m, m.agencies.size(), counts);
    std::string streamed = text.head;
    for (std::size_t k = 0; k < m.agencies.size(); ++k) {
        const int i = std::stoi(m.agencies[k].id.substr(std::string("สำนักงาน-").size()));
        std::string error;
        const auto r = journal.read(places[std::size_t(49 - i)], error);
        BOOST_REQUIRE_MESSAGE(r.has_value(), error);
        append_agency_json(streamed, *r, k == 0);
    }
    streamed += text.tail;
    BOOST_TEST(streamed == to_json(m));
    // The journal is still a journal: a killed run's records are applied from it.
    BOOST_TEST(read_file(dir / "manifest.json.journal").size() == places.back().offset + places.back().length);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_file_written_in_pieces_appears_only_when_committed) {
    const fs::path dir = fresh_folder("atomic");
    const std::string path = (dir / "manifest.json").string();
    std::string expected;
    {
        AtomicFile file(path);
        for (int i = 0; i < 5000; ++i) {  // 160 KB: several buffers
            const std::string piece = "record " + std::to_string(i) + " ของหน่วยงาน\n";
            file.append(piece);
            expected += piece;
        }
        BOOST_TEST(!fs::exists(path));
        BOOST_TEST(file.commit().empty());
    }
    BOOST_TEST(read_file(path) == expected);
    {
        AtomicFile abandoned((dir / "findings.txt").string());
        abandoned.append("x\n");
    }  // never committed: neither the file nor its temporary name is left
    std::size_t files = 0;
    for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++files;
    BOOST_TEST(files == 1u);
    // A folder that does not exist: the error names the file.
    AtomicFile nowhere((dir / "missing" / "m.json").string());
    nowhere.append("x");
    BOOST_TEST(nowhere.commit().find("missing/m.json") != std::string::npos);
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
