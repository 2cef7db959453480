// Thai and ASCII digits, each way: the one converter every stage uses (text/digits.h).
#include <boost/test/unit_test.hpp>

#include "text/digits.h"
#include "text/utf8.h"

namespace text = saraban::text;

BOOST_AUTO_TEST_SUITE(text_digits)

BOOST_AUTO_TEST_CASE(digits_each_way_and_nothing_else) {
    BOOST_TEST(text::arabic_digits("กค ๐๙๐๑/สลก./๙๔๒") == "กค 0901/สลก./942");
    BOOST_TEST(text::thai_digits("ข้อ 5.1 ปี 2564") == "ข้อ ๕.๑ ปี ๒๕๖๔");
    BOOST_TEST(text::arabic_digits(text::thai_digits("0123456789")) == "0123456789");
    BOOST_TEST(text::arabic_digits("\xE0\xB9") == "\xE0\xB9");  // a cut-off sequence is left as it is
    BOOST_TEST(text::arabic_digits("๚") == "๚");                 // U+0E5A, just past ๙, is no digit
}

BOOST_AUTO_TEST_CASE(code_points_round_trip_through_utf8) {
    std::string out;
    for (std::uint32_t cp : {0x41u, 0xE9u, 0x0E33u, 0x1F680u}) text::append_utf8(out, cp);
    BOOST_TEST(out == "Aéำ🚀");
    std::size_t i = 0;
    BOOST_TEST(text::next_code_point(out, i) == 0x41u);
    BOOST_TEST(text::next_code_point(out, i) == 0xE9u);
    BOOST_TEST(text::next_code_point(out, i) == 0x0E33u);
    BOOST_TEST(text::next_code_point(out, i) == 0x1F680u);
    BOOST_TEST(i == out.size());
}

BOOST_AUTO_TEST_SUITE_END()
