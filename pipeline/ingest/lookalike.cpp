#include "ingest/lookalike.h"

#include <algorithm>
#include <cstdio>

#include <unicode/uchar.h>
#include <unicode/uscript.h>
#include <unicode/unistr.h>

namespace saraban::ingest {
namespace {

struct ScriptName {
    UScriptCode code;
    const char* english;
    const char* thai;
};

constexpr ScriptName foreign_scripts[] = {
    {USCRIPT_CYRILLIC, "Cyrillic", "อักษรซีริลลิก"},
    {USCRIPT_GREEK, "Greek", "อักษรกรีก"},
    {USCRIPT_LATIN, "Latin", "อักษรละติน"},
};

UScriptCode script_of(UChar32 c) {
    UErrorCode status = U_ZERO_ERROR;
    UScriptCode script = uscript_getScript(c, &status);
    return U_SUCCESS(status) ? script : USCRIPT_INVALID_CODE;
}

const ScriptName* foreign_letter_script(UChar32 c) {
    if (!u_isalpha(c)) return nullptr;
    UScriptCode script = script_of(c);
    for (const ScriptName& s : foreign_scripts)
        if (s.code == script) return &s;
    return nullptr;
}

// A Thai consonant or vowel letter (not a tone mark, digit or punctuation).
bool is_thai_letter(UChar32 c) { return u_isalpha(c) && script_of(c) == USCRIPT_THAI; }

std::string utf8_of(const std::u32string& s) {
    icu::UnicodeString u = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(s.data()),
                                                          std::int32_t(s.size()));
    std::string out;
    u.toUTF8String(out);
    return out;
}

std::vector<std::u32string> words_of(std::string_view utf8) {
    icu::UnicodeString text = icu::UnicodeString::fromUTF8(icu::StringPiece(utf8.data(), std::int32_t(utf8.size())));
    std::vector<std::u32string> words(1);
    for (std::int32_t i = 0; i < text.length(); i = text.moveIndex32(i, 1)) {
        UChar32 c = text.char32At(i);
        if (u_isUWhiteSpace(c) || c == 0x200B) {  // U+200B: the zero-width space Thai uses between words
            if (!words.back().empty()) words.emplace_back();
        } else {
            words.back() += char32_t(c);
        }
    }
    return words;
}

// The foreign letters of one word that touch a Thai letter.
void find_in_word(const std::u32string& word, std::vector<Lookalike>& found) {
    for (std::size_t start = 0; start < word.size();) {
        const ScriptName* script = foreign_letter_script(UChar32(word[start]));
        if (!script) {
            ++start;
            continue;
        }
        std::size_t end = start + 1;  // the run of letters of this script
        while (end < word.size() && foreign_letter_script(UChar32(word[end])) == script) ++end;
        bool touches_thai = (start > 0 && is_thai_letter(UChar32(word[start - 1]))) ||
                            (end < word.size() && is_thai_letter(UChar32(word[end])));
        bool slip = script->code != USCRIPT_LATIN || end - start == 1;
        for (std::size_t i = start; touches_thai && slip && i < end; ++i) {
            Lookalike l{word[i], utf8_of(std::u32string(1, word[i])), script->english, utf8_of(word)};
            bool seen = std::any_of(found.begin(), found.end(), [&](const Lookalike& f) {
                return f.code_point == l.code_point && f.word == l.word;
            });
            if (!seen) found.push_back(std::move(l));
        }
        start = end;
    }
}

// A cheap test on the bytes, before the scan by code point: whether some stretch between ASCII whitespace (which
// never lies inside a word) holds a character of the Thai block (U+0E00–U+0E7F, E0 B8 80–E0 B9 BF) and an ASCII
// letter or any other non-ASCII character. Without both no foreign letter can touch a Thai letter: most cells are
// all Thai, digits and punctuation, or all English, and need no Unicode properties at all.
bool may_mix_scripts(std::string_view utf8) {
    bool thai = false, other = false;
    const auto* end = reinterpret_cast<const unsigned char*>(utf8.data()) + utf8.size();
    for (const auto* p = reinterpret_cast<const unsigned char*>(utf8.data()); p < end;) {
        if (*p == 0xE0 && end - p >= 3 && (p[1] == 0xB8 || p[1] == 0xB9) && (p[2] & 0xC0) == 0x80) {
            thai = true;
            p += 3;
        } else if (*p == ' ' || (*p >= '\t' && *p <= '\r')) {
            thai = other = false;
            ++p;
        } else {
            other = other || *p >= 0x80 || (*p >= 'A' && *p <= 'Z') || (*p >= 'a' && *p <= 'z');
            ++p;
        }
        if (thai && other) return true;
    }
    return false;
}

const ScriptName& script_named(const std::string& english) {
    for (const ScriptName& s : foreign_scripts)
        if (english == s.english) return s;
    return foreign_scripts[0];
}

}  // namespace

std::vector<Lookalike> find_lookalikes(std::string_view utf8) {
    std::vector<Lookalike> found;
    if (!may_mix_scripts(utf8)) return found;
    for (const std::u32string& word : words_of(utf8)) find_in_word(word, found);
    return found;
}

std::string lookalike_message(const Lookalike& found) {
    char code[16];
    std::snprintf(code, sizeof code, "U+%04X", unsigned(found.code_point));
    char name[128] = "";
    UErrorCode status = U_ZERO_ERROR;
    u_charName(UChar32(found.code_point), U_UNICODE_CHAR_NAME, name, sizeof name, &status);
    const ScriptName& script = script_named(found.script);
    return std::string("ตัวอักษร \"") + found.letter + "\" (" + code + ") เป็น" + script.thai + " ปนอยู่ในคำไทย \"" +
           found.word + "\" ควรเป็นอักษรไทย (a " + script.english + " letter \"" + found.letter + "\" (" + code +
           (U_SUCCESS(status) && *name ? std::string(" ") + name : std::string()) + ") inside the Thai word \"" +
           found.word + "\": a look-alike typed or scanned by mistake? expected a Thai letter)";
}

}  // namespace saraban::ingest
