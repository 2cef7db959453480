// Maps a workbook's sheets onto the model (../shared/reference/input-workbook.md): sheet names, headers and keys
// matched after normalisation, in Thai or by their English alias.
#pragma once

#include <string_view>
#include <vector>

#include "ingest/xlsx_reader.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::ingest {

struct ReportResult {
    model::Report report;
    std::vector<model::Diagnostic> diagnostics;  // every problem found, each naming file, sheet and cell

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Reads the report from an already-read workbook. file_name goes into the CellRefs.
ReportResult read_report(const Workbook& workbook, std::string_view file_name);

// Reads a file from disk (an .xlsx) into a report: read_xlsx then read_report. A file that cannot be opened, or
// is of another format (.xls, .ods, .csv for now), gives an error diagnostic naming it.
ReportResult read_report_file(const std::string& path);

}  // namespace saraban::ingest
