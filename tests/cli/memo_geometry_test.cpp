// The memo's geometry, read back from the PDF with poppler (pdftotext -bbox-layout): margins, first-line indent,
// title size, signature position, page numbers and continuation markers, the landscape attachment.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>

#include "support/pdf_words.h"

using namespace saraban::testing;

namespace {

constexpr double kCm = 28.3465;
constexpr double kLeft = 3 * kCm, kRight = 595.276 - 2 * kCm, kIndent = 2.5 * kCm;

struct Memo {
    TempDir dir;
    std::vector<PageBoxes> pages;
    Memo() {
        const Result r = run_saraban({"run", "inputs", "-o", dir.path().string()});
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
        pages = pdf_boxes(dir / "sample.pdf");
    }
};

const Memo& memo() {
    static const Memo m;
    return m;
}

const LineBox* find_line(const PageBoxes& page, const std::string& starts) {
    for (const auto& line : page.lines)
        if (line.text().rfind(starts, 0) == 0) return &line;
    return nullptr;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_memo_geometry)

BOOST_AUTO_TEST_CASE(text_stays_within_the_official_margins) {
    const auto& first = memo().pages.front();
    BOOST_TEST(first.width == 595.276, boost::test_tools::tolerance(0.01));
    BOOST_TEST(first.height == 841.89, boost::test_tools::tolerance(0.01));
    int flush_left = 0;
    for (std::size_t p = 0; p < memo().pages.size(); ++p) {
        const auto& page = memo().pages[p];
        if (page.width > page.height) continue;  // the landscape plan has its own margins
        for (const auto& line : page.lines) {
            BOOST_TEST(line.x_min > kLeft - 0.5, "page " << p + 1 << ": " << line.text());
            BOOST_TEST(line.x_max < kRight + 2.0, "page " << p + 1 << ": " << line.text());
            if (std::abs(line.x_min - kLeft) < 0.5) ++flush_left;
        }
    }
    BOOST_TEST(flush_left > 20);  // continuation lines of paragraphs start at the 3 cm margin
}

BOOST_AUTO_TEST_CASE(paragraphs_start_indented_by_2_5_cm) {
    const auto& first = memo().pages.front();
    const LineBox* line = find_line(first, "ตามที่สำนักงานบริหารหนี้สาธารณะ");
    BOOST_REQUIRE(line);
    BOOST_TEST(line->x_min == kLeft + kIndent, boost::test_tools::tolerance(0.01));
    const LineBox* to = find_line(first, "เรียน");
    BOOST_REQUIRE(to);
    BOOST_TEST(to->x_min == kLeft, boost::test_tools::tolerance(0.01));  // เรียน is not indented
}

BOOST_AUTO_TEST_CASE(title_is_29_pt_centred_and_labels_are_larger_than_values) {
    const auto& first = memo().pages.front();
    const LineBox* title = find_line(first, "บันทึกข้อความ");
    const LineBox* body = find_line(first, "ตามที่สำนักงานบริหารหนี้สาธารณะ");
    BOOST_REQUIRE(title);
    BOOST_REQUIRE(body);
    // poppler's box height is the font size times the font's ascent + descent: the ratio is the size ratio.
    const double ratio = (title->y_max - title->y_min) / (body->y_max - body->y_min);
    BOOST_TEST(ratio == 29.0 / 16.0, boost::test_tools::tolerance(0.02));
    BOOST_TEST((title->x_min + title->x_max) / 2 == (kLeft + kRight) / 2, boost::test_tools::tolerance(0.01));
    // At the top, beside the Garuda (1.5 cm from the edge, 1.5 cm high): the boxes overlap vertically.
    BOOST_TEST(title->y_min < 3 * kCm);
    BOOST_TEST(title->y_max > 1.5 * kCm);
    const LineBox* office = find_line(first, "ส่วนราชการ");
    BOOST_REQUIRE(office);
    const auto& label = office->words.front();
    const auto& value = office->words[1];
    BOOST_TEST((label.y_max - label.y_min) / (value.y_max - value.y_min) == 20.0 / 16.0,
               boost::test_tools::tolerance(0.02));
}

BOOST_AUTO_TEST_CASE(signature_is_centred_9_5_cm_from_the_margin) {
    for (const auto& page : memo().pages) {
        const LineBox* name = find_line(page, "(นางสาวสิริภา");
        if (!name) continue;
        BOOST_TEST((name->x_min + name->x_max) / 2 == kLeft + 9.5 * kCm, boost::test_tools::tolerance(0.01));
        return;
    }
    BOOST_FAIL("no signature line found");
}

BOOST_AUTO_TEST_CASE(later_pages_are_numbered_at_the_top_centre_and_continue_at_the_foot) {
    const auto& second = memo().pages.at(1);
    const LineBox* top = &second.lines.front();
    for (const auto& line : second.lines)
        if (line.y_min < top->y_min) top = &line;
    std::string number;
    for (const auto& w : top->words) number += w.text;
    BOOST_TEST(strip_ws(number) == "-๒-");  // one word for poppler, "- ๒ -" and a no-break space
    BOOST_TEST((top->x_min + top->x_max) / 2 == (kLeft + kRight) / 2, boost::test_tools::tolerance(0.01));
    BOOST_TEST(top->y_max < 2.5 * kCm);
    // The foot of page 1: "/…..." ending at the right margin, the lowest line of the page.
    const auto& first = memo().pages.front();
    const LineBox* low = &first.lines.front();
    for (const auto& line : first.lines)
        if (line.y_max > low->y_max) low = &line;
    BOOST_TEST(low->text().rfind("/", 0) == 0u, low->text());
    BOOST_TEST(low->x_max == kRight, boost::test_tools::tolerance(0.005));
    // Above the 2 cm bottom margin (poppler's box reaches below the baseline by the font's whole descent, so its
    // middle is compared).
    BOOST_TEST((low->y_min + low->y_max) / 2 < 841.89 - 2 * kCm);
}

BOOST_AUTO_TEST_CASE(the_measures_plan_is_landscape) {
    const auto& last = memo().pages.back();
    BOOST_TEST(last.width == 841.89, boost::test_tools::tolerance(0.01));
    BOOST_TEST(last.height == 595.276, boost::test_tools::tolerance(0.01));
    bool found_header = false;
    for (const auto& page : memo().pages)
        if (page.width > page.height)
            for (const auto& line : page.lines) found_header = found_header || line.text().find("ผู้รับผิดชอบ") != std::string::npos;
    BOOST_TEST(found_header);
}

BOOST_AUTO_TEST_SUITE_END()
