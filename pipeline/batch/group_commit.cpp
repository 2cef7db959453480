#include "batch/group_commit.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <chrono>

namespace saraban::batch {

GroupCommit::GroupCommit(const std::string& folder, std::function<void(std::size_t, const std::string&)> done)
    : folder_(folder), done_(std::move(done)), thread_([this] { run(); }) {}

GroupCommit::~GroupCommit() { finish(); }

void GroupCommit::submit(std::size_t index, std::vector<PendingRename> renames) {
    {
        std::lock_guard lock(mutex_);
        pending_.push_back({index, std::move(renames)});
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
            // Not sooner than kMinInterval after the last sync began, unless the run is ending: on a fast disk a
            // sync each agency cost more than the agency's own writes.
            wake_.wait_until(lock, last_commit + kMinInterval, [&] { return stopping_; });
            group.swap(pending_);  // whatever arrived meanwhile
        }
        last_commit = std::chrono::steady_clock::now();
        commit(group);
        group.clear();
    }
}

void GroupCommit::commit(std::vector<Item>& group) {
    bool any = false;
    for (const auto& item : group) any = any || !item.renames.empty();
    std::string sync_error;
    if (any) {
        // One sync for the whole file system holding the folder: every file of the group is on disk after it.
        const int fd = ::open(folder_.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
        if (fd < 0 || ::syncfs(fd) != 0) sync_error = folder_ + ": syncfs: " + std::strerror(errno);
        ++syncs_;
        if (fd >= 0) ::close(fd);
    }
    for (auto& item : group) {
        std::string error = sync_error;
        for (const auto& r : item.renames) {
            if (error.empty() && std::rename(r.temporary.c_str(), r.final_name.c_str()) != 0)
                error = r.final_name + ": " + std::strerror(errno);
        }
        if (!error.empty())
            for (const auto& r : item.renames) ::unlink(r.temporary.c_str());
        done_(item.index, error);
    }
}

}  // namespace saraban::batch
