#include "ingest/text.h"

#include "text/digits.h"
#include "text/utf8.h"

#include <array>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>

#include <unicode/normalizer2.h>
#include <unicode/uchar.h>
#include <unicode/unistr.h>
#include <unicode/utf8.h>

namespace saraban::ingest {

namespace {

bool is_ascii_space(unsigned char c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

enum class Verdict { yes, no, unknown };

// Decided on the bytes for ASCII and Thai, what nearly every cell holds: whether s is NFC and, when
// whitespace_too, whether its whitespace is all single spaces between other characters (clean_text(s) == s).
// These characters are all NFC_Quick_Check=Yes and none composes with another, so the text is NFC when no
// combining mark follows one of a higher combining class (UAX #15, "Detecting Normalization Forms"): a tone mark
// (107) typed before sara u (103) is not. Unknown for other text, ill-formed UTF-8, unassigned Thai code points
// and marks out of order: ICU decides those. Unknown too for ◌ํ + า, which to_nfc makes ำ (compose_sara_am).
Verdict ascii_or_thai_verdict(std::string_view s, bool whitespace_too) {
    // The canonical combining class of U+0E00–U+0E7F (UTF-8 E0 B8 80–E0 B9 BF) by code point − U+0E00, or -1
    // where unassigned.
    static constexpr auto thai_ccc = [] {
        std::array<signed char, 128> ccc{};
        for (int c = 0; c < 128; ++c) {
            if (c == 0x00 || (c >= 0x3B && c <= 0x3E) || c >= 0x5C) ccc[c] = -1;
            if (c == 0x38 || c == 0x39) ccc[c] = 103;  // sara u, sara uu
            if (c == 0x3A) ccc[c] = 9;                  // phinthu
            if (c >= 0x48 && c <= 0x4B) ccc[c] = 107;   // the four tone marks
        }
        return ccc;
    }();
    int previous = 0;
    bool misfit = false;  // an unassigned code point, marks out of order, or ◌ํ + า for ำ
    bool after_nikhahit = false;  // U+0E4D, then only tone marks so far
    const auto* begin = reinterpret_cast<const unsigned char*>(s.data());
    const auto* end = begin + s.size();
    for (const auto* p = begin; p < end;) {
        if (*p == 0xE0 && end - p >= 3) {
            unsigned lead = p[1] - 0xB8u, trail = p[2] - 0x80u;  // 0–1 and 0–63 in the Thai block
            if ((lead >> 1 | trail >> 6) != 0) return Verdict::unknown;
            unsigned offset = lead << 6 | trail;
            int ccc = thai_ccc[offset];
            misfit |= (ccc < 0) | ((ccc != 0) & (previous > ccc)) |  // no branch: marks follow no pattern
                      (after_nikhahit & (offset == 0x32));
            after_nikhahit = (offset == 0x4D) | (after_nikhahit & (ccc == 107));
            previous = ccc;
            p += 3;
            continue;
        }
        if (*p >= 0x80) return Verdict::unknown;
        // Whatever the rest holds, clean_text leaves no ASCII whitespace but single spaces between words.
        if (whitespace_too && is_ascii_space(*p) && (*p != ' ' || p == begin || p + 1 == end || is_ascii_space(p[1])))
            return Verdict::no;
        previous = 0;
        after_nikhahit = false;
        ++p;
    }
    return misfit ? Verdict::unknown : Verdict::yes;
}

// สระอำ as text copied from a PDF stores it: ◌ํ (U+0E4D) + า (U+0E32), maybe with tone marks between (◌ํ + ◌่ + า),
// made U+0E33 after the tone marks (◌่ + ำ, the order NFC gives "น้ำ"). NFC leaves them: U+0E33 decomposes only
// for compatibility. Done before NFC, which makes no ◌ํ + า, so that NFC puts the moved tone marks in order.
std::string compose_sara_am(std::string s) {
    constexpr std::string_view nikhahit = "\xE0\xB9\x8D", sara_aa = "\xE0\xB8\xB2", sara_am = "\xE0\xB8\xB3";
    std::size_t at = s.find(nikhahit);
    if (at == std::string::npos) return s;
    auto tone_at = [&](std::size_t i) {  // U+0E48–U+0E4B: E0 B9 88–8B
        return i + 3 <= s.size() && s[i] == '\xE0' && s[i + 1] == '\xB9' && (s[i + 2] & 0xFC) == 0x88;
    };
    std::string out;
    out.reserve(s.size());
    std::size_t copied = 0;
    for (; at != std::string::npos; at = s.find(nikhahit, at)) {
        std::size_t aa = at + nikhahit.size();
        while (tone_at(aa)) aa += 3;
        if (s.compare(aa, sara_aa.size(), sara_aa) != 0) {
            at += nikhahit.size();
            continue;
        }
        out.append(s, copied, at - copied);
        out.append(s, at + nikhahit.size(), aa - at - nikhahit.size());  // the tone marks
        out += sara_am;
        copied = at = aa + sara_aa.size();
    }
    out.append(s, copied);
    return out;
}

// Length in bytes of a whitespace character at s[i] (ASCII space/tab/newline, NBSP, zero-width space), else 0.
std::size_t whitespace_at(std::string_view s, std::size_t i) {
    switch (static_cast<unsigned char>(s[i])) {
        case ' ': case '\t': case '\n': case '\r': case '\f': case '\v': return 1;
        case 0xC2: return s.substr(i, 2) == "\xC2\xA0" ? 2 : 0;      // U+00A0 no-break space
        case 0xE2: return s.substr(i, 3) == "\xE2\x80\x8B" ? 3 : 0;  // U+200B zero-width space (Thai word breaks)
        case 0xE3: return s.substr(i, 3) == "\xE3\x80\x80" ? 3 : 0;  // U+3000 ideographic space
        default: return 0;
    }
}

bool is_refused_control(UChar32 c) {
    return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c >= 0x7F && c <= 0x9F);
}

// Up to ten characters of well-formed s before byte end, longer rather than starting with a combining mark (a
// Thai vowel or tone mark without its letter), line breaks and tabs made spaces: a message stays one line.
std::string context_before(std::string_view s, std::int32_t end) {
    std::int32_t start = end;
    for (int n = 0; start > 0; ++n) {
        if (n >= 10) {
            std::int32_t i = start;
            UChar32 first;
            U8_NEXT(s.data(), i, end, first);
            if (!(U_GET_GC_MASK(first) & U_GC_M_MASK)) break;
        }
        U8_BACK_1(reinterpret_cast<const std::uint8_t*>(s.data()), 0, start);
    }
    std::string out(s.substr(std::size_t(start), std::size_t(end - start)));
    for (char& c : out)
        if (c == '\t' || c == '\n' || c == '\r') c = ' ';
    return out;
}

// "U+0007 (BEL)": the C0 controls and DEL by their short names; C1 controls have none in common use.
std::string control_name(char32_t c) {
    static constexpr std::array<const char*, 32> c0 = {
        "NUL", "SOH", "STX", "ETX", "EOT", "ENQ", "ACK", "BEL", "BS", "HT", "LF", "VT", "FF", "CR", "SO", "SI",
        "DLE", "DC1", "DC2", "DC3", "DC4", "NAK", "SYN", "ETB", "CAN", "EM", "SUB", "ESC", "FS", "GS", "RS", "US"};
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "U+%04X", unsigned(c));
    std::string name = buffer;
    if (c < c0.size()) name += std::string(" (") + c0[c] + ")";
    if (c == 0x7F) name += " (DEL)";
    return name;
}

}  // namespace

