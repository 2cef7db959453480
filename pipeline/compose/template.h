// The template language: a tiny XML vocabulary (templates/README.md) whose only operations are "insert the value
// at this name" (<v>), "repeat for each" (<each>) and "only if" (<if>), around the document's own elements
// (<header>, <field>, <p>, <table>, <row>, <cell>, <signature>). Templates are read with pugixml.
#pragma once

#include <map>
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

struct TemplateResult {
    model::Document document;
    std::vector<model::Diagnostic> diagnostics;  // each names template file:line:column

    explicit operator bool() const { return !model::has_error(diagnostics); }
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

// Expands the template file with values. A name that no scope holds is an error at its <v>, <each> or <if>.
// Files are taken from files when it has them (the template and its attachments), else read.
TemplateResult expand_template(const std::string& template_path, const TemplateRecord& values,
                               const TemplateFiles* files = nullptr);

// The same for a template held in memory; source_name is used in diagnostics.
TemplateResult expand_template_text(const std::string& xml, const std::string& source_name,
                                    const TemplateRecord& values);

}  // namespace saraban::compose
