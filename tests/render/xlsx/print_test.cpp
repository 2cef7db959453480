// The tracking and overview workbooks as staff print them: LibreOffice prints every sheet to PDF, and the PDF is
// measured (pdf_pages.py): each page's text is set at ≥ 12 pt on paper (the sizes times the page's scale, as the
// PDF draws them), the มาตรการ sheet's pages each hold its first and last column (a column that did not fit the
// width would go to pages of its own, without them), its rows as tall as their wrapped text and no taller (a page
// count), headers whole, the page numbers run 1 to N of N, the chart's axes are in Thai digits; the overview on
// two pages across, the agency column on both, and its findings on a page of their own.
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <sstream>

#include "render/xlsx/overview_workbook.h"
#include "render/xlsx/tracking_fixture.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

struct Page {
    int number = 0;
    double min_size = 0;
    double max_size = 0;
    std::string text;   // pdftotext -raw (pdf_pages.py)
    std::string sheet;  // the footer's first word: the sheet's name
};

std::string unescape(const std::string& s) {
    std::string out;
    for (std::size_t i = 0; i < s.size(); ++i) {
        if (s[i] == '\\' && i + 1 < s.size() && s[i + 1] == 'n') {
            out += '\n';
            ++i;
        } else {
            out += s[i];
        }
    }
    return out;
}

// The footer's line, "<sheet> หน้า 3 / 16": the sheet's name.
std::string footer_sheet(const std::string& text) {
    static const std::regex footer("(?:^|\n)(\\S+) หน้า \\d+ / \\d+(?:\n|$)");
    std::smatch match;
    return std::regex_search(text, match, footer) ? match[1].str() : "";
}

// LibreOffice's PDF of a workbook, measured page by page (pdf_pages.py); dir holds its profile and the PDF.
std::vector<Page> print_pages(const fs::path& workbook, const fs::path& dir) {
    const Result r =
        run_program("soffice", {"-env:UserInstallation=file://" + (dir / "profile").string(), "--headless",
                                "--convert-to", "pdf", "--outdir", (dir / "pdf").string(), workbook.string()});
    BOOST_TEST_REQUIRE(r.status != 127, "soffice (LibreOffice) is not installed: install libreoffice-calc");
    BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << r.out << r.err);
    const fs::path pdf = dir / "pdf" / (workbook.stem().string() + ".pdf");
    BOOST_TEST_REQUIRE(fs::exists(pdf), "LibreOffice wrote no " << pdf << ": " << r.out << r.err);
    const Result measured =
        run_program("/usr/bin/python3", {SARABAN_SOURCE_DIR "/tests/render/xlsx/pdf_pages.py", pdf.string()});
    BOOST_TEST_REQUIRE(measured.status == 0, "pdf_pages.py failed (needs qpdf, poppler-utils): " << measured.err);
    std::vector<Page> pages;
    std::stringstream in(measured.out);
    for (std::string line; std::getline(in, line);) {
        Page page;
        std::stringstream fields(line);
        for (std::string field; std::getline(fields, field, '|');) {
            const auto eq = field.find('=');
            const std::string key = field.substr(0, eq), value = field.substr(eq + 1);
            if (key == "page")
                page.number = std::stoi(value);
            else if (key == "min")
                page.min_size = std::stod(value);
            else if (key == "max")
                page.max_size = std::stod(value);
            else if (key == "text")
                page.text = unescape(line.substr(line.find("|text=") + 6));
            if (key == "text") break;  // the text may hold '|'
        }
        page.sheet = footer_sheet(page.text);
        pages.push_back(std::move(page));
    }
    BOOST_TEST_REQUIRE(!pages.empty());
    return pages;
}

// The sample's workbook with a step and a measure removed since last round, printed by LibreOffice; made once.
struct Printed {
    TempDir dir;
    std::vector<Page> pages;

    Printed() {
        const compose::RoundChanges changes = changes_with_removed_items();
        const fs::path workbook = write_workbook(sample_report(), sample_findings(), dir.path(), "sample.xlsx",
                                                 &changes);
        pages = print_pages(workbook, dir.path());
    }
};

// The overview of three agencies (the sample, a failed one, a file that did not read), printed; made once.
struct PrintedOverview {
    TempDir dir;
    std::vector<Page> pages;

    PrintedOverview() {
        model::Report other;
        other.memo.agency = "กรมทดสอบระบบการรายงานผลการดำเนินงาน";
        other.memo.agency_abbr = "กทร.";
        other.memo.fiscal_year_be = 2564;
        other.memo.round_months = 12;
        const std::vector<render::AgencyRow> rows = {
            render::overview_row(sample_report(), sample_findings(), true, "sample.xlsx", "/srv/in/sample.xlsx"),
            render::overview_row(other, {{model::Severity::error, {"/srv/in/other.xlsx", "คะแนน", 3, 5}, "ระดับไม่ตรง"}},
                                 false, "region/other.xlsx", "/srv/in/other.xlsx"),
            render::overview_row({}, {{model::Severity::error, {"/srv/in/broken.xlsx", "", 0, 0}, "อ่านไม่ได้"}}, false,
                                 "broken.xlsx", "/srv/in/broken.xlsx")};
        const fs::path workbook = dir / "overview.xlsx";
        BOOST_TEST_REQUIRE(render::write_overview_workbook(rows, workbook.string()).empty());
        pages = print_pages(workbook, dir.path());
    }
};

const PrintedOverview& printed_overview() {
    static const PrintedOverview p;
    return p;
}

const Printed& printed() {
    static const Printed p;
    return p;
}

bool has(const std::string& text, const std::string& part) { return text.find(part) != std::string::npos; }

}  // namespace

