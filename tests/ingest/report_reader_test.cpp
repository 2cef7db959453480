// read_report on the sample workbook (inputs/sample.xlsx) and on hand-made ITA workbooks with one thing wrong.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <string>

#include "support/diagnostics.h"
#include "ingest/report_reader.h"
#include "ingest/xlsx_builder.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;
using test::Rows;

namespace {

Rows memo_rows() {
    return {
        {"คีย์", "ค่า"},
        {"หน่วยงาน", "สำนักงานบริหารหนี้สาธารณะ"},
        {"ชื่อย่อ", "สบน."},
        {"ส่วนราชการ", "สำนักงานเลขาธิการกรม ส่วนอำนวยการ"},
        {"ที่", "กค ๐๙๐๑/สลก./๙๔๒"},
        {"วันที่", "๑๗ กันยายน ๒๕๖๔"},
        {"เรื่อง", "รายงานผล"},
        {"เรียน", "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ"},
        {"ผู้ลงนาม", "นางสาวสิริภา สัตยานนท์"},
        {"ตำแหน่ง", "เลขานุการกรม"},
        {"ปีงบประมาณ", "๒๕๖๔"},
        {"รอบรายงาน", "n:12"},
    };
}

Rows score_rows() {
    return {
        {"ปีงบประมาณ", "IIT", "EIT", "OIT", "ITA", "ระดับ"},
        {"n:2563", "n:86.85", "n:79.21", "n:62.29", "n:74.73", "C"},
        {"n:2564", "n:96.29", "n:95.2", "n:100", "n:97.45", "AA"},
    };
}

Rows measure_rows() {
    return {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "ผู้รับผิดชอบ", "สถานะ"},
        {"1", "ทบทวนการดำเนินงาน", "สลก."},
        {"1.1", "จัดโครงการอบรม", "", "ดำเนินการแล้ว"},
        {"๑.๒", "จัดทำมาตรการ", "ศทส.", "กำลังดำเนินการ"},
    };
}

ingest::ReportResult read(const std::vector<test::SheetSpec>& sheets, const std::string& name = "t.xlsx") {
    auto xlsx = ingest::read_xlsx(test::make_xlsx(sheets), name);
    BOOST_TEST_REQUIRE(bool(xlsx), all_messages(xlsx.diagnostics));
    return ingest::read_report(xlsx.workbook, name);
}

ingest::ReportResult read(Rows memo, Rows scores, Rows measures) {
    return read({{"หนังสือ", std::move(memo)}, {"คะแนน", std::move(scores)}, {"มาตรการ", std::move(measures)}});
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_report_reader)

