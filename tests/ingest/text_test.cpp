// clean_text / to_nfc / is_clean_text: the byte-level shortcut for ASCII and Thai text must agree with ICU's NFC
// and the plain whitespace rule on every string, including marks typed out of order and characters it leaves to ICU.
#include <boost/test/unit_test.hpp>

#include <random>
#include <string>
#include <vector>

#include <unicode/normalizer2.h>
#include <unicode/unistr.h>

#include "ingest/text.h"

using namespace saraban;

namespace {

// What clean_text means, spelt out the slow way: ICU NFC, then whitespace runs (ASCII, NBSP, ZWSP, U+3000) made
// one space, trimmed.
std::string reference_clean(const std::string& raw) {
    UErrorCode status = U_ZERO_ERROR;
    const icu::Normalizer2* nfc = icu::Normalizer2::getNFCInstance(status);
    icu::UnicodeString u = nfc->normalize(icu::UnicodeString::fromUTF8(raw), status);
    std::string s;
    u.toUTF8String(s);
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

std::string reference_nfc(const std::string& raw) {
    UErrorCode status = U_ZERO_ERROR;
    icu::UnicodeString u = icu::Normalizer2::getNFCInstance(status)->normalize(icu::UnicodeString::fromUTF8(raw), status);
    std::string s;
    u.toUTF8String(s);
    return s;
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
    // whitespace of every kind clean_text knows, a Latin combining accent and a precomposed letter.
    const std::vector<std::string> pieces = {
        "ก", "ผ", "ญ", "อ", "\u0E31", "\u0E33", "\u0E34", "\u0E37", "\u0E38", "\u0E39", "\u0E3A", "\u0E3B",
        "\u0E47", "\u0E48", "\u0E49", "\u0E4B", "\u0E4C", "\u0E4E", "\u0E50", "\u0E5B", "\u0E5C", "เ", "a", "Z",
        "1", ".", " ", "  ", "\t", "\n", "\u00A0", "\u200B", "\u3000", "\u0301", "\u00E9", "_"};
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

BOOST_AUTO_TEST_CASE(ill_formed_utf8_is_left_to_icu_and_kept) {
    const std::string broken = "ก\xE0\xB8";  // a Thai letter cut in half
    BOOST_TEST(ingest::to_nfc(broken) == broken);
    BOOST_TEST(!ingest::clean_text(broken).empty());
}

BOOST_AUTO_TEST_SUITE_END()
