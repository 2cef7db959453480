// write_tracking_workbook: the workbook is an input workbook again (ingest reads it back to the same model), the
// same report gives the same bytes, and a failure says where and why.
#include <boost/test/unit_test.hpp>

#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

#include <chrono>
#include <span>
#include <thread>

#include "support/diagnostics.h"
#include "render/xlsx/tracking_fixture.h"

using namespace saraban;
using saraban::testing::all_messages;
using saraban::testing::has_line;
using namespace saraban::testing;

namespace {

// Reads a written workbook as the next round will: bytes → read_xlsx → read_report.
ingest::ReportResult read_back(const fs::path& path) {
    const std::string bytes = read_file(path);
    BOOST_TEST_REQUIRE(!bytes.empty(), "empty file " << path);
    const auto span = std::as_bytes(std::span(bytes.data(), bytes.size()));
    ingest::XlsxResult xlsx = ingest::read_xlsx(span, path.filename().string());
    BOOST_TEST_REQUIRE(bool(xlsx), "read_xlsx failed on " << path);
    return ingest::read_report(xlsx.workbook, path.filename().string());
}

// One part of the workbook's zip, "" when absent.
std::string zip_part(const fs::path& path, const std::string& name) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    BOOST_TEST_REQUIRE(archive != nullptr, "zip_open " << path << ": " << error);
    std::string content;
    zip_stat_t stat;
    if (zip_stat(archive, name.c_str(), 0, &stat) == 0) {
        content.resize(stat.size);
        zip_file_t* file = zip_fopen(archive, name.c_str(), 0);
        BOOST_TEST_REQUIRE(file != nullptr);
        BOOST_TEST_REQUIRE(zip_fread(file, content.data(), stat.size) == zip_int64_t(stat.size));
        zip_fclose(file);
    }
    zip_discard(archive);
    return content;
}

// Every field of the model except where it was read from (source, CellRefs).
void check_same_report(const model::Report& got, const model::Report& want) {
    const model::MemoHeader& g = got.memo;
    const model::MemoHeader& w = want.memo;
    BOOST_TEST(g.agency == w.agency);
    BOOST_TEST(g.agency_abbr == w.agency_abbr);
    BOOST_TEST(g.division == w.division);
    BOOST_TEST(g.phone == w.phone);
    BOOST_TEST(g.ref == w.ref);
    BOOST_TEST((g.date == w.date), "date " << g.date.year << "-" << g.date.month << "-" << g.date.day);
    BOOST_TEST(g.subject == w.subject);
    BOOST_TEST(g.to == w.to);
    BOOST_TEST(g.via == w.via);
    BOOST_TEST(g.signer == w.signer);
    BOOST_TEST(g.signer_title == w.signer_title);
    BOOST_TEST(g.fiscal_year_be == w.fiscal_year_be);
    BOOST_TEST(g.round_months == w.round_months);
    BOOST_TEST(g.template_name == w.template_name);

    BOOST_TEST_REQUIRE(got.scores.size() == want.scores.size());
    for (std::size_t i = 0; i < want.scores.size(); ++i) {
        BOOST_TEST_CONTEXT("score row " << i) {
            const model::ScoreRow& gs = got.scores[i];
            const model::ScoreRow& ws = want.scores[i];
            BOOST_TEST(gs.fiscal_year_be == ws.fiscal_year_be);
            BOOST_TEST(gs.iit == ws.iit);
            BOOST_TEST(gs.eit == ws.eit);
            BOOST_TEST(gs.oit == ws.oit);
            BOOST_TEST(gs.ita == ws.ita);
            BOOST_TEST(gs.level == ws.level);
            BOOST_TEST((gs.extra == ws.extra));
        }
    }

    BOOST_TEST_REQUIRE(got.measures.size() == want.measures.size());
    for (std::size_t i = 0; i < want.measures.size(); ++i) {
        const model::Measure& gm = got.measures[i];
        const model::Measure& wm = want.measures[i];
        BOOST_TEST_CONTEXT("measure " << wm.number) {
            BOOST_TEST(gm.number == wm.number);
            BOOST_TEST(gm.text == wm.text);
            BOOST_TEST(gm.target_group == wm.target_group);
            BOOST_TEST(gm.indicator == wm.indicator);
            BOOST_TEST(gm.owner == wm.owner);
            BOOST_TEST(gm.monitoring == wm.monitoring);
            BOOST_TEST_REQUIRE(gm.steps.size() == wm.steps.size());
            for (std::size_t j = 0; j < wm.steps.size(); ++j) {
                const model::Step& gs = gm.steps[j];
                const model::Step& ws = wm.steps[j];
                BOOST_TEST_CONTEXT("step " << ws.measure_no << "." << ws.step_no) {
                    BOOST_TEST(gs.measure_no == ws.measure_no);
                    BOOST_TEST(gs.step_no == ws.step_no);
                    BOOST_TEST(gs.text == ws.text);
                    BOOST_TEST(gs.target_group == ws.target_group);
                    BOOST_TEST(gs.indicator == ws.indicator);
                    BOOST_TEST(gs.owner == ws.owner);
                    BOOST_TEST(gs.monitoring == ws.monitoring);
                    BOOST_TEST((gs.status == ws.status));
                    BOOST_TEST(gs.progress == ws.progress);
                    BOOST_TEST(gs.due == ws.due);
                    BOOST_TEST((gs.extra == ws.extra));
                }
            }
        }
    }
    BOOST_TEST((got.variables == want.variables));
}