std::optional<BadCharacter> find_bad_character(std::string_view text) {
    const auto length = std::int32_t(text.size());
    std::size_t characters = 0;
    for (std::int32_t i = 0; i < length; ++characters) {
        const std::int32_t start = i;
        UChar32 c;
        U8_NEXT(text.data(), i, length, c);
        if (c >= 0 && !is_refused_control(c)) continue;
        BadCharacter bad;
        bad.ill_formed = c < 0;
        bad.byte = static_cast<unsigned char>(text[std::size_t(start)]);
        bad.code_point = c < 0 ? 0 : char32_t(c);
        bad.position = characters + 1;
        bad.before = context_before(text, start);
        return bad;
    }
    return std::nullopt;
}

std::string bad_character_message(const BadCharacter& bad) {
    std::string at_th = "ที่อักขระที่ " + std::to_string(bad.position);
    std::string at_en = "at character " + std::to_string(bad.position);
    if (!bad.before.empty()) {
        at_th += " ต่อจาก \"" + bad.before + "\"";
        at_en += ", after \"" + bad.before + "\"";
    }
    if (bad.ill_formed) {
        char byte[8];
        std::snprintf(byte, sizeof byte, "0x%02X", unsigned(bad.byte));
        return "ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ " + std::string(byte) + " " + at_th + " ให้พิมพ์ข้อความในเซลล์นี้ใหม่ "
               "(invalid UTF-8: byte " + byte + " " + at_en + "; retype the cell's text)";
    }
    std::string name = control_name(bad.code_point);
    return "มีอักขระควบคุม " + name + " " + at_th + " ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character " +
           name + " " + at_en + ": it cannot be seen or printed; delete it)";
}

