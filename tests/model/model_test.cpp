// The wording of places and findings is API: tests and users read whole lines.
#include <boost/test/unit_test.hpp>

#include "model/diagnostic.h"
#include "model/report.h"

using namespace saraban::model;

BOOST_AUTO_TEST_SUITE(model_cell_ref)

BOOST_AUTO_TEST_CASE(cell_names_follow_excel) {
    BOOST_TEST(cell_name(5, 3) == "C5");
    BOOST_TEST(cell_name(1, 26) == "Z1");
    BOOST_TEST(cell_name(1, 27) == "AA1");
    BOOST_TEST(cell_name(7, 16384) == "XFD7");
    BOOST_TEST(cell_name(0, 3) == "");
}

BOOST_AUTO_TEST_CASE(places_read_as_the_user_would_write_them) {
    BOOST_TEST(to_string(CellRef{"inputs/x.xlsx", "คะแนน", 5, 3}) == "inputs/x.xlsx: sheet คะแนน, cell C5");
    BOOST_TEST(to_string(CellRef{"inputs/x.xlsx", "คะแนน", 5, 0}) == "inputs/x.xlsx: sheet คะแนน, row 5");
    BOOST_TEST(to_string(CellRef{"inputs/x.xlsx", "", 0, 0}) == "inputs/x.xlsx");
    BOOST_TEST(to_string(CellRef{"templates/m.xml", "", 12, 5}) == "templates/m.xml:12:5");
    Diagnostic d{Severity::warning, {"x.xlsx", "หนังสือ", 2, 2}, "ตัวอักษรซีริลลิก"};
    BOOST_TEST(to_string(d) == "x.xlsx: sheet หนังสือ, cell B2: warning: ตัวอักษรซีริลลิก");
}

BOOST_AUTO_TEST_CASE(measure_status_comes_from_its_steps) {
    Measure m;
    BOOST_TEST((measure_status(m) == Status::not_started));
    Step a, b;
    a.status = b.status = Status::done;
    m.steps = {a, b};
    BOOST_TEST((measure_status(m) == Status::done));
    m.steps[1].status = Status::not_started;
    BOOST_TEST((measure_status(m) == Status::in_progress));
    m.steps[0].status = Status::not_started;
    BOOST_TEST((measure_status(m) == Status::not_started));
}

BOOST_AUTO_TEST_SUITE_END()