// A report with what the sample lacks: optional memo fields empty, a template name, due dates (ISO and free
// text), unknown score and step columns, a step with its own owner, a measure without steps, and a variable
// whose value looks like a number.
model::Report unusual_report() {
    model::Report r;
    r.memo.agency = "กรมตัวอย่าง";
    r.memo.agency_abbr = "กต.";
    r.memo.division = "สำนักงานเลขานุการกรม";
    r.memo.ref = "ตย ๐๐๐๑/๑";
    r.memo.date = {2022, 3, 31};
    r.memo.subject = "รายงานผล รอบ ๖ เดือน";
    r.memo.to = "อธิบดีกรมตัวอย่าง";
    r.memo.signer = "นายทดสอบ ระบบ";
    r.memo.signer_title = "เลขานุการกรม";
    r.memo.fiscal_year_be = 2565;
    r.memo.round_months = 6;
    r.memo.template_name = "progress-report";
    model::ScoreRow s;
    s.fiscal_year_be = 2565;
    s.iit = 88.5;
    s.eit = 90.125;
    s.oit = 77;
    s.ita = 84.4;
    s.level = "B";
    s.extra = {{"eit_population", "1200"}, {"หมายเหตุ", "ประเมินรอบแรก"}, {"สัดส่วน", "0.25"}};
    r.scores.push_back(s);
    model::Measure m1;
    m1.number = 1;
    m1.text = "มาตรการแรก";
    m1.owner = "สลก.";
    model::Step a;
    a.measure_no = 1;
    a.step_no = 1;
    a.text = "ขั้นตอนแรก";
    a.owner = "สลก.";  // inherited
    a.status = model::Status::not_started;
    a.due = "2022-09-30";
    a.extra = {{"งบประมาณ", "50000"}};
    model::Step b = a;
    b.step_no = 10;  // "1.10" must not become 1.1
    b.text = "ขั้นตอนที่สิบ";
    b.owner = "ศทส.";  // its own
    b.status = model::Status::in_progress;
    b.progress = "อยู่ระหว่างจัดซื้อ";
    b.due = "ภายในไตรมาส ๔";
    b.extra = {{"หมายเหตุ", "เร่งด่วน"}};
    m1.steps = {a, b};
    model::Measure m2;
    m2.number = 2;
    m2.text = "มาตรการที่ยังไม่มีขั้นตอน";
    r.measures = {m1, m2};
    r.variables = {{"min_sample", "30"}, {"measures_approved_date", "2021-02-16"}, {"note", "ข้อความ"}};
    return r;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_tracking_workbook)

BOOST_AUTO_TEST_CASE(sample_reads_back_to_the_same_report) {
    TempDir dir;
    const model::Report& sample = sample_report();
    const fs::path path = write_workbook(sample, sample_findings(), dir.path());
    ingest::ReportResult back = read_back(path);
    BOOST_TEST(back.diagnostics.empty(), all_messages(back.diagnostics));
    check_same_report(back.report, sample);
    // The sample's own facts, so that an empty model on both sides cannot pass.
    BOOST_TEST(back.report.measures.size() == 6u);
    BOOST_TEST((back.report.measures.at(4).steps.at(0).status == model::Status::in_progress));
    BOOST_TEST(back.report.measures.at(4).steps.at(0).progress.starts_with("การพัฒนาระบบการกำกับ"));
    BOOST_TEST(back.report.scores.back().extra.at("eit_population") == "538");
    BOOST_TEST(back.report.memo.date.day == 17);
}

BOOST_AUTO_TEST_CASE(unusual_report_reads_back_to_the_same_report) {
    TempDir dir;
    const model::Report report = unusual_report();
    const fs::path path = write_workbook(report, {}, dir.path());
    ingest::ReportResult back = read_back(path);
    // A measure without steps is a warning or nothing, never an error.
    BOOST_TEST(!model::has_error(back.diagnostics), all_messages(back.diagnostics));
    check_same_report(back.report, report);
    BOOST_TEST(back.report.measures.at(0).steps.at(1).step_no == 10);
}

BOOST_AUTO_TEST_CASE(same_report_gives_the_same_bytes) {
    TempDir dir;
    const fs::path first = write_workbook(sample_report(), sample_findings(), dir.path(), "first.xlsx");
    // A second later, so that anything taken from the clock (in seconds, as zip and docProps keep it) would differ.
    std::this_thread::sleep_for(std::chrono::milliseconds(1100));
    const fs::path second = write_workbook(sample_report(), sample_findings(), dir.path(), "second.xlsx");
    const std::string a = read_file(first), b = read_file(second);
    BOOST_TEST(a.size() > 10000u);
    BOOST_TEST((a == b), "the two workbooks differ (" << a.size() << " and " << b.size() << " bytes)");
    // The creation time is the memo's date (2021-09-17), not the clock.
    const fs::path third = write_workbook(unusual_report(), {}, dir.path(), "third.xlsx");
    BOOST_TEST((read_file(third) != a));
}

