#include "batch/group_commit.h"

#include "batch/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <chrono>
#include <cstdio>
#include <cstring>

namespace saraban::batch {

namespace {

// Files synced at once: each is open meanwhile, so a group of thousands (a slow disk) goes in slices below the
// usual limit of 1,024 descriptors.
constexpr std::size_t kFilesAtOnce = 256;


}  // namespace

DurabilityCalls DurabilityCalls::system() {
    return {[](int fd) { return ::fdatasync(fd); }, [](int fd) { return ::fsync(fd); }};
}

GroupCommit::GroupCommit(const std::string& folder, std::function<void(std::size_t, const std::string&)> done,
                         DurabilityCalls calls)
    : folder_(folder), done_(std::move(done)), calls_(std::move(calls)), thread_([this] { run(); }) {}

GroupCommit::~GroupCommit() { finish(); }

void GroupCommit::submit(std::size_t index, std::vector<PendingRename> renames) {
    {
        std::lock_guard lock(mutex_);
        pending_.push_back({index, std::move(renames), {}});
    }
    wake_.notify_one();
}

void GroupCommit::finish() {
    {
        std::lock_guard lock(mutex_);
        stopping_ = true;
    }
    wake_.notify_one();
    if (thread_.joinable()) thread_.join();
}

void GroupCommit::run() {
    std::vector<Item> group;
    auto last_commit = std::chrono::steady_clock::now() - kMinInterval;
    for (;;) {
        {
            std::unique_lock lock(mutex_);
            wake_.wait(lock, [&] { return stopping_ || !pending_.empty(); });
            if (pending_.empty()) return;  // stopping, nothing left
            // Not sooner than kMinInterval after the last group began, unless the run is ending: the files that
            // finish meanwhile share the folder's fsync and the disk's journal commits.
            wake_.wait_until(lock, last_commit + kMinInterval, [&] { return stopping_; });
            group.swap(pending_);  // whatever arrived meanwhile
        }
        last_commit = std::chrono::steady_clock::now();
        commit(group);
        group.clear();
    }
}

// fdatasync of every file of the group. Writeback of a slice is started on all its files first
// (sync_file_range), so that the disk takes them together and most fdatasyncs find their data already written.
void GroupCommit::sync_files(std::vector<Item>& group) {
    struct Open {
        Item* item;
        const PendingRename* file;
        int fd;
    };
    std::vector<Open> slice;
    auto sync_slice = [&] {
        for (const Open& o : slice) ::sync_file_range(o.fd, 0, 0, SYNC_FILE_RANGE_WRITE);  // a hint: errors below
        for (const Open& o : slice) {
            if (calls_.fdatasync(o.fd) != 0 && o.item->error.empty())
                o.item->error = write_error(o.file->final_name, errno, "fdatasync");
            ::close(o.fd);
        }
        slice.clear();
    };
    for (Item& item : group) {
        for (const PendingRename& r : item.renames) {
            const int fd = ::open(r.temporary.c_str(), O_RDONLY | O_CLOEXEC);
            if (fd < 0) {
                if (item.error.empty()) item.error = write_error(r.final_name, errno, "open");
                continue;
            }
            slice.push_back({&item, &r, fd});
            if (slice.size() == kFilesAtOnce) sync_slice();
        }
    }
    sync_slice();
}

void GroupCommit::commit(std::vector<Item>& group) {
    sync_files(group);
    // Only files whose data is on disk get their final names; an item fails whole (none of its files is left
    // under a final name, so that its record and the folder agree).
    bool renamed = false;
    for (Item& item : group) {
        std::size_t done = 0;
        for (; item.error.empty() && done < item.renames.size(); ++done) {
            const PendingRename& r = item.renames[done];
            if (std::rename(r.temporary.c_str(), r.final_name.c_str()) != 0)
                item.error = write_error(r.final_name, errno, "rename");
        }
        renamed = renamed || (item.error.empty() && !item.renames.empty());
        if (item.error.empty()) continue;
        for (std::size_t i = 0; i < item.renames.size(); ++i)
            ::unlink(i + 1 < done ? item.renames[i].final_name.c_str() : item.renames[i].temporary.c_str());
    }
    // The renames on disk before any agency is recorded done: one fsync of the folder for the whole group.
    std::string folder_error;
    if (renamed) {
        const int fd = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0 || calls_.fsync_folder(fd) != 0) folder_error = write_error(folder_, errno, "fsync");
        if (fd >= 0) ::close(fd);
        ++groups_;
    }
    for (Item& item : group) {
        // The files are whole under their names, but the names may not survive a power cut: not recorded done.
        if (item.error.empty() && !item.renames.empty()) item.error = folder_error;
        done_(item.index, item.error);
    }
}

}  // namespace saraban::batch
