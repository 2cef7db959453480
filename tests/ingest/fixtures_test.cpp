// The sample's data as real producers save it (tests/ingest/fixtures, made by make_fixtures.sh): every one must
// read to the same report with no finding. And hand-made broken inputs, each with its one expected line.
#include <boost/test/data/monomorphic.hpp>
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <filesystem>
#include <fstream>
#include <string>
#include <vector>

#include "support/diagnostics.h"
#include "ingest/report_reader.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;
namespace data = boost::unit_test::data;

namespace {

const std::string fixtures = SARABAN_SOURCE_DIR "/tests/ingest/fixtures";

struct ExpectedScore {
    int year;
    double iit, eit, oit, ita;
    const char* level;
};

// The seed's score table (shared/seeds/000_d631fcd529c849e4.txt), as inputs/sample.xlsx holds it.
const ExpectedScore seed_scores[] = {
    {2558, 67.75, 82.58, 79.07, 80.56, "สูงมาก"}, {2559, 71.81, 88.95, 83.72, 85.10, "สูงมาก"},
    {2560, 77.34, 87.72, 86.36, 84.11, "สูงมาก"}, {2561, 79.35, 88.85, 86.36, 86.95, "สูงมาก"},
    {2562, 81.42, 80.38, 98.75, 88.04, "A"},       {2563, 86.85, 79.21, 62.29, 74.73, "C"},
    {2564, 96.29, 95.20, 100.00, 97.45, "AA"},
};

// The one checker: whatever the producer, the report is the sample's.
void check_sample_report(const ingest::ReportResult& result, const std::string& path) {
    BOOST_TEST_REQUIRE(result.diagnostics.empty(), all_messages(result.diagnostics));
    const model::Report& r = result.report;
    BOOST_TEST(r.source == path);

    BOOST_TEST(r.memo.agency == "สำนักงานบริหารหนี้สาธารณะ");
    BOOST_TEST(r.memo.agency_abbr == "สบน.");
    BOOST_TEST(r.memo.phone == "๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๑๒๔");
    BOOST_TEST(r.memo.ref == "กค ๐๙๐๑/สลก./๙๔๒");
    BOOST_TEST((r.memo.date == model::Date{2021, 9, 17}));
    BOOST_TEST(r.memo.via == "รอง ผอ.สบน. (นายธีรศักดิ์ แสงสนิท)");
    BOOST_TEST(r.memo.signer == "นางสาวสิริภา สัตยานนท์");
    BOOST_TEST(r.memo.fiscal_year_be == 2564);
    BOOST_TEST(r.memo.round_months == 12);
    BOOST_TEST(r.memo.subject.ends_with("ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน"));
    const model::CellRef& date_at = r.memo.at.at("date");
    BOOST_TEST((date_at.row == 7 && date_at.col == 2), model::to_string(date_at));

    BOOST_TEST_REQUIRE(r.scores.size() == std::size(seed_scores));
    for (std::size_t i = 0; i < r.scores.size(); ++i) {
        const model::ScoreRow& got = r.scores[i];
        const ExpectedScore& want = seed_scores[i];
        BOOST_TEST_CONTEXT("score row " << want.year) {
            BOOST_TEST(got.fiscal_year_be == want.year);
            BOOST_TEST(got.iit == want.iit);
            BOOST_TEST(got.eit == want.eit);
            BOOST_TEST(got.oit == want.oit);
            BOOST_TEST(got.ita == want.ita);
            BOOST_TEST(got.level == want.level);
            BOOST_TEST((got.field_at.at("ita").row == int(i) + 2 && got.field_at.at("ita").col == 5));
        }
    }
    BOOST_TEST(r.scores.back().extra.at("eit_population") == "538");

    BOOST_TEST_REQUIRE(r.measures.size() == 6u);
    const std::size_t steps_per_measure[] = {2, 2, 1, 2, 3, 2};
    for (std::size_t i = 0; i < r.measures.size(); ++i) {
        BOOST_TEST(r.measures[i].number == int(i) + 1);
        BOOST_TEST(r.measures[i].steps.size() == steps_per_measure[i]);
        auto expected = i == 4 ? model::Status::in_progress : model::Status::done;
        BOOST_TEST((model::measure_status(r.measures[i]) == expected));
    }
    const model::Measure& five = r.measures[4];
    BOOST_TEST((five.steps[0].status == model::Status::in_progress));
    BOOST_TEST((five.steps[2].status == model::Status::done));
    BOOST_TEST(five.steps[0].text == "พัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code");
    BOOST_TEST(five.steps[0].owner == "สำนักงานเลขานุการกรม");  // inherited from the measure
    BOOST_TEST(five.steps[1].progress.ends_with("โดยจะแล้วเสร็จภายในไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕"));
    BOOST_TEST(five.steps[0].field_at.at("no").col == 1);

    BOOST_TEST(r.variables.at("measures_approved_date") == "2021-02-16");
    BOOST_TEST(r.variables.at("oit_collection_period") == "วันที่ ๑ มีนาคม ๒๕๖๔ – ๑๔ พฤษภาคม ๒๕๖๔");  // en dash
}

// Fixture names under tests/ingest/fixtures: .xlsx files and CSV agency folders.
const std::vector<std::string> producers = {
    "libxlsxwriter.xlsx",      // the sample as make_sample_workbook writes it
    "libreoffice.xlsx",        // opened and saved again by LibreOffice Calc
    "libreoffice.ods",         // saved by LibreOffice Calc in its own format (OpenDocument)
    "openpyxl.xlsx",           // English sheet names, date cell, Thai-digit ITA text, three ✓ status columns
    "csv-utf8",                // LibreOffice CSV export: UTF-8, comma, Thai file names
    "csv-utf8-bom-semicolon",  // UTF-8 with BOM, semicolon, CRLF, English file names (memo.csv, …)
    "csv-tis620",              // iconv -t TIS-620 (and CP874 for the en dash)
    "csv-utf16",               // UTF-16 with BOM, tab-separated: LE, and BE for มาตรการ.csv
};

// Under tests/ingest/fixtures/broken, each with its one diagnostic line ("{dir}" stands for the broken/ folder).
const std::vector<std::string> broken_names = {
    "libreoffice.xls", "latin-csv", "utf16-no-bom", "unclosed-quote", "คะแนน.csv",
    "lookalike-csv",
};

const std::vector<std::string> broken_lines = {
    "{dir}/libreoffice.xls: error: เป็นไฟล์ .xls แบบเก่าหรือไฟล์ .xlsx ที่ตั้งรหัสผ่าน (an old .xls or a "
    "password-protected workbook); บันทึกเป็น .xlsx แล้วลองใหม่ (save it as .xlsx) without a password",

    "{dir}/latin-csv/คะแนน.csv: sheet คะแนน, cell B2: error: ข้อความไม่ใช่ UTF-8 ที่ถูกต้อง: ไบต์ 0x81 ที่อักขระที่ 1 "
    "ให้พิมพ์ข้อความในเซลล์นี้ใหม่ (invalid UTF-8: byte 0x81 at character 1; retype the cell's text)",

    "{dir}/utf16-no-bom/หนังสือ.csv:1: error: มีไบต์ศูนย์ ไม่ใช่ไฟล์ข้อความ หรือเป็น UTF-16 ที่ไม่มี BOM (a NUL byte: "
    "not a text file, or UTF-16 without a byte-order mark); บันทึกเป็น CSV UTF-8 แล้วลองใหม่ (save it as \"CSV "
    "UTF-8\")",

    "{dir}/unclosed-quote/มาตรการ.csv: sheet มาตรการ, row 3: error: เครื่องหมายคำพูด \" ไม่ได้ปิด (a quoted field "
    "opened in this row is never closed)",

    "{dir}/คะแนน.csv: error: ไฟล์ CSV หนึ่งไฟล์คือชีตเดียว ให้ใส่ หนังสือ.csv คะแนน.csv มาตรการ.csv ไว้ในโฟลเดอร์เดียวกัน "
    "แล้วระบุโฟลเดอร์ (one CSV file is one sheet: put หนังสือ.csv, คะแนน.csv and มาตรการ.csv in a folder and give "
    "the folder)",

    "{dir}/lookalike-csv/มาตรการ.csv: sheet มาตรการ, cell B3: warning: ตัวอักษร \"н\" (U+043D) เป็นอักษรซีริลลิก "
    "ปนอยู่ในคำไทย \"สบн.\" ควรเป็นอักษรไทย (a Cyrillic letter \"н\" (U+043D CYRILLIC SMALL LETTER EN) inside the "
    "Thai word \"สบн.\": a look-alike typed or scanned by mistake? expected a Thai letter)",
};

std::string with_dir(std::string line, const std::string& dir) {
    return line.replace(line.find("{dir}"), 5, dir);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(ingest_fixtures)

BOOST_DATA_TEST_CASE(every_producer_reads_to_the_sample_report, data::make(producers), name) {
    const std::string path = fixtures + "/" + name;
    check_sample_report(ingest::read_report_file(path), path);
}

BOOST_DATA_TEST_CASE(each_broken_input_gives_its_line, data::make(broken_names) ^ data::make(broken_lines), name,
                     expected) {
    const std::string dir = fixtures + "/broken";
    auto result = ingest::read_report_file(dir + "/" + name);
    BOOST_TEST(all_messages(result.diagnostics) == with_dir(expected, dir) + "\n");
    bool is_warning = expected.find(": warning: ") != std::string::npos;
    BOOST_TEST(bool(result) == is_warning);  // errors stop the agency, a warning does not
}

BOOST_AUTO_TEST_CASE(lookalike_fixture_reads_quoted_line_breaks_and_quotes) {
    auto result = ingest::read_report_file(fixtures + "/broken/lookalike-csv");
    BOOST_TEST_REQUIRE(result.report.measures.size() == 1u);
    BOOST_TEST_REQUIRE(result.report.measures[0].steps.size() == 1u);
    BOOST_TEST(result.report.measures[0].steps[0].text == "อบรมบุคลากร สบн. \"ต่อต้านการทุจริต\" รุ่นที่ ๑");
    BOOST_TEST((result.report.memo.date == model::Date{2021, 9, 17}));
}

BOOST_AUTO_TEST_SUITE_END()
