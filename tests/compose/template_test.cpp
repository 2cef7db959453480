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

BOOST_AUTO_TEST_CASE(a_misspelt_attribute_is_an_error_at_its_column_even_in_a_branch_not_taken) {
    auto r = expand("<memo>\n<if name=\"via\"><p indnet=\"5cm\">ก</p></if>\n<p indent=\"0\">ข</p>\n</memo>");
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]) ==
               "t.xml:2:19: error: <p> ไม่มีแอตทริบิวต์ indnet (unknown attribute indnet of <p>; did you mean "
               "\"indent\"?)");
    auto element = expand("<memo><paragraph>ก</paragraph></memo>");
    BOOST_REQUIRE_EQUAL(element.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(element.diagnostics[0]).find("did you mean \"paragraph\"") == std::string::npos);
    auto sig = expand("<memo><signatur center=\"9cm\"/></memo>");
    BOOST_TEST(model::to_string(sig.diagnostics.at(0)).find("did you mean \"signature\"") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(a_length_without_a_unit_is_an_error_and_a_text_size_is_in_points) {
    auto r = expand("<memo><p indent=\"2.5\">ก</p></memo>");
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]).rfind("t.xml:1:10: error: ความยาว \"2.5\"", 0) == 0,
               model::to_string(r.diagnostics[0]));
    auto sizes = expand("<memo><p indent=\"0\" size=\"14\">ก</p><p size=\"12pt\">ข</p></memo>");
    BOOST_REQUIRE(bool(sizes));
    BOOST_TEST(std::get<model::Paragraph>(sizes.document.blocks[0]).spans[0].style.size_pt == 14);
    BOOST_TEST(std::get<model::Paragraph>(sizes.document.blocks[1]).spans[0].style.size_pt == 12);
    BOOST_TEST(!bool(expand("<memo><p size=\"big\">ก</p></memo>")));
}

BOOST_AUTO_TEST_CASE(a_bold_cell_around_an_empty_list_is_empty_not_a_crash) {
    TemplateRecord v = values();
    v["none"] = std::vector<TemplateRecord>{};
    auto r = compose::expand_template_text(
        "<memo><table columns=\"3cm\"><row><cell bold=\"yes\"><each name=\"none\"><p>ก</p></each></cell></row>"
        "</table></memo>", "t.xml", v);
    BOOST_REQUIRE(bool(r));
    BOOST_TEST(std::get<model::Table>(r.document.blocks[0]).rows[0].cells[0].paragraphs.empty());
}

// With the names saraban computes, a name that is not one of them nor spelt like one is the input's missing value;
// a misspelling of a computed name stays the template's error.
BOOST_AUTO_TEST_CASE(a_name_the_input_lacks_is_a_missing_value_and_a_typo_is_a_template_error) {
    const std::set<std::string, std::less<>> computed = {"agency_abbr", "via", "measures"};
    TemplateRecord v = values();
    v["analysis_date"] = "๑๑ กุมภาพันธ์ ๒๕๖๔";
    const compose::ExpandOptions options{.computed_names = &computed};
    auto r = compose::expand_template_text(
        "<memo>\n<p><v name=\"circular_ref\"/> <v name=\"analysis_dat\"/></p>\n<p><v name=\"agncy_abbr\"/></p>\n"
        "<each name=\"measures\"><p><v name=\"nmber\"/></p></each></memo>", "t.xml", v, options);
    BOOST_TEST(!bool(r));
    BOOST_REQUIRE_EQUAL(r.missing.size(), 2u);
    BOOST_TEST(r.missing[0].name == "circular_ref");
    BOOST_TEST(model::to_string(r.missing[0].needed_at) == "t.xml:2:4");
    BOOST_TEST(r.missing[0].suggestion == "");
    BOOST_TEST(r.missing[1].name == "analysis_dat");
    BOOST_TEST(r.missing[1].suggestion == "analysis_date");
    std::string errors;
    for (const auto& d : r.diagnostics) errors += model::to_string(d) + "\n";
    BOOST_TEST(errors ==
               "t.xml:3:4: error: ไม่รู้จักชื่อ \"agncy_abbr\" (unknown name \"agncy_abbr\"; did you mean "
               "\"agency_abbr\"?; see templates/README.md)\n"
               "t.xml:4:26: error: ไม่รู้จักชื่อ \"nmber\" (unknown name \"nmber\"; did you mean \"number\"?; see "
               "templates/README.md)\n"
               "t.xml:4:26: error: ไม่รู้จักชื่อ \"nmber\" (unknown name \"nmber\"; did you mean \"number\"?; see "
               "templates/README.md)\n");
    // Without the computed names every unknown name is the template's error.
    auto plain = compose::expand_template_text("<memo><p><v name=\"circular_ref\"/></p></memo>", "t.xml", v);
    BOOST_TEST(plain.missing.empty());
    BOOST_TEST(plain.diagnostics.size() == 1u);
}

