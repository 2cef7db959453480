// Checks on a report that reading alone cannot make: values in range, levels that match their band, totals that
// match their weights, continuous numbering, the memo fields the template needs. Returns every finding, each
// naming file, sheet and cell, Thai first then English. Errors stop the agency's documents, warnings do not.
#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/report.h"
#include "validate/rules.h"

namespace saraban::validate {

// Every check, the ITA tables' included:
// - scores: IIT, EIT, OIT and ITA within 0–100 (error) with at most 2 decimals (warning); fiscal years in the
//   Buddhist era (error);
// - level: the band of the year's table that holds the ITA score (error when it differs; warning when the table
//   does not cover the year);
// - total: ITA = the year's weighted sum of IIT, EIT and OIT within ±0.01, where the weights are known (error);
// - at least one score row, one for the memo's fiscal year, and one measure (errors);
// - measures numbered 1, 2, 3… and each measure's steps n.1, n.2, n.3… without gaps (error at the first number out
//   of sequence); a measure without steps (warning);
// - memo: the required fields set (error), round 6 or 12 (error), a real date (error) within a year of the fiscal
//   year (warning).
std::vector<model::Diagnostic> validate(const model::Report& report, const Rules& rules);

// The same checks without the ITA tables: no level or total check. Kept for callers that have no tables.
std::vector<model::Diagnostic> validate(const model::Report& report);

}  // namespace saraban::validate