BOOST_AUTO_TEST_CASE(sample_workbook_reads_to_the_seed_memo) {
    std::string path = SARABAN_SOURCE_DIR "/inputs/sample.xlsx";
    auto result = ingest::read_report_file(path);
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.diagnostics.empty(), all_messages(result.diagnostics));
    const model::Report& r = result.report;

    BOOST_TEST(r.memo.agency == "สำนักงานบริหารหนี้สาธารณะ");
    BOOST_TEST(r.memo.agency_abbr == "สบน.");
    BOOST_TEST(r.memo.division == "สำนักงานเลขาธิการกรม ส่วนอำนวยการ");
    BOOST_TEST(r.memo.phone == "๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๑๒๔");
    BOOST_TEST(r.memo.ref == "กค ๐๙๐๑/สลก./๙๔๒");
    BOOST_TEST((r.memo.date == model::Date{2021, 9, 17}));
    BOOST_TEST(r.memo.to == "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ");
    BOOST_TEST(r.memo.via == "รอง ผอ.สบน. (นายธีรศักดิ์ แสงสนิท)");
    BOOST_TEST(r.memo.signer == "นางสาวสิริภา สัตยานนท์");
    BOOST_TEST(r.memo.signer_title == "เลขานุการกรม");
    BOOST_TEST(r.memo.fiscal_year_be == 2564);
    BOOST_TEST(r.memo.round_months == 12);
    BOOST_TEST(r.memo.subject.ends_with("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน"));
    BOOST_TEST((r.memo.at.at("date") == model::CellRef{path, "หนังสือ", 7, 2}));

    BOOST_TEST_REQUIRE(r.scores.size() == 7u);
    BOOST_TEST(r.scores.front().fiscal_year_be == 2558);
    BOOST_TEST(r.scores.front().level == "สูงมาก");
    const model::ScoreRow& last = r.scores.back();
    BOOST_TEST(last.fiscal_year_be == 2564);
    BOOST_TEST(last.iit == 96.29);
    BOOST_TEST(last.eit == 95.2);
    BOOST_TEST(last.oit == 100.0);
    BOOST_TEST(last.ita == 97.45);
    BOOST_TEST(last.level == "AA");
    BOOST_TEST(last.extra.at("iit_respondents") == "56");
    BOOST_TEST(last.extra.at("eit_respondents") == "110");
    BOOST_TEST(last.extra.at("eit_population") == "538");

    BOOST_TEST_REQUIRE(r.measures.size() == 6u);
    std::size_t steps = 0;
    for (const auto& m : r.measures) steps += m.steps.size();
    BOOST_TEST(steps == 12u);
    const model::Measure& five = r.measures[4];
    BOOST_TEST(five.number == 5);
    BOOST_TEST(five.text == "การบูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบงานพัสดุ ในด้านการใช้ทรัพย์สินของทางราชการ");
    BOOST_TEST((model::measure_status(five) == model::Status::in_progress));
    for (std::size_t i = 0; i < r.measures.size(); ++i)
        if (i != 4) BOOST_TEST((model::measure_status(r.measures[i]) == model::Status::done));
    BOOST_TEST_REQUIRE(five.steps.size() == 3u);
    BOOST_TEST((five.steps[0].status == model::Status::in_progress));
    BOOST_TEST((five.steps[1].status == model::Status::in_progress));
    BOOST_TEST((five.steps[2].status == model::Status::done));
    BOOST_TEST(five.steps[0].text == "พัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code");
    BOOST_TEST(five.steps[0].progress ==
               "การพัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code "
               "ปัจจุบันอยู่ระหว่างดำเนินการในขั้นตอนของการทดสอบระบบของบริษัท มาสเดอ เมกเคอ จำกัด "
               "โดยจะแล้วเสร็จภายในปีงบประมาณ พ.ศ. ๒๕๖๔");
    BOOST_TEST(five.steps[1].progress.ends_with("โดยจะแล้วเสร็จภายในไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕"));
    BOOST_TEST(five.steps[1].progress.find("สบน.") != std::string::npos);
    BOOST_TEST(five.steps[0].owner == "สำนักงานเลขานุการกรม");  // inherited from the measure
    BOOST_TEST(r.measures[0].steps[0].indicator == "ร้อยละของบุคลากร สบน. อย่างน้อย ร้อยละ ๘๕ เข้าร่วมการอบรม");
    BOOST_TEST(r.measures[1].steps[0].text.find("สบน.") != std::string::npos);

    BOOST_TEST(r.variables.at("measures_approved_date") == "2021-02-16");
    BOOST_TEST(r.variables.at("iit_collection_period") == "เมษายน - พฤษภาคม ๒๕๖๔");
    BOOST_TEST(r.variables.at("oit_collection_period") == "วันที่ ๑ มีนาคม ๒๕๖๔ – ๑๔ พฤษภาคม ๒๕๖๔");
    BOOST_TEST(r.variables.at("min_sample") == "๓๐");
    BOOST_TEST(!r.variables.count("คีย์ [key]"));  // the header rows "คีย์ [key] | ค่า [value]" are not variables
}

