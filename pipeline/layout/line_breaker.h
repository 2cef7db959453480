// Where a line of Thai (mixed with Latin, digits, URLs) may break: between words, found with ICU's Thai
// dictionary, never inside a grapheme cluster, never before ๆ ฯ or closing punctuation, never after an opening one.
#pragma once

#include <cstddef>
#include <memory>
#include <string_view>
#include <vector>

namespace saraban::layout {

enum class BreakKind {
    allowed,    // a line may start here
    mandatory,  // a line must start here (after a hard line break)
};

// A byte offset into the UTF-8 text where a new line may start.
struct Breakpoint {
    std::size_t offset = 0;
    BreakKind kind = BreakKind::allowed;

    bool operator==(const Breakpoint&) const = default;
};

class LineBreakCache;

class ThaiLineBreaker {
public:
    // Loads ICU's line and character break iterators for Thai. Throws std::runtime_error if ICU has no data.
    ThaiLineBreaker();
    ~ThaiLineBreaker();
    ThaiLineBreaker(const ThaiLineBreaker&) = delete;
    ThaiLineBreaker& operator=(const ThaiLineBreaker&) = delete;

    // Break opportunities in utf8, in increasing order, excluding 0 and including utf8.size() (when not empty).
    // With a cache, ICU breaks each word of the text once (see LineBreakCache); the result is the same.
    std::vector<Breakpoint> breakpoints(std::string_view utf8, LineBreakCache* cache = nullptr) const;

    // Grapheme-cluster boundaries (a consonant with its marks never splits), excluding 0, including the end:
    // where a word longer than a line may be cut.
    std::vector<std::size_t> cluster_boundaries(std::string_view utf8) const;

private:
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

// ICU's boundaries of words already broken, for reuse by one worker. ThaiLineBreaker::breakpoints cuts the text
// after a run of spaces wherever the letters on both sides are plain (UAX #14 classes AL, SA, NU, HL, marks
// taking their base's), since no rule of UAX #14 then reaches across the spaces: ICU always breaks there, and what
// it finds inside each piece does not depend on the others. Each piece is broken by ICU once; the Thai rules are
// then applied to the whole text as before. Keeps about max_breaks boundaries. Not thread-safe: one per worker.
class LineBreakCache {
public:
    explicit LineBreakCache(std::size_t max_breaks = 20000);
    ~LineBreakCache();
    LineBreakCache(const LineBreakCache&) = delete;
    LineBreakCache& operator=(const LineBreakCache&) = delete;
    std::size_t hits() const;
    std::size_t misses() const;

private:
    friend class ThaiLineBreaker;
    struct Impl;
    std::unique_ptr<Impl> impl_;
};

}  // namespace saraban::layout
