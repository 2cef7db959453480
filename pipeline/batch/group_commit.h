// Giving finished outputs their final names in groups: workers write each agency's files under temporary names
// and hand them over; a committer thread makes each file of a group durable with fdatasync(2), renames the files,
// fsyncs the output folder once (so that the new names survive a power cut too), and only then reports each agency
// done. A file under its final name is whole even after a power cut. Workers never wait for the disk: the syncs
// are the committer's, and a group gathers whatever finishes while the last one was being synced. (One syncfs a
// group flushed every tenant's data on a shared volume; an fsync per file on the worker cost it about 8 ms.)
#pragma once

#include <atomic>
#include <chrono>
#include <condition_variable>
#include <cstddef>
#include <functional>
#include <mutex>
#include <string>
#include <thread>
#include <vector>

namespace saraban::batch {

struct PendingRename {
    std::string temporary;  // written and closed
    std::string final_name;
};

// The system calls that make a group durable, replaceable so that a test can record their order or make one
// fail (a full disk). Each returns 0 or -1 with errno set, as the system call does.
struct DurabilityCalls {
    std::function<int(int fd)> fdatasync;     // a temporary file's data (and its size) on disk
    std::function<int(int fd)> fsync_folder;  // the folder's entries (the renames) on disk
    static DurabilityCalls system();
};

class GroupCommit {
public:
    // At most one group this often (a group gathers what finishes meanwhile): 50 ms is ten agencies on two cores,
    // and a report of done (the progress bar, the journal) comes at most that much later.
    static constexpr std::chrono::milliseconds kMinInterval{50};

    // done(index, error) runs on the committer thread, in hand-over order within a group, once the item's files
    // have their final names on disk (error empty) or could not get them (error says why; no file of the item
    // that failed to reach the disk is left under its final name, and its temporary files are removed).
    GroupCommit(const std::string& folder, std::function<void(std::size_t index, const std::string& error)> done,
                DurabilityCalls calls = DurabilityCalls::system());
    ~GroupCommit();  // finish()es

    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    // Hands over item index with its files (none: it is reported done with the next group, without a sync).
    void submit(std::size_t index, std::vector<PendingRename> renames);

    // Commits what is pending and stops the thread.
    void finish();

    // The groups that had files to make durable (at most one each kMinInterval, and one at the end): each cost
    // one folder fsync.
    std::size_t groups() const { return groups_.load(); }

private:
    struct Item {
        std::size_t index;
        std::vector<PendingRename> renames;
        std::string error;
    };
    void run();
    void commit(std::vector<Item>& group);
    void sync_files(std::vector<Item>& group);

    std::string folder_;
    std::function<void(std::size_t, const std::string&)> done_;
    DurabilityCalls calls_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Item> pending_;
    bool stopping_ = false;
    std::atomic<std::size_t> groups_{0};
    std::thread thread_;
};

}  // namespace saraban::batch