BOOST_AUTO_TEST_CASE(minimal_workbook_reads) {
    auto result = read(memo_rows(), score_rows(), measure_rows());
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    const model::Report& r = result.report;
    BOOST_TEST((r.memo.date == model::Date{2021, 9, 17}));  // Thai text date
    BOOST_TEST(r.memo.fiscal_year_be == 2564);               // Thai digits
    BOOST_TEST_REQUIRE(r.measures.size() == 1u);
    BOOST_TEST_REQUIRE(r.measures[0].steps.size() == 2u);
    BOOST_TEST(r.measures[0].steps[0].owner == "สลก.");  // inherited
    BOOST_TEST(r.measures[0].steps[1].owner == "ศทส.");  // its own
    BOOST_TEST(r.measures[0].steps[1].step_no == 2);     // "๑.๒"
    BOOST_TEST((r.measures[0].steps[1].status == model::Status::in_progress));
}

BOOST_AUTO_TEST_CASE(names_match_after_normalisation_and_by_alias) {
    Rows memo = memo_rows();
    memo[1][0] = "  agency ";
    memo[2][0] = "ชื่อย่อ [agency_abbr]";
    memo[3][0] = "Division";
    memo[5] = {"date", "2021-09-17"};
    Rows scores = score_rows();
    scores[0] = {"Fiscal  Year", "iit", "eit", "oit", "ita", "level"};
    auto result = read({{" memo ", memo}, {"SCORES", scores}, {"measures", measure_rows()}});
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.report.memo.agency == "สำนักงานบริหารหนี้สาธารณะ");
    BOOST_TEST(result.report.memo.agency_abbr == "สบน.");
    BOOST_TEST((result.report.memo.date == model::Date{2021, 9, 17}));
    BOOST_TEST(result.report.scores.size() == 2u);
}

// A date cell typed with its Buddhist-era year in a Gregorian spreadsheet (17/9/2564) holds the serial of 2564 C.E.:
// it is read as 17 September 2564 B.E.
BOOST_AUTO_TEST_CASE(a_date_cell_with_a_buddhist_era_year_is_read_as_that_date) {
    Rows memo = memo_rows();
    memo[5][1] = "n:242783";  // 2564-09-17 as Excel counts days
    auto result = read(memo, score_rows(), measure_rows());
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST((result.report.memo.date == model::Date{2021, 9, 17}));
}

// A written date is read from the cell's cleaned text, as every value is: a zero-width space typed between its
// words (Thai keyboards make them) is a space.
BOOST_AUTO_TEST_CASE(a_written_date_is_read_from_the_cleaned_text) {
    Rows memo = memo_rows();
    memo[5][1] = "๑๗\u200Bกันยายน ๒๕๖๔";
    auto result = read(memo, score_rows(), measure_rows());
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST((result.report.memo.date == model::Date{2021, 9, 17}));
}

BOOST_AUTO_TEST_CASE(sara_am_copied_from_a_pdf_reads_as_sara_am) {
    // ำ written ◌ํ + า (U+0E4D U+0E32), as text copied from a PDF has it: it looks the same, so it reads the same.
    auto as_in_pdf = [](std::string s) {
        for (auto at = s.find("ำ"); at != std::string::npos; at = s.find("ำ", at))
            s.replace(at, std::string_view("ำ").size(), "\u0E4D\u0E32");
        return s;
    };
    Rows memo = memo_rows();
    memo[1][1] = "กรมทรัพยากรน\u0E4D\u0E49\u0E32";         // a value, with the tone mark between
    memo[9][0] = as_in_pdf("ตำแหน่ง");                       // a key
    Rows measures = measure_rows();
    measures[0][0] = as_in_pdf("ลำดับ");                      // a header
    measures[1][1] = as_in_pdf("ทบทวนการดำเนินงาน");
    measures[3][3] = as_in_pdf("อยู่ระหว่างดำเนินการ");          // a status
    auto xlsx = ingest::read_xlsx(test::make_xlsx({{"หนังสือ", memo}, {"คะแนน", score_rows()}, {"มาตรการ", measures},
                                                   {as_in_pdf("สำรอง"), {}}}),
                                  "t.xlsx");
    BOOST_TEST_REQUIRE(xlsx.workbook.sheets.size() == 4u);
    BOOST_TEST(xlsx.workbook.sheets[3].name == "สำรอง");      // a sheet name
    auto result = ingest::read_report(xlsx.workbook, "t.xlsx");
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.diagnostics.empty(), all_messages(result.diagnostics));
    const model::Report& r = result.report;
    BOOST_TEST(r.memo.agency == "กรมทรัพยากรน\u0E49\u0E33");
    BOOST_TEST(r.memo.signer_title == "เลขานุการกรม");
    BOOST_TEST_REQUIRE(r.measures.size() == 1u);
    BOOST_TEST(r.measures[0].text == "ทบทวนการดำเนินงาน");
    BOOST_TEST_REQUIRE(r.measures[0].steps.size() == 2u);
    BOOST_TEST((r.measures[0].steps[1].status == model::Status::in_progress));
}

