#include "model/cell_ref.h"
#include "model/diagnostic.h"
#include "model/report.h"

#include <algorithm>

namespace saraban::model {

const std::vector<MemoTextField>& memo_text_fields() {
    static const std::vector<MemoTextField> fields = {
        {"agency", &MemoHeader::agency},   {"agency_abbr", &MemoHeader::agency_abbr},
        {"division", &MemoHeader::division}, {"sender", &MemoHeader::sender},
        {"sender_abbr", &MemoHeader::sender_abbr}, {"phone", &MemoHeader::phone},
        {"ref", &MemoHeader::ref},         {"subject", &MemoHeader::subject},
        {"to", &MemoHeader::to},           {"via", &MemoHeader::via},
        {"signer", &MemoHeader::signer},   {"signer_title", &MemoHeader::signer_title},
        {"template", &MemoHeader::template_name},
    };
    return fields;
}

std::string cell_name(int row, int col) {
    if (row <= 0) return "";
    if (col <= 0) return std::to_string(row);
    std::string letters;
    for (int c = col; c > 0; c = (c - 1) / 26) letters.insert(letters.begin(), char('A' + (c - 1) % 26));
    return letters + std::to_string(row);
}

std::string to_string(const CellRef& at) {
    std::string s = at.file;
    if (at.sheet.empty()) {  // a text file (a template): file:line:column
        if (at.row > 0) s += ":" + std::to_string(at.row) + (at.col > 0 ? ":" + std::to_string(at.col) : "");
        return s;
    }
    s += ": sheet " + at.sheet;
    if (at.row > 0) s += (at.col > 0 ? ", cell " : ", row ") + cell_name(at.row, at.col);
    return s;
}

std::string to_string(const Diagnostic& d) {
    return to_string(d.at) + (d.severity == Severity::error ? ": error: " : ": warning: ") + d.message;
}

bool has_error(const std::vector<Diagnostic>& diagnostics) {
    return std::any_of(diagnostics.begin(), diagnostics.end(),
                       [](const Diagnostic& d) { return d.severity == Severity::error; });
}

Status measure_status(const Measure& m) {
    if (m.steps.empty()) return Status::not_started;
    bool all_done = true, none_begun = true;
    for (const Step& s : m.steps) {
        if (s.status != Status::done) all_done = false;
        if (s.status != Status::not_started) none_begun = false;
    }
    if (all_done) return Status::done;
    if (none_begun) return Status::not_started;
    return Status::in_progress;
}

}  // namespace saraban::model
