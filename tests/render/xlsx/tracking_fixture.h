// What the tracking-workbook tests share: the sample report (inputs/sample.xlsx), findings to list, and writing
// the workbook into a temporary folder.
#pragma once

#include <boost/test/unit_test.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "ingest/report_reader.h"
#include "model/report.h"
#include "render/xlsx/tracking_workbook.h"
#include "support/process.h"

namespace saraban::testing {

// inputs/sample.xlsx read as the batch reads it; the test stops when it does not read cleanly.
inline const model::Report& sample_report() {
    static const ingest::ReportResult result = ingest::read_report_file(SARABAN_SOURCE_DIR "/inputs/sample.xlsx");
    BOOST_TEST_REQUIRE(bool(result), "inputs/sample.xlsx does not read: " << result.diagnostics.size() << " problems");
    return result.report;
}

// Two findings, one of each severity, as validation would report them.
inline std::vector<model::Diagnostic> sample_findings() {
    return {
        {model::Severity::warning, {"inputs/sample.xlsx", "คะแนน", 3, 5}, "คะแนนรวมไม่ตรงกับผลรวมถ่วงน้ำหนัก"},
        {model::Severity::error, {"inputs/sample.xlsx", "มาตรการ", 14, 7}, "ขั้นตอน 5.1 ไม่มีสถานะ"},
    };
}

// Writes the workbook to dir/name and returns its path; the test stops when writing fails.
inline fs::path write_workbook(const model::Report& report, const std::vector<model::Diagnostic>& findings,
                               const fs::path& dir, const std::string& name = "tracking.xlsx") {
    const fs::path path = dir / name;
    const std::string error = render::write_tracking_workbook(report, findings, path.string());
    BOOST_TEST_REQUIRE(error.empty(), "write_tracking_workbook failed: " << error);
    return path;
}

// Steps by status (done, in progress, not started), counted from the model.
inline std::array<int, 3> steps_by_status(const model::Report& report) {
    std::array<int, 3> counts{};
    for (const model::Measure& m : report.measures)
        for (const model::Step& s : m.steps)
            ++counts[s.status == model::Status::done ? 0 : s.status == model::Status::in_progress ? 1 : 2];
    return counts;
}

}  // namespace saraban::testing
