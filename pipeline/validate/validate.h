// Checks on a report that reading alone cannot make: values in range, levels that match their band, the memo
// fields the template needs. Returns every finding, each naming its cell.
#pragma once

#include <vector>

#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::validate {

// Scores within 0–100 with at most 2 decimals; at least one score row and one measure; the report's fiscal year
// among the score rows; round 6 or 12. Errors stop the agency's documents, warnings do not.
std::vector<model::Diagnostic> validate(const model::Report& report);

}  // namespace saraban::validate
