#include "batch/undrawable.h"

#include "text/utf8.h"

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <optional>

namespace saraban::batch {

namespace {

// A value of the report and where it was read; what names it when at is only the file (a variable).
struct Value {
    const std::string* text;
    model::CellRef at;
    std::string what;
};

model::CellRef cell_or(const std::map<std::string, model::CellRef>& field_at, const std::string& key,
                       const model::CellRef& otherwise) {
    auto it = field_at.find(key);
    return it != field_at.end() ? it->second : otherwise;
}

void add_memo(const model::Report& r, std::vector<Value>& out) {
    for (const auto& [key, field] : model::memo_text_fields())
        out.push_back({&(r.memo.*field), cell_or(r.memo.at, std::string(key), {r.source, "", 0, 0}), ""});
}

// A measure's or a step's text fields, at their cells (the row when the sheet lacks the column).
template <class Row>
void add_row_texts(const Row& row, std::vector<Value>& out) {
    const std::pair<const char*, const std::string*> fields[] = {{"item", &row.text},
                                                                 {"target_group", &row.target_group},
                                                                 {"indicator", &row.indicator},
                                                                 {"owner", &row.owner},
                                                                 {"monitoring", &row.monitoring}};
    for (const auto& [key, text] : fields) out.push_back({text, cell_or(row.field_at, key, row.at), ""});
}

// The report's text values in the order of the workbook; a step's inherited values come after its measure's own.
std::vector<Value> report_values(const model::Report& r) {
    std::vector<Value> out;
    add_memo(r, out);
    for (const auto& s : r.scores) {
        out.push_back({&s.level, cell_or(s.field_at, "level", s.at), ""});
        for (const auto& [key, text] : s.extra) out.push_back({&text, cell_or(s.field_at, key, s.at), ""});
    }
    for (const auto& m : r.measures) {
        add_row_texts(m, out);
        for (const auto& s : m.steps) {
            add_row_texts(s, out);
            out.push_back({&s.progress, cell_or(s.field_at, "progress", s.at), ""});
            out.push_back({&s.due, cell_or(s.field_at, "due", s.at), ""});
            for (const auto& [header, text] : s.extra) out.push_back({&text, s.at, ""});
        }
    }
    for (const auto& [key, text] : r.variables) out.push_back({&text, cell_or(r.variable_at, key, {r.source, "", 0, 0}), key});
    return out;
}


// The value holding c: one quoted whole in a text c was in, else the first.
const Value* value_holding(const std::vector<Value>& values, const std::string& c,
                           const std::vector<const std::string*>& texts) {
    const Value* first = nullptr;
    for (const Value& v : values) {
        if (v.text->find(c) == std::string::npos) continue;
        for (const std::string* t : texts)
            if (t->find(*v.text) != std::string::npos) return &v;
        if (!first) first = &v;
    }
    return first;
}

// file:line:column (columns count characters) of c's first place in the template's text, template_path's first;
// only template_path and the other templates (.xml), not the tables or notes beside them.
std::optional<model::CellRef> template_place(const std::string& c, const std::string& template_path,
                                             const std::map<std::string, std::string>& texts) {
    std::vector<const std::pair<const std::string, std::string>*> order;
    for (const auto& entry : texts)
        if (entry.first == template_path || std::filesystem::path(entry.first).extension() == ".xml")
            order.insert(entry.first == template_path ? order.begin() : order.end(), &entry);
    for (const auto* entry : order) {
        const std::string& text = entry->second;
        const std::size_t at = text.find(c);
        if (at == std::string::npos) continue;
        const std::size_t newline = text.rfind('\n', at), line_start = newline == std::string::npos ? 0 : newline + 1;
        int col = 1;
        for (std::size_t i = line_start; i < at; ++i) col += (static_cast<unsigned char>(text[i]) & 0xC0) != 0x80;
        return model::CellRef{entry->first, "", int(std::count(text.begin(), text.begin() + long(at), '\n')) + 1, col};
    }
    return std::nullopt;
}

// About 40 characters of text around c's first place, for a message that cannot name a cell.
std::string excerpt(const std::string& text, const std::string& c) {
    std::size_t begin = text.find(c), end = begin + c.size();
    if (begin == std::string::npos) return "";
    for (int n = 0; n < 20 && begin > 0; ++n)
        while (begin > 0 && (static_cast<unsigned char>(text[--begin]) & 0xC0) == 0x80) {}
    for (int n = 0; n < 20 && end < text.size(); ++n)
        while (++end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) {}
    return (begin > 0 ? "…" : "") + text.substr(begin, end - begin) + (end < text.size() ? "…" : "");
}

}  // namespace

std::vector<model::Diagnostic> undrawable_findings(const std::vector<layout::MissingCharacter>& missing,
                                                   const model::Report& report, const std::string& template_path,
                                                   const std::map<std::string, std::string>& template_texts) {
    std::vector<model::Diagnostic> out;
    if (missing.empty()) return out;
    const std::vector<Value> values = report_values(report);
    std::vector<char32_t> done;
    for (const auto& m : missing) {
        if (m.code_point < 0x20 || std::find(done.begin(), done.end(), m.code_point) != done.end()) continue;
        done.push_back(m.code_point);
        std::vector<const std::string*> texts;
        for (const auto& other : missing)
            if (other.code_point == m.code_point) texts.push_back(&other.text);
        std::string c;
        text::append_utf8(c, m.code_point);
        char code[16];
        std::snprintf(code, sizeof code, "U+%04X", unsigned(m.code_point));
        std::string th = "ไม่มีฟอนต์ใดวาดอักษร \"" + c + "\" (" + code + ") ได้", en;
        model::Diagnostic d{model::Severity::error, {template_path, "", 0, 0}, ""};
        if (const Value* v = value_holding(values, c, texts)) {
            d.at = v->at;
            if (!v->what.empty()) th += " ในตัวแปร \"" + v->what + "\"", en = " in variable \"" + v->what + "\"";
        } else if (auto place = template_place(c, template_path, template_texts)) {
            d.at = *place;
        } else if (const std::string quoted = excerpt(*texts.front(), c); quoted != c) {
            th += " ในข้อความ \"" + quoted + "\"";
            en = " in \"" + quoted + "\"";
        }
        d.message = th + " บันทึกจะขาดอักษรนี้: แก้ข้อความ เลือกฟอนต์ที่มีอักษรนี้ หรือติดตั้งฟอนต์ที่มีอักษรนี้ในระบบ " +
                    "(no font in use can draw \"" + c + "\" " + code + en + ", so the memo would lack it: change the " +
                    "text, choose a font family that has it with --font, or install a font that has it)";
        out.push_back(std::move(d));
    }
    return out;
}

}  // namespace saraban::batch
