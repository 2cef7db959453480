// GroupCommit: files get their final names only after the group is synced, every item is reported once, and a
// file that cannot get its name is reported with its temporary file removed.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <mutex>
#include <thread>
#include <unistd.h>

#include "batch/group_commit.h"
#include "batch/output_file.h"

using namespace saraban::batch;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) {
    fs::path dir = fs::temp_directory_path() / ("saraban-commit-" + name + "-" + std::to_string(::getpid()));
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir;
}

std::string slurp(const fs::path& p) {
    std::ifstream in(p, std::ios::binary);
    return std::string(std::istreambuf_iterator<char>(in), {});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_group_commit)

BOOST_AUTO_TEST_CASE(every_item_is_reported_once_after_its_files_have_their_names) {
    const fs::path dir = fresh_folder("order");
    std::mutex m;
    std::vector<std::size_t> reported;
    std::vector<bool> present_when_reported;
    {
        GroupCommit commit(dir.string(), [&](std::size_t i, const std::string& error) {
            BOOST_TEST(error.empty(), error);
            std::lock_guard lock(m);
            reported.push_back(i);
            present_when_reported.push_back(i % 5 == 4 || fs::exists(dir / (std::to_string(i) + ".pdf")));
        });
        // Two producers hand over 200 items; every fifth has no file (an agency skipped as unchanged).
        auto produce = [&](std::size_t from) {
            for (std::size_t i = from; i < 200; i += 2) {
                std::vector<PendingRename> renames;
                if (i % 5 != 4) {
                    const std::string final_name = (dir / (std::to_string(i) + ".pdf")).string();
                    const std::string temp = temporary_name(final_name);
                    BOOST_REQUIRE(write_file(temp, "agency " + std::to_string(i)).empty());
                    renames.push_back({temp, final_name});
                }
                commit.submit(i, std::move(renames));
            }
        };
        std::thread a(produce, 0), b(produce, 1);
        a.join();
        b.join();
    }  // finish()es
    BOOST_TEST(reported.size() == 200u);
    std::vector<bool> seen(200, false);
    for (std::size_t i : reported) {
        BOOST_TEST(!seen[i]);
        seen[i] = true;
    }
    for (bool present : present_when_reported) BOOST_TEST(present);
    BOOST_TEST(slurp(dir / "42.pdf") == "agency 42");
    for (const auto& entry : fs::directory_iterator(dir))
        BOOST_TEST(entry.path().filename().string().find(".tmp") == std::string::npos, entry.path());
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_file_that_cannot_get_its_name_is_reported_and_removed) {
    const fs::path dir = fresh_folder("error");
    const std::string temp = temporary_name((dir / "x.pdf").string());
    BOOST_REQUIRE(write_file(temp, "x").empty());
    std::string reported;
    GroupCommit commit(dir.string(), [&](std::size_t, const std::string& error) { reported = error; });
    commit.submit(0, {{temp, (dir / "no-such-folder" / "x.pdf").string()}});
    commit.finish();
    BOOST_TEST(reported.find("no-such-folder/x.pdf") != std::string::npos, reported);
    BOOST_TEST(!fs::exists(temp));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(items_handed_over_one_by_one_share_a_sync_each_interval) {
    const fs::path dir = fresh_folder("interval");
    std::size_t reported = 0;
    GroupCommit commit(dir.string(), [&](std::size_t, const std::string& error) {
        BOOST_TEST(error.empty(), error);
        ++reported;
    });
    // 40 items, one every 5 ms: 200 ms, so at most 200 / 50 + 1 syncs, and one more when the commit finishes
    // (a sync per item before the interval: 40).
    const auto start = std::chrono::steady_clock::now();
    for (std::size_t i = 0; i < 40; ++i) {
        const std::string final_name = (dir / (std::to_string(i) + ".pdf")).string();
        const std::string temp = temporary_name(final_name);
        BOOST_REQUIRE(write_file(temp, "x").empty());
        commit.submit(i, {{temp, final_name}});
        std::this_thread::sleep_for(std::chrono::milliseconds(5));
    }
    commit.finish();
    const auto elapsed = std::chrono::steady_clock::now() - start;
    const auto intervals = std::size_t(elapsed / GroupCommit::kMinInterval);
    BOOST_TEST(reported == 40u);
    BOOST_TEST(commit.syncs() >= 1u);
    BOOST_TEST(commit.syncs() <= intervals + 2, commit.syncs() << " syncs in " << intervals << " intervals");
    BOOST_TEST(fs::exists(dir / "39.pdf"));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
