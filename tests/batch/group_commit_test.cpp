// GroupCommit: each file is fdatasync'ed before it gets its final name, the folder is fsync'ed after the renames
// and before any item is reported done, every item is reported once, and a file that cannot reach the disk or
// get its name is reported with no file left under its final name.
#include <boost/test/unit_test.hpp>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <mutex>
#include <thread>
#include <unistd.h>

#include <cerrno>
#include <cstring>

#include "batch/group_commit.h"
#include "batch/output_file.h"
#include "support/process.h"

using namespace saraban::batch;
namespace fs = std::filesystem;

namespace {

fs::path fresh_folder(const std::string& name) { return saraban::testing::fresh_folder("commit-" + name); }
using saraban::testing::read_file;

// The file a descriptor is open on (what a recording DurabilityCalls sees).
std::string fd_path(int fd) {
    std::error_code ec;
    return fs::read_symlink("/proc/self/fd/" + std::to_string(fd), ec).string();
}

// Item i's two files, written under temporary names.
std::vector<PendingRename> two_files(const fs::path& dir, std::size_t i) {
    std::vector<PendingRename> renames;
    for (const char* ext : {".pdf", ".xlsx"}) {
        const std::string final_name = (dir / (std::to_string(i) + ext)).string();
        const std::string temp = temporary_name(final_name);
        BOOST_REQUIRE(write_file(temp, "agency " + std::to_string(i)).empty());
        renames.push_back({temp, final_name});
    }
    return renames;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(batch_group_commit)

BOOST_AUTO_TEST_CASE(each_file_is_fdatasynced_before_its_rename_and_the_folder_fsynced_before_done) {
    const fs::path dir = fresh_folder("calls");
    std::vector<std::string> events;  // in the order the committer made them (all on its thread)
    DurabilityCalls calls;
    calls.fdatasync = [&](int fd) {
        const std::string path = fd_path(fd);
        // Synced under its temporary name: nothing of the item is under a final name yet.
        events.push_back("fdatasync " + fs::path(path).filename().string() +
                         (fs::exists(path.substr(0, path.rfind(".tmp"))) ? " renamed already" : ""));
        return ::fdatasync(fd);
    };
    calls.fsync_folder = [&](int fd) {
        events.push_back("fsync " + fd_path(fd) + (fs::exists(dir / "0.pdf") ? " after renames" : ""));
        return ::fsync(fd);
    };
    {
        GroupCommit commit(dir.string(), [&](std::size_t i, const std::string& error) {
            BOOST_TEST(error.empty(), error);
            events.push_back("done " + std::to_string(i));
        }, calls);
        for (std::size_t i = 0; i < 3; ++i) commit.submit(i, two_files(dir, i));
    }
    // Replayed: a file counts as durable once it was fdatasync'ed and a folder fsync followed; each item is done
    // only when both its files are.
    const std::string tmp = ".tmp" + std::to_string(::getpid());
    const std::string folder_synced = "fsync " + fs::canonical(dir).string() + " after renames";
    std::set<std::string> synced, durable;
    std::size_t fdatasyncs = 0, dones = 0;
    for (const std::string& e : events) {
        if (e.starts_with("fdatasync ")) {
            ++fdatasyncs;
            BOOST_TEST(e.ends_with(tmp), e);  // under its temporary name, not renamed before
            synced.insert(e.substr(10, e.size() - 10 - tmp.size()));
        } else if (e.starts_with("fsync ")) {
            BOOST_TEST(e == folder_synced);
            durable.insert(synced.begin(), synced.end());
        } else {
            const std::string i = e.substr(5);
            ++dones;
            BOOST_TEST((durable.count(i + ".pdf") && durable.count(i + ".xlsx")), e << " before its files are durable");
        }
    }
    BOOST_TEST(fdatasyncs == 6u);
    BOOST_TEST(dones == 3u);
    BOOST_TEST(read_file(dir / "2.xlsx") == "agency 2");
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_full_disk_fails_that_item_alone_and_leaves_nothing_under_its_names) {
    const fs::path dir = fresh_folder("enospc");
    DurabilityCalls calls = DurabilityCalls::system();
    calls.fdatasync = [&](int fd) {
        if (fd_path(fd).find("/1.xlsx") == std::string::npos) return ::fdatasync(fd);
        errno = ENOSPC;  // the disk filled while item 1's workbook was written back
        return -1;
    };
    std::map<std::size_t, std::string> reported;
    {
        GroupCommit commit(dir.string(), [&](std::size_t i, const std::string& error) { reported[i] = error; },
                           calls);
        for (std::size_t i = 0; i < 3; ++i) commit.submit(i, two_files(dir, i));
    }
    BOOST_TEST(reported.size() == 3u);
    BOOST_TEST(reported[0].empty());
    BOOST_TEST(reported[2].empty());
    BOOST_TEST(reported[1].find((dir / "1.xlsx").string()) != std::string::npos, reported[1]);
    BOOST_TEST(reported[1].find(std::strerror(ENOSPC)) != std::string::npos, reported[1]);
    BOOST_TEST(reported[1].find("เขียนไฟล์ไม่ได้: ดิสก์เต็ม") != std::string::npos, reported[1]);
    BOOST_TEST(!fs::exists(dir / "1.pdf"));  // its PDF was synced, but the item failed whole
    BOOST_TEST(!fs::exists(dir / "1.xlsx"));
    BOOST_TEST(fs::exists(dir / "0.pdf"));
    BOOST_TEST(fs::exists(dir / "2.xlsx"));
    for (const auto& entry : fs::directory_iterator(dir))
        BOOST_TEST(entry.path().filename().string().find(".tmp") == std::string::npos, entry.path());
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_CASE(a_folder_fsync_that_fails_fails_every_item_it_renamed) {
    const fs::path dir = fresh_folder("dirsync");
    DurabilityCalls calls = DurabilityCalls::system();
    calls.fsync_folder = [](int) {
        errno = EIO;
        return -1;
    };
    std::map<std::size_t, std::string> reported;
    {
        GroupCommit commit(dir.string(), [&](std::size_t i, const std::string& error) { reported[i] = error; },
                           calls);
        commit.submit(0, two_files(dir, 0));
        commit.submit(1, {});  // nothing to rename (an agency skipped as unchanged): not the folder's concern
    }
    BOOST_TEST(reported[0].find("fsync: " + std::string(std::strerror(EIO))) != std::string::npos, reported[0]);
    BOOST_TEST(reported[1].empty(), reported[1]);
    fs::remove_all(dir);
}

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
    BOOST_TEST(read_file(dir / "42.pdf") == "agency 42");
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

BOOST_AUTO_TEST_CASE(items_handed_over_one_by_one_share_a_folder_fsync_each_interval) {
    const fs::path dir = fresh_folder("interval");
    std::size_t reported = 0;
    GroupCommit commit(dir.string(), [&](std::size_t, const std::string& error) {
        BOOST_TEST(error.empty(), error);
        ++reported;
    });
    // 40 items, one every 5 ms: 200 ms, so at most 200 / 50 + 1 groups, and one more when the commit finishes
    // (a group per item before the interval: 40).
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
    BOOST_TEST(commit.groups() >= 1u);
    BOOST_TEST(commit.groups() <= intervals + 2, commit.groups() << " groups in " << intervals << " intervals");
    BOOST_TEST(fs::exists(dir / "39.pdf"));
    fs::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
