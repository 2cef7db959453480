// Writes the tracking workbook of one agency and round with libxlsxwriter: the workbook staff work in during the
// month and hand back for the next round. It is itself a valid input workbook (../shared/reference/input-workbook.md),
// so ingest::read_report reads it back to the same model, plus what staff need to work in it:
//
//   หนังสือ        key | value, every memo field; the date a date cell shown as a Thai date (๑๗ กันยายน ๒๕๖๔)
//   คะแนน          one row per fiscal year, scores as number cells shown with 2 decimals; optional columns kept
//   มาตรการ        measures (bold) and steps; status a dropdown of the three Thai statuses on step rows, a fill per
//                 status, frozen header, autofilter; column เปลี่ยนแปลงจากรอบก่อน says what changed since the
//                 previous round when given one ("อยู่ระหว่างดำเนินการ → ดำเนินการแล้ว", "ปรับความคืบหน้า",
//                 "ขั้นตอนใหม่"; on a measure's row, its steps that are gone), else empty; under the live rows, the
//                 measures and steps gone since then, struck through ("ตัดออก 4.3"), which ingest skips
//   ตัวแปร         key | value
//   สรุป           live COUNTIFS over มาตรการ (steps per status, per measure, share done) and a chart of the scores
//   ผลการตรวจสอบ   the findings, one row each (severity, place, message)
//   _saraban       hidden key | value sheet (also custom document properties): format version, agency, round,
//                 fiscal year, source file name (and the previous round's fiscal year and round when compared);
//                 what the next round reads to know where the workbook came from
//
// Headers and keys are Thai only, as staff write them; the table sheets (คะแนน, มาตรการ) carry the English keys in
// a hidden first row, which ingest matches first. Every number is a number cell shown in Thai digits by its
// format, the chart's axes too. Every visible sheet prints on A4 landscape at a scale that keeps the 16-pt body
// ≥ 12 pt on paper (print_setup.cpp), header rows repeated, the agency and round in the page header.
//
// Example:
//   std::string tmp = out + ".tmp";
//   if (std::string error = render::write_tracking_workbook(report, findings, tmp); error.empty())
//       std::filesystem::rename(tmp, out);
#pragma once

#include <string>
#include <vector>

#include "compose/round_changes.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::render {

// The version of the tracking workbook's layout, written in its hidden _saraban sheet (key format_version).
// 2: Thai-only headers over a hidden row of English keys; removed measures and steps listed as "ตัดออก …".
inline constexpr int tracking_workbook_format_version = 2;

// Writes the workbook to path and returns "" on success, or what went wrong ("sheet มาตรการ, cell B5:
// worksheet_write_string: String exceeds Excel's limit of 32,767 characters.", the text from lxw_strerror()).
// libxlsxwriter writes the file at path directly (not atomically): give it a temporary name beside the final one
// and rename it on success. On failure the file at path is removed. Besides path, no file is written: the parts
// are assembled in memory (detail/part_files.h). The same report and findings give the same bytes:
// the document's creation time is the memo's date, never the clock. changes (compose::compare_rounds of the
// previous round's report and this one) fills the column เปลี่ยนแปลงจากรอบก่อน; without it the column is empty
// and the bytes are those of a workbook written without.
std::string write_tracking_workbook(const model::Report& report, const std::vector<model::Diagnostic>& findings,
                                    const std::string& path, const compose::RoundChanges* changes = nullptr);

// The deflate level of the parts of the workbooks written so far: 2, not zlib's default 6, which libxlsxwriter has
// no option to change (detail/zip_level.h says how and why); 0 before the first workbook, -1 when zlib could not
// be reached (no workbook can then be written). For bench reports and tests.
int workbook_zip_level();

// How many parts of workbooks (sheets, shared strings, styles, …) libxlsxwriter has assembled in memory so far,
// not in temporary files (detail/part_files.h); the overview's are files. For bench reports and tests.
unsigned long workbook_parts_in_memory();

}  // namespace saraban::render
