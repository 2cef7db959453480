// Mixed-direction text (UAX #9, ICU's ubidi): a Jawi name or a Hebrew word inside a Thai memo. Paragraphs are
// left to right (base level 0): these are Thai memos. Text stays in logical order through shaping and line
// breaking; only a placed line is put in visual order.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

namespace saraban::layout {

// Whether utf8 has a character that gives some text a level other than 0 in a left-to-right paragraph: a
// right-to-left letter (Hebrew, Arabic, N'Ko, ...), an Arabic digit, or an explicit embedding, override or
// isolate. Without one, every level is 0 and layout takes its plain left-to-right path.
bool has_right_to_left(std::string_view utf8);

// The embedding level of each byte of utf8 (that of the character it is part of), by ICU's bidi algorithm with
// base level 0; odd levels read right to left. Empty when has_right_to_left(utf8) is false. A line feed ends a
// bidi paragraph, as UAX #9 says.
std::vector<std::uint8_t> bidi_levels(std::string_view utf8);

// The order in which runs of the given levels (in logical order, as on one line) are drawn left to right:
// result[visual] = logical index (UAX #9 rule L2, ubidi_reorderVisual).
std::vector<std::size_t> visual_order(const std::vector<std::uint8_t>& run_levels);

}  // namespace saraban::layout