BOOST_AUTO_TEST_CASE(a_control_character_in_a_cell_is_one_line_naming_it) {
    Rows measures = measure_rows();
    measures[2][1] = "จัดโครงการอบรม\x07";
    auto result = ingest::read_report_xlsx(
        test::make_xlsx({{"หนังสือ", memo_rows()}, {"คะแนน", score_rows()}, {"มาตรการ", measures}}), "inputs/x.xlsx");
    BOOST_TEST(!result);
    BOOST_TEST(all_messages(result.diagnostics) ==
               "inputs/x.xlsx: sheet มาตรการ, cell B3: error: มีอักขระควบคุม U+0007 (BEL) ที่อักขระที่ 15 ต่อจาก "
               "\"ครงการอบรม\" ซึ่งมองไม่เห็นและพิมพ์ไม่ได้ ให้ลบออก (a control character U+0007 (BEL) at character 15, "
               "after \"ครงการอบรม\": it cannot be seen or printed; delete it)\n");
    BOOST_TEST(result.report.measures.empty());
}

BOOST_AUTO_TEST_CASE(missing_required_key_is_one_exact_line) {
    Rows memo = memo_rows();
    std::erase_if(memo, [](const auto& row) { return row[0] == "ผู้ลงนาม"; });
    auto result = read(memo, score_rows(), measure_rows());
    BOOST_TEST(!result);
    BOOST_TEST(has_line(result.diagnostics,
                        "t.xlsx: sheet หนังสือ: error: ไม่มีคีย์ ผู้ลงนาม [signer] (missing required key: signer)"),
               all_messages(result.diagnostics));
}

BOOST_AUTO_TEST_CASE(every_problem_is_reported_with_its_cell) {
    Rows memo = memo_rows();
    memo[2][1] = "";              // ชื่อย่อ empty: B3
    memo[5][1] = "วันพรุ่งนี้";        // not a date: B6
    Rows scores = score_rows();
    scores[2][2] = "เก้าสิบ";        // not a number: C3
    Rows measures = measure_rows();
    measures[2][3] = "เสร็จครึ่งหนึ่ง";  // unknown status: D3
    auto result = read(memo, scores, measures);
    BOOST_TEST(!result);
    const auto& d = result.diagnostics;
    BOOST_TEST(has_line(d, "t.xlsx: sheet หนังสือ, cell B3: error: ค่าว่าง ต้องระบุ ชื่อย่อ [agency_abbr] (empty value: "
                           "agency_abbr is required)"),
               all_messages(d));
    BOOST_TEST(std::any_of(d.begin(), d.end(), [](const auto& x) {
        return x.at == model::CellRef{"t.xlsx", "หนังสือ", 6, 2} && x.message.find("not a date") != std::string::npos;
    }));
    BOOST_TEST(has_line(d, "t.xlsx: sheet คะแนน, cell C3: error: ไม่ใช่ตัวเลข: \"เก้าสิบ\" ใน EIT (not a number: "
                           "\"เก้าสิบ\" for eit)"),
               all_messages(d));
    BOOST_TEST(std::any_of(d.begin(), d.end(), [](const auto& x) {
        return x.at == model::CellRef{"t.xlsx", "มาตรการ", 3, 4} && x.message.find("unknown status") != std::string::npos;
    }));
}

