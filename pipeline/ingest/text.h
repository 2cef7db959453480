// Text helpers shared by the readers: how ingest normalises what it reads, so that the .xlsx reader, the CSV
// reader and the report reader agree on what "the same text" means.
#pragma once

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace saraban::ingest {

// Unicode NFC (Thai vowels and tone marks typed in either order come out the same), with สระอำ copied from a PDF as
// ◌ํ + า (or ◌ํ + tone mark + า) made ำ (tone mark + ำ), as it looks. Invalid UTF-8 is returned as is.
std::string to_nfc(std::string s);

// NFC, trimmed, every run of whitespace (including NBSP and the zero-width space) made one space: how the model
// stores strings.
std::string clean_text(std::string_view raw);

// Whether clean_text(raw) == raw, decided without a copy for ASCII and Thai text.
bool is_clean_text(std::string_view raw);

// For matching names: clean_text, Latin lower case, and "_" the same as a space (fiscal_year = fiscal year).
std::string name_key(std::string_view raw);

// The first character a cell may not hold: a byte that is not UTF-8, or a control character other than tab, line
// feed and carriage return (C0, DEL, and C1 U+0080–U+009F). The outputs would show them as mojibake or nothing, or
// cut the text at them.
struct BadCharacter {
    bool ill_formed = false;    // a byte that is not UTF-8; else a control character
    unsigned char byte = 0;     // the byte that is not UTF-8
    char32_t code_point = 0;    // the control character
    std::size_t position = 0;   // 1-based, in characters of the text
    std::string before;         // the few characters before it (line breaks and tabs as spaces), to find it by
};

// The first bad character of text (at most 2 GiB), or nullopt when there is none.
std::optional<BadCharacter> find_bad_character(std::string_view text);

// "มีอักขระควบคุม U+0007 (BEL) ที่อักขระที่ 5 ต่อจาก "ลำดับ" … (a control character U+0007 (BEL) at character 5,
// after "ลำดับ": …)", or for a byte that is not UTF-8 "ข้อความไม่ใช่ UTF-8 … (invalid UTF-8: byte 0xFF at …)".
std::string bad_character_message(const BadCharacter& bad);

// A number written as text: Arabic or Thai digits, optional sign, decimal point and thousands commas.
std::optional<double> parse_number_text(std::string_view raw);

// x rounded to 15 significant digits, the precision Excel and Google Sheets show: a formula's 96.29000000000001 or
// 0.30000000000000004, as written in the file, becomes 96.29 or 0.3, the number the user sees in the cell.
double to_shown_precision(double x);

// The shortest text that reads back as x: "100", "96.29".
std::string format_number(double x);

}  // namespace saraban::ingest
