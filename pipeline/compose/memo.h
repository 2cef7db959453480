// Composing a memo: the data of one report, plus what is computed from it, poured into a template.
#pragma once

#include <string>
#include <vector>

#include "compose/template.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/report.h"

namespace saraban::compose {

struct ComposeResult {
    model::Document document;
    std::vector<model::Diagnostic> diagnostics;  // template errors name file:line:column

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Every name the memo templates can use, computed from the report (templates/README.md lists them): numbers in
// Thai digits, dates in the Buddhist era, counts of measures by status, the steps not yet done.
TemplateRecord memo_values(const model::Report& report);

// Fills the template at template_path (see templates/README.md) with the report's values.
ComposeResult compose_memo(const model::Report& report, const std::string& template_path);

}  // namespace saraban::compose
