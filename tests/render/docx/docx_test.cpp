// The editable draft of the sample memo: python-docx finds every paragraph and table cell of the composed document
// in order, the repeated header rows and Thai distributed justification; LibreOffice opens it and its PDF gives
// back the same text; the same document gives the same bytes.
#include <boost/test/unit_test.hpp>

#include <regex>

#include "compose/memo.h"
#include "ingest/report_reader.h"
#include "render/docx/docx_writer.h"
#include "support/process.h"

using namespace saraban;
using namespace saraban::testing;

namespace {

// Debian's python3-docx installs for /usr/bin/python3, whatever python3 comes first on PATH.
const std::string python = "/usr/bin/python3";

struct Expected {
    std::vector<std::string> items;      // "P\t…" and "C\t…" lines as inspect_docx.py prints them
    std::vector<std::string> justified;  // paragraphs set justified
    std::vector<std::string> tables;     // "T\trows\theader rows"
    std::vector<std::string> titles;     // the forms' titles
};

std::string text_of(const model::Paragraph& p) {
    std::string s;
    for (const auto& span : p.spans) s += span.text;
    return s;
}

void collect(const model::Document& d, Expected& e) {
    for (const model::Block& block : d.blocks) {
        if (auto* p = std::get_if<model::Paragraph>(&block)) {
            e.items.push_back("P\t" + text_of(*p));
            if (p->style.align == model::Align::justify) e.justified.push_back(text_of(*p));
        } else if (auto* t = std::get_if<model::Table>(&block)) {
            e.tables.push_back("T\t" + std::to_string(t->rows.size()) + "\t" + std::to_string(t->header_rows));
            for (const auto& row : t->rows)
                for (const auto& cell : row.cells)
                    for (const auto& para : cell.paragraphs) e.items.push_back("C\t" + text_of(para));
        } else if (auto* s = std::get_if<model::Signature>(&block)) {
            for (const auto& line : s->lines) e.items.push_back("P\t" + line);
        } else if (auto* h = std::get_if<model::FormHeader>(&block)) {
            e.titles.push_back(h->title);
            for (const auto& fields : h->lines) {
                std::string line = "P\t";
                for (const auto& f : fields) line += f.label + f.value;
                e.items.push_back(line);
            }
        }
    }
    for (const auto& a : d.attachments) collect(a, e);
}

// Without whitespace (spaces, tabs, line ends), which Word, LibreOffice and pdftotext place as they lay out.
std::string squeeze(const std::string& s) {
    std::string out;
    for (char c : s)
        if (c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != '\f') out += c;
    return out;
}

const model::Document& sample_document() {
    static const model::Document document = [] {
        auto read = ingest::read_report_file(SARABAN_SOURCE_DIR "/inputs/sample.xlsx");
        BOOST_TEST_REQUIRE(bool(read));
        auto composed = compose::compose_memo(read.report, SARABAN_SOURCE_DIR "/templates/progress-report.xml");
        BOOST_TEST_REQUIRE(bool(composed));
        return composed.document;
    }();
    return document;
}

render::DocxOptions options() { return {.font_family = "Laksaman", .symbol_family = "DejaVu Sans"}; }

std::vector<std::string> lines_of(const std::string& text) {
    std::vector<std::string> lines;
    std::size_t start = 0;
    while (start < text.size()) {
        std::size_t end = text.find('\n', start);
        if (end == std::string::npos) end = text.size();
        lines.push_back(text.substr(start, end - start));
        start = end + 1;
    }
    return lines;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(render_docx)

BOOST_AUTO_TEST_CASE(the_same_document_gives_the_same_bytes) {
    const auto a = render::render_docx(sample_document(), options());
    const auto b = render::render_docx(sample_document(), options());
    BOOST_TEST_REQUIRE(bool(a), a.error);
    BOOST_TEST(a.bytes.size() > 1000u);
    BOOST_TEST((a.bytes == b.bytes));
    BOOST_TEST(a.bytes.compare(0, 2, "PK") == 0);
}

BOOST_AUTO_TEST_CASE(python_docx_finds_paragraphs_tables_header_rows_and_thai_justification) {
    TempDir dir;
    const auto docx = render::render_docx(sample_document(), options());
    BOOST_TEST_REQUIRE(bool(docx), docx.error);
    write_file(dir / "memo.docx", docx.bytes);
    const Result r =
        run_program(python, {SARABAN_SOURCE_DIR "/tests/render/docx/inspect_docx.py", (dir / "memo.docx").string()});
    BOOST_TEST_REQUIRE(r.status != 127,
                       python << " is missing: install python3 and python3-docx (scripts/setup.sh --tests)");
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    Expected e;
    collect(sample_document(), e);
    std::vector<std::string> items, tables, titles;
    std::map<std::string, std::string> jc;  // squeezed paragraph text → its w:jc
    for (const std::string& line : lines_of(r.out)) {
        if (line.starts_with("T\t"))
            tables.push_back(line);
        else if (line.starts_with("H\t"))
            titles.push_back(line.substr(2));
        else if (line.starts_with("C\t"))
            items.push_back("C\t" + squeeze(line.substr(2)));
        else if (line.starts_with("P\t")) {
            const std::size_t tab = line.find('\t', 2);
            const std::string text = squeeze(line.substr(tab + 1));
            if (text.empty()) continue;  // a gap: room to sign, space before a table, a section's end
            items.push_back("P\t" + text);
            jc[text] = line.substr(2, tab - 2);
        }
    }
    std::vector<std::string> want;
    for (const auto& item : e.items) want.push_back(item.substr(0, 2) + squeeze(item.substr(2)));
    // Empty cells come out as empty cell paragraphs on both sides.
    BOOST_TEST(items == want, boost::test_tools::per_element());
    BOOST_TEST(tables == e.tables, boost::test_tools::per_element());
    BOOST_TEST(titles.size() >= e.titles.size());
    for (const auto& title : e.titles)
        BOOST_TEST((std::find(titles.begin(), titles.end(), title) != titles.end()), title);
    BOOST_TEST_REQUIRE(!e.justified.empty());
    for (const auto& text : e.justified) BOOST_TEST(jc[squeeze(text)] == "thaiDistribute", text);
}

// pdftotext gives LibreOffice's Thai back with some marks (tone marks, above and below vowels) after the next
// letter, and SARA AM as NIKHAHIT + SARA AA: the marks are left out on both sides, so the letters and their order
// are compared. Full stops go too: the form's dotted leaders are full stops in the PDF. Page numbers ("-2-") are
// dropped, since a paragraph may run across a page break.
std::string comparable(const std::string& text) {
    std::string s = std::regex_replace(std::regex_replace(squeeze(text), std::regex("ำ"), "า"), std::regex("\\."), "");
    static const std::regex marks("[\u0E31\u0E34-\u0E3A\u0E47-\u0E4E]|ั|ิ|ี|ึ|ื|ุ|ู|ฺ|็|่|้|๊|๋|์|ํ|๎");
    return std::regex_replace(s, marks, "");
}

BOOST_AUTO_TEST_CASE(libreoffice_lays_it_out_and_its_pdf_gives_back_every_paragraph_and_cell) {
    TempDir dir;
    const auto docx = render::render_docx(sample_document(), options());
    BOOST_TEST_REQUIRE(bool(docx), docx.error);
    write_file(dir / "memo.docx", docx.bytes);
    // Its own profile: a LibreOffice already running for the user neither blocks nor serves this run.
    const Result r =
        run_program("soffice", {"-env:UserInstallation=file://" + (dir / "profile").string(), "--headless",
                                "--convert-to", "pdf", "--outdir", dir.path().string(), (dir / "memo.docx").string()});
    BOOST_TEST_REQUIRE(r.status != 127, "soffice is missing: install libreoffice-writer (scripts/setup.sh --tests)");
    BOOST_TEST_REQUIRE(r.status == 0, r.out + r.err);
    // In the order LibreOffice drew the text (-raw): a table's cells one after the other, not their lines merged.
    const Result text = run_program("pdftotext", {"-raw", (dir / "memo.pdf").string(), "-"});
    BOOST_TEST_REQUIRE(text.status == 0, text.err);
    const std::string all = std::regex_replace(comparable(text.out), std::regex("-[0-9]+-"), "");
    Expected e;
    collect(sample_document(), e);
    BOOST_TEST_REQUIRE(e.items.size() > 50u);
    for (const auto& item : e.items) {
        const std::string want = comparable(item.substr(2));
        BOOST_TEST((all.find(want) != std::string::npos), "not in LibreOffice's PDF: " << item);
    }
    for (const auto& title : e.titles) BOOST_TEST((all.find(comparable(title)) != std::string::npos), title);
}

BOOST_AUTO_TEST_SUITE_END()
