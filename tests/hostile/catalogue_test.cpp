// The catalogue of hostile inputs (issue 15): each case is a file (or folder) made here at test time, put in an input
// folder beside one good agency, and run through the real `saraban run -j 2`. Each must end with the expected
// error (or warning) naming the input, the expected exit status, the good agency's memo produced, and the child
// process within the case's bounds on peak RSS and wall time. To add a case, add an entry to catalogue(): a name,
// a maker, the fragment saraban must print, and the bounds if they differ from the defaults.
#include <boost/test/data/test_case.hpp>
#include <boost/test/unit_test.hpp>

#include <functional>
#include <iostream>
#include <string>
#include <vector>

#include "hostile/child_process.h"
#include "hostile/hostile_inputs.h"
#include "support/minimal_agency.h"

namespace saraban::testing {
namespace {

struct HostileCase {
    std::string name;
    std::function<void(const fs::path& inputs)> make;  // writes the hostile input into the input folder
    std::string expected;                              // a fragment of saraban's stderr
    int exit_status = 1;                               // 1: an agency failed; 0: only warnings
    std::vector<std::string> args = {};                // more arguments to `saraban run`; {dir}: the test's folder
    long max_rss_mb = 256;                             // the issue's bounds, for the whole run
    double max_seconds = 30;
};

void write_xlsx(const fs::path& path, const std::vector<std::byte>& bytes) { write_bytes(path, bytes); }

std::string ods_content(const std::string& rows) {
    return R"(<?xml version="1.0" encoding="UTF-8"?><office:document-content )"
           R"(xmlns:office="urn:oasis:names:tc:opendocument:xmlns:office:1.0" )"
           R"(xmlns:table="urn:oasis:names:tc:opendocument:xmlns:table:1.0" )"
           R"(xmlns:text="urn:oasis:names:tc:opendocument:xmlns:text:1.0"><office:body><office:spreadsheet>)"
           R"(<table:table table:name="Sheet1">)" + rows + "</table:table></office:spreadsheet></office:body>"
           "</office:document-content>";
}

const std::string spreadsheet_mimetype = "application/vnd.oasis.opendocument.spreadsheet";

// The cases with memory at stake: what the issue measured, and a zip's own ways to cost more than its size.
std::vector<HostileCase> memory_cases() {
    return {
        {"30 million empty elements in 128 KB (issue 15: 2.6 GB)",
         [](const fs::path& in) {
             write_xlsx(in / "elements.xlsx", xlsx_with_sheet({"", worksheet_head, "<a/>", 30'000'000, worksheet_tail}));
         },
         "elements.xlsx: error: ส่วน xl/worksheets/sheet1.xml (part xl/worksheets/sheet1.xml): XML มีอีลิเมนต์"},
        {"a sheet of 1,000,000 rows (issue 15: 746 MB before the row-limit error)",
         [](const fs::path& in) {
             write_xlsx(in / "rows.xlsx",
                        xlsx_with_sheet({"", worksheet_head, "<row><c><v>1</v></c></row>", 1'000'000, worksheet_tail}));
         },
         "--limit xml-elements="},
        {"a sheet of 150,000 rows, within xml-elements: the row limit, as the cells are read",
         [](const fs::path& in) {
             write_xlsx(in / "rows.xlsx",
                        xlsx_with_sheet({"", worksheet_head, "<row><c><v>1</v></c></row>", 150'000, worksheet_tail}));
         },
         "(a cell beyond row 100000 or column 16384); ปรับได้ด้วย --limit rows="},
        {"a 16 MiB CSV of a, × 16384 columns × 512 rows (issue 15: 1.5 GB, 8.5 min)",
         [](const fs::path& in) {
             std::string row;
             for (int c = 1; c < 16384; ++c) row += "a,";
             row += "a\n";
             std::string csv;
             for (int r = 0; r < 512; ++r) csv += row;
             write_csv_agency(in, "wide", minimal_memo_csv(), "ลำดับ\n");
             write_file(in / "wide" / "คะแนน.csv", csv);
         },
         "(more than 1000000 cells with a value); ปรับได้ด้วย --limit cells="},
        {"the wide CSV just under the cells limit: read, then refused as no ITA sheet",
         [](const fs::path& in) {
             std::string row;
             for (int c = 1; c < 16384; ++c) row += "a,";
             row += "a\n";
             std::string csv;
             for (int r = 0; r < 61; ++r) csv += row;
             write_csv_agency(in, "wide", minimal_memo_csv(), "ลำดับ\n");
             write_file(in / "wide" / "คะแนน.csv", csv);
         },
         "wide/คะแนน.csv"},
        {"zip bomb: a part that inflates to 64 MiB",
         [](const fs::path& in) {
             write_xlsx(in / "bomb.xlsx", xlsx_with_sheet({"", worksheet_head, std::string(1024, ' '), 1 << 16, worksheet_tail}));
         },
         "(too large when uncompressed: over 33554432 bytes); ปรับได้ด้วย --limit part-bytes="},
        {"zip bomb whose headers say 1000 bytes",
         [](const fs::path& in) {
             auto zip = xlsx_with_sheet({"", worksheet_head, std::string(1024, ' '), 1 << 16, worksheet_tail});
             declare_size(zip, "xl/worksheets/sheet1.xml", 1000);
             write_xlsx(in / "liar.xlsx", zip);
         },
         "liar.xlsx: error: ส่วน xl/worksheets/sheet1.xml"},
        {"an .ods whose one cell of a value repeats 2,000 × 1,000 times",
         [](const fs::path& in) {
             const std::string row = R"(<table:table-row table:number-rows-repeated="1000"><table:table-cell )"
                                     R"(table:number-columns-repeated="2000" office:value-type="string"><text:p>x</text:p>)"
                                     R"(</table:table-cell></table:table-row>)";
             write_xlsx(in / "repeat.ods", test::make_zip({{"mimetype", spreadsheet_mimetype},
                                                           {"content.xml", ods_content(row)}}));
         },
         "(more than 1000000 cells with a value); ปรับได้ด้วย --limit cells="},
        {"one element with 2,000,000 attributes",
         [](const fs::path& in) {
             write_xlsx(in / "attributes.xlsx",
                        xlsx_with_sheet({"", worksheet_head + "<row a=\"\"", " b=\"\"", 2'000'000, "/>" + worksheet_tail}));
         },
         "XML attributes); ปรับได้ด้วย --limit xml-attributes="},
        {"elements nested 1,000,000 deep",
         [](const fs::path& in) {
             write_xlsx(in / "deep.xlsx", xlsx_with_sheet({"", worksheet_head, "<a>", 1'000'000, worksheet_tail}));
         },
         "(XML nested deeper than 256 elements); ปรับได้ด้วย --limit xml-depth="},
        {"billion laughs: entities in a DTD",
         [](const fs::path& in) {
             std::string dtd = "<?xml version=\"1.0\"?><!DOCTYPE lolz [<!ENTITY lol \"lol\">";
             for (int i = 1; i < 10; ++i)
                 dtd += "<!ENTITY lol" + std::to_string(i) + " \"" + [&] {
                     std::string s;
                     for (int k = 0; k < 10; ++k) s += "&lol" + (i > 1 ? std::to_string(i - 1) : std::string()) + ";";
                     return s;
                 }() + "\">";
             dtd += "]>";
             auto parts = test::workbook_parts({"Sheet1"}, {dtd + "<worksheet><sheetData><row><c t=\"inlineStr\"><is><t>"
                                                                  "&lol9;</t></is></c></row></sheetData></worksheet>"});
             write_xlsx(in / "laughs.xlsx", test::make_zip(parts));
         },
         "(has a DOCTYPE or entity declaration, which .xlsx never needs: refused)"},
        {"thousands of zip entries",
         [](const fs::path& in) {
             std::vector<test::Part> parts = test::workbook_parts({"Sheet1"}, {worksheet_head + worksheet_tail});
             for (int i = 0; i < 20000; ++i) parts.push_back({"x/" + std::to_string(i), ""});
             write_xlsx(in / "entries.xlsx", test::make_zip(parts));
         },
         "(too many zip entries: 20004, at most 10000); ปรับได้ด้วย --limit zip-entries="},
        {"2,000 shared strings past shared-strings=1000",
         [](const fs::path& in) {
             std::vector<std::string> strings(2000, "x");
             auto parts = test::workbook_parts({"Sheet1"}, {worksheet_head + worksheet_tail});
             parts.push_back({"xl/sharedStrings.xml", test::shared_strings_xml(strings)});
             write_xlsx(in / "strings.xlsx", test::make_zip(parts));
         },
         "(more than 1000 shared strings); ปรับได้ด้วย --limit shared-strings=", 1, {"--limit", "shared-strings=1000"}},
    };
}

// Files that are not what their names say, or break the text rules.
std::vector<HostileCase> malformed_cases() {
    return {
        {"an empty .xlsx", [](const fs::path& in) { write_file(in / "empty.xlsx", ""); }, "empty.xlsx: error: ไฟล์ว่าง"},
        {"a truncated zip",
         [](const fs::path& in) {
             std::string sample = read_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx");
             write_file(in / "truncated.xlsx", sample.substr(0, sample.size() / 2));
         },
         "truncated.xlsx: error: ไฟล์ .xlsx เสียหาย"},
        {"a PDF named .xlsx",
         [](const fs::path& in) { write_file(in / "memo.xlsx", "%PDF-1.4\n%\xE2\xE3\xCF\xD3\n1 0 obj\n<<>>\nendobj\n"); },
         "memo.xlsx: error: ไม่ใช่ไฟล์ .xlsx (not an .xlsx file: no zip signature)"},
        {"invalid UTF-8 in a cell",
         [](const fs::path& in) {
             write_xlsx(in / "utf8.xlsx", test::make_xlsx({{"Sheet1", {{"ok", "bad \xFF\xFE here"}}}}));
         },
         "utf8.xlsx: sheet Sheet1, cell B1: error: ข้อความไม่ใช่ UTF-8"},
        {"NUL bytes in a CSV",
         [](const fs::path& in) {
             write_csv_agency(in, "nul", minimal_memo_csv(), std::string("ลำดับ,มาตรการ\n1,a") + '\0' + "b\n");
         },
         "(a NUL byte: not a text file"},
        {"a NUL character reference in an .xlsx cell",
         [](const fs::path& in) {
             auto parts = test::workbook_parts({"Sheet1"}, {worksheet_head + "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\">"
                                                            "<is><t>a&#0;b</t></is></c></row>" + worksheet_tail});
             write_xlsx(in / "nulref.xlsx", test::make_zip(parts));
         },
         "nulref.xlsx: sheet Sheet1, cell A1: error: มีอักขระควบคุม U+0000"},
        {"zip entries named ../../ and /etc",
         [](const fs::path& in) {
             auto parts = test::workbook_parts({"Sheet1"}, {worksheet_head + worksheet_tail});
             parts.push_back({"../../escaped.txt", "x"});
             parts.push_back({"/tmp/saraban-escaped.txt", "x"});
             parts[0].content = R"(<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">)"
                                R"(<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/)"
                                R"(relationships/officeDocument" Target="../../../../etc/passwd"/></Relationships>)";
             write_xlsx(in / "traversal.xlsx", test::make_zip(parts));
         },
         "traversal.xlsx"},
        {"a file larger than file-bytes",
         [](const fs::path& in) { write_file(in / "big.xlsx", std::string(2 << 20, 'x')); },
         "big.xlsx: error: ไฟล์ใหญ่เกิน 1 MiB", 1, {"--limit", "file-bytes=1MiB"}},
        {"a windows-874 CSV larger than part-bytes once decoded",
         [](const fs::path& in) {
             write_csv_agency(in, "tis", minimal_memo_csv(), "ลำดับ\n");
             write_file(in / "tis" / "ตัวแปร.csv", std::string(1 << 20, '\xA1'));  // ก × 1 Mi: 3 MiB in UTF-8
         },
         "(the text is larger than 2 MiB in UTF-8); ปรับได้ด้วย --limit part-bytes=", 1, {"--limit", "part-bytes=2MiB"}},
    };
}

// The input folder itself, and the templates.
std::vector<HostileCase> folder_cases() {
    return {
        {"a symbolic link loop in the input folder",
         [](const fs::path& in) {
             fs::create_symlink("loop.xlsx", in / "loop.xlsx");
             fs::create_directory_symlink(".", in / "here");
         },
         "loop.xlsx: warning: ข้าม: ลิงก์ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่", 0},
    };
}

// A copy of the project's templates with one more, name.xml, holding body; an agency (CSV) asking for it.
void template_agency(const fs::path& in, const std::string& name, const std::string& body) {
    const fs::path templates = in.parent_path() / "templates";
    fs::copy(fs::path(SARABAN_SOURCE_DIR) / "templates", templates);
    write_file(templates / (name + ".xml"), "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<memo>" + body + "</memo>\n");
    write_csv_agency(in, name, minimal_memo_csv(12, "แม่แบบ," + name + "\n"),
                     "ลำดับ,มาตรการ,สถานะ\n1,เผยแพร่ข้อมูล,ดำเนินการแล้ว\n");
}

// Templates come from the operator (--templates), never from an agency; still, a mistake in one must stop.
std::vector<HostileCase> template_cases() {
    return {
        {"a template that attaches itself",
         [](const fs::path& in) { template_agency(in, "self", "<p>x</p><attachment template=\"self.xml\"/>"); },
         "(attachments nested more than 4 deep)", 1, {"--templates", "{dir}/templates"}},
        {"a template that attaches itself ten times at each level",
         [](const fs::path& in) {
             std::string body = "<p>x</p>";
             for (int i = 0; i < 10; ++i) body += "<attachment template=\"fan.xml\"/>";
             template_agency(in, "fan", body);
         },
         "(more than 64 attachments in one memo", 1, {"--templates", "{dir}/templates"}},
    };
}

std::vector<HostileCase> catalogue() {
    std::vector<HostileCase> all;
    for (auto cases : {memory_cases(), malformed_cases(), folder_cases(), template_cases()})
        all.insert(all.end(), cases.begin(), cases.end());
    return all;
}

std::vector<int> case_numbers() {
    std::vector<int> numbers(catalogue().size());
    for (std::size_t i = 0; i < numbers.size(); ++i) numbers[i] = int(i);
    return numbers;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(hostile_catalogue)

BOOST_DATA_TEST_CASE(hostile_input_fails_alone_within_bounds, boost::unit_test::data::make(case_numbers()), number) {
    const HostileCase c = catalogue()[std::size_t(number)];
    BOOST_TEST_CONTEXT("case: " << c.name) {
        TempDir dir;
        const fs::path inputs = dir / "inputs";
        fs::create_directories(inputs);
        fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx", inputs / "good.xlsx");
        c.make(inputs);
        std::vector<std::string> args = {"run", inputs.string(), "-o", (dir / "outputs").string(), "-j", "2",
                                         "--progress", "none"};
        for (std::string a : c.args) {
            if (auto at = a.find("{dir}"); at != std::string::npos) a.replace(at, 5, dir.path().string());
            args.push_back(a);
        }
        const Measured m = run_measured(kSaraban, args, SARABAN_SOURCE_DIR);
        std::cout << "hostile: " << c.name << ": exit " << m.status << ", " << m.peak_rss_mb << " MB peak RSS, "
                  << m.seconds << " s\n";
        std::cout << "  " << m.err.substr(0, m.err.find('\n')) << "\n";  // what saraban said first
        BOOST_TEST(m.status == c.exit_status, "stderr:\n" << m.err);
        BOOST_TEST(m.err.find(c.expected) != std::string::npos, "expected \"" << c.expected << "\" in:\n" << m.err);
        BOOST_TEST(fs::is_regular_file(dir / "outputs" / "good.pdf"), "the good agency's memo is missing:\n" << m.err);
        // The bounds are the release build's. A sanitizer's shadow memory, quarantine (up to 256 MB) and checks
        // multiply both; under one the catalogue still shows that the limits stop the input before the memory goes.
#ifdef SARABAN_SANITIZED
        BOOST_TEST(m.peak_rss_mb <= c.max_rss_mb * 3 + 512);
        BOOST_TEST(m.seconds <= c.max_seconds * 10);
#else
        BOOST_TEST(m.peak_rss_mb <= c.max_rss_mb);
        BOOST_TEST(m.seconds <= c.max_seconds);
#endif
    }
}

BOOST_AUTO_TEST_SUITE_END()

}  // namespace saraban::testing