// A date in ตัวแปร comes out as the memo writes dates, whatever form it was typed in.
BOOST_AUTO_TEST_CASE(dates_in_variables_are_printed_as_the_memo_prints_dates) {
    model::Report report;
    report.memo.fiscal_year_be = 2564;
    report.memo.round_months = 12;
    report.variables = {{"measures_approved_date", "16/2/2564"}, {"analysis_date", "๑๑ ก.พ. ๖๔"},
                        {"from_a_cell", "2021-02-16"}, {"note", "16/2/2564"}, {"bad_date", "ไม่ทราบ"}};
    const auto v = compose::memo_values(report);
    BOOST_TEST(v.at("measures_approved_date").text == "๑๖ กุมภาพันธ์ ๒๕๖๔");
    BOOST_TEST(v.at("analysis_date").text == "๑๑ กุมภาพันธ์ ๒๕๖๔");
    BOOST_TEST(v.at("from_a_cell").text == "๑๖ กุมภาพันธ์ ๒๕๖๔");
    BOOST_TEST(v.at("note").text == "16/2/2564");  // not a date key: as written
    BOOST_TEST(v.at("bad_date").text == "ไม่ทราบ");
}

// Through compose_memo the missing value is reported where the user adds it: the input's ตัวแปร sheet.
BOOST_AUTO_TEST_CASE(compose_reports_a_missing_value_at_the_variables_sheet) {
    model::Report report;
    report.source = "inputs/x.xlsx";
    report.memo.fiscal_year_be = 2567;
    report.memo.round_months = 12;
    report.sheet_at["variables"] = {"inputs/x.xlsx", "ตัวแปร", 0, 0};
    const std::string dir = std::filesystem::temp_directory_path() / "saraban-missing-value";
    std::filesystem::create_directories(dir);
    std::ofstream(dir + "/t.xml") << "<memo>\n<p><v name=\"circular_ref\"/> <v name=\"circular_ref\"/></p></memo>";
    auto r = compose::compose_memo(report, dir + "/t.xml");
    std::filesystem::remove_all(dir);
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]) ==
               "inputs/x.xlsx: sheet ตัวแปร: error: ไม่มีค่า \"circular_ref\" ที่แม่แบบต้องใช้ (" + dir + "/t.xml:2:4, " +
                   dir + "/t.xml:2:29) ให้เพิ่มในชีตตัวแปร (missing value \"circular_ref\", needed by " + dir +
                   "/t.xml:2:4, " + dir + "/t.xml:2:29: add it as a key of sheet ตัวแปร [variables])");
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

    auto r = compose::expand_template(dir + "/memo.xml", values(), {.files = &files});
    BOOST_REQUIRE_MESSAGE(bool(r), (r.diagnostics.empty() ? std::string() : r.diagnostics[0].message));
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.blocks[0])) == "ของ สบน.");
    BOOST_REQUIRE_EQUAL(r.document.attachments.size(), 1u);
    BOOST_TEST(text_of(std::get<model::Paragraph>(r.document.attachments[0].blocks[0])) == "แผน");
    // Without them the disk is read: the edited memo.
    auto now = compose::expand_template(dir + "/memo.xml", values());
    BOOST_TEST(text_of(std::get<model::Paragraph>(now.document.blocks[0])) == "แก้แล้ว");
    std::filesystem::remove_all(dir);
}

// Attachments are counted across levels: a template fanning out into attachments of attachments stops at 64.
BOOST_AUTO_TEST_CASE(more_than_64_attachments_are_one_error) {
    std::string inner;
    for (int i = 0; i < 9; ++i) inner += "<attachment><p>ข</p></attachment>";
    std::string xml = "<memo><p>ก</p>";
    for (int i = 0; i < 8; ++i) xml += "<attachment>" + inner + "</attachment>";  // 8 + 72 attachments
    auto r = expand(xml + "</memo>");
    BOOST_REQUIRE_EQUAL(r.diagnostics.size(), 1u);
    BOOST_TEST(model::to_string(r.diagnostics[0]).find("more than 64 attachments in one memo") != std::string::npos,
               model::to_string(r.diagnostics[0]));
    auto fine = expand("<memo><p>ก</p><attachment>" + inner + "</attachment></memo>");
    BOOST_TEST(fine.diagnostics.empty());
}

BOOST_AUTO_TEST_SUITE_END()
