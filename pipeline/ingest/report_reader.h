// Maps a workbook's sheets onto the model (../shared/reference/input-workbook.md): sheet names, headers and keys
// matched after normalisation, in Thai or by their English alias.
#pragma once

#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/xlsx_reader.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::ingest {

struct [[nodiscard]] ReportResult {
    model::Report report;
    std::vector<model::Diagnostic> diagnostics;  // every problem found, each naming file, sheet and cell

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Reads the report from an already-read workbook. file_name goes into the CellRefs.
//
// Merged cells (sheet มาตรการ): a merged region's value is its top-left cell's. A region merged down over rows gives
// its value to each of those rows in its first column (an owner or a status mark merged over three steps is each
// step's); cells a region covers to the right stay empty (an item merged across the target-group and indicator
// columns leaves those empty, so the step inherits them from its measure). Header cells merged down over the two
// header rows (ลำดับ over the status names under "ผลการดำเนินการ") are the seed's two-row header. A ลำดับ cell merged
// down over rows makes them one item: the text the lower rows hold is appended, after a space, to the item's
// fields, and a status on them that differs from the step's is an error at that cell.
ReportResult read_report(const Workbook& workbook, std::string_view file_name);

// Reads one agency's input from disk into a report: an .xlsx workbook (read_xlsx then read_report), an .ods
// (read_ods; also when it was renamed .xlsx) or a folder of CSV files, one per sheet (read_csv_folder then
// read_report; diagnostics name the CSV file). A path that cannot be opened, or a file of another format (.xls,
// .xlsb, a lone .csv), gives an error diagnostic naming it. Reading stops with an error past any of limits.
ReportResult read_report_file(const std::string& path, const Limits& limits = {});

// Reads an .xlsx workbook already in memory (read_xlsx then read_report), path naming it in the diagnostics.
ReportResult read_report_xlsx(std::span<const std::byte> bytes, const std::string& path, const Limits& limits = {});

// The agency inputs a folder holds, each one to give read_report_file, in name order: the folder itself when it is
// a CSV agency (it holds หนังสือ.csv, คะแนน.csv or มาตรการ.csv, or their English aliases memo.csv, scores.csv,
// measures.csv), then its .xlsx/.xlsm/.ods workbooks (not Office lock files ~$x.xlsx), its .xls/.xlsb files (which
// read_report_file refuses with "save it as .xlsx", so that they are not skipped in silence), and its subfolders
// that are CSV agencies. Not recursive beyond that one level. A trailing "/" is dropped, so that "inputs/sbn/" gives
// "inputs/sbn" (whose output is sbn.pdf).
// Entries that look like an agency's input and are not read (a lock file, a broken link, a hidden workbook, a lone
// CSV file, a subfolder of workbooks) are added to skipped, one warning each, when it is given.
std::vector<std::string> find_agency_inputs(const std::string& folder,
                                            std::vector<model::Diagnostic>* skipped = nullptr);

}  // namespace saraban::ingest
