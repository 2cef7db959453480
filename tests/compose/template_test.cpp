// The template language: values, loops and conditions fill the document; every mistake names file:line:column.
#include <boost/test/unit_test.hpp>

#include <stdlib.h>

#include <filesystem>
#include <fstream>

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
    model::ScoreRow row;
    row.fiscal_year_be = 2564;
    row.iit = 96.29;
    row.eit = 95.2;
    row.oit = 100;
    row.ita = 97.45;
    row.level = "AA";
    row.extra = {{"iit_respondents", "56"}};
    report.scores.push_back(row);
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
    auto has_paragraph = [](const model::Document& d, const std::string& text) {
        for (const auto& b : d.blocks)
            if (auto* p = std::get_if<model::Paragraph>(&b); p && text_of(*p) == text) return true;
        return false;
    };
    BOOST_TEST(has_paragraph(r.document, "ข้อ ๕.๑ อยู่ระหว่างทดสอบ"));
    BOOST_TEST(!has_paragraph(r.document, "อ้างถึง"));
    // อ้างถึง and สิ่งที่ส่งมาด้วย appear as body lines when the workbook gives them.
    report.variables["reference"] = "หนังสือกรมบัญชีกลาง ที่ กค ๐๔๐๕/ว ๑๒๓";
    report.variables["enclosures"] = "แผนมาตรการ จำนวน ๑ ชุด";
    auto with = compose::compose_memo(report, std::string(SARABAN_SOURCE_DIR) + "/templates/progress-report.xml");
    BOOST_TEST(has_paragraph(with.document, "อ้างถึง หนังสือกรมบัญชีกลาง ที่ กค ๐๔๐๕/ว ๑๒๓"));
    BOOST_TEST(has_paragraph(with.document, "สิ่งที่ส่งมาด้วย แผนมาตรการ จำนวน ๑ ชุด"));
}

BOOST_AUTO_TEST_SUITE_END()

BOOST_AUTO_TEST_SUITE(compose_template_documents)

BOOST_AUTO_TEST_CASE(page_setup_bookmark_and_inline_attachment) {
    auto r = compose::expand_template_text(
        "<memo><page left=\"2cm\" line-spacing=\"1.5\"/><bookmark>บันทึก <v name=\"agency_abbr\"/></bookmark>"
        "<p>ก</p><space height=\"3cm\"/>"
        "<attachment><page orientation=\"landscape\" page-numbers=\"no\"/><bookmark>แผน</bookmark>"
        "<table columns=\"5cm 5cm\"><each name=\"measures\"><row><cell><p>ก</p><p><v name=\"text\"/></p></cell>"
        "<cell>ข</cell></row></each></table></attachment></memo>",
        "t.xml", values());
    BOOST_REQUIRE(bool(r));
    const auto& doc = r.document;
    BOOST_TEST(doc.page.margin_left_pt == 2 * 28.3465, boost::test_tools::tolerance(0.001));
    BOOST_TEST(doc.page.line_spacing_em == 1.5);
    BOOST_TEST(doc.bookmark == "บันทึก สบน.");
    BOOST_TEST(std::get<model::Spacer>(doc.blocks[1]).height_pt == 3 * 28.3465, boost::test_tools::tolerance(0.001));
    BOOST_REQUIRE_EQUAL(doc.attachments.size(), 1u);
    const auto& plan = doc.attachments[0];
    BOOST_TEST(plan.page.landscape);
    BOOST_TEST(!plan.page.page_numbers);
    BOOST_TEST(plan.page.margin_left_pt == 2 * 28.3465, boost::test_tools::tolerance(0.001));  // inherited
    BOOST_TEST(plan.bookmark == "แผน");
    const auto& t = std::get<model::Table>(plan.blocks[0]);
    BOOST_REQUIRE_EQUAL(t.rows.size(), 2u);
    BOOST_REQUIRE_EQUAL(t.rows[1].cells[0].paragraphs.size(), 2u);
    BOOST_TEST(text_of(t.rows[1].cells[0].paragraphs[1]) == "ปรับปรุง");
}

BOOST_AUTO_TEST_CASE(attachment_from_another_template_reports_its_own_errors) {
    const std::string path = std::string(SARABAN_SOURCE_DIR) + "/templates/progress-report.xml";
    // The shipped report attaches analysis-memo.xml; with values missing, the errors name that file.
    auto r = compose::expand_template_text("<memo><attachment template=\"analysis-memo.xml\"/></memo>",
                                           std::string(SARABAN_SOURCE_DIR) + "/templates/x.xml", values());
    BOOST_TEST(!bool(r));
    bool names_file = false;
    for (const auto& d : r.diagnostics)
        names_file = names_file || model::to_string(d).find("templates/analysis-memo.xml:") != std::string::npos;
    BOOST_TEST(names_file);
    auto missing = compose::expand_template_text("<memo><attachment template=\"nope.xml\"/></memo>", "t.xml", values());
    BOOST_TEST(!bool(missing));
    BOOST_TEST(model::to_string(missing.diagnostics[0]).find("nope.xml") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(bad_orientation_is_an_error) {
    auto r = compose::expand_template_text("<memo><page orientation=\"sideways\"/></memo>", "t.xml", values());
    BOOST_TEST(!bool(r));
}

BOOST_AUTO_TEST_CASE(template_files_read_once_are_used_whatever_the_disk_holds_later) {
    // A batch reads its templates when it starts: a template and its attachment edited (or removed) during the run
    // change nothing for the agencies still to come.
    char pattern[] = "/tmp/saraban-templates-XXXXXX";
    BOOST_REQUIRE(::mkdtemp(pattern));
    const std::string dir = pattern;
    auto write = [&](const std::string& name, const std::string& xml) { std::ofstream(dir + "/" + name) << xml; };
    write("memo.xml", "<memo><p>ของ <v name=\"agency_abbr\"/></p><attachment template=\"plan.xml\"/></memo>");
    write("plan.xml", "<memo><p>แผน</p></memo>");
    const auto files = compose::TemplateFiles::read_folder(dir);
    write("memo.xml", "<memo><p>แก้แล้ว</p></memo>");
    std::filesystem::remove(dir + "/plan.xml");

    auto r = compose::expand_template(dir + "/memo.xml", values(), &files);
    BOOST_REQUIRE_MESSAGE(bool(r), (r.diagnostics.empty() ? std::string() : r.diagnostics[0].message));
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.blocks[0])) == "ของ สบน.");
    BOOST_REQUIRE_EQUAL(r.document.attachments.size(), 1u);
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.attachments[0].blocks[0])) == "แผน");
    // Without them the disk is read: the edited memo.
    auto now = compose::expand_template(dir + "/memo.xml", values());
    BOOST_TEST(text_of(std::get<model::Paragraph>(now.document.blocks[0])) == "แก้แล้ว");
    std::filesystem::remove_all(dir);
}

BOOST_AUTO_TEST_SUITE_END()
