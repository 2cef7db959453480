#include <boost/test/unit_test.hpp>

#include <ostream>
#include <string>
#include <thread>
#include <vector>

#include "compose/thai_format.h"


using saraban::compose::NumberStyle;
using saraban::model::Date;
namespace compose = saraban::compose;

namespace {
constexpr NumberStyle kAsciiDigits{false};

}  // namespace

BOOST_AUTO_TEST_SUITE(compose_thai_format)

BOOST_AUTO_TEST_CASE(numbers_are_grouped_in_thai_digits) {
    BOOST_TEST(compose::format_number(1250000, 0) == "๑,๒๕๐,๐๐๐");
    BOOST_TEST(compose::format_number(-1234.5, 2) == "-๑,๒๓๔.๕๐");
}

BOOST_AUTO_TEST_CASE(numbers_keep_the_fixed_decimals_asked_for) {
    BOOST_TEST(compose::format_number(95.2, 2) == "๙๕.๒๐");
    BOOST_TEST(compose::format_number(100, 2) == "๑๐๐.๐๐");
    BOOST_TEST(compose::format_number(2.345, 2) == "๒.๓๔");  // half-even, as ICU rounds
}

BOOST_AUTO_TEST_CASE(shortest_numbers_drop_trailing_zeros) {
    BOOST_TEST(compose::format_number_shortest(95.2, 2) == "๙๕.๒");
    BOOST_TEST(compose::format_number_shortest(100, 2) == "๑๐๐");
    BOOST_TEST(compose::format_number_shortest(96.29, 2) == "๙๖.๒๙");
    BOOST_TEST(compose::format_number_shortest(12345.678, 1) == "๑๒,๓๔๕.๗");
}

BOOST_AUTO_TEST_CASE(plain_integers_are_not_grouped) {
    BOOST_TEST(compose::format_plain_integer(2564) == "๒๕๖๔");
    BOOST_TEST(compose::format_plain_integer(1250000, kAsciiDigits) == "1250000");
}

BOOST_AUTO_TEST_CASE(thai_digits_off_gives_ascii_digits) {
    BOOST_TEST(compose::format_number(1250000, 0, kAsciiDigits) == "1,250,000");
    BOOST_TEST(compose::format_number(95.2, 2, kAsciiDigits) == "95.20");
    BOOST_TEST(compose::format_number_shortest(95.2, 2, kAsciiDigits) == "95.2");
    BOOST_TEST(compose::format_date_full({2021, 9, 17}, kAsciiDigits) == "17 กันยายน 2564");
}

BOOST_AUTO_TEST_CASE(digits_in_text_are_mapped_both_ways) {
    BOOST_TEST(compose::thai_digits("ข้อ 5.1 ปี 2564") == "ข้อ ๕.๑ ปี ๒๕๖๔");
    BOOST_TEST(compose::thai_digits("ข้อ 5.1", kAsciiDigits) == "ข้อ 5.1");
    BOOST_TEST(compose::ascii_digits("๙๖.๒๙") == "96.29");
    BOOST_TEST(compose::ascii_digits("ปี ๒๕๖๔ (2021)") == "ปี 2564 (2021)");
    BOOST_TEST(compose::ascii_digits("กค ๐๙๐๑/สลก./๙๔๒") == "กค 0901/สลก./942");
}

BOOST_AUTO_TEST_CASE(dates_are_written_in_the_buddhist_era) {
    BOOST_TEST(compose::format_date_full({2021, 9, 17}) == "๑๗ กันยายน ๒๕๖๔");
    BOOST_TEST(compose::format_date_full({2020, 10, 1}) == "๑ ตุลาคม ๒๕๖๓");
    BOOST_TEST(compose::format_date_short({2021, 9, 17}) == "๑๗ ก.ย. ๖๔");
    BOOST_TEST(compose::format_month_year(9, 2021) == "กันยายน ๒๕๖๔");
    BOOST_TEST(compose::format_month_year(3, 2022) == "มีนาคม ๒๕๖๕");
}

