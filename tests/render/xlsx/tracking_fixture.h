// What the tracking-workbook tests share: the sample report (inputs/sample.xlsx), findings to list, and writing
// the workbook into a temporary folder.
#pragma once

#include <boost/test/unit_test.hpp>

#include <array>
#include <filesystem>
#include <string>
#include <vector>

#include "compose/round_changes.h"
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

// The sample's round compared with a previous one that had two more items this round dropped: step 4.3 (in
// progress, with a note) and measure 7 with its step 7.1. The workbook shows them struck through as
// "ตัดออก 4.3", "ตัดออก 7" and "ตัดออก 7.1", which the next round must not read back.
inline compose::RoundChanges changes_with_removed_items() {
    model::Report previous = sample_report();
    model::Step dropped = previous.measures.at(3).steps.at(0);
    dropped.step_no = 3;
    dropped.text = "ขั้นตอนที่ตัดออกแล้ว";
    dropped.status = model::Status::in_progress;
    dropped.progress = "รอการอนุมัติ";
    previous.measures.at(3).steps.push_back(dropped);
    model::Measure gone;
    gone.number = 7;
    gone.text = "มาตรการที่ตัดออกแล้ว";
    model::Step gone_step = dropped;
    gone_step.measure_no = 7;
    gone_step.step_no = 1;
    gone.steps = {gone_step};
    previous.measures.push_back(gone);
    previous.memo.round_months = 6;
    return compose::compare_rounds(previous, sample_report());
}

// Writes the workbook to dir/name and returns its path; the test stops when writing fails.
inline fs::path write_workbook(const model::Report& report, const std::vector<model::Diagnostic>& findings,
                               const fs::path& dir, const std::string& name = "tracking.xlsx",
                               const compose::RoundChanges* changes = nullptr) {
    const fs::path path = dir / name;
    const std::string error = render::write_tracking_workbook(report, findings, path.string(), changes);
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
