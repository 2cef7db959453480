// Characters that no font in use can draw, as errors that point where they came from: a memo must not go out
// with a character quietly missing.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "layout/page.h"
#include "model/diagnostic.h"
#include "model/report.h"

namespace saraban::batch {

// One error per distinct character of missing (code points below U+0020 are ingest's and left out), at the cell
// of the report whose value holds it (the first in the order of the workbook: the memo's header, scores,
// measures and their steps, then variables; preferring a value quoted in a text the character was in), else at
// the template file whose text holds it (file:line:column; template_texts by path, template_path's looked at
// first; typeset gives its text file as the template), else at template_path: then the template or a value
// saraban computes put it there. Every distinct character is reported, each once.
std::vector<model::Diagnostic> undrawable_findings(const std::vector<layout::MissingCharacter>& missing,
                                                   const model::Report& report, const std::string& template_path,
                                                   const std::map<std::string, std::string>& template_texts);

}  // namespace saraban::batch
