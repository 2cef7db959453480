#include "validate/validate.h"

#include <cmath>
#include <string>

namespace saraban::validate {

namespace {

using model::CellRef;
using model::Diagnostic;
using model::Severity;

CellRef cell(const CellRef& row, int col) {
    CellRef at = row;
    at.col = col;
    return at;
}

std::string two_decimals(double v) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.2f", v);
    return buf;
}

void check_score(std::vector<Diagnostic>& out, const model::ScoreRow& row, const char* name, double value, int col) {
    if (value < 0 || value > 100) {
        out.push_back({Severity::error, cell(row.at, col),
                       std::string("คะแนน ") + name + " ต้องอยู่ระหว่าง 0 ถึง 100 (" + name + " score " +
                           two_decimals(value) + " is outside 0–100)"});
    } else if (std::fabs(value * 100 - std::round(value * 100)) > 1e-6) {
        out.push_back({Severity::warning, cell(row.at, col),
                       std::string("คะแนน ") + name + " มีทศนิยมเกิน 2 ตำแหน่ง (" + name +
                           " score has more than 2 decimals; the memo shows " + two_decimals(value) + ")"});
    }
}

}  // namespace

std::vector<Diagnostic> validate(const model::Report& report) {
    std::vector<Diagnostic> out;
    const CellRef file_ref{report.source, "", 0, 0};
    for (const auto& row : report.scores) {
        // Columns as the reader records them are not known here; the row is named and the score by name.
        check_score(out, row, "IIT", row.iit, 0);
        check_score(out, row, "EIT", row.eit, 0);
        check_score(out, row, "OIT", row.oit, 0);
        check_score(out, row, "ITA", row.ita, 0);
    }
    if (report.scores.empty())
        out.push_back({Severity::error, file_ref, "ไม่มีคะแนน ITA (sheet คะแนน [scores] has no rows)"});
    if (report.measures.empty())
        out.push_back({Severity::error, file_ref, "ไม่มีมาตรการ (sheet มาตรการ [measures] has no rows)"});
    bool year_found = false;
    for (const auto& row : report.scores) year_found = year_found || row.fiscal_year_be == report.memo.fiscal_year_be;
    if (!report.scores.empty() && !year_found) {
        auto it = report.memo.at.find("fiscal_year");
        out.push_back({Severity::error, it != report.memo.at.end() ? it->second : file_ref,
                       "ไม่มีคะแนนของปีงบประมาณ " + std::to_string(report.memo.fiscal_year_be) +
                           " ในชีต คะแนน (no score row for the memo's fiscal year)"});
    }
    if (report.memo.round_months != 6 && report.memo.round_months != 12) {
        auto it = report.memo.at.find("round");
        out.push_back({Severity::error, it != report.memo.at.end() ? it->second : file_ref,
                       "รอบรายงานต้องเป็น 6 หรือ 12 เดือน (round must be 6 or 12, got " +
                           std::to_string(report.memo.round_months) + ")"});
    }
    for (const auto& m : report.measures) {
        if (m.steps.empty())
            out.push_back({Severity::warning, m.at,
                           "มาตรการที่ " + std::to_string(m.number) + " ไม่มีขั้นตอน (measure has no steps)"});
    }
    return out;
}

}  // namespace saraban::validate
