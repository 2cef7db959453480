// The template language: values, loops and conditions fill the document; every mistake names file:line:column.
#include <boost/test/unit_test.hpp>

#include "compose/memo.h"
#include "compose/template.h"

using namespace saraban;
using compose::TemplateRecord;
using compose::TemplateValue;

namespace {

TemplateRecord values() {
    TemplateRecord v;
    v["agency_abbr"] = "สบน.";
    v["via"] = "";
    TemplateRecord m1, m2;
    m1["number"] = "๑";
    m1["text"] = "ทบทวน";
    m2["number"] = "๒";
    m2["text"] = "ปรับปรุง";
    v["measures"] = std::vector<TemplateRecord>{m1, m2};
    return v;
}

std::string text_of(const model::Paragraph& p) {
    std::string s;
    for (const auto& span : p.spans) s += span.text;
    return s;
}

compose::TemplateResult expand(const std::string& xml) { return compose::expand_template_text(xml, "t.xml", values()); }

}  // namespace

BOOST_AUTO_TEST_SUITE(compose_template)

BOOST_AUTO_TEST_CASE(values_loops_and_conditions) {
    auto r = expand(
        "<memo>\n"
        "  <p>ของ <v name=\"agency_abbr\"/> <if name=\"via\">ผ่าน</if><if not=\"via\">โดยตรง</if></p>\n"
        "  <each name=\"measures\"><p indent=\"0\">มาตรการที่ <v name=\"number\"/>. <v name=\"text\"/> (<v name=\"agency_abbr\"/>)</p></each>\n"
        "</memo>");
    BOOST_REQUIRE(bool(r));
    BOOST_REQUIRE_EQUAL(r.document.blocks.size(), 3u);
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.blocks[0])) == "ของ สบน. โดยตรง");
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.blocks[2])) == "มาตรการที่ ๒. ปรับปรุง (สบน.)");
    BOOST_TEST(std::get<model::Paragraph>(r.document.blocks[2]).style.first_line_indent_pt == 0);
    BOOST_TEST(std::get<model::Paragraph>(r.document.blocks[0]).style.first_line_indent_pt > 70);
}

BOOST_AUTO_TEST_CASE(whitespace_of_the_xml_collapses) {
    auto r = expand("<memo><p>\n   ก   ข\n\n ค  </p></memo>");
    BOOST_REQUIRE(bool(r));
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.blocks[0])) == "ก ข ค");
}

BOOST_AUTO_TEST_CASE(bold_and_underline_are_spans) {
    auto r = expand("<memo><p>ก<b>ข</b><u>ค</u></p></memo>");
    BOOST_REQUIRE(bool(r));
    const auto& spans = std::get<model::Paragraph>(r.document.blocks[0]).spans;
    BOOST_REQUIRE_EQUAL(spans.size(), 3u);
    BOOST_TEST(spans[1].style.bold);
    BOOST_TEST(spans[2].style.underline);
}

BOOST_AUTO_TEST_CASE(tables_with_spans_and_loops) {
    auto r = expand(
        "<memo><table columns=\"9cm 7cm\" header-rows=\"1\">"
        "<row><cell>ก</cell><cell>ข</cell></row>"
        "<each name=\"measures\"><row><cell cols=\"2\"><v name=\"text\"/></cell></row></each>"
        "</table></memo>");
    BOOST_REQUIRE(bool(r));
    const auto& t = std::get<model::Table>(r.document.blocks[0]);
    BOOST_TEST(t.rows.size() == 3u);
    BOOST_TEST(t.rows[2].cells[0].col_span == 2);
    BOOST_TEST(t.column_widths_pt[0] == 9 * 28.3465, boost::test_tools::tolerance(0.001));
}

BOOST_AUTO_TEST_CASE(unknown_name_names_file_line_and_column) {
    auto r = expand("<memo>\n  <p>ก <v name=\"agncy\"/></p>\n</memo>");
    BOOST_TEST(!bool(r));
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]) ==
               "t.xml:2:8: error: ไม่รู้จักชื่อ \"agncy\" (unknown name \"agncy\"; see templates/README.md)");
}

BOOST_AUTO_TEST_CASE(malformed_xml_names_line_and_column) {
    auto r = expand("<memo>\n<p>ก</q>\n</memo>");
    BOOST_TEST(!bool(r));
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]).rfind("t.xml:2:", 0) == 0, model::to_string(r.diagnostics[0]));
}

BOOST_AUTO_TEST_CASE(unknown_element_and_bad_length_are_errors) {
    auto r = expand("<memo><para>ก</para><p indent=\"2inch\">ข</p></memo>");
    BOOST_TEST(r.diagnostics.size() == 2u);
    BOOST_TEST(model::to_string(r.diagnostics[0]).rfind("t.xml:1:7: error: ไม่รู้จัก <para>", 0) == 0);
}

BOOST_AUTO_TEST_CASE(the_shipped_template_expands_with_memo_values) {
    model::Report report;
    report.memo.agency = "สำนักงานบริหารหนี้สาธารณะ";
    report.memo.agency_abbr = "สบน.";
    report.memo.date = {2021, 9, 17};
    report.memo.fiscal_year_be = 2564;
    report.memo.round_months = 12;
    report.memo.signer = "นางสาวสิริภา สัตยานนท์";
    report.scores.push_back({2564, 96.29, 95.2, 100, 97.45, "AA", {{"iit_respondents", "56"}}, {}});
    model::Measure m;
    m.number = 5;
    m.text = "การบูรณาการ";
    model::Step done, pending;
    done.measure_no = pending.measure_no = 5;
    done.step_no = 3;
    done.status = model::Status::done;
    pending.step_no = 1;
    pending.status = model::Status::in_progress;
    pending.progress = "อยู่ระหว่างทดสอบ";
    m.steps = {pending, done};
    report.measures.push_back(m);
    report.variables = {{"measures_approved_date", "2021-02-16"}, {"iit_collection_period", "เมษายน"},
                        {"eit_collection_period", "เมษายน"}, {"oit_collection_period", "มีนาคม"}, {"min_sample", "๓๐"}};
    report.scores[0].extra["eit_respondents"] = "110";
    report.scores[0].extra["eit_population"] = "538";

    auto v = compose::memo_values(report);
    BOOST_TEST(v["measures_in_progress_count"].text == "๑");
    BOOST_TEST(v["measures_done_count"].text == "๐");
    BOOST_TEST(v["measures_in_progress_titles"].text == "การบูรณาการ");
    BOOST_TEST(v["round_period"].text == "เมษายน ๒๕๖๔ - กันยายน ๒๕๖๔");
    BOOST_TEST(v["date"].text == "๑๗ กันยายน ๒๕๖๔");
    BOOST_TEST(v["measures_approved_date"].text == "๑๖ กุมภาพันธ์ ๒๕๖๔");
    BOOST_TEST(v["current_eit"].text == "๙๕.๒");
    BOOST_TEST(v["current_iit_respondents"].text == "๕๖");
    BOOST_TEST(v["steps_pending"].list.size() == 1u);

    auto r = compose::compose_memo(report, std::string(SARABAN_SOURCE_DIR) + "/templates/progress-report.xml");
    for (const auto& d : r.diagnostics) BOOST_TEST_MESSAGE(model::to_string(d));
    BOOST_TEST(bool(r));
    bool found = false;
    for (const auto& b : r.document.blocks)
        if (auto* p = std::get_if<model::Paragraph>(&b)) found = found || text_of(*p) == "ข้อ ๕.๑ อยู่ระหว่างทดสอบ";
    BOOST_TEST(found);
}

BOOST_AUTO_TEST_SUITE_END()
