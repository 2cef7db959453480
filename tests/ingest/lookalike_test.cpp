// find_lookalikes: letters of other scripts inside Thai words, and the English that is left alone.
#include <boost/test/unit_test.hpp>

#include <string>

#include "ingest/lookalike.h"

using namespace saraban;

namespace {

// "н U+043D in สบн." lines for what was found.
std::string found_in(std::string_view text) {
    std::string out;
    for (const auto& l : ingest::find_lookalikes(text)) {
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(l.code_point));
        out += l.letter + " " + code + " " + l.script + " in " + l.word + "\n";
    }
    return out;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_lookalike)

BOOST_AUTO_TEST_CASE(cyrillic_and_greek_letters_in_thai_words_are_found) {
    BOOST_TEST(found_in("ของ สบн. ปีงบประมาณ") == "н U+043D Cyrillic in สบн.\n");
    BOOST_TEST(found_in("บุคลากร สบн. และ สบн. อีกครั้ง") == "н U+043D Cyrillic in สบн.\n");  // once per word
    BOOST_TEST(found_in("οงค์กร") == "ο U+03BF Greek in οงค์กร\n");                           // omicron for อ
    BOOST_TEST(found_in("กรмн") == "м U+043C Cyrillic in กรмн\nн U+043D Cyrillic in กรмн\n");
}

BOOST_AUTO_TEST_CASE(a_single_latin_letter_against_thai_is_found_but_english_words_are_not) {
    BOOST_TEST(found_in("สบn.") == "n U+006E Latin in สบn.\n");
    BOOST_TEST(found_in("โดยใช้ QR Code และ E-form") == "");
    BOOST_TEST(found_in("ระบบQR") == "");          // an English word written against Thai
    BOOST_TEST(found_in("ใช้E-form") == "");       // next to a tone mark, not a letter
    BOOST_TEST(found_in("Привет мир") == "");      // no Thai letter in the word
    BOOST_TEST(found_in("สำนักงาน ๑๒ (ITA)") == "");
}

BOOST_AUTO_TEST_CASE(message_names_the_letter_and_its_code_point) {
    auto found = ingest::find_lookalikes("สบн.");
    BOOST_TEST_REQUIRE(found.size() == 1u);
    BOOST_TEST(ingest::lookalike_message(found[0]) ==
               "ตัวอักษร \"н\" (U+043D) เป็นอักษรซีริลลิก ปนอยู่ในคำไทย \"สบн.\" ควรเป็นอักษรไทย (a Cyrillic letter \"н\" "
               "(U+043D CYRILLIC SMALL LETTER EN) inside the Thai word \"สบн.\": a look-alike typed or scanned by "
               "mistake? expected a Thai letter)");
}

BOOST_AUTO_TEST_SUITE_END()