BOOST_AUTO_TEST_CASE(non_number_score_names_cell_c5) {
    Rows scores = score_rows();
    scores.push_back({"n:2562", "n:81.42", "n:80.38", "n:98.75", "n:88.04", "A"});
    scores.push_back({"n:2561", "n:79.35", "ไม่มีข้อมูล", "n:86.36", "n:86.95", "สูงมาก"});
    auto result = read(memo_rows(), scores, measure_rows());
    BOOST_TEST(!result);
    BOOST_TEST_REQUIRE(result.diagnostics.size() == 1u, all_messages(result.diagnostics));
    BOOST_TEST((result.diagnostics[0].at == model::CellRef{"t.xlsx", "คะแนน", 5, 3}));
    BOOST_TEST(model::to_string(result.diagnostics[0]).starts_with("t.xlsx: sheet คะแนน, cell C5: error: "));
}

BOOST_AUTO_TEST_CASE(thai_digits_in_text_scores_read_as_numbers) {
    Rows scores = score_rows();
    scores[2] = {"๒๕๖๔", "๙๖.๒๙", "95.20", "๑๐๐.๐๐", "๙๗.๔๕", "AA"};
    auto result = read(memo_rows(), scores, measure_rows());
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    const auto& row = result.report.scores.at(1);
    BOOST_TEST(row.fiscal_year_be == 2564);
    BOOST_TEST(row.iit == 96.29);
    BOOST_TEST(row.eit == 95.2);
    BOOST_TEST(row.oit == 100.0);
    BOOST_TEST(row.ita == 97.45);
}

BOOST_AUTO_TEST_CASE(three_status_columns_read) {
    Rows measures = {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "ผลการดำเนินการ"},
        {"", "", "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"},
        {"๕", "มาตรการ/แนวทาง ๕.การบูรณาการงาน"},
        {"๕.๑", "๕.๑ พัฒนาระบบ QR Code", "", "✓"},
        {"๕.๒", "ทบทวนแนวปฏิบัติ", "", "", "x"},
        {"๕.๓", "วางระบบ", "✔"},
    };
    auto result = read(memo_rows(), score_rows(), measures);
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST_REQUIRE(result.report.measures.size() == 1u);
    const auto& m = result.report.measures[0];
    BOOST_TEST(m.number == 5);
    BOOST_TEST(m.text == "การบูรณาการงาน");
    BOOST_TEST_REQUIRE(m.steps.size() == 3u);
    BOOST_TEST(m.steps[0].text == "พัฒนาระบบ QR Code");
    BOOST_TEST((m.steps[0].status == model::Status::in_progress));
    BOOST_TEST((m.steps[1].status == model::Status::not_started));
    BOOST_TEST((m.steps[2].status == model::Status::done));
}

BOOST_AUTO_TEST_CASE(two_marks_or_none_are_errors) {
    Rows measures = {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "ดำเนินการแล้ว", "อยู่ระหว่างดำเนินการ", "ยังไม่ได้ดำเนินการ"},
        {"1", "มาตรการ"},
        {"1.1", "สองเครื่องหมาย", "✓", "✓"},
        {"1.2", "ไม่มีเครื่องหมาย"},
    };
    auto result = read(memo_rows(), score_rows(), measures);
    BOOST_TEST(!result);
    BOOST_TEST(has_line(result.diagnostics,
                        "t.xlsx: sheet มาตรการ, row 3: error: ขั้นตอน 1.1 ต้องมีเครื่องหมายในคอลัมน์สถานะหนึ่งคอลัมน์พอดี "
                        "(step 1.1 needs a mark in exactly one status column, found 2)"),
               all_messages(result.diagnostics));
    BOOST_TEST(all_messages(result.diagnostics).find("row 4: error:") != std::string::npos);
}

