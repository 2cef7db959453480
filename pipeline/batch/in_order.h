// Results that finish out of order, handed on in input order with a bounded number held meanwhile. The batch's
// overview rows and findings must come out in input order while workers finish agencies in any order; a worker
// asks for room before it begins item i and waits while i is `window` or more ahead of the first item not yet
// handed on (an agency far slower than the others), so that at most `window` results wait here.
#pragma once

#include <condition_variable>
#include <cstddef>
#include <functional>
#include <map>
#include <mutex>

namespace saraban::batch {

template <class T>
class InOrder {
public:
    InOrder(std::size_t window, std::function<void(std::size_t index, T&& value)> emit)
        : window_(window), emit_(std::move(emit)) {}

    // Blocks until item index may begin. Items below the first not handed on never wait, so that the one the
    // others wait for always runs.
    void wait_for_room(std::size_t index) {
        std::unique_lock lock(mutex_);
        room_.wait(lock, [&] { return index < next_ + window_; });
    }

    // Item index is done: emits it, and after it every held item that now follows in order (on this thread).
    void put(std::size_t index, T value) {
        std::unique_lock lock(mutex_);
        held_.emplace(index, std::move(value));
        for (auto it = held_.begin(); it != held_.end() && it->first == next_; it = held_.erase(it)) {
            emit_(it->first, std::move(it->second));
            ++next_;
        }
        lock.unlock();
        room_.notify_all();
    }

    std::size_t emitted() const {
        std::lock_guard lock(mutex_);
        return next_;
    }
    std::size_t held() const {
        std::lock_guard lock(mutex_);
        return held_.size();
    }

private:
    const std::size_t window_;
    std::function<void(std::size_t, T&&)> emit_;
    mutable std::mutex mutex_;
    std::condition_variable room_;
    std::map<std::size_t, T> held_;
    std::size_t next_ = 0;  // the first item not handed on
};

}  // namespace saraban::batch
