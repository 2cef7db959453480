// The tracking workbook as staff print it: LibreOffice prints every sheet to PDF, and the PDF is measured
// (pdf_pages.py): each page's text is set at ≥ 12 pt on paper (the sizes times the page's scale, as the PDF
// draws them), the มาตรการ sheet's pages each hold its first column (a column that did not fit the width would
// go to pages of its own, without it), the page numbers run 1 to N of N, and the chart's axes are in Thai digits.
#include <boost/test/unit_test.hpp>

#include <map>
#include <regex>
#include <sstream>

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

// The sample's workbook with a step and a measure removed since last round, printed by LibreOffice; made once.
struct Printed {
    TempDir dir;
    std::vector<Page> pages;

    Printed() {
        const compose::RoundChanges changes = changes_with_removed_items();
        const fs::path workbook = write_workbook(sample_report(), sample_findings(), dir.path(), "sample.xlsx",
                                                 &changes);
        const Result r = run_program("soffice", {"-env:UserInstallation=file://" + (dir / "profile").string(),
                                                 "--headless", "--convert-to", "pdf", "--outdir",
                                                 (dir / "pdf").string(), workbook.string()});
        BOOST_TEST_REQUIRE(r.status != 127, "soffice (LibreOffice) is not installed: install libreoffice-calc");
        BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << r.out << r.err);
        const fs::path pdf = dir / "pdf" / "sample.pdf";
        BOOST_TEST_REQUIRE(fs::exists(pdf), "LibreOffice wrote no " << pdf << ": " << r.out << r.err);
        const Result measured = run_program("/usr/bin/python3",
                                            {SARABAN_SOURCE_DIR "/tests/render/xlsx/pdf_pages.py", pdf.string()});
        BOOST_TEST_REQUIRE(measured.status == 0, "pdf_pages.py failed (needs qpdf, poppler-utils): " << measured.err);
        std::stringstream in(measured.out);
        for (std::string line; std::getline(in, line);) {
            Page page;
            std::stringstream fields(line);
            for (std::string field; std::getline(fields, field, '|');) {
                const auto eq = field.find('=');
                const std::string key = field.substr(0, eq), value = field.substr(eq + 1);
                if (key == "page") page.number = std::stoi(value);
                else if (key == "min") page.min_size = std::stod(value);
                else if (key == "max") page.max_size = std::stod(value);
                else if (key == "text") page.text = unescape(line.substr(line.find("|text=") + 6));
                if (key == "text") break;  // the text may hold '|'
            }
            page.sheet = footer_sheet(page.text);
            pages.push_back(std::move(page));
        }
        BOOST_TEST_REQUIRE(!pages.empty());
    }
};

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

BOOST_AUTO_TEST_SUITE_END()
