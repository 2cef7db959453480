// A composed document: what the memo says and how it is structured, before any line is broken or any page is
// cut. compose writes it; layout reads it. Plain structs, no behaviour; lengths in PDF points (1 cm = 28.3465 pt).
#pragma once

#include <string>
#include <variant>
#include <vector>

namespace saraban::model {

enum class Align {
    left,
    right,
    center,
    justify,           // extra space spread over the line's clusters (Word's กระจายแบบไทย); last line left
};

struct TextStyle {
    bool bold = false;
    bool italic = false;
    bool underline = false;
    double size_pt = 16;

    bool operator==(const TextStyle&) const = default;
};

// A piece of text in one style. Text is UTF-8, NFC.
struct TextSpan {
    std::string text;
    TextStyle style;
};

struct ParagraphStyle {
    Align align = Align::justify;
    double first_line_indent_pt = 0;  // from the paragraph's left edge; may be negative (hanging)
    double left_indent_pt = 0;        // from the text area's (or cell's) left edge
    double right_indent_pt = 0;
    double space_before_pt = 0;
    bool keep_with_next = false;      // never the last block on a page when the next one follows
};

struct Paragraph {
    std::vector<TextSpan> spans;
    ParagraphStyle style;
};

// A labelled line of the memo form's header: a bold label, then a value over a dotted line (จุดไข่ปลา).
struct FormField {
    std::string label;      // ส่วนราชการ, ที่, วันที่, เรื่อง
    std::string value;
    double label_size_pt = 20;
    double value_size_pt = 16;
    double at_x_pt = 0;     // where the label starts, from the text area's left edge
    double to_x_pt = -1;    // where the dotted line ends, from the text area's left edge; < 0: the right margin
};

// The head of a บันทึกข้อความ: Garuda, title, and the labelled lines. Fields that share a line (ที่ … วันที่ …)
// are in one inner vector.
struct FormHeader {
    std::string title = "บันทึกข้อความ";
    double title_size_pt = 29;
    std::string emblem_path;  // the Garuda image (PNG or JPEG); empty: a dotted placeholder square
    double emblem_height_pt = 42.52;  // 1.5 cm
    double emblem_top_pt = 42.52;     // from the paper's top edge
    std::vector<std::vector<FormField>> lines;
};

struct TableCell {
    std::vector<Paragraph> paragraphs;
    int col_span = 1;
    int row_span = 1;  // only within the header rows
};

struct TableRow {
    std::vector<TableCell> cells;
};

struct Table {
    std::vector<double> column_widths_pt;  // sum ≤ the text width
    std::vector<TableRow> rows;            // header rows first
    int header_rows = 0;                   // repeated at the top of each page the table continues on
    double cell_padding_pt = 4;
    double space_before_pt = 6;
};

// The signature block: room to sign, then each line centred on one point.
struct Signature {
    std::vector<std::string> lines;  // "(นางสาวสิริภา สัตยานนท์)", "เลขานุการกรม"
    double space_before_pt = 48;     // room for the signature itself
    double note_room_pt = 0;         // blank room kept below, on the same page, for the approver's note
    double center_x_pt = 0;          // from the text area's left edge
    double size_pt = 16;
};

// Empty vertical room: for the approver's handwritten note (ความเห็นของผู้บังคับบัญชา), or before a signature.
struct Spacer {
    double height_pt = 0;
};

using Block = std::variant<FormHeader, Paragraph, Table, Signature, Spacer>;

struct PageSetup {
    double width_pt = 595.276;   // A4, portrait; landscape swaps them at layout
    double height_pt = 841.89;
    bool landscape = false;
    double margin_left_pt = 85.04;    // 3 cm
    double margin_right_pt = 56.69;   // 2 cm
    double margin_top_pt = 70.87;     // 2.5 cm, later pages (the first page starts with the form header)
    double margin_bottom_pt = 56.69;  // 2 cm
    bool page_numbers = true;         // "- ๒ -" at the top centre of later pages
    double page_number_top_pt = 42.52;  // baseline area, from the top edge
    bool continuation_marker = true;  // "/๒) แบบวัด..." at the foot of pages that continue
    bool thai_digits = true;
    // Baseline-to-baseline distance of single-spaced lines, in ems of the text size. Word's "single" spacing comes
    // from each font's own metrics; Laksaman's (1.7 em) are far looser than TH Sarabun's, so the memo fixes it.
    double line_spacing_em = 1.3;
};

struct Document {
    std::string title;    // PDF metadata: เรื่อง
    std::string author;   // PDF metadata: ส่วนราชการ
    std::string font_family;  // the family to set it in ("TH Sarabun New"); empty: the default (Laksaman)
    std::string bookmark;     // its entry in the PDF's outline; empty: none
    PageSetup page;
    std::vector<Block> blocks;
    // Documents carried after this one in the same PDF (เอกสารแนบ), each from a new page, with its own page
    // setup and page numbers.
    std::vector<Document> attachments;
};

}  // namespace saraban::model
