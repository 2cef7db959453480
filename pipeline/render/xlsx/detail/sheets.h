// Internal to render/xlsx: one function per sheet of the tracking workbook, and the layout facts the sheets share
// (the summary's formulas and chart point into the measures and scores sheets).
#pragma once

#include <vector>

#include "compose/round_changes.h"
#include "model/diagnostic.h"
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

// Sheet มาตรการ: zero-based columns; the header is row 0, data from row 1. ลำดับ is text ("1", "1.1"), so a
// step row is one whose ลำดับ matches "*.*" and the steps of measure 5 match "5.*".
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
inline constexpr const char* change_column_header = "เปลี่ยนแปลงจากรอบก่อน [change]";

// Sheet คะแนน: zero-based columns of the fixed part; the header is row 0, one row per fiscal year from row 1.
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
// lines, or "ขั้นตอนใหม่"), and of a measure whose steps are gone ("ขั้นตอนที่ไม่มีในรอบนี้: 5.3").
std::string change_text(const compose::StepChange& change);
std::string removed_steps_text(const std::vector<std::string>& labels);

// A list validation of the three statuses on rows first_row..last_row (zero-based, inclusive) of column col.
void add_status_dropdown(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row);

// Green, amber and red fills for cells equal to ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ, ยังไม่ได้ดำเนินการ.
void add_status_colours(Sheet& sheet, lxw_col_t col, lxw_row_t first_row, lxw_row_t last_row);

// A line chart of ITA, IIT, EIT and OIT by fiscal year from the scores sheet, placed at row, col of sheet.
void add_trend_chart(Sheet& sheet, const model::Report& report, lxw_row_t row, lxw_col_t col);

// A4 print set-up shared by the sheets: orientation, header row repeated, one page wide, a Thai header line and
// "หน้า &P จาก &N" in the footer.
void set_up_printing(Sheet& sheet, bool landscape, const std::string& header_text, bool repeat_first_row);

// "ติดตามมาตรการ สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน": the line the printed pages carry.
std::string page_header_text(const model::Report& report);

}  // namespace saraban::render::xlsx_detail