BOOST_AUTO_TEST_CASE(impossible_dates_are_not_formatted) {
    BOOST_CHECK_THROW(compose::format_date_full({2021, 2, 29}), std::invalid_argument);
    BOOST_CHECK_THROW(compose::format_date_full({2021, 13, 1}), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(month_names_are_the_full_thai_names) {
    BOOST_TEST(compose::thai_month_name(1) == "มกราคม");
    BOOST_TEST(compose::thai_month_name(9) == "กันยายน");
    BOOST_TEST(compose::thai_month_name(12) == "ธันวาคม");
    BOOST_CHECK_THROW(compose::thai_month_name(13), std::invalid_argument);
}

BOOST_AUTO_TEST_CASE(fiscal_year_runs_october_to_september) {
    const auto span = compose::fiscal_year_span(2564);
    BOOST_TEST((span.first == Date{2020, 10, 1}));
    BOOST_TEST((span.last == Date{2021, 9, 30}));
}

BOOST_AUTO_TEST_CASE(fiscal_year_changes_on_the_first_of_october) {
    BOOST_TEST(compose::fiscal_year_of({2021, 9, 17}) == 2564);
    BOOST_TEST(compose::fiscal_year_of({2021, 9, 30}) == 2564);
    BOOST_TEST(compose::fiscal_year_of({2021, 10, 1}) == 2565);
    BOOST_TEST(compose::fiscal_year_of({2020, 10, 1}) == 2564);
    BOOST_TEST(compose::fiscal_year_of({2021, 1, 1}) == 2564);
}

BOOST_AUTO_TEST_CASE(whole_baht_amounts_end_in_thuan) {
    BOOST_TEST(compose::baht_in_words(1250000) == "หนึ่งล้านสองแสนห้าหมื่นบาทถ้วน");
    BOOST_TEST(compose::baht_in_words(21) == "ยี่สิบเอ็ดบาทถ้วน");
    BOOST_TEST(compose::baht_in_words(101) == "หนึ่งร้อยหนึ่งบาทถ้วน");  // ICU's reading, not BAHTTEXT's หนึ่งร้อยเอ็ด
    BOOST_TEST(compose::baht_in_words(0) == "ศูนย์บาทถ้วน");
}

BOOST_AUTO_TEST_CASE(satang_are_spelled_after_baht) {
    BOOST_TEST(compose::baht_in_words(12.50) == "สิบสองบาทห้าสิบสตางค์");
    BOOST_TEST(compose::baht_in_words(20.21) == "ยี่สิบบาทยี่สิบเอ็ดสตางค์");
    BOOST_TEST(compose::baht_in_words(0.5) == "ห้าสิบสตางค์");
    BOOST_TEST(compose::baht_in_words(-12.5) == "ลบสิบสองบาทห้าสิบสตางค์");
}

BOOST_AUTO_TEST_CASE(baht_words_round_to_whole_satang) {
    BOOST_TEST(compose::baht_in_words(0.285) == "ยี่สิบเก้าสตางค์");
    BOOST_TEST(compose::baht_in_words(0.995) == "หนึ่งบาทถ้วน");
    BOOST_TEST(compose::baht_in_words(0.004) == "ศูนย์บาทถ้วน");
}

BOOST_AUTO_TEST_CASE(baht_words_contain_no_zero_width_space) {
    BOOST_TEST(compose::baht_in_words(1250000.75).find("\u200B") == std::string::npos);
}

BOOST_AUTO_TEST_CASE(formatting_from_several_threads_gives_the_same_text) {
    std::vector<std::string> results(4);
    std::vector<std::thread> threads;
    for (std::size_t i = 0; i < results.size(); ++i) {
        threads.emplace_back([&results, i] {
            std::string text;
            for (int k = 0; k < 200; ++k) {
                text = compose::format_number(1250000, 2) + " " + compose::format_date_full({2021, 9, 17}) + " " +
                       compose::baht_in_words(12.5);
            }
            results[i] = text;
        });
    }
    for (auto& thread : threads) thread.join();
    for (const auto& text : results) {
        BOOST_TEST(text == "๑,๒๕๐,๐๐๐.๐๐ ๑๗ กันยายน ๒๕๖๔ สิบสองบาทห้าสิบสตางค์");
    }
}

BOOST_AUTO_TEST_SUITE_END()
