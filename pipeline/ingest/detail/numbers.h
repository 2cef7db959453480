// Internal to ingest: a number as a workbook writes it, read the same way by read_xlsx and read_ods.
#pragma once

#include <string_view>

namespace saraban::ingest::detail {

// A number as written ("96.29", " +1e3 "): spaces around it and a leading "+" allowed, nothing else.
bool parse_double(std::string_view s, double& value);

// Whether a number written as v is already what to_shown_precision makes of it: plain digits, at most 15 of them
// (DBL_DIG), come back from a double as they went in. Most numbers in a workbook ("2564", "96.29") need no rounding.
bool within_shown_precision(std::string_view v);

}  // namespace saraban::ingest::detail
