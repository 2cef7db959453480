// Thai digits are the memo's default; --digits arabic turns every digit of the memo into 0–9.
#include <boost/test/unit_test.hpp>

#include "support/process.h"

using namespace saraban::testing;

namespace {

// Counts Thai digits (U+0E50–U+0E59: E0 B9 90–99) and ASCII digits in UTF-8 text.
std::pair<int, int> digit_counts(const std::string& s) {
    int thai = 0, ascii = 0;
    for (std::size_t i = 0; i < s.size(); ++i) {
        const unsigned char c = s[i];
        if (c >= '0' && c <= '9') ++ascii;
        if (c == 0xE0 && i + 2 < s.size() && (unsigned char)s[i + 1] == 0xB9 && (unsigned char)s[i + 2] >= 0x90 &&
            (unsigned char)s[i + 2] <= 0x99)
            ++thai;
    }
    return {thai, ascii};
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_digits)

BOOST_AUTO_TEST_CASE(thai_digits_by_default_arabic_on_request) {
    TempDir dir;
    const Result thai = run_saraban({"run", "inputs", "-o", (dir / "thai").string(), "--progress", "none"});
    const Result arabic = run_saraban({"run", "inputs", "-o", (dir / "arabic").string(), "--digits", "arabic",
                                       "--progress", "none"});
    BOOST_TEST_REQUIRE(thai.status == 0, thai.err);
    BOOST_TEST_REQUIRE(arabic.status == 0, arabic.err);
    const auto [thai_in_thai, ascii_in_thai] = digit_counts(pdf_text(dir / "thai" / "sample.pdf", "-raw"));
    const auto [thai_in_arabic, ascii_in_arabic] = digit_counts(pdf_text(dir / "arabic" / "sample.pdf", "-raw"));
    BOOST_TEST(thai_in_thai > 300);
    BOOST_TEST(thai_in_arabic == 0);
    BOOST_TEST(ascii_in_arabic > 300);
    // The same digits, written the other way: only the URL's and the Latin text's digits were ASCII before.
    BOOST_TEST(ascii_in_arabic == thai_in_thai + ascii_in_thai);
    BOOST_TEST(strip_ws(pdf_text(dir / "arabic" / "sample.pdf", "-layout", 2, 2)).find("-2-") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(an_unknown_digit_style_is_a_usage_error) {
    TempDir dir;
    const Result r = run_saraban({"run", "inputs", "-o", dir.path().string(), "--digits", "roman"});
    BOOST_TEST(r.status == 2);
}

BOOST_AUTO_TEST_SUITE_END()
