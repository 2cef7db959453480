// Letters of another script hiding in Thai words: "สบн." with a Cyrillic н (U+043D) for น, as OCR and some keyboard
// layouts produce. They look right on screen, but a search for "สบน." misses them and a font may lack them.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace saraban::ingest {

struct Lookalike {
    char32_t code_point = 0;  // U+043D
    std::string letter;       // "н"
    std::string script;       // "Cyrillic", "Greek" or "Latin"
    std::string word;         // the word it sits in, between whitespace: "สบн."
};

// Cyrillic and Greek letters next to a Thai letter in the same word, and single Latin letters next to a Thai
// letter ("สบn."); a Latin word written against Thai ("ระบบQR") is English, not a slip, and is left alone. Each
// (letter, word) pair is listed once, in order of appearance.
std::vector<Lookalike> find_lookalikes(std::string_view utf8);

// "ตัวอักษร "н" (U+043D) … (a Cyrillic letter "н" (U+043D CYRILLIC SMALL LETTER EN) inside the Thai word …)".
std::string lookalike_message(const Lookalike& found);

}  // namespace saraban::ingest