BOOST_AUTO_TEST_CASE(steps_out_of_place_are_errors) {
    Rows measures = {
        {"ลำดับ", "มาตรการ/ขั้นตอน", "สถานะ"},
        {"1.1", "ก่อนมาตรการ", "ดำเนินการแล้ว"},
        {"1", "มาตรการหนึ่ง"},
        {"2.1", "ผิดมาตรการ", "done"},
        {"abc", "ลำดับผิด", "done"},
    };
    auto result = read(memo_rows(), score_rows(), measures);
    BOOST_TEST(!result);
    const std::string all = all_messages(result.diagnostics);
    BOOST_TEST(all.find("t.xlsx: sheet มาตรการ, cell A2: error:") != std::string::npos, all);
    BOOST_TEST(all.find("comes before any measure") != std::string::npos, all);
    BOOST_TEST(all.find("t.xlsx: sheet มาตรการ, cell A4: error:") != std::string::npos, all);
    BOOST_TEST(all.find("is under measure 1") != std::string::npos, all);
    BOOST_TEST(all.find("t.xlsx: sheet มาตรการ, cell A5: error:") != std::string::npos, all);
}

BOOST_AUTO_TEST_CASE(unknown_keys_and_columns_are_kept) {
    Rows memo = memo_rows();
    memo.push_back({"ผู้ประสานงาน", "นายสมชาย"});
    Rows measures = measure_rows();
    measures[0].push_back("หมายเหตุ");
    measures[2].resize(5);
    measures[2][4] = "งบประมาณ ๕๐,๐๐๐ บาท";
    auto result = read({{"หนังสือ", memo}, {"คะแนน", score_rows()}, {"มาตรการ", measures},
                        {"ตัวแปร", {{"key", "value"}, {"min_sample", "๓๐"}}}});
    BOOST_TEST_REQUIRE(bool(result), all_messages(result.diagnostics));
    BOOST_TEST(result.report.variables.at("ผู้ประสานงาน") == "นายสมชาย");
    BOOST_TEST(result.report.variables.at("min_sample") == "๓๐");
    BOOST_TEST(result.report.measures[0].steps[0].extra.at("หมายเหตุ") == "งบประมาณ ๕๐,๐๐๐ บาท");
}

BOOST_AUTO_TEST_CASE(workbook_without_ita_sheets_is_refused) {
    auto result = read({{"Sheet1", {{"hello"}}}}, "other.xlsx");
    BOOST_TEST_REQUIRE(result.diagnostics.size() == 1u);
    BOOST_TEST(model::to_string(result.diagnostics[0]) ==
               "other.xlsx: error: ไม่ใช่สมุดงาน ITA (not an ITA workbook: no sheet หนังสือ/คะแนน/มาตรการ)");
}

BOOST_AUTO_TEST_CASE(files_of_other_formats_are_refused_naming_them) {
    auto dir = std::filesystem::temp_directory_path() / "saraban-ingest-test";
    std::filesystem::create_directories(dir);
    std::string csv = (dir / "คะแนน.csv").string();
    std::ofstream(csv) << "ปีงบประมาณ,IIT\n";
    auto result = ingest::read_report_file(csv);
    BOOST_TEST_REQUIRE(result.diagnostics.size() == 1u);
    BOOST_TEST(model::to_string(result.diagnostics[0]).starts_with(csv + ": error: "));
    BOOST_TEST(result.diagnostics[0].message.find("one CSV file is one sheet") != std::string::npos);

    std::string missing = (dir / "missing.xlsx").string();
    auto none = ingest::read_report_file(missing);
    BOOST_TEST_REQUIRE(none.diagnostics.size() == 1u);
    BOOST_TEST(model::to_string(none.diagnostics[0]).starts_with(missing + ": error: "));
    std::filesystem::remove_all(dir);
}

namespace {

// A fresh, empty folder under /tmp, removed when the test ends.
struct TempFolder {
    std::filesystem::path path;
    explicit TempFolder(const std::string& name) : path(std::filesystem::temp_directory_path() / name) {
        std::filesystem::remove_all(path);
        std::filesystem::create_directories(path);
    }
    ~TempFolder() { std::filesystem::remove_all(path); }
    std::string write(const std::string& name, const std::string& content) const {
        std::filesystem::create_directories((path / name).parent_path());
        std::ofstream((path / name).string(), std::ios::binary) << content;
        return (path / name).string();
    }
};

}  // namespace

