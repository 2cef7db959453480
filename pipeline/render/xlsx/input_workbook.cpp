// The blank input workbook of `saraban init`, as an .xlsx or as CSV files. Both are written from one description
// of the sheets (blank_sheets), which is built from the input contract, so that they never differ.
#include "render/xlsx/input_workbook.h"

#include <filesystem>
#include <fstream>
#include <string_view>
#include <vector>

#include "model/input_contract.h"
#include "render/xlsx/detail/sheets.h"

namespace saraban::render {
namespace {

namespace contract = model::contract;

// The kinds of rows a blank sheet has; each writer gives each kind its look.
enum class RowKind { header, key, required_key, example, text, title };

struct BlankRow {
    RowKind kind;
    std::vector<std::string> cells;
};

struct BlankSheet {
    std::string name;
    std::vector<double> widths;  // column widths (Excel's units)
    std::vector<BlankRow> rows;
    int status_column = -1;      // the column with the status dropdown, if any
};

std::string example(std::string_view value) { return std::string(contract::example_marker) + ": " + std::string(value); }

BlankSheet instructions_sheet() {
    BlankSheet s{"คำแนะนำ", {110}, {}};
    auto line = [&](RowKind kind, std::string text) { s.rows.push_back({kind, {std::move(text)}}); };
    line(RowKind::title, "ข้อมูลรายงานผลการประเมิน ITA ของหน่วยงาน สำหรับ saraban");
    line(RowKind::text, "กรอกสมุดงานนี้หนึ่งไฟล์ต่อหนึ่งหน่วยงานและหนึ่งรอบรายงาน (รอบ ๖ หรือ ๑๒ เดือน) แล้วใส่ไว้ในโฟลเดอร์ inputs");
    line(RowKind::text, "ชีต หนังสือ: กรอกคอลัมน์ ค่า ให้ครบทุกคีย์ที่เป็นตัวหนา (จำเป็น) คีย์อื่นว่างไว้ได้ ดูคำอธิบายและตัวอย่างทางขวา");
    line(RowKind::text, "ชีต คะแนน: คะแนน ITA ปีละหนึ่งแถว รอบ ๑๒ เดือนต้องมีแถวของปีงบประมาณที่รายงาน");
    line(RowKind::text, "ชีต มาตรการ: ลำดับ 1 คือมาตรการ 1.1 คือขั้นตอนที่ 1 ของมาตรการ 1 เลือกสถานะของแต่ละขั้นตอนจากรายการ");
    line(RowKind::text, "สถานะ: ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / ยังไม่ได้ดำเนินการ สถานะของมาตรการคิดจากขั้นตอนของมาตรการนั้น");
    line(RowKind::text, "ชีต ตัวแปร: ข้อเท็จจริงที่ประโยคในบันทึกใช้ ว่างไว้ได้ทั้งหมด ประโยคที่ไม่มีข้อมูลจะไม่ถูกพิมพ์");
    line(RowKind::text, "แถวที่ช่องแรกขึ้นต้นด้วย \"ตัวอย่าง\" เป็นตัวอย่าง saraban ไม่อ่าน จะลบหรือคงไว้ก็ได้");
    line(RowKind::text, "ตัวเลขพิมพ์เป็นเลขอารบิกหรือเลขไทยก็ได้ ปีเป็น พ.ศ. วันที่พิมพ์เป็น ๑๗ กันยายน ๒๕๖๗ หรือ 17/9/2567 หรือใช้เซลล์วันที่");
    line(RowKind::text, "สร้างบันทึก: saraban run inputs (ผลอยู่ในโฟลเดอร์ outputs) รายละเอียดทั้งหมดอยู่ใน docs/input-workbook.md");
    return s;
}

// A key | value sheet: the keys, their values empty, what to write and an example beside each.
BlankSheet key_value_sheet(const contract::Name& sheet, const std::vector<contract::Name>& keys, bool labelled) {
    BlankSheet s{std::string(sheet.thai), {34, 50, 60, 40}, {}};
    s.rows.push_back({RowKind::header, {"คีย์ [key]", "ค่า [value]", "คำอธิบาย", "ตัวอย่าง"}});
    for (const contract::Name& k : keys)
        s.rows.push_back({k.required ? RowKind::required_key : RowKind::key,
                          {labelled ? contract::label(k) : std::string(k.key), "", std::string(k.help), std::string(k.example)}});
    return s;
}

BlankSheet scores_sheet() {
    BlankSheet s{std::string(contract::scores_sheet.thai), {}, {}};
    BlankRow header{RowKind::header, {}}, sample{RowKind::example, {}};
    for (const contract::Name& c : contract::score_columns()) {
        header.cells.push_back(contract::label(c));
        sample.cells.push_back(sample.cells.empty() ? example(c.example) : std::string(c.example));
        s.widths.push_back(c.key == "fiscal_year" ? 22 : c.required ? 12 : 20);
    }
    s.rows = {header, sample};
    return s;
}

BlankSheet measures_sheet() {
    BlankSheet s{std::string(contract::measures_sheet.thai), {}, {}};
    BlankRow header{RowKind::header, {}};
    for (const contract::Name& c : contract::measure_columns()) {
        if (c.key == "status") s.status_column = int(header.cells.size());
        header.cells.push_back(contract::label(c));
        s.widths.push_back(c.key == "no" ? 16 : c.key == "item" ? 50 : 24);
    }
    s.rows.push_back(header);
    // ลำดับ, item, target group, indicator, owner, monitoring, status, progress, due: as measure_columns orders them.
    const std::vector<std::vector<std::string>> examples = {
        {example("1"), "เสริมสร้างวัฒนธรรมองค์กรสุจริต", "บุคลากรของหน่วยงาน", "ร้อยละ ๘๐ ของบุคลากรเข้าร่วม",
         "สำนักงานเลขานุการกรม", "รายงานผลรอบ ๖ และ ๑๒ เดือน", "", "", ""},
        {example("1.1"), "จัดอบรมเรื่องผลประโยชน์ทับซ้อน", "", "", "", "", contract::status_names()[0].thai.data(), "",
         "มีนาคม ๒๕๖๗"},
        {example("1.2"), "เผยแพร่คู่มือการปฏิบัติงานบนเว็บไซต์", "", "", "", "",
         contract::status_names()[1].thai.data(), "จัดทำร่างคู่มือแล้ว อยู่ระหว่างตรวจทาน", "กันยายน ๒๕๖๗"},
    };
    for (const auto& cells : examples) s.rows.push_back({RowKind::example, cells});
    return s;
}

std::vector<BlankSheet> blank_sheets() {
    return {instructions_sheet(), key_value_sheet(contract::memo_sheet, contract::memo_keys(), true), scores_sheet(),
            measures_sheet(), key_value_sheet(contract::variables_sheet, contract::template_variables(), false)};
}

// --- .xlsx ------------------------------------------------------------------------------------------------------

struct XlsxLooks {
    lxw_format* typed = nullptr;     // what staff type: kept as text, so that 1.10 stays 1.10 and 17/9/2567 a B.E. date
    lxw_format* example = nullptr;   // grey italic: not data
    lxw_format* required = nullptr;  // a required key: bold
};

XlsxLooks add_looks(lxw_workbook* workbook) {
    XlsxLooks looks{workbook_add_format(workbook), workbook_add_format(workbook), workbook_add_format(workbook)};
    for (lxw_format* f : {looks.typed, looks.example, looks.required}) {
        format_set_font_name(f, xlsx_detail::body_font);
        format_set_font_size(f, xlsx_detail::body_font_size);
        format_set_text_wrap(f);
        format_set_align(f, LXW_ALIGN_VERTICAL_TOP);
        format_set_num_format(f, "@");  // typed numbers stay as written, like ลำดับ 1.10
    }
    format_set_italic(looks.example);
    format_set_font_color(looks.example, 0x808080);
    format_set_bold(looks.required);
    return looks;
}

lxw_format* format_of(RowKind kind, const xlsx_detail::Formats& f, const XlsxLooks& looks) {
    switch (kind) {
        case RowKind::header: return f.header;
        case RowKind::required_key: return looks.required;
        case RowKind::example: return looks.example;
        case RowKind::title: return f.title;
        case RowKind::key: return looks.typed;
        case RowKind::text: return f.text;
    }
    return f.text;
}

void write_sheet(xlsx_detail::Book& book, const BlankSheet& blank, const XlsxLooks& looks) {
    using namespace xlsx_detail;
    Sheet sheet = book.add_sheet(blank.name);
    const Formats& f = book.formats();
    for (std::size_t c = 0; c < blank.widths.size(); ++c)
        sheet.column(lxw_col_t(c), lxw_col_t(c), blank.widths[c], looks.typed);
    for (std::size_t r = 0; r < blank.rows.size(); ++r) {
        const BlankRow& row = blank.rows[r];
        for (std::size_t c = 0; c < row.cells.size(); ++c) {
            // A key's help and example columns are not data: they take the example's look.
            const bool aside = (row.kind == RowKind::key || row.kind == RowKind::required_key) && c >= 2;
            sheet.text(lxw_row_t(r), lxw_col_t(c), row.cells[c], aside ? looks.example : format_of(row.kind, f, looks));
        }
        if (row.kind == RowKind::required_key && sheet.get())
            sheet.check(worksheet_write_comment(sheet.get(), lxw_row_t(r), 0, "จำเป็นต้องกรอก (required)"),
                        "worksheet_write_comment");
    }
    if (blank.status_column >= 0) {
        add_status_dropdown(sheet, lxw_col_t(blank.status_column), 1, 1000);
        add_status_colours(sheet, lxw_col_t(blank.status_column), 1, 1000);
    }
    const bool table = blank.rows.size() > 1 && blank.rows[0].kind == RowKind::header;
    if (sheet.get() && table) worksheet_freeze_panes(sheet.get(), 1, 0);
    sheet.set_row_heights();
    set_up_printing(sheet, table, "ข้อมูลรายงาน ITA: " + blank.name, table);
}

// --- CSV ---------------------------------------------------------------------------------------------------------

// RFC 4180: a field with a comma, a quote or a line break is quoted, its quotes doubled.
std::string csv_field(const std::string& text) {
    if (text.find_first_of(",\"\r\n") == std::string::npos) return text;
    std::string out = "\"";
    for (char c : text) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

std::string write_text_file(const std::filesystem::path& path, const std::string& text) {
    std::error_code ec;
    if (std::filesystem::exists(path, ec)) return path.string() + ": มีอยู่แล้ว (already exists: not overwritten)";
    std::ofstream out(path, std::ios::binary);
    out << "\xEF\xBB\xBF" << text;  // the byte-order mark: Excel reads a CSV without one as the ANSI code page
    out.close();
    return out ? "" : path.string() + ": เขียนไม่ได้ (cannot write)";
}

}  // namespace

std::string write_blank_input_workbook(const std::string& path) {
    lxw_workbook* workbook = xlsx_detail::new_workbook(path);
    if (!workbook) return path + ": workbook_new_opt: cannot create the workbook (out of memory)";
    xlsx_detail::Book book(workbook);
    lxw_doc_properties properties = {};
    properties.title = const_cast<char*>("ข้อมูลรายงาน ITA");
    properties.author = const_cast<char*>("saraban");
    properties.created = xlsx_detail::creation_time({2000, 1, 1});  // not the clock: the same bytes every time
    book.check(workbook_set_properties(workbook, &properties), "workbook_set_properties");
    const XlsxLooks looks = add_looks(workbook);
    for (const BlankSheet& sheet : blank_sheets()) write_sheet(book, sheet, looks);
    return book.close(path);
}

std::string write_blank_input_csv(const std::string& folder) {
    const std::filesystem::path dir(folder);
    // Nothing is written when any of the files is already there: no half-made folder.
    for (const BlankSheet& sheet : blank_sheets()) {
        const bool is_instructions = sheet.rows.front().kind == RowKind::title;
        const std::filesystem::path file = dir / (sheet.name + (is_instructions ? ".txt" : ".csv"));
        std::error_code ec;
        if (std::filesystem::exists(file, ec)) return file.string() + ": มีอยู่แล้ว (already exists: not overwritten)";
    }
    for (const BlankSheet& sheet : blank_sheets()) {
        std::string text;
        const bool is_instructions = sheet.rows.front().kind == RowKind::title;
        for (const BlankRow& row : sheet.rows) {
            for (std::size_t c = 0; c < row.cells.size(); ++c)
                text += (c ? "," : "") + (is_instructions ? row.cells[c] : csv_field(row.cells[c]));
            text += "\r\n";
        }
        const std::string file = sheet.name + (is_instructions ? ".txt" : ".csv");
        if (std::string error = write_text_file(dir / file, text); !error.empty()) return error;
    }
    return "";
}

}  // namespace saraban::render
