// Internal to render/xlsx: one function per sheet of the tracking workbook, and the layout facts the sheets share
// (the summary's formulas and chart point into the measures and scores sheets).
#pragma once

#include <vector>

#include "compose/round_changes.h"
#include "model/diagnostic.h"
#include "model/input_contract.h"
#include "model/report.h"
#include "render/xlsx/detail/book.h"

namespace saraban::render::xlsx_detail {

inline constexpr const char* memo_sheet_name = "หนังสือ";
inline constexpr const char* scores_sheet_name = "คะแนน";
inline constexpr const char* measures_sheet_name = "มาตรการ";
inline constexpr const char* variables_sheet_name = "ตัวแปร";
inline constexpr const char* summary_sheet_name = "สรุป";
inline constexpr const char* findings_sheet_name = "ผลการตรวจสอบ";
inline constexpr const char* metadata_sheet_name = "_saraban";

// The table sheets (มาตรการ, คะแนน) have two header rows: a hidden one of the contract's English keys ("status"),
// which ingest matches first, so that a Thai header retyped by staff still finds its column, and the Thai headers
// staff see, filter on and print ("สถานะ"). Data from the third row.
inline constexpr lxw_row_t key_row = 0;
inline constexpr lxw_row_t header_row = 1;
inline constexpr lxw_row_t first_data_row = 2;

// A column's English key (empty for a column of the input saraban does not know) and Thai header.
struct TableHeader {
    std::string key;
    std::string thai;
};

// The contract's Thai name of a column key of table ("status" → "สถานะ").
std::string thai_name(const std::vector<model::contract::Name>& table, std::string_view key);

// Writes both header rows and hides the key row; call after Sheet::set_row_heights.
void write_table_headers(Sheet& sheet, const std::vector<TableHeader>& headers);
void hide_key_row(Sheet& sheet);

// Sheet มาตรการ: zero-based columns (two header rows, data from first_data_row). ลำดับ is text ("1", "1.1"), so a
// step row is one whose ลำดับ matches "*.*" and the steps of measure 5 match "5.*". Below the live rows, what was
// removed since the previous round, struck through, its ลำดับ starting with model::contract::removed_marker.
enum MeasureColumn : lxw_col_t {
    col_no = 0,       // ลำดับ
    col_item,         // มาตรการ/ขั้นตอน
    col_target_group, // กลุ่มเป้าหมาย
    col_indicator,    // ตัวชี้วัด
    col_owner,        // ผู้รับผิดชอบ
    col_monitoring,   // การกำกับติดตาม
    col_status,       // สถานะ
    col_progress,     // ความคืบหน้า
    col_due,          // กำหนดแล้วเสร็จ
    col_change,       // เปลี่ยนแปลงจากรอบก่อน (what changed since the previous round, when compared)
    col_first_extra,  // unknown columns of the input, kept
};

// Header of the change column; an input column of this name is not carried over (the next round recomputes it).
inline constexpr const char* change_column_key = "change";
inline constexpr const char* change_column_header = "เปลี่ยนแปลงจากรอบก่อน";

// Sheet คะแนน: zero-based columns of the fixed part; two header rows, one row per fiscal year from first_data_row.
enum ScoreColumn : lxw_col_t { score_col_year = 0, score_col_iit, score_col_eit, score_col_oit, score_col_ita,
                               score_col_level, score_col_first_optional };

void write_memo_sheet(Book& book, const model::Report& report);
void write_scores_sheet(Book& book, const model::Report& report);
void write_measures_sheet(Book& book, const model::Report& report, const compose::RoundChanges* changes);
void write_variables_sheet(Book& book, const model::Report& report);
void write_summary_sheet(Book& book, const model::Report& report);
void write_findings_sheet(Book& book, const std::vector<model::Diagnostic>& findings);
void write_metadata_sheet(Book& book, const model::Report& report, const compose::RoundChanges* changes);

// What the change column says of a step ("อยู่ระหว่างดำเนินการ → ดำเนินการแล้ว", "ปรับความคืบหน้า", both on two
// lines, "ขั้นตอนใหม่", or of a removed one "ไม่มีในรอบนี้ (รอบก่อน: อยู่ระหว่างดำเนินการ)"), and of a measure whose
// steps are gone ("ขั้นตอนที่ไม่มีในรอบนี้: 5.3").
std::string change_text(const compose::StepChange& change);
std::string removed_steps_text(const std::vector<std::string>& labels);

// A list validation of the three statuses on rows first_row..last_row (zero-based, inclusive) of column col.
void add_status_dropdown(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row);

// Green, amber and red fills for cells equal to ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ, ยังไม่ได้ดำเนินการ.
void add_status_colours(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row);

// A line chart of ITA, IIT, EIT and OIT by fiscal year from the scores sheet, placed at row, col of sheet.
void add_trend_chart(Sheet& sheet, const model::Report& report, lxw_row_t row, lxw_col_t col);

// What the printed pages carry at the top: left "ติดตามมาตรการ ITA <agency> (<abbr>)", right the round
// "ปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน". The footer names the sheet and the page ("หน้า 1 / 3").
struct PageText {
    std::string left;
    std::string right;
};
std::string page_header_text(const model::Report& report);
std::string page_round_text(const model::Report& report);

// The smallest print scale (%): the 16-pt body font is 12 pt on paper.
inline constexpr int min_print_scale = 75;

// The print scale (%) at which columns this wide (Sheet::columns_points) fit across A4 landscape, at most 100,
// at least min_print_scale.
int print_scale(double columns_points);

// The overview's and the blank input workbook's set-up: A4, one page wide (fit), a header line, "หน้า &P จาก &N".
void set_up_printing(Sheet& sheet, bool landscape, const std::string& header_text, bool repeat_first_row);

// The tracking workbook's: A4 landscape at print_scale of the sheet's columns (set them first), the top repeated_rows rows on every page
// (0: none), page's text in the header and the sheet's name and page number in the footer.
void set_up_printing(Sheet& sheet, const PageText& page, lxw_row_t repeated_rows);

}  // namespace saraban::render::xlsx_detail
