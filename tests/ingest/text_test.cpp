// clean_text / to_nfc / is_clean_text: the byte-level shortcut for ASCII and Thai text must agree with ICU's NFC
// (after ◌ํ + า is made ำ) and the plain whitespace rule on every string, including marks typed out of order and
// characters it leaves to ICU. find_bad_character: what a cell may not hold.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "ingest/text.h"

using namespace saraban;

namespace {

// ◌ํ (U+0E4D), any tone marks (U+0E48–U+0E4B), า (U+0E32) → the tone marks and ำ (U+0E33), on UTF-16 units.
icu::UnicodeString reference_sara_am(const icu::UnicodeString& u) {
    icu::UnicodeString out;
    for (int32_t i = 0; i < u.length(); ++i) {
        int32_t aa = i + 1;
        while (u[i] == 0x0E4D && aa < u.length() && u[aa] >= 0x0E48 && u[aa] <= 0x0E4B) ++aa;
        if (u[i] == 0x0E4D && aa < u.length() && u[aa] == 0x0E32) {
            out.append(u, i + 1, aa - i - 1).append(char16_t(0x0E33));
            i = aa;
        } else {
            out.append(u[i]);
        }
    }
    return out;
}

// What to_nfc means, spelt out the slow way: ◌ํ + า made ำ, then ICU NFC.
std::string reference_nfc(const std::string& raw) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::Normalizer2::getNFCInstance(status)->normalize(
        reference_sara_am(icu::UnicodeString::fromUTF8(raw)), status);
    std::string s;
    u.toUTF8String(s);
    return s;
}

