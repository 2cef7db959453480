// Line break opportunities for Thai text: ICU's dictionary-based line iterator, then a few Thai typesetting rules
// that ICU does not apply on its own (ๆ and attached ฯ stay on the line of their word, brackets hug their text).
#include "layout/line_breaker.h"

#include "layout/detail/generational_cache.h"

#include <unicode/brkiter.h>
#include <unicode/uchar.h>
#include <unicode/locid.h>
#include <unicode/utext.h>
#include <unicode/utf8.h>

#include <algorithm>
#include <cstdint>
#include <stdexcept>
#include <string>

namespace saraban::layout {
namespace {

constexpr UChar32 kMaiYamok = 0x0E46;     // ๆ repetition mark
constexpr UChar32 kPaiyannoi = 0x0E2F;    // ฯ abbreviation mark
constexpr UChar32 kLakkhangyao = 0x0E45;  // ๅ, which with ฤ or ฦ spells one vowel (ฤๅ, ฦๅ)
constexpr UChar32 kRue = 0x0E24;          // ฤ
constexpr UChar32 kLue = 0x0E26;          // ฦ

// No line may start with one of these.
bool is_closing_punctuation(UChar32 c) {
    switch (c) {
    case U')': case U']': case U'}': case U'\u201D': case U'\u2019': case U'\u00BB':
    case U'.': case U',': case U':': case U';': case U'!': case U'?': case U'%':
        return true;
    default:
        return false;
    }
}

// No line may end with one of these.
bool is_opening_punctuation(UChar32 c) {
    switch (c) {
    case U'(': case U'[': case U'{': case U'\u201C': case U'\u2018': case U'\u00AB':
        return true;
    default:
        return false;
    }
}

// A line after one of these must start anew (UAX #14 classes BK, CR, LF, NL).
bool is_hard_line_break(UChar32 c) {
    switch (c) {
    case U'\n': case U'\r': case U'\v': case U'\f': case U'\u0085': case U'\u2028': case U'\u2029':
        return true;
    default:
        return false;
    }
}

bool is_space(UChar32 c) {
    return c == U' ' || c == U'\t' || c == U'\u00A0' || c == U'\u3000';
}

void check(UErrorCode status, const char* what) {
    if (U_FAILURE(status)) {
        throw std::runtime_error(std::string("ICU: ") + what + ": " + u_errorName(status));
    }
}

struct UTextCloser {
    void operator()(UText* text) const { utext_close(text); }
};
using UTextPtr = std::unique_ptr<UText, UTextCloser>;

UTextPtr open_utf8(std::string_view utf8) {
    UErrorCode status = U_ZERO_ERROR;
    UText* text = utext_openUTF8(nullptr, utf8.data(), static_cast<int64_t>(utf8.size()), &status);
    check(status, "utext_openUTF8");
    return UTextPtr(text);
}

// The code point that starts at byte offset, or U_SENTINEL at the end.
UChar32 code_point_at(std::string_view utf8, std::size_t offset) {
    if (offset >= utf8.size()) return U_SENTINEL;
    int32_t i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_NEXT(reinterpret_cast<const uint8_t*>(utf8.data()), i, static_cast<int32_t>(utf8.size()), c);
    return c;
}

// The code point that ends at byte offset, or U_SENTINEL at the start.
UChar32 code_point_before(std::string_view utf8, std::size_t offset) {
    if (offset == 0) return U_SENTINEL;
    int32_t i = static_cast<int32_t>(offset);
    UChar32 c;
    U8_PREV(reinterpret_cast<const uint8_t*>(utf8.data()), 0, i, c);
    return c;
}

bool is_dash(UChar32 c) { return c == '-' || c == 0x2013 || c == 0x2014; }

// True when offset follows "<space><dash><spaces>".
bool standing_dash_before(std::string_view utf8, std::size_t offset) {
    std::size_t i = offset;
    while (i > 0 && utf8[i - 1] == ' ') --i;
    if (i == offset) return false;
    const UChar32 dash = code_point_before(utf8, i);
    if (!is_dash(dash)) return false;
    const std::size_t dash_start = i - U8_LENGTH(dash);
    return dash_start > 0 && utf8[dash_start - 1] == ' ';
}

// An era abbreviation and its year are one unit for a typist: "พ.ศ. ๒๕๖๔" never splits.
bool follows_era_abbreviation(std::string_view utf8, std::size_t offset) {
    std::string_view before = utf8.substr(0, offset);
    while (!before.empty() && before.back() == ' ') before.remove_suffix(1);
    for (std::string_view era : {"พ.ศ.", "ค.ศ.", "ร.ศ.", "จ.ศ."})
        if (before.size() >= era.size() && before.substr(before.size() - era.size()) == era) return true;
    return false;
}

// Thai rules ICU's line iterator does not know: whether a soft break ICU found at offset may be kept.
bool thai_rules_allow_break(std::string_view utf8, std::size_t offset) {
    const UChar32 next = code_point_at(utf8, offset);
    const UChar32 previous = code_point_before(utf8, offset);
    if (next == kMaiYamok || is_closing_punctuation(next)) return false;
    // A dash standing between spaces (การยืม - คืน, ๒๕๕๘ - ๒๕๖๔) keeps both its neighbours: a line starting with
    // it looks typed by a machine, and one ending with it is taken for a hyphenated word by readers (poppler
    // joins the lines and drops the dash).
    if (is_dash(next) && code_point_at(utf8, offset + U8_LENGTH(next)) == ' ') return false;
    if (standing_dash_before(utf8, offset)) return false;
    if (u_isdigit(next) && follows_era_abbreviation(utf8, offset)) return false;
    // ฯ closing an abbreviation (กรุงเทพฯ) belongs to its word; ฯ opening one after a space (ฯพณฯ) does not.
    if (next == kPaiyannoi && !is_space(previous)) return false;
    if (is_opening_punctuation(previous)) return false;
    return true;
}

// Visits every boundary the iterator finds in utf8 after 0 (offsets are bytes since the UText is UTF-8).
template <typename Visit>
void for_each_boundary_with(icu::BreakIterator& iterator, std::string_view utf8, Visit visit) {
    if (utf8.empty()) return;
    UTextPtr text = open_utf8(utf8);
    UErrorCode status = U_ZERO_ERROR;
    iterator.setText(text.get(), status);
    check(status, "BreakIterator::setText");
    iterator.first();
    for (int32_t boundary = iterator.next(); boundary != icu::BreakIterator::DONE; boundary = iterator.next()) {
        visit(static_cast<std::size_t>(boundary));
    }
}

// The same with a clone of the prototype: ICU iterators are not shareable, and the breaker is.
template <typename Visit>
void for_each_boundary(icu::BreakIterator& prototype, std::string_view utf8, Visit visit) {
    if (utf8.empty()) return;
    std::unique_ptr<icu::BreakIterator> iterator(prototype.clone());
    if (!iterator) throw std::runtime_error("ICU: cannot clone a break iterator");
    for_each_boundary_with(*iterator, utf8, visit);
}

// Whether the UAX #14 class of c (a mark taking its base's, which the caller gives) is one no rule reaches past
// spaces for: letters, Thai (SA) and digits.
bool is_plain_letter(UChar32 c) {
    switch (u_getIntPropertyValue(c, UCHAR_LINE_BREAK)) {
    case U_LB_ALPHABETIC: case U_LB_COMPLEX_CONTEXT: case U_LB_NUMERIC: case U_LB_HEBREW_LETTER:
        return true;
    default:
        return false;
    }
}

bool is_mark(UChar32 c) { return (U_GET_GC_MASK(c) & (U_GC_MN_MASK | U_GC_MC_MASK | U_GC_ME_MASK)) != 0; }

// Where utf8 may be cut for LineBreakCache: after each run of spaces whose neighbours are plain letters (the one
// before skipping back over marks to its base; the one after not a mark). Ends with utf8.size().
std::vector<std::size_t> word_ends(std::string_view utf8) {
    std::vector<std::size_t> ends;
    for (std::size_t space = utf8.find(' '); space != std::string_view::npos; space = utf8.find(' ', space)) {
        const std::size_t after = std::min(utf8.find_first_not_of(' ', space), utf8.size());
        const UChar32 next = code_point_at(utf8, after);
        std::size_t at = space;
        UChar32 before = code_point_before(utf8, at);
        while (before >= 0 && is_mark(before)) {
            at -= U8_LENGTH(before);
            before = code_point_before(utf8, at);
        }
        if (before >= 0 && next >= 0 && is_plain_letter(before) && !is_mark(next) && is_plain_letter(next))
            ends.push_back(after);
        space = after;
    }
    ends.push_back(utf8.size());
    return ends;
}

}  // namespace

struct LineBreakCache::Impl {
    explicit Impl(std::size_t max_breaks) : words(max_breaks) {}
    detail::GenerationalCache<std::vector<std::uint32_t>> words;  // ICU's boundaries in the word, after 0
    std::unique_ptr<icu::BreakIterator> iterator;                 // this worker's clone
};

LineBreakCache::LineBreakCache(std::size_t max_breaks) : impl_(std::make_unique<Impl>(max_breaks)) {}
LineBreakCache::~LineBreakCache() = default;
std::size_t LineBreakCache::hits() const { return impl_->words.hits(); }
std::size_t LineBreakCache::misses() const { return impl_->words.misses(); }

struct ThaiLineBreaker::Impl {
    std::unique_ptr<icu::BreakIterator> lines;
    std::unique_ptr<icu::BreakIterator> clusters;
};

ThaiLineBreaker::ThaiLineBreaker() : impl_(std::make_unique<Impl>()) {
    const icu::Locale thai("th");
    UErrorCode status = U_ZERO_ERROR;
    impl_->lines.reset(icu::BreakIterator::createLineInstance(thai, status));
    check(status, "BreakIterator::createLineInstance(th)");
    status = U_ZERO_ERROR;
    impl_->clusters.reset(icu::BreakIterator::createCharacterInstance(thai, status));
    check(status, "BreakIterator::createCharacterInstance(th)");
}

ThaiLineBreaker::~ThaiLineBreaker() = default;

std::vector<Breakpoint> ThaiLineBreaker::breakpoints(std::string_view utf8, LineBreakCache* cache) const {
    std::vector<Breakpoint> result;
    auto keep = [&](std::size_t offset) {
        // Not ICU's rule status: it gives the dictionary breaks of a Thai run the status of the boundary ending the
        // run, so "บรรทัดแรก\n" would report บรรทัด|แรก as hard too.
        if (is_hard_line_break(code_point_before(utf8, offset))) {
            result.push_back({offset, BreakKind::mandatory});
        } else if (offset == utf8.size() || thai_rules_allow_break(utf8, offset)) {
            result.push_back({offset, BreakKind::allowed});
        }
    };
    if (!cache) {
        for_each_boundary(*impl_->lines, utf8, keep);
        return result;
    }
    LineBreakCache::Impl& words = *cache->impl_;
    std::size_t begin = 0;
    for (std::size_t end : word_ends(utf8)) {
        const std::string_view word = utf8.substr(begin, end - begin);
        const std::string key(word);
        const std::vector<std::uint32_t>* found = words.words.find(key);
        if (!found) {
            std::vector<std::uint32_t> boundaries;
            if (!words.iterator) words.iterator.reset(impl_->lines->clone());
            if (!words.iterator) throw std::runtime_error("ICU: cannot clone a break iterator");
            for_each_boundary_with(*words.iterator, word,
                                   [&](std::size_t offset) { boundaries.push_back(std::uint32_t(offset)); });
            const std::size_t weight = boundaries.size() + 1;
            found = &words.words.put(key, std::move(boundaries), weight);
        }
        for (std::uint32_t offset : *found) keep(begin + offset);
        begin = end;
    }
    return result;
}

std::vector<std::size_t> ThaiLineBreaker::cluster_boundaries(std::string_view utf8) const {
    std::vector<std::size_t> result;
    for_each_boundary(*impl_->clusters, utf8, [&](std::size_t offset) {
        // ICU's grapheme rules split ฤ|ๅ (ๅ is a letter, not a mark), but the pair is a single vowel.
        const UChar32 previous = code_point_before(utf8, offset);
        if (code_point_at(utf8, offset) == kLakkhangyao && (previous == kRue || previous == kLue)) return;
        result.push_back(offset);
    });
    return result;
}

}  // namespace saraban::layout
