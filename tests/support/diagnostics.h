// Findings as the user reads them, for tests that compare whole lines.
#pragma once

#include <algorithm>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace saraban::testing {

// Every finding's line, each followed by a newline.
inline std::string all_messages(const std::vector<model::Diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) out += model::to_string(d) + "\n";
    return out;
}

// Whether one finding reads exactly line.
inline bool has_line(const std::vector<model::Diagnostic>& diagnostics, const std::string& line) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [&](const model::Diagnostic& d) { return model::to_string(d) == line; });
}

}  // namespace saraban::testing
