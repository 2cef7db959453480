// Text at the edges of what paragraphs hold must be set or refused, never read out of bounds.
#include <boost/test/unit_test.hpp>

#include "layout/paragraph.h"
#include "support/engine.h"

using namespace saraban;
using saraban::testing::engine;

BOOST_AUTO_TEST_SUITE(layout_paragraph_robustness)

BOOST_AUTO_TEST_CASE(a_paragraph_that_starts_with_a_line_feed_starts_with_an_empty_line) {
    // The first line holds only the line feed, trimmed away: its text was read from before the first unit.
    model::Paragraph p;
    p.spans.push_back({"\nอบรม abc", {}});
    const auto lines = *layout::set_paragraph(p, 400, engine());
    BOOST_REQUIRE_EQUAL(lines.size(), 2u);
    BOOST_TEST(lines[0].text.empty());
    BOOST_TEST(lines[0].runs.empty());
    BOOST_TEST(lines[1].text == "อบรม abc");
    BOOST_TEST(lines[1].runs.size() == 2u);
}

BOOST_AUTO_TEST_SUITE_END()
