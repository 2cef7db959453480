// A problem found in an input, by any stage. Stages return every problem they find, not only the first.
#pragma once

#include <string>
#include <vector>

#include "model/cell_ref.h"

namespace saraban::model {

enum class Severity {
    warning,  // the documents are still produced
    error,    // this agency's documents are not produced
};

struct Diagnostic {
    Severity severity = Severity::error;
    CellRef at;
    std::string message;  // what is wrong and what was expected, Thai first then English
};

// "inputs/x.xlsx: sheet คะแนน, cell C5: error: …" — the wording is API: tests compare whole lines.
std::string to_string(const Diagnostic& d);

// True when any diagnostic is an error.
bool has_error(const std::vector<Diagnostic>& diagnostics);

}  // namespace saraban::model
