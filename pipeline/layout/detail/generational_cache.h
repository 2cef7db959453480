// The bounded map behind layout's per-worker caches (ParagraphCache, ShapeCache): entries weigh what they hold
// (glyphs); when the newer half is full the older half is dropped, and an entry found in the older half moves up,
// so what every document uses stays while the rest ages out. Not thread-safe.
#pragma once

#include <cstddef>
#include <string>
#include <unordered_map>
#include <utility>

namespace saraban::layout::detail {

template <class Value>
class GenerationalCache {
public:
    explicit GenerationalCache(std::size_t max_weight) : half_(max_weight / 2) {}

    // The value kept under key, or nullptr; counts a hit or a miss.
    const Value* find(const std::string& key) {
        if (auto it = newer_.entries.find(key); it != newer_.entries.end()) {
            ++hits_;
            return &it->second.value;
        }
        if (auto it = older_.entries.find(key); it != older_.entries.end()) {
            ++hits_;
            Entry entry = std::move(it->second);
            older_.entries.erase(it);
            return &put(key, std::move(entry.value), entry.weight);  // used again: it moves up
        }
        ++misses_;
        return nullptr;
    }

    // Keeps value under key in the newer half, first dropping the older half when the newer one is full.
    const Value& put(std::string key, Value value, std::size_t weight) {
        if (newer_.weight + weight > half_) {
            older_ = std::move(newer_);
            newer_ = {};
        }
        newer_.weight += weight;
        auto& entry = newer_.entries.insert_or_assign(std::move(key), Entry{std::move(value), weight}).first->second;
        return entry.value;
    }

    std::size_t hits() const { return hits_; }
    std::size_t misses() const { return misses_; }

private:
    struct Entry {
        Value value;
        std::size_t weight = 0;
    };
    struct Generation {
        std::unordered_map<std::string, Entry> entries;
        std::size_t weight = 0;
    };
    std::size_t half_;
    Generation newer_, older_;
    std::size_t hits_ = 0, misses_ = 0;
};

}  // namespace saraban::layout::detail