// What clean_text means: reference_nfc, then whitespace runs (ASCII, NBSP, ZWSP, U+3000) made one space, trimmed.
std::string reference_clean(const std::string& raw) {
    std::string s = reference_nfc(raw);
    std::string out;
    bool pending = false;
    for (std::size_t i = 0; i < s.size();) {
        std::size_t n = 0;
        if (std::string_view(" \t\n\r\f\v").find(s[i]) != std::string_view::npos) n = 1;
        else if (s.compare(i, 2, "\xC2\xA0") == 0) n = 2;
        else if (s.compare(i, 3, "\xE2\x80\x8B") == 0 || s.compare(i, 3, "\xE3\x80\x80") == 0) n = 3;
        if (n) {
            pending = !out.empty();
            i += n;
            continue;
        }
        if (pending) out += ' ';
        pending = false;
        out += s[i++];
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_text)

BOOST_AUTO_TEST_CASE(thai_marks_typed_in_either_order_come_out_the_same) {
    // ก + tone mark (U+0E48, class 107) + sara u (U+0E39, class 103): NFC puts the vowel first.
    BOOST_TEST(ingest::clean_text("ก\u0E48\u0E39") == "ก\u0E39\u0E48");
    BOOST_TEST(!ingest::is_clean_text("ก\u0E48\u0E39"));
    BOOST_TEST(ingest::is_clean_text("ผู้อำนวยการ สลก."));
    BOOST_TEST(ingest::clean_text("  สำนักงาน\t\tเลขานุการกรม \u00A0") == "สำนักงาน เลขานุการกรม");
    BOOST_TEST(ingest::to_nfc("e\u0301") == "\u00E9");  // not Thai: ICU decides
}

BOOST_AUTO_TEST_CASE(the_shortcut_agrees_with_icu_on_random_thai_and_ascii) {
    // Thai letters, vowels, all the marks (classes 0, 9, 103, 107), an unassigned code point, digits, ASCII,
    // whitespace of every kind clean_text knows, a Latin combining accent and a precomposed letter; ◌ํ and า
    // (twice each, alone and together) for ำ as PDFs store it, with and without tone marks between.
    const std::vector<std::string> pieces = {
        "ก", "ผ", "ญ", "อ", "\u0E31", "\u0E33", "\u0E34", "\u0E37", "\u0E38", "\u0E39", "\u0E3A", "\u0E3B",
        "\u0E47", "\u0E48", "\u0E49", "\u0E4B", "\u0E4C", "\u0E4E", "\u0E50", "\u0E5B", "\u0E5C", "เ", "a", "Z",
        "1", ".", " ", "  ", "\t", "\n", "\u00A0", "\u200B", "\u3000", "\u0301", "\u00E9", "_",
        "\u0E4D", "\u0E4D", "\u0E32", "\u0E32", "\u0E4D\u0E32", "\u0E4D\u0E49"};
    std::mt19937 random(20261129);
    for (int n = 0; n < 20000; ++n) {
        std::string s;
        const int length = int(random() % 8);
        for (int i = 0; i < length; ++i) s += pieces[random() % pieces.size()];
        const std::string expected = reference_clean(s);
        BOOST_TEST_REQUIRE(ingest::clean_text(s) == expected, "clean_text of \"" << s << "\"");
        BOOST_TEST_REQUIRE(ingest::is_clean_text(s) == (expected == s), "is_clean_text of \"" << s << "\"");
        BOOST_TEST_REQUIRE(ingest::to_nfc(s) == reference_nfc(s), "to_nfc of \"" << s << "\"");
    }
}

BOOST_AUTO_TEST_CASE(sara_am_copied_from_a_pdf_is_sara_am) {
    const std::string status = "อยู่ระหว่างดำเนินการ";
    const std::string from_pdf = "อยู่ระหว่างด\u0E4D\u0E32เนินการ";  // looks the same
    BOOST_TEST(ingest::to_nfc(from_pdf) == status);
    BOOST_TEST(ingest::clean_text(" " + from_pdf + " ") == status);
    BOOST_TEST(!ingest::is_clean_text(from_pdf));
    BOOST_TEST(ingest::name_key(from_pdf) == status);
    // A tone mark between ◌ํ and า goes before ำ, as NFC has "น้ำ"; one before ◌ํ is already there.
    BOOST_TEST(ingest::clean_text("น\u0E4D\u0E49\u0E32") == "น\u0E49\u0E33");
    BOOST_TEST(ingest::clean_text("น\u0E49\u0E4D\u0E32") == "น\u0E49\u0E33");
    BOOST_TEST(ingest::clean_text("ก\u0E4D\u0E48\u0E49\u0E32") == "ก\u0E48\u0E49\u0E33");
    // ◌ํ alone (Pali, Sanskrit) or before anything but า stays.
    BOOST_TEST(ingest::clean_text("สํ") == "สํ");
    BOOST_TEST(ingest::is_clean_text("สํ"));
    BOOST_TEST(ingest::clean_text("ก\u0E4D\u0E48ก") == "ก\u0E4D\u0E48ก");
    BOOST_TEST(ingest::clean_text("ก\u0E4D \u0E32") == "ก\u0E4D \u0E32");
}

BOOST_AUTO_TEST_CASE(ill_formed_utf8_is_left_to_icu_and_kept) {
    const std::string broken = "ก\xE0\xB8";  // a Thai letter cut in half
    BOOST_TEST(ingest::to_nfc(broken) == broken);
    BOOST_TEST(!ingest::clean_text(broken).empty());
}

BOOST_AUTO_TEST_CASE(bad_characters_are_found_with_their_place) {
    for (const std::string ok : {"", "ลำดับ", "a\tb\r\nc", "\u00A0\u0E33\u00E9 😀", "\u00A0"})
        BOOST_TEST(!ingest::find_bad_character(ok), ok);
    // The first of several, counted in characters; a DEL and a C1 control (U+0085) are control characters.
    auto bel = ingest::find_bad_character("ลำดับ\a\x1B\xFF");
    BOOST_TEST_REQUIRE(bel.has_value());
    BOOST_TEST(!bel->ill_formed);
    BOOST_TEST(unsigned(bel->code_point) == 7u);
    BOOST_TEST(bel->position == 6u);
    BOOST_TEST(bel->before == "ลำดับ");
    BOOST_TEST(unsigned(ingest::find_bad_character("\x7F")->code_point) == 0x7Fu);
    BOOST_TEST(unsigned(ingest::find_bad_character("x\u0085")->code_point) == 0x85u);
    BOOST_TEST(ingest::find_bad_character(std::string("ab\0", 3))->position == 3u);
    auto byte = ingest::find_bad_character("ก\xE0\xB8");  // a Thai letter cut in half
    BOOST_TEST_REQUIRE(byte.has_value());
    BOOST_TEST(byte->ill_formed);
    BOOST_TEST(unsigned(byte->byte) == 0xE0u);
    BOOST_TEST(byte->position == 2u);
    // Ten characters before it, more when the tenth is a mark, line breaks as spaces.
    BOOST_TEST(ingest::find_bad_character("0123456789abc\a")->before == "3456789abc");
    BOOST_TEST(ingest::find_bad_character("xตั้123456789\a")->before == "ตั้123456789");
    BOOST_TEST(ingest::find_bad_character("a\r\nb\x1B")->before == "a  b");
}

BOOST_AUTO_TEST_CASE(bad_character_messages) {
    BOOST_TEST(ingest::bad_character_message(*ingest::find_bad_character("๐ ๒๒๖๕\x1B")) ==
               "มีอักขระควบคุม U+001B (ESC) ที่อักขระที่ 7 ต่อจาก \"๐ ๒๒๖๕\" ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก "
               "(a control character U+001B (ESC) at character 7, after \"๐ ๒๒๖๕\": it cannot be seen or printed; "
               "delete it)");
    BOOST_TEST(ingest::bad_character_message(*ingest::find_bad_character("\xFF\xFEก")) ==
               "ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ 0xFF ที่อักขระที่ 1 ให้พิมพ์ข้อความในเซลล์นี้ใหม่ (invalid UTF-8: byte 0xFF "
               "at character 1; retype the cell's text)");
    BOOST_TEST(ingest::bad_character_message(*ingest::find_bad_character("\xC2\x9F")).find("U+009F at character 1:") !=
               std::string::npos);
}

BOOST_AUTO_TEST_SUITE_END()
