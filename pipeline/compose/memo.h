// Composing a memo: the data of one report, plus what is computed from it, poured into a template.
#pragma once

#include <set>
#include <string>
#include <vector>

#include "compose/round_changes.h"
#include "compose/template.h"
#include "model/diagnostic.h"
#include "model/document.h"
#include "model/report.h"

namespace saraban::compose {

struct [[nodiscard]] ComposeResult {
    model::Document document;
    // Template errors name file:line:column; a value the template needs and the input lacks is an error at the
    // input's ตัวแปร sheet naming the template's line.
    std::vector<model::Diagnostic> diagnostics;

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Writes every digit of the document, attachments included, in Arabic (0–9) instead of Thai (๐–๙): data, template
// text and page numbers alike. Official memos use Thai digits; a template's <memo digits="arabic"> or the run's
// --digits arabic asks for this instead.
void use_arabic_digits(model::Document& document);

// Every name the memo templates can use, computed from the report (templates/README.md lists them): numbers in
// Thai digits, dates in the Buddhist era, counts of measures by status, the steps not yet done. With the previous
// round's report (read from last round's tracking workbook), also what changed since (compare_rounds):
// has_previous_round, changes, steps_newly_done, …; without it those names are set but empty (lists empty,
// counts ๐), so a template may use them unconditionally and has_previous_round is unset.
TemplateRecord memo_values(const model::Report& report, const model::Report* previous = nullptr);

// The names memo_values sets whatever the report holds (lists may be empty, text may be ""): a template name
// outside these and the input's own values is the template's typo if spelt nearly like one of them, else a value
// the input lacks.
const std::set<std::string, std::less<>>& memo_names();

// Fills the template at template_path (see templates/README.md) with the report's values, and with what changed
// since previous when given. Template files come from files when it has them (expand_template).
ComposeResult compose_memo(const model::Report& report, const std::string& template_path,
                           const model::Report* previous = nullptr, const TemplateFiles* files = nullptr);

}  // namespace saraban::compose