BOOST_AUTO_TEST_CASE(metadata_in_document_properties) {
    TempDir dir;
    const fs::path path = write_workbook(sample_report(), {}, dir.path());
    const std::string core = zip_part(path, "docProps/core.xml");
    BOOST_TEST(core.find("<dcterms:created xsi:type=\"dcterms:W3CDTF\">2021-09-17T00:00:00Z</dcterms:created>") !=
                   std::string::npos,
               core);
    const std::string custom = zip_part(path, "docProps/custom.xml");
    for (const std::string& expected : {std::string("name=\"saraban_format_version\""), std::string("<vt:i4>2</vt:i4>"),
                                        std::string("name=\"saraban_fiscal_year\""), std::string("<vt:i4>2564</vt:i4>"),
                                        std::string("<vt:lpwstr>sample.xlsx</vt:lpwstr>")})
        BOOST_TEST(custom.find(expected) != std::string::npos, expected << " in " << custom);
}

// Deflate of bytes at level, raw as minizip writes a zip entry (or in the zlib format, as a PDF's streams): its size.
std::size_t deflated_size(const std::string& bytes, int level, bool raw = true) {
    z_stream z{};
    BOOST_TEST_REQUIRE(deflateInit2(&z, level, Z_DEFLATED, raw ? -MAX_WBITS : MAX_WBITS, 8, Z_DEFAULT_STRATEGY) == Z_OK);
    std::string out(deflateBound(&z, uLong(bytes.size())), '\0');
    z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(bytes.data()));
    z.avail_in = uInt(bytes.size());
    z.next_out = reinterpret_cast<Bytef*>(out.data());
    z.avail_out = uInt(out.size());
    BOOST_TEST_REQUIRE(deflate(&z, Z_FINISH) == Z_STREAM_END);
    const std::size_t size = z.total_out;
    deflateEnd(&z);
    return size;
}

BOOST_AUTO_TEST_CASE(parts_are_deflated_at_the_workbook_level_not_zlibs_default) {
    TempDir dir;
    const fs::path path = write_workbook(sample_report(), sample_findings(), dir.path());
    BOOST_TEST(render::workbook_zip_level() == 2);
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), ZIP_RDONLY, &error);
    BOOST_TEST_REQUIRE(archive != nullptr);
    for (const char* name : {"xl/sharedStrings.xml", "xl/worksheets/sheet3.xml", "xl/styles.xml"}) {
        zip_stat_t stat;
        BOOST_TEST_REQUIRE(zip_stat(archive, name, 0, &stat) == 0, name);
        const std::string part = zip_part(path, name);
        BOOST_TEST(stat.comp_method == ZIP_CM_DEFLATE, name);
        // Level 2 gives these very bytes; level 6, zlib's default, packs the same XML tighter. (Asked here by its
        // number: in this program, as in saraban, Z_DEFAULT_COMPRESSION now means 2.)
        BOOST_TEST(stat.comp_size == deflated_size(part, 2), name);
        BOOST_TEST(stat.comp_size > deflated_size(part, 6), name);
    }
    zip_discard(archive);
    // The workbook still reads back whole.
    BOOST_TEST(read_back(path).diagnostics.empty());
    // A zlib-format stream at the default level (libharu compressing a picture) keeps zlib's default, 6.
    const std::string part = zip_part(path, "xl/sharedStrings.xml");
    BOOST_TEST(deflated_size(part, Z_DEFAULT_COMPRESSION, false) == deflated_size(part, 6, false));
    BOOST_TEST(deflated_size(part, Z_DEFAULT_COMPRESSION, false) != deflated_size(part, 2, false));
}

BOOST_AUTO_TEST_CASE(unwritable_path_gives_libxlsxwriter_message) {
    TempDir dir;
    const fs::path path = dir / "no-such-folder" / "tracking.xlsx";
    const std::string error = render::write_tracking_workbook(sample_report(), {}, path.string());
    BOOST_TEST(error == path.string() + ": workbook_close: " + lxw_strerror(LXW_ERROR_CREATING_XLSX_FILE));
    BOOST_TEST(!fs::exists(path));
}

BOOST_AUTO_TEST_CASE(too_long_text_names_sheet_and_cell) {
    TempDir dir;
    model::Report report = unusual_report();
    report.measures.at(0).steps.at(1).progress = std::string(40000, 'x');  // Excel's limit is 32,767 characters
    const fs::path path = dir / "long.xlsx";
    const std::string error = render::write_tracking_workbook(report, {}, path.string());
    // Measure 1 is row 3 (under the two header rows), its steps rows 4 and 5; ความคืบหน้า is column H.
    BOOST_TEST(error == std::string("sheet มาตรการ, cell H5: worksheet_write_string: ") +
                            lxw_strerror(LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED));
    BOOST_TEST(!fs::exists(path), "a failed workbook is removed");
}

BOOST_AUTO_TEST_SUITE_END()