std::string to_nfc(std::string s) {
    if (ascii_or_thai_verdict(s, false) == Verdict::yes) return s;
    s = compose_sara_am(std::move(s));
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    if (U_FAILURE(status)) return s;
    // Checked on the UTF-8 itself, without a UTF-16 copy. Ill-formed UTF-8 takes the UTF-16 route below, whose
    // U+FFFD substitutes decide what comes out.
    if (text::is_valid_utf8(s) && nfc->isNormalizedUTF8(s, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::UnicodeString::fromUTF8(s);
    if (nfc->isNormalized(u, status) && U_SUCCESS(status)) return s;
    status = U_ZERO_ERROR;
    icu::UnicodeString normalised = nfc->normalize(u, status);
    if (U_FAILURE(status)) return s;
    std::string out;
    normalised.toUTF8String(out);
    return out;
}

std::string clean_text(std::string_view raw) {
    if (ascii_or_thai_verdict(raw, true) == Verdict::yes) return std::string(raw);  // most cells
    std::string s = to_nfc(std::string(raw));
    std::string out;
    out.reserve(s.size());
    bool pending_space = false;
    for (std::size_t i = 0; i < s.size();) {
        if (std::size_t n = whitespace_at(s, i)) {
            pending_space = !out.empty();
            i += n;
            continue;
        }
        if (pending_space) out += ' ';
        pending_space = false;
        out += s[i++];
    }
    return out;
}

bool is_clean_text(std::string_view raw) {
    Verdict verdict = ascii_or_thai_verdict(raw, true);
    return verdict == Verdict::unknown ? clean_text(raw) == raw : verdict == Verdict::yes;
}

std::string name_key(std::string_view raw) {
    std::string s = clean_text(raw);
    bool changed = false;
    for (char& c : s) {
        char key = c >= 'A' && c <= 'Z' ? char(c - 'A' + 'a') : c == '_' ? ' ' : c;
        changed = changed || key != c;
        c = key;
    }
    return changed ? clean_text(s) : s;  // clean_text of clean text is itself
}

std::optional<double> parse_number_text(std::string_view raw) {
    std::string s;
    for (char c : text::arabic_digits(clean_text(raw)))
        if (c != ',' && c != ' ') s += c;
    if (s.empty() || s.find_first_not_of("0123456789.+-eE") != std::string::npos) return std::nullopt;
    if (s.front() == '+') s.erase(0, 1);
    double value = 0;
    auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc() || end != s.data() + s.size()) return std::nullopt;
    return to_shown_precision(value);
}

double to_shown_precision(double x) {
    if (!std::isfinite(x) || x == 0) return x;
    char buffer[64];  // to_chars, unlike printf, ignores the locale's decimal comma
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x, std::chars_format::general, 15);
    double rounded = x;
    if (ec == std::errc()) std::from_chars(buffer, end, rounded);
    return rounded;
}

std::string format_number(double x) {
    if (std::abs(x) < 1e15 && x == std::floor(x)) return std::to_string(static_cast<long long>(x));
    char buffer[64];
    auto [end, ec] = std::to_chars(buffer, buffer + sizeof buffer, x);
    return ec == std::errc() ? std::string(buffer, end) : std::string();
}

}  // namespace saraban::ingest
