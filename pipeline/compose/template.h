// The template language: a tiny XML vocabulary (templates/README.md) whose only operations are "insert the value
// at this name" (<v>), "repeat for each" (<each>) and "only if" (<if>), around the document's own elements
// (<header>, <field>, <p>, <table>, <row>, <cell>, <signature>). Templates are read with pugixml.
#pragma once

#include <map>
#include <set>
#include <string>
#include <vector>

#include "model/diagnostic.h"
#include "model/document.h"

namespace saraban::compose {

// A value offered to templates: text, or a list of records (for <each>).
struct TemplateValue;
using TemplateRecord = std::map<std::string, TemplateValue, std::less<>>;  // found by string_view too
struct TemplateValue {
    std::string text;
    std::vector<TemplateRecord> list;
    bool is_list = false;

    TemplateValue() = default;
    TemplateValue(std::string t) : text(std::move(t)) {}
    TemplateValue(const char* t) : text(t) {}
    TemplateValue(std::vector<TemplateRecord> items) : list(std::move(items)), is_list(true) {}

    // <if> is true for non-empty text other than "0"/"๐"/"no", and for a non-empty list.
    bool truthy() const;
};

// A name the template needs that no scope holds and that saraban itself never computes: a value the input was
// expected to carry (a ตัวแปร variable, an optional column). The caller knows the input and reports it there.
struct MissingValue {
    std::string name;
    model::CellRef needed_at;  // the template's file:line:column of the <v> or <each>
    std::string suggestion;    // a name in scope spelt nearly the same ("" when none): for "did you mean …"
};

struct [[nodiscard]] TemplateResult {
    model::Document document;
    std::vector<model::Diagnostic> diagnostics;  // each names template file:line:column
    // Filled only when the expansion was given the names saraban computes (ExpandOptions::computed_names); else
    // these are template errors in diagnostics. An input's missing values are errors too: see operator bool.
    std::vector<MissingValue> missing;

    explicit operator bool() const { return !model::has_error(diagnostics) && missing.empty(); }
};

// Template files read once: a batch reads its templates folder when it starts, so that every agency is composed
// from the files its manifest hashed (an edit during the run changes nothing) and no agency reads them again.
class TemplateFiles {
public:
    // Every regular file under dir, by the path the expander forms for it (dir + "/" + its relative path).
    static TemplateFiles read_folder(const std::string& dir);
    // The file's text, or nullptr when it was not read (the expander then reads the file itself).
    const std::string* find(const std::string& path) const;
    // Every file read, by path, in byte order of the paths.
    const std::map<std::string, std::string>& by_path() const { return texts_; }

private:
    std::map<std::string, std::string> texts_;
};

// How an expansion tells a template's typo from an input's missing value.
struct ExpandOptions {
    const TemplateFiles* files = nullptr;  // the template and its attachments, when already read
    // The names saraban computes whatever the input (memo_names()). When given, a <v> or <each> name that no scope
    // holds is a template error only if it is spelt nearly like one of these or like a name in an inner scope (a
    // typo: "did you mean …"); otherwise it is a MissingValue, for the caller to report against the input.
    // Without it, every name that no scope holds is a template error.
    const std::set<std::string, std::less<>>* computed_names = nullptr;
};

// Expands the template file with values. A name that no scope holds is an error at its <v> or <each>; <if> on it
// is false. Before expanding, every element and attribute of the file is checked against the vocabulary
// (templates/README.md), in every branch, so that a misspelt attribute is an error even where an <if> is false.
TemplateResult expand_template(const std::string& template_path, const TemplateRecord& values,
                               const ExpandOptions& options = {});

// The same for a template held in memory; source_name is used in diagnostics.
TemplateResult expand_template_text(const std::string& xml, const std::string& source_name,
                                    const TemplateRecord& values, const ExpandOptions& options = {});

}  // namespace saraban::compose
