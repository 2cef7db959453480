// Giving finished outputs their final names in groups: workers write each agency's files under temporary names
// and hand them over; a committer thread makes everything handed over durable with one syncfs(2), then renames
// the files and reports each agency done. A file under its final name is whole even after a power cut, and a
// batch pays one sync per group instead of one fsync per file (which cost a worker about 8 ms of waiting per
// agency: a 10,000-agency run would spend most of its time there).
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

class GroupCommit {
public:
    // At most one sync this often (a group gathers what finishes meanwhile): 50 ms is ten agencies on two cores,
    // and a report of done (the progress bar, the journal) comes at most that much later.
    static constexpr std::chrono::milliseconds kMinInterval{50};

    // done(index, error) runs on the committer thread, in hand-over order, once the item's files have their final
    // names (error empty) or could not get them (error says why; its temporary files are removed).
    GroupCommit(const std::string& folder, std::function<void(std::size_t index, const std::string& error)> done);
    ~GroupCommit();  // finish()es

    GroupCommit(const GroupCommit&) = delete;
    GroupCommit& operator=(const GroupCommit&) = delete;

    // Hands over item index with its files (none: it is reported done with the next group, without a sync).
    void submit(std::size_t index, std::vector<PendingRename> renames);

    // Commits what is pending and stops the thread.
    void finish();

    // The syncs made so far (at most one each kMinInterval, and one at the end).
    std::size_t syncs() const { return syncs_.load(); }

private:
    struct Item {
        std::size_t index;
        std::vector<PendingRename> renames;
    };
    void run();
    void commit(std::vector<Item>& group);

    std::string folder_;
    std::function<void(std::size_t, const std::string&)> done_;
    std::mutex mutex_;
    std::condition_variable wake_;
    std::vector<Item> pending_;
    bool stopping_ = false;
    std::atomic<std::size_t> syncs_{0};
    std::thread thread_;
};

}  // namespace saraban::batch
