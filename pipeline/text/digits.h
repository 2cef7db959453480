// Thai digits (๐–๙) and ASCII digits (0–9), each way: one converter for every stage (reading numbers typed in Thai
// digits, writing memos in them, dates, page numbers). Everything else in the text is left as it is.
#pragma once

#include <string>
#include <string_view>

namespace saraban::text {

// ๐–๙ → 0–9: "๙๖.๒๙" → "96.29".
std::string arabic_digits(std::string_view utf8);

// 0–9 → ๐–๙: "ข้อ 5.1" → "ข้อ ๕.๑".
std::string thai_digits(std::string_view utf8);

}  // namespace saraban::text