BOOST_AUTO_TEST_CASE(csv_folder_problems_name_the_folder_or_the_csv_file) {
    TempFolder dir("saraban-csv-folder-test");
    dir.write("คะแนน.csv", "ปีงบประมาณ,IIT,EIT,OIT,ITA,ระดับ\n2564,96.29,95.20,เก้าสิบ,97.45,AA\n");
    dir.write("notes.txt", "not a sheet");
    const std::string folder = dir.path.string();
    auto result = ingest::read_report_file(folder + "/");  // a trailing slash is dropped
    BOOST_TEST(!result);
    BOOST_TEST(result.report.source == folder);
    BOOST_TEST(has_line(result.diagnostics, folder + ": error: ไม่มีชีต หนังสือ [memo] (missing sheet: memo)"),
               all_messages(result.diagnostics));
    BOOST_TEST(has_line(result.diagnostics, folder + "/คะแนน.csv: sheet คะแนน, cell D2: error: ไม่ใช่ตัวเลข: "
                                                     "\"เก้าสิบ\" ใน OIT (not a number: \"เก้าสิบ\" for oit)"),
               all_messages(result.diagnostics));

    TempFolder empty("saraban-csv-empty-test");
    auto nothing = ingest::read_report_file(empty.path.string());
    BOOST_TEST(all_messages(nothing.diagnostics) ==
               empty.path.string() + ": error: ไม่มีไฟล์ .csv ในโฟลเดอร์ (no .csv file in the folder: expected "
                                     "หนังสือ.csv, คะแนน.csv, มาตรการ.csv)\n");
}

BOOST_AUTO_TEST_CASE(the_same_sheet_twice_in_a_csv_folder_is_an_error) {
    TempFolder dir("saraban-csv-twice-test");
    dir.write("scores.csv", "ปีงบประมาณ,IIT\n");
    std::string thai = dir.write("คะแนน.csv", "ปีงบประมาณ,IIT\n");
    auto result = ingest::read_report_file(dir.path.string());
    BOOST_TEST(has_line(result.diagnostics, thai + ": sheet คะแนน: error: มีชีต คะแนน [scores] มากกว่าหนึ่งชีต (more "
                                                   "than one scores sheet; the first, scores, is used)"),
               all_messages(result.diagnostics));
}

BOOST_AUTO_TEST_CASE(agency_inputs_of_a_folder) {
    TempFolder dir("saraban-find-inputs-test");
    dir.write("b.xlsx", "");
    dir.write("A.XLSX", "");
    dir.write("~$b.xlsx", "");          // Office's lock file
    dir.write("old.xls", "");           // listed, to be refused with "save it as .xlsx"
    dir.write("notes.txt", "");
    dir.write("notes.csv", "a,b\n");    // a CSV that is no sheet: the folder is not a CSV agency
    dir.write("sbn/หนังสือ.csv", "");     // a CSV agency
    dir.write("sbn/คะแนน.csv", "");
    dir.write("en/scores.csv", "");      // English alias
    dir.write("other/data.csv", "");     // not an agency
    dir.write("other/x.xlsx", "");       // not looked into from the root
    const std::string root = dir.path.string();
    std::vector<std::string> expected = {root + "/A.XLSX", root + "/b.xlsx", root + "/en", root + "/old.xls",
                                         root + "/sbn"};
    BOOST_TEST(ingest::find_agency_inputs(root) == expected, boost::test_tools::per_element());
    BOOST_TEST(ingest::find_agency_inputs(root + "/") == expected, boost::test_tools::per_element());
    // A CSV agency named itself is one input.
    BOOST_TEST(ingest::find_agency_inputs(root + "/sbn/") == std::vector<std::string>{root + "/sbn"},
               boost::test_tools::per_element());
    BOOST_TEST(ingest::find_agency_inputs(root + "/other") == std::vector<std::string>{root + "/other/x.xlsx"},
               boost::test_tools::per_element());
}

BOOST_AUTO_TEST_SUITE_END()
