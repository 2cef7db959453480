// One rule for dates (text/dates.h): every form saraban prints or a secretariat types reads back; nothing that
// could be read two ways is guessed.
#include <boost/test/unit_test.hpp>

#include <optional>
#include <ostream>

#include "text/dates.h"

namespace saraban::model {
std::ostream& operator<<(std::ostream& os, const Date& d) { return os << d.year << '-' << d.month << '-' << d.day; }
}  // namespace saraban::model

namespace text = saraban::text;
using saraban::model::Date;

namespace {

Date parsed(std::string_view written) {
    const auto d = text::parse_date(written);
    BOOST_TEST_REQUIRE(d.has_value(), "parse_date failed on \"" << written << "\"");
    return *d;
}

bool parses(std::string_view written) { return text::parse_date(written).has_value(); }

Date from_serial(double serial, bool date1904) {
    const auto d = text::date_from_excel_serial(serial, date1904);
    BOOST_TEST_REQUIRE(d.has_value(), "serial " << serial);
    return *d;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(text_dates)

BOOST_AUTO_TEST_CASE(iso_dates_parse) {
    BOOST_TEST(parsed("2021-09-17") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("2021-9-7") == (Date{2021, 9, 7}));
    BOOST_TEST(parsed("2020-02-29") == (Date{2020, 2, 29}));
}

BOOST_AUTO_TEST_CASE(thai_written_dates_parse_with_either_digits) {
    BOOST_TEST(parsed("๑๗ กันยายน ๒๕๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("17 กันยายน 2564") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("๑๗ ก.ย. ๒๕๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("๑๗ ก.ย. ๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("๑๗ กันยายน พ.ศ. ๒๕๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("  1  มกราคม  2564 ") == (Date{2021, 1, 1}));
    BOOST_TEST(parsed("29 ก.พ. 2563") == (Date{2020, 2, 29}));
}

BOOST_AUTO_TEST_CASE(day_month_year_dates_parse_in_either_era) {
    BOOST_TEST(parsed("17/9/2564") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("๑๗/๐๙/๒๕๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("17/09/2021") == (Date{2021, 9, 17}));
}

BOOST_AUTO_TEST_CASE(invalid_dates_are_rejected) {
    BOOST_TEST(!parses(""));
    BOOST_TEST(!parses("hello"));
    BOOST_TEST(!parses("2021-02-29"));
    BOOST_TEST(!parses("2021-13-01"));
    BOOST_TEST(!parses("31/2/2564"));
    BOOST_TEST(!parses("0/9/2564"));
    BOOST_TEST(!parses("17/9/64"));
    BOOST_TEST(!parses("31 กุมภาพันธ์ 2564"));
    BOOST_TEST(!parses("29 ก.พ. 2564"));
    BOOST_TEST(!parses("17 กันยายน"));
    BOOST_TEST(!parses("17 9 2564"));
    BOOST_TEST(!parses("17 กันยายน 2564 เป็นต้นไป"));
    BOOST_TEST(!parses("17 ก.ย. 2021"));  // a Thai month wants a B.E. year
    BOOST_TEST(!parses("17 September 2021"));
}

BOOST_AUTO_TEST_CASE(excel_serials_in_the_1900_system) {
    BOOST_TEST(from_serial(44456, false) == (Date{2021, 9, 17}));
    BOOST_TEST(from_serial(44456.75, false) == (Date{2021, 9, 17}));  // the time of day is ignored
    BOOST_TEST(from_serial(1, false) == (Date{1900, 1, 1}));
    BOOST_TEST(from_serial(2958465, false) == (Date{9999, 12, 31}));
}

BOOST_AUTO_TEST_CASE(excel_phantom_29_february_1900_is_skipped) {
    BOOST_TEST(from_serial(59, false) == (Date{1900, 2, 28}));
    BOOST_TEST(from_serial(61, false) == (Date{1900, 3, 1}));
    BOOST_TEST(!text::date_from_excel_serial(60, false));
}

BOOST_AUTO_TEST_CASE(excel_serials_in_the_1904_system) {
    BOOST_TEST(from_serial(0, true) == (Date{1904, 1, 1}));
    BOOST_TEST(from_serial(42994, true) == (Date{2021, 9, 17}));
}

BOOST_AUTO_TEST_CASE(excel_serials_out_of_range_are_rejected) {
    BOOST_TEST(!text::date_from_excel_serial(0, false));
    BOOST_TEST(!text::date_from_excel_serial(-1, true));
    BOOST_TEST(!text::date_from_excel_serial(2958466, false));
}

BOOST_AUTO_TEST_CASE(iso_dates_with_a_time_as_exports_write_them) {
    BOOST_TEST(parsed("2021-09-17T00:00:00") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("2021-09-17 08:30") == (Date{2021, 9, 17}));
    BOOST_TEST(!parses("2021-09-17 extra"));
    BOOST_TEST(!parses("2564-09-17"));  // ISO is Gregorian
}

BOOST_AUTO_TEST_CASE(every_form_saraban_prints_reads_back) {
    BOOST_TEST(parsed("วันที่ ๑๗ กันยายน ๒๕๖๔") == (Date{2021, 9, 17}));
    BOOST_TEST(parsed("17\u00A0ก.ย.\u00A064") == (Date{2021, 9, 17}));  // no-break spaces
    BOOST_TEST(parsed(text::iso_date({2021, 9, 17})) == (Date{2021, 9, 17}));
    BOOST_TEST((text::parse_iso_date("2021-09-17") == Date{2021, 9, 17}));
    BOOST_TEST(!text::parse_iso_date("17/9/2564"));
}

BOOST_AUTO_TEST_CASE(a_date_cell_with_a_buddhist_era_year_is_that_date) {
    BOOST_TEST(from_serial(242783, false) == (Date{2021, 9, 17}));  // 2564-09-17 counted as Gregorian
    BOOST_TEST(!text::date_from_excel_serial(244043, false));       // 2568-02-29 B.E.: 2025 has no 29 February
}

BOOST_AUTO_TEST_SUITE_END()