BOOST_AUTO_TEST_SUITE(render_xlsx_print)

BOOST_AUTO_TEST_CASE(every_page_is_readable) {
    std::map<std::string, int> pages_of;
    for (const Page& p : printed().pages) {
        ++pages_of[p.sheet];
        // 12 pt on paper: the 16-pt body at the lowest scale saraban sets (75 %), the chart's labels likewise.
        BOOST_TEST(p.min_size >= 11.99, "page " << p.number << " (" << p.sheet << ") has text at " << p.min_size
                                                << " pt");
        BOOST_TEST(p.max_size <= 20.5, "page " << p.number);
    }
    for (const char* sheet : {"หนังสือ", "คะแนน", "มาตรการ", "ตัวแปร", "สรุป", "ผลการตรวจสอบ"})
        BOOST_TEST(pages_of[sheet] >= 1, "no page of " << sheet);
    BOOST_TEST(pages_of.size() == 6u);  // the hidden _saraban sheet is not printed
}

BOOST_AUTO_TEST_CASE(measures_sheet_is_one_page_wide) {
    int pages = 0;
    for (const Page& p : printed().pages) {
        if (p.sheet != "มาตรการ") continue;
        ++pages;
        // The repeated Thai header row's first and last cells on every page: no column went to a page of its own.
        BOOST_TEST(has(p.text, "ลำดับ"), "page " << p.number << " lacks column ลำดับ");
        BOOST_TEST(has(p.text, "เปลี่ยนแปลง"), "page " << p.number << " lacks column เปลี่ยนแปลงจากรอบก่อน");
        BOOST_TEST(!has(p.text, "[status]"));
    }
    BOOST_TEST(pages >= 2);
    // The removed section is printed too (its ลำดับ "ตัดออก 4.3" wraps in the narrow first column).
    bool removed = false;
    for (const Page& p : printed().pages)
        removed = removed || (p.sheet == "มาตรการ" && has(p.text, "ขั้นตอนที่ตัดออกแล้ว") && has(p.text, "ตัดออก"));
    BOOST_TEST(removed);
}

BOOST_AUTO_TEST_CASE(pages_numbered_one_to_n_of_n) {
    const std::vector<Page>& pages = printed().pages;
    for (const Page& p : pages)
        BOOST_TEST(has(p.text, "หน้า " + std::to_string(p.number) + " / " + std::to_string(pages.size())),
                   "page " << p.number);
}

BOOST_AUTO_TEST_CASE(chart_axes_in_thai_digits) {
    bool chart = false;
    for (const Page& p : printed().pages) {
        if (p.sheet != "สรุป" || !has(p.text, "ปีงบประมาณ (พ.ศ.)")) continue;  // the chart's axis title
        chart = true;
        // Years 2558 to 2564 appear only on the chart's axis, which prints them Buddhist era in Thai digits.
        BOOST_TEST(has(p.text, "๒๕๕๘"));
        BOOST_TEST(has(p.text, "๒๕๖๔"));
        BOOST_TEST(!has(p.text, "2558"));
        BOOST_TEST(has(p.text, "๑๐๐"));  // the score axis
        BOOST_TEST(!has(p.text, "100"));
    }
    BOOST_TEST(chart, "no page of สรุป shows the chart");
}

BOOST_AUTO_TEST_CASE(measures_sheet_prints_on_few_pages) {
    // Rows as tall as their text wraps to in LibreOffice: the sample's 18 rows and the removed section on 8 pages
    // (the 18 rows alone took 9 when rows were given a fifth more lines than their text), the workbook on 16.
    int measures = 0;
    for (const Page& p : printed().pages) measures += p.sheet == "มาตรการ";
    BOOST_TEST(measures <= 8);
    BOOST_TEST(printed().pages.size() <= 16u);
}

BOOST_AUTO_TEST_CASE(headers_are_whole_words) {
    // คะแนน's headers each on one line: ปีงบประมาณ was cut "ปีงบประมา / ณ" in a column too narrow for it.
    bool scores = false;
    for (const Page& p : printed().pages) {
        if (p.sheet != "คะแนน") continue;
        scores = true;
        for (const char* header : {"ปีงบประมาณ", "ระดับ", "ผู้ตอบ IIT"}) BOOST_TEST(has(p.text, header), header);
    }
    BOOST_TEST(scores);
}

BOOST_AUTO_TEST_CASE(overview_prints_readable_on_two_pages_across) {
    std::map<std::string, int> pages_of;
    for (const Page& p : printed_overview().pages) {
        ++pages_of[p.sheet];
        BOOST_TEST(p.min_size >= 11.99, "page " << p.number << " (" << p.sheet << ") has text at " << p.min_size);
        BOOST_TEST(!has(p.text, "/srv/"), "page " << p.number);
        if (p.sheet != "ภาพรวม") continue;
        // The agency column on both pages across; ITA on the first, the source file on the second, no third.
        BOOST_TEST(has(p.text, "หน่วยงาน"));
        BOOST_TEST(has(p.text, "กรมทดสอบ"));
        BOOST_TEST(has(p.text, p.number == 1 ? "ITA" : "ไฟล์ต้นทาง"), "page " << p.number);
    }
    BOOST_TEST(pages_of["ภาพรวม"] == 2);
    BOOST_TEST(pages_of["ผลการตรวจสอบ"] == 1);
    BOOST_TEST(pages_of.size() == 2u);
    const Page& findings = printed_overview().pages.back();
    for (const char* part : {"ข้อความ", "region/other.xlsx", "ระดับไม่ตรง", "E3", "อ่านไม่ได้"})
        BOOST_TEST(has(findings.text, part), part);
}

BOOST_AUTO_TEST_SUITE_END()
