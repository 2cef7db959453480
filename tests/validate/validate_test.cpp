// Validation rules: each with a case that fails it and one that passes.
#include <boost/test/unit_test.hpp>

#include "validate/validate.h"

using namespace saraban;

namespace {

model::Report good_report() {
    model::Report r;
    r.source = "x.xlsx";
    r.memo.fiscal_year_be = 2564;
    r.memo.round_months = 12;
    r.scores.push_back({2564, 96.29, 95.2, 100, 97.45, "AA", {}, {"x.xlsx", "คะแนน", 8, 0}});
    model::Measure m;
    m.number = 1;
    model::Step s;
    s.measure_no = 1;
    s.step_no = 1;
    m.steps.push_back(s);
    r.measures.push_back(m);
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(validate_rules)

BOOST_AUTO_TEST_CASE(a_sound_report_has_no_findings) { BOOST_TEST(validate::validate(good_report()).empty()); }

BOOST_AUTO_TEST_CASE(score_outside_0_to_100_is_an_error_naming_the_row) {
    auto r = good_report();
    r.scores[0].oit = 100.5;
    auto d = validate::validate(r);
    BOOST_REQUIRE_EQUAL(d.size(), 1u);
    BOOST_TEST(model::to_string(d[0]).rfind("x.xlsx: sheet คะแนน, row 8: error: คะแนน OIT", 0) == 0, model::to_string(d[0]));
}

BOOST_AUTO_TEST_CASE(more_than_two_decimals_is_a_warning) {
    auto r = good_report();
    r.scores[0].iit = 96.291;
    auto d = validate::validate(r);
    BOOST_REQUIRE_EQUAL(d.size(), 1u);
    BOOST_TEST((d[0].severity == model::Severity::warning));
}

BOOST_AUTO_TEST_CASE(fiscal_year_without_scores_is_an_error) {
    auto r = good_report();
    r.memo.fiscal_year_be = 2565;
    BOOST_TEST(model::has_error(validate::validate(r)));
}

BOOST_AUTO_TEST_CASE(round_must_be_6_or_12) {
    auto r = good_report();
    r.memo.round_months = 9;
    BOOST_TEST(model::has_error(validate::validate(r)));
    r.memo.round_months = 6;
    BOOST_TEST(!model::has_error(validate::validate(r)));
}

BOOST_AUTO_TEST_SUITE_END()
