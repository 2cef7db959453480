// The batch's overview workbook, for the head of the secretariat: one row per agency of the run (its scores in the
// fiscal year, its steps by status, what validation found, whether its documents were produced), a totals row of
// live formulas, header frozen, autofilter, Thai digits from number formats, TH Sarabun New 16 pt.
//
//   ภาพรวม         หน่วยงาน | ชื่อย่อ | ปีงบประมาณ | รอบ (เดือน) | ITA | IIT | EIT | OIT | ระดับ | ดำเนินการแล้ว |
//                  อยู่ระหว่างดำเนินการ | ยังไม่ได้ดำเนินการ | ขั้นตอนทั้งหมด | ร้อยละที่ดำเนินการแล้ว | ข้อผิดพลาด |
//                  คำเตือน | ผลการสร้างเอกสาร | ไฟล์ต้นทาง; then รวม: SUBTOTAL sums and averages (they follow
//                  the autofilter: filtered-out rows are left out), the share done of the totals
//   ผลการตรวจสอบ   every finding of the batch, one row each: หน่วยงาน | ไฟล์ | ชีต | เซลล์ | ระดับ | ข้อความ, with an
//                  autofilter, so that the head of the secretariat sees which agencies need what
//
// Headers are Thai only (nothing reads this workbook back). Files are named relative to the input folder, as the
// manifest names them: never the absolute path of the machine that ran the batch. Both sheets print on A4
// landscape at ≥ 12 pt on paper; ภาพรวม, wider than a page at that size, on two pages across, the agency column
// on both.
//
// Example (batch, after the loop over the inputs):
//   rows.push_back(render::overview_row(read.report, findings, produced, file));   // each input
//   write_atomically_with(out_dir / "overview.xlsx", [&](const std::string& temp) {
//       return render::write_overview_workbook(rows, temp);
//   });
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::render {

// One agency of the run, as plain data; overview_row fills it from a report and its findings.
struct AgencyRow {
    std::string agency;       // หน่วยงาน
    std::string agency_abbr;  // ชื่อย่อ
    int fiscal_year_be = 0;   // 0: unknown (the workbook did not say)
    int round_months = 0;     // 6 or 12; 0: unknown
    model::Date date;         // the memo's date; the latest of the rows is the workbook's creation time
    // The scores of the fiscal year (the คะแนน row of fiscal_year_be); empty when the workbook has none.
    std::optional<double> ita, iit, eit, oit;
    std::string level;
    int steps_done = 0;
    int steps_in_progress = 0;
    int steps_not_started = 0;
    int errors = 0;
    int warnings = 0;
    bool produced = false;  // the memo PDF and tracking workbook were written
    std::string source;     // the input relative to the input folder (sbn.xlsx, or region1/sbn.xlsx)
    // What validation and composing found, and what stopped the agency: the sheet ผลการตรวจสอบ.
    struct Finding {
        model::Severity severity = model::Severity::error;
        std::string file;   // source for the input itself; another file (a template) by its name only
        std::string sheet;  // empty: the whole file
        std::string cell;   // "C5", a row "5", a template's "12:5"; empty: the whole sheet
        std::string message;
    };
    std::vector<Finding> findings;
};

// The row of one agency: header fields and the fiscal year's scores from the report (what was read of it, also
// when reading failed), steps counted by status, errors and warnings counted in findings, and the findings. input
// is the path the findings name the input by (as given, perhaps absolute): in files and messages it becomes
// source; another file's folder is left out.
AgencyRow overview_row(const model::Report& report, const std::vector<model::Diagnostic>& findings, bool produced,
                       const std::string& source, const std::string& input = "");

// What the workbook needs to know of all its rows before it writes the first (column widths, which decide the
// rows' heights; the title; the creation time) and after the last (the totals): gathered row by row, so that a
// batch of any size can keep its rows on disk and hand them back one at a time.
class OverviewSummary {
public:
    void add(const AgencyRow& row);  // in the order the rows will be written
    std::size_t rows() const { return rows_; }
    const model::Date& newest_date() const { return newest_; }  // the workbook's creation time

private:
    friend struct OverviewSheetWriter;
    std::size_t rows_ = 0;
    double widest_agency_ = 0, widest_source_ = 0;  // text_width of the longest name and input
    std::size_t findings_ = 0;
    int fiscal_year_be_ = 0, round_months_ = 0;     // the first row's
    bool same_year_ = true, same_round_ = true;
    model::Date newest_;
    double score_sums_[4] = {};  // ITA, IIT, EIT, OIT of the rows that have them
    int score_counts_[4] = {};
    int steps_done_ = 0, steps_in_progress_ = 0, steps_not_started_ = 0, errors_ = 0, warnings_ = 0, produced_ = 0;
};

// Writes the workbook to path and returns "" on success, or what went wrong (as write_tracking_workbook does; the
// file at path is then removed). next_row(row) fills the next row and returns false after the last; it must give
// the rows summary was made of, in the same order. The same rows give the same bytes: the creation time is the
// latest memo date of the rows (2000-01-01 when none has one), never the clock.
std::string write_overview_workbook(const OverviewSummary& summary, const std::function<bool(AgencyRow&)>& next_row,
                                    const std::string& path);
// The same for rows in memory, written in the order given.
std::string write_overview_workbook(const std::vector<AgencyRow>& rows, const std::string& path);

}  // namespace saraban::render
