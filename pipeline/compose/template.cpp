#include "compose/template.h"

#include <pugixml.hpp>

#include <algorithm>
#include <climits>
#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <optional>
#include <fstream>
#include <sstream>
#include <string_view>

#include "compose/body_style.h"

namespace saraban::compose {

bool TemplateValue::truthy() const {
    if (is_list) return !list.empty();
    return !text.empty() && text != "0" && text != "๐" && text != "no";
}

namespace {

using model::Diagnostic;
using model::Severity;

// "2.5cm", "10mm", "6pt", or "0". False otherwise: a number without a unit ("2.5") is refused, since a reader
// cannot tell whether 2.5 cm or 2.5 pt was meant, and 2.5 pt would be quietly wrong.
bool parse_length(const std::string& text, double& out) {
    if (text == "0") {
        out = 0;
        return true;
    }
    char* end = nullptr;
    double v = std::strtod(text.c_str(), &end);
    if (end == text.c_str()) return false;
    const std::string unit = end;
    if (unit == "cm") out = v * kCm;
    else if (unit == "mm") out = v * kCm / 10;
    else if (unit == "pt") out = v;
    else return false;
    return true;
}

// Levenshtein distance, for "did you mean": names are short, so the quadratic table is fine.
std::size_t edit_distance(std::string_view a, std::string_view b) {
    std::vector<std::size_t> row(b.size() + 1);
    for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
    for (std::size_t i = 1; i <= a.size(); ++i) {
        std::size_t diagonal = row[0];
        row[0] = i;
        for (std::size_t j = 1; j <= b.size(); ++j) {
            const std::size_t up = row[j];
            row[j] = std::min({row[j] + 1, row[j - 1] + 1, diagonal + (a[i - 1] == b[j - 1] ? 0 : 1)});
            diagonal = up;
        }
    }
    return row[b.size()];
}


// The template vocabulary: each element and the attributes it takes (templates/README.md). Checked over the whole
// file before expanding, so that a misspelt attribute in a branch this input does not take is still found.
const std::map<std::string_view, std::vector<std::string_view>>& vocabulary() {
    static const std::map<std::string_view, std::vector<std::string_view>> elements = {
        {"memo", {"font", "digits"}},
        {"page", {"left", "right", "top", "bottom", "number-top", "line-spacing", "orientation", "page-numbers",
                  "markers"}},
        {"bookmark", {}},
        {"header", {"emblem"}},
        {"field", {"label", "at", "to"}},
        {"line", {}},
        {"p", {"indent", "left", "space-before", "align", "size", "keep-with-next"}},
        {"table", {"columns", "header-rows", "size", "space-before"}},
        {"row", {}},
        {"cell", {"cols", "rows", "align", "size", "bold"}},
        {"signature", {"center", "space-before", "note-room"}},
        {"space", {"height"}},
        {"attachment", {"template"}},
        {"b", {}}, {"u", {}}, {"i", {}},
        {"v", {"name"}},
        {"each", {"name"}},
        {"if", {"name", "not"}},
    };
    return elements;
}

// The closest of candidates to written when it is plausibly a misspelling of it (one edit for names of up to four
// letters, two for longer ones); "" otherwise.
template <class Names>
std::string closest(std::string_view written, const Names& candidates) {
    std::string best;
    std::size_t best_distance = SIZE_MAX;
    for (std::string_view c : candidates) {
        if (c == written) continue;
        const std::size_t d = edit_distance(written, c);
        if (d > (c.size() <= 4 ? 1u : 2u)) continue;
        if (d < best_distance || (d == best_distance && c < best)) best = c, best_distance = d;
    }
    return best;
}

std::string did_you_mean(const std::string& suggestion) {
    return suggestion.empty() ? "" : "; did you mean \"" + suggestion + "\"?";
}

// A template's text: from files when they hold it, else from disk; nullopt when neither has it.
std::optional<std::string> template_text(const std::string& path, const TemplateFiles* files) {
    if (files)
        if (const std::string* text = files->find(path)) return *text;
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::stringstream text;
    text << in.rdbuf();
    return text.str();
}

class Expander {
public:
    Expander(const std::string& xml, const std::string& source, const TemplateRecord& values,
             const ExpandOptions& options = {})
        : xml_(xml), source_(source), options_(options) {
        scopes_.push_back(&values);
        for (std::size_t i = 0; i < xml_.size(); ++i)
            if (xml_[i] == '\n') line_starts_.push_back(i + 1);
    }

    TemplateResult run() {
        expand_into(result_.document);
        return std::move(result_);
    }

private:
    // Parses this expander's XML and expands its <memo> into doc. Returns false when the XML is malformed.
    bool expand_into(model::Document& doc) {
        pugi::xml_document xml;
        auto parsed = xml.load_buffer(xml_.data(), xml_.size(), pugi::parse_default | pugi::parse_ws_pcdata,
                                      pugi::encoding_utf8);
        if (!parsed) {
            error_at(parsed.offset, std::string("XML ผิดรูปแบบ (malformed XML: ") + parsed.description() + ")");
            return false;
        }
        pugi::xml_node root = xml.document_element();
        if (std::string(root.name()) != "memo") {
            error(root, "ราก (root) ต้องเป็น <memo> (the root element must be <memo>)");
            return false;
        }
        check_vocabulary(root);
        model::Document* outer = doc_;
        doc_ = &doc;
        doc_->font_family = root.attribute("font").as_string();
        const std::string digits = root.attribute("digits").as_string();
        if (digits == "arabic") doc_->page.thai_digits = false;
        else if (!digits.empty() && digits != "thai")
            error(root, "digits ต้องเป็น thai หรือ arabic (digits must be thai or arabic)");
        blocks(root);
        doc_ = outer;
        return true;
    }

public:
    // For <attachment template="…">: expands another file into doc with the same values and scopes, reporting
    // its errors under its own name.
    void expand_file_into(const std::string& path, model::Document& doc, int depth) {
        const std::optional<std::string> xml = template_text(path, options_.files);
        if (!xml) {
            result_.diagnostics.push_back({Severity::error, {path, "", 0, 0}, "ไม่พบแม่แบบ (template not found)"});
            return;
        }
        Expander inner(*xml, path, *scopes_.front(), options_);
        inner.scopes_ = scopes_;
        inner.depth_ = depth;
        inner.attachments_made_ = attachments_made_;
        inner.expand_into(doc);
        for (auto& d : inner.result_.diagnostics) result_.diagnostics.push_back(std::move(d));
        for (auto& m : inner.result_.missing) result_.missing.push_back(std::move(m));
    }

    // Every element of the file is one of the vocabulary's, with only its attributes.
    void check_vocabulary(pugi::xml_node node) {
        for (pugi::xml_node n : node.children()) {
            if (n.type() != pugi::node_element) continue;
            const std::string name = n.name();
            auto known = vocabulary().find(name);
            if (known == vocabulary().end()) {
                std::vector<std::string_view> names;
                for (const auto& [element, attributes] : vocabulary()) names.push_back(element);
                error(n, "ไม่รู้จัก <" + name + "> (unknown element <" + name + ">" + did_you_mean(closest(name, names)) +
                             "; see templates/README.md)");
                continue;  // its content is reported as its parent's would be: once is enough
            }
            for (pugi::xml_attribute a : n.attributes()) {
                const std::string attribute = a.name();
                if (std::find(known->second.begin(), known->second.end(), attribute) != known->second.end()) continue;
                attribute_error(n, a, "<" + name + "> ไม่มีแอตทริบิวต์ " + attribute + " (unknown attribute " +
                                          attribute + " of <" + name + ">" +
                                          did_you_mean(closest(attribute, known->second)) + ")");
            }
            check_vocabulary(n);
        }
    }

    // --- diagnostics ----------------------------------------------------------------------------------------
    // file:line:column of a byte offset in this template.
    model::CellRef location(std::ptrdiff_t offset) const {
        auto it = std::upper_bound(line_starts_.begin(), line_starts_.end(), std::size_t(std::max<std::ptrdiff_t>(offset, 0)));
        int line = int(it - line_starts_.begin());  // line_starts_ holds the starts of lines 2, 3, …
        std::size_t line_start = line == 0 ? 0 : line_starts_[line - 1];
        // Columns count characters, not bytes, as an editor shows them.
        int col = 1;
        for (std::size_t i = line_start; i < std::size_t(offset) && i < xml_.size(); ++i)
            if ((static_cast<unsigned char>(xml_[i]) & 0xC0) != 0x80) ++col;
        return {source_, "", line + 1, col};
    }
    void error_at(std::ptrdiff_t offset, const std::string& message) {
        result_.diagnostics.push_back({Severity::error, location(offset), message});
    }
    // pugixml gives an element's offset at its name; an editor's column is that of its "<".
    void error(pugi::xml_node node, const std::string& message) {
        error_at(node.offset_debug() - (node.type() == pugi::node_element ? 1 : 0), message);
    }

    // A known element in a place it cannot be; an unknown one was already reported by check_vocabulary.
    void misplaced(pugi::xml_node node, const std::string& message) {
        if (vocabulary().count(node.name())) error(node, message);
    }

    // An attribute's column: pugixml keeps no offsets for attributes, so the attribute is looked for in the
    // element's start tag.
    void attribute_error(pugi::xml_node node, pugi::xml_attribute attribute, const std::string& message) {
        const std::ptrdiff_t start = node.offset_debug();
        std::size_t end = xml_.find('>', std::size_t(std::max<std::ptrdiff_t>(start, 0)));
        const std::string needle = std::string(attribute.name()) + "=";
        std::size_t at = xml_.find(needle, std::size_t(std::max<std::ptrdiff_t>(start, 0)));
        if (start < 0 || at == std::string::npos || at > end) return error(node, message);
        error_at(std::ptrdiff_t(at), message);
    }

    // --- values ---------------------------------------------------------------------------------------------
    // The value of name in the innermost scope that has it, or nullptr.
    const TemplateValue* find(std::string_view name) const {
        for (auto scope = scopes_.rbegin(); scope != scopes_.rend(); ++scope) {
            auto it = (*scope)->find(name);
            if (it != (*scope)->end()) return &it->second;
        }
        return nullptr;
    }

    const TemplateValue* lookup(pugi::xml_node node, const char* attribute) {
        const std::string_view name = node.attribute(attribute).as_string();
        if (name.empty()) {
            error(node, std::string("<") + node.name() + "> ต้องมี " + attribute + "=\"…\" (needs a " + attribute +
                            " attribute)");
            return nullptr;
        }
        if (const TemplateValue* v = find(name)) return v;
        unknown_name(node, name);
        return nullptr;
    }

    // A name no scope holds: a typo of a name saraban computes or of an item's own name is the template's error;
    // any other name is a value the input lacks (when the caller said which names it computes).
    void unknown_name(pugi::xml_node node, std::string_view name) {
        auto names_of = [](auto first, auto last) {
            std::vector<std::string_view> names;
            for (; first != last; ++first)
                for (const auto& [key, value] : **first) names.push_back(key);
            return names;
        };
        const std::string quoted = "\"" + std::string(name) + "\"";
        const auto* computed = options_.computed_names;
        // Spelt nearly like an item's own name (inside <each>) or like a name saraban computes: the template's typo.
        std::string guess = closest(name, names_of(scopes_.begin() + 1, scopes_.end()));
        if (guess.empty() && computed) guess = closest(name, *computed);
        if (!computed || !guess.empty()) {
            if (guess.empty()) guess = closest(name, names_of(scopes_.begin(), scopes_.end()));
            error(node, "ไม่รู้จักชื่อ " + quoted + " (unknown name " + quoted + did_you_mean(guess) +
                            "; see templates/README.md)");
            return;
        }
        // Any other name is a value the input lacks; one of the input's own names spelt nearly so is a hint.
        const std::string hint = closest(name, names_of(scopes_.begin(), scopes_.begin() + 1));
        result_.missing.push_back({std::string(name), location(node.offset_debug() - 1), hint});
    }

    // Runs f inside each record of the list the node names.
    template <class F>
    void each(pugi::xml_node node, F&& f) {
        const TemplateValue* v = lookup(node, "name");
        if (!v) return;
        if (!v->is_list) {
            error(node, "\"" + std::string(node.attribute("name").as_string()) + "\" ไม่ใช่รายการ (is not a list)");
            return;
        }
        // Inside, besides the item's own names: its position, for separators ("ก และ ข") and numbering.
        TemplateRecord position{{"index", {}}, {"is_first", {}}, {"is_last", {}}};
        std::string& index = position["index"].text;
        std::string& is_first = position["is_first"].text;
        std::string& is_last = position["is_last"].text;
        for (std::size_t i = 0; i < v->list.size(); ++i) {
            index = std::to_string(i + 1);
            is_first = i == 0 ? "yes" : "";
            is_last = i + 1 == v->list.size() ? "yes" : "";
            scopes_.push_back(&position);
            scopes_.push_back(&v->list[i]);
            f();
            scopes_.pop_back();
            scopes_.pop_back();
        }
    }

    // <if name> / <if not>: a name nobody set counts as unset, so optional workbook variables need no stub.
    bool condition(pugi::xml_node node) {
        const bool negate = !node.attribute("name") && node.attribute("not");
        const std::string_view name = node.attribute(negate ? "not" : "name").as_string();
        if (name.empty()) {
            error(node, "<if> ต้องมี name=\"…\" หรือ not=\"…\" (needs a name or not attribute)");
            return false;
        }
        const TemplateValue* v = find(name);
        return (v && v->truthy()) != negate;
    }

    double length(pugi::xml_node node, const char* attribute, double fallback) {
        pugi::xml_attribute a = node.attribute(attribute);
        if (!a) return fallback;
        double v = fallback;
        if (!parse_length(a.value(), v))
            attribute_error(node, a, std::string("ความยาว \"") + a.value() + "\" ไม่ถูกต้อง ต้องมีหน่วย cm mm หรือ pt "
                                     "(bad length for " + attribute + ": write e.g. 2.5cm, 10mm or 6pt)");
        return v;
    }

    // size="14" or "14pt": a text size is in points, as every word processor writes it.
    double text_size(pugi::xml_node node, double fallback) {
        pugi::xml_attribute a = node.attribute("size");
        if (!a) return fallback;
        char* end = nullptr;
        const double v = std::strtod(a.value(), &end);
        if (end != a.value() && v > 0 && (std::string_view(end).empty() || std::string_view(end) == "pt")) return v;
        attribute_error(node, a, std::string("ขนาดอักษร \"") + a.value() + "\" ไม่ถูกต้อง (bad text size: write e.g. 14 or 14pt)");
        return fallback;
    }

    // --- inline content -------------------------------------------------------------------------------------
    void inline_content(pugi::xml_node parent, model::TextStyle style, std::vector<model::TextSpan>& out) {
        for (pugi::xml_node n : parent.children()) {
            if (n.type() == pugi::node_pcdata || n.type() == pugi::node_cdata) {
                out.push_back({n.value(), style});
                continue;
            }
            if (n.type() != pugi::node_element) continue;
            std::string name = n.name();
            if (name == "v") {
                if (const TemplateValue* v = lookup(n, "name")) {
                    if (v->is_list) error(n, "<v> ใช้กับรายการไม่ได้ (a list cannot be inserted; use <each>)");
                    else out.push_back({v->text, style});
                }
            } else if (name == "b" || name == "u" || name == "i") {
                model::TextStyle s = style;
                (name == "b" ? s.bold : name == "u" ? s.underline : s.italic) = true;
                inline_content(n, s, out);
            } else if (name == "if") {
                if (condition(n)) inline_content(n, style, out);
            } else if (name == "each") {
                each(n, [&] { inline_content(n, style, out); });
            } else {
                misplaced(n, "<" + name + "> ใช้ในข้อความไม่ได้ (not allowed inside text; allowed: v, b, u, i, if, each)");
            }
        }
    }

    // Whitespace in templates is layout of the XML, not of the memo: runs collapse to one space, ends are trimmed.
    static std::vector<model::TextSpan> tidy(std::vector<model::TextSpan> spans) {
        std::vector<model::TextSpan> out;
        bool last_space = true;  // trims leading space
        auto is_space = [](char c) { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; };
        for (auto& span : spans) {
            std::string text;
            text.reserve(span.text.size());
            const std::string_view all = span.text;
            for (std::size_t i = 0; i < all.size();) {
                if (is_space(all[i])) {
                    if (!last_space) text += ' ';
                    last_space = true;
                    ++i;
                    continue;
                }
                std::size_t end = i + 1;
                while (end < all.size() && !is_space(all[end])) ++end;
                text.append(all.substr(i, end - i));  // a word at a time: templates are mostly words
                last_space = false;
                i = end;
            }
            if (text.empty()) continue;
            if (!out.empty() && out.back().style == span.style) out.back().text += text;
            else out.push_back({text, span.style});
        }
        while (!out.empty()) {
            auto& t = out.back().text;
            while (!t.empty() && t.back() == ' ') t.pop_back();
            if (!t.empty()) break;
            out.pop_back();
        }
        return out;
    }

    std::string plain_text(pugi::xml_node node, double size = kBodySize) {
        std::vector<model::TextSpan> spans;
        inline_content(node, {false, false, false, size}, spans);
        std::string text;
        for (const auto& s : tidy(spans)) text += s.text;
        return text;
    }

    model::Paragraph paragraph(pugi::xml_node node, model::ParagraphStyle style, double size) {
        model::Paragraph p;
        size = text_size(node, size);
        std::vector<model::TextSpan> spans;
        inline_content(node, {false, false, false, size}, spans);
        p.spans = tidy(std::move(spans));
        std::string align = node.attribute("align").as_string();
        if (align == "left") style.align = model::Align::left;
        else if (align == "right") style.align = model::Align::right;
        else if (align == "center") style.align = model::Align::center;
        else if (align == "justify") style.align = model::Align::justify;
        else if (!align.empty()) error(node, "align ต้องเป็น left, right, center หรือ justify (bad align \"" + align + "\")");
        style.first_line_indent_pt = length(node, "indent", style.first_line_indent_pt);
        style.left_indent_pt = length(node, "left", style.left_indent_pt);
        style.space_before_pt = length(node, "space-before", style.space_before_pt);
        style.keep_with_next = std::string(node.attribute("keep-with-next").as_string()) == "yes" || style.keep_with_next;
        p.style = style;
        return p;
    }

    // --- blocks ---------------------------------------------------------------------------------------------
    void blocks(pugi::xml_node parent) {
        for (pugi::xml_node n : parent.children()) {
            if (n.type() == pugi::node_pcdata) {
                if (std::string(n.value()).find_first_not_of(" \t\r\n") != std::string::npos)
                    error(n, "ข้อความต้องอยู่ใน <p> (text must be inside a <p>)");
                continue;
            }
            if (n.type() != pugi::node_element) continue;
            std::string name = n.name();
            if (name == "p") {
                model::ParagraphStyle style;
                style.first_line_indent_pt = kFirstLineIndent;
                style.space_before_pt = kParagraphSpace;
                doc_->blocks.emplace_back(std::in_place_type<model::Paragraph>, paragraph(n, style, kBodySize));
            } else if (name == "header") {
                header(n);
            } else if (name == "table") {
                table(n);
            } else if (name == "signature") {
                signature(n);
            } else if (name == "space") {
                doc_->blocks.emplace_back(std::in_place_type<model::Spacer>, model::Spacer{length(n, "height", 0)});
            } else if (name == "page") {
                page(n);
            } else if (name == "bookmark") {
                doc_->bookmark = plain_text(n);
            } else if (name == "attachment") {
                attachment(n);
            } else if (name == "if") {
                if (condition(n)) blocks(n);
            } else if (name == "each") {
                each(n, [&] { blocks(n); });
            } else {
                misplaced(n, "<" + name + "> ใช้ที่นี่ไม่ได้ (not allowed here; allowed here: p, header, table, signature, space, page, "
                            "bookmark, attachment, if, each)");
            }
        }
    }

    std::string template_dir() const {
        return source_.find('/') == std::string::npos ? "." : source_.substr(0, source_.rfind('/'));
    }

    bool yes_no(pugi::xml_node n, const char* attribute, bool fallback) {
        const std::string v = n.attribute(attribute).as_string();
        if (v.empty()) return fallback;
        if (v == "yes") return true;
        if (v == "no") return false;
        error(n, std::string(attribute) + " ต้องเป็น yes หรือ no (must be yes or no)");
        return fallback;
    }

    // <page>: the page set-up of the document being expanded.
    void page(pugi::xml_node n) {
        model::PageSetup& ps = doc_->page;
        ps.margin_left_pt = length(n, "left", ps.margin_left_pt);
        ps.margin_right_pt = length(n, "right", ps.margin_right_pt);
        ps.margin_top_pt = length(n, "top", ps.margin_top_pt);
        ps.margin_bottom_pt = length(n, "bottom", ps.margin_bottom_pt);
        ps.page_number_top_pt = length(n, "number-top", ps.page_number_top_pt);
        ps.page_numbers = yes_no(n, "page-numbers", ps.page_numbers);
        ps.continuation_marker = yes_no(n, "markers", ps.continuation_marker);
        if (n.attribute("line-spacing")) ps.line_spacing_em = n.attribute("line-spacing").as_double(ps.line_spacing_em);
        const std::string orientation = n.attribute("orientation").as_string();
        if (orientation == "landscape") ps.landscape = true;
        else if (orientation == "portrait" || orientation.empty()) ps.landscape = false;
        else error(n, "orientation ต้องเป็น portrait หรือ landscape (bad orientation \"" + orientation + "\")");
    }

    // <attachment>: a document carried after this one, from a new page: another template file, or inline content.
    void attachment(pugi::xml_node n) {
        // A template that attaches itself several times grows as the count to the fourth power (four levels):
        // 10 a level made 11,110 documents and 250 MB. No memo carries more than a few attachments.
        if (++*attachments_made_ > kMaxAttachments) {
            if (*attachments_made_ == kMaxAttachments + 1)
                error(n, "เอกสารแนบเกิน " + std::to_string(kMaxAttachments) + " ฉบับ (more than " +
                             std::to_string(kMaxAttachments) + " attachments in one memo, counting those inside "
                             "attachments)");
            return;
        }
        doc_->attachments.emplace_back();
        model::Document& child = doc_->attachments.back();
        child.page = doc_->page;
        child.font_family = doc_->font_family;
        if (depth_ >= 4) {
            error(n, "เอกสารแนบซ้อนกันเกิน 4 ชั้น (attachments nested more than 4 deep)");
            return;
        }
        const std::string file = n.attribute("template").as_string();
        if (!file.empty()) {
            expand_file_into(template_dir() + "/" + file, child, depth_ + 1);
        } else {
            model::Document* outer = doc_;
            doc_ = &child;
            ++depth_;
            blocks(n);
            --depth_;
            doc_ = outer;
        }
    }

    model::FormField field(pugi::xml_node n) {
        model::FormField f;
        f.label = n.attribute("label").as_string();
        if (f.label.empty()) error(n, "<field> ต้องมี label (needs a label attribute)");
        f.value = plain_text(n);
        f.at_x_pt = length(n, "at", 0);
        f.to_x_pt = length(n, "to", -1);
        return f;
    }

    void header(pugi::xml_node n) {
        model::FormHeader h;
        // The emblem file lives beside the template.
        const std::string emblem = n.attribute("emblem").as_string();
        if (!emblem.empty()) h.emblem_path = template_dir() + "/" + emblem;
        for (pugi::xml_node c : n.children()) {
            if (c.type() != pugi::node_element) continue;
            std::string name = c.name();
            if (name == "field") {
                h.lines.push_back({field(c)});
            } else if (name == "line") {
                std::vector<model::FormField> fields;
                for (pugi::xml_node f : c.children("field")) fields.push_back(field(f));
                h.lines.push_back(std::move(fields));
            } else {
                misplaced(c, "ใน <header> ใช้ได้เฉพาะ <field> และ <line> (only field and line are allowed in a header)");
            }
        }
        doc_->blocks.emplace_back(std::in_place_type<model::FormHeader>, std::move(h));
    }

    void table(pugi::xml_node n) {
        model::Table t;
        std::istringstream widths(n.attribute("columns").as_string());
        for (std::string w; widths >> w;) {
            double v = 0;
            if (!parse_length(w, v)) error(n, "ความกว้างคอลัมน์ \"" + w + "\" ไม่ถูกต้อง (bad column width)");
            t.column_widths_pt.push_back(v);
        }
        if (t.column_widths_pt.empty()) error(n, "<table> ต้องมี columns=\"…\" (needs column widths)");
        t.header_rows = n.attribute("header-rows").as_int(0);
        t.space_before_pt = length(n, "space-before", t.space_before_pt);
        const double size = text_size(n, kBodySize);
        rows(n, t, size);
        doc_->blocks.emplace_back(std::in_place_type<model::Table>, std::move(t));
    }

    void rows(pugi::xml_node parent, model::Table& t, double size) {
        for (pugi::xml_node r : parent.children()) {
            if (r.type() != pugi::node_element) continue;
            std::string name = r.name();
            if (name == "row") {
                model::TableRow row;
                const bool is_header = int(t.rows.size()) < t.header_rows;
                for (pugi::xml_node c : r.children()) {
                    if (c.type() != pugi::node_element) continue;
                    if (std::string(c.name()) != "cell") {
                        misplaced(c, "ใน <row> ใช้ได้เฉพาะ <cell> (only cell is allowed in a row)");
                        continue;
                    }
                    model::TableCell cell;
                    cell.col_span = c.attribute("cols").as_int(1);
                    cell.row_span = c.attribute("rows").as_int(1);
                    model::ParagraphStyle style;
                    style.align = is_header ? model::Align::center : model::Align::left;
                    bool bold = std::string(c.attribute("bold").as_string()) == "yes";
                    if (c.child("p") || c.child("each")) {  // several paragraphs, at the cell's size
                        cell_paragraphs(c, style, text_size(c, size), cell.paragraphs);
                    } else {
                        cell.paragraphs.push_back(paragraph(c, style, size));  // reads the cell's own size
                    }
                    if (bold)  // every paragraph of the cell; none when an <each> in it was empty
                        for (auto& p : cell.paragraphs)
                            for (auto& s : p.spans) s.style.bold = true;
                    row.cells.push_back(std::move(cell));
                }
                t.rows.push_back(std::move(row));
            } else if (name == "each") {
                each(r, [&] { rows(r, t, size); });
            } else if (name == "if") {
                if (condition(r)) rows(r, t, size);
            } else {
                misplaced(r, "ใน <table> ใช้ได้เฉพาะ <row>, <each>, <if> (only row, each and if are allowed in a table)");
            }
        }
    }

    // A cell written as paragraphs: <p> elements, possibly inside <each> and <if>.
    void cell_paragraphs(pugi::xml_node parent, model::ParagraphStyle style, double size,
                         std::vector<model::Paragraph>& out) {
        for (pugi::xml_node n : parent.children()) {
            if (n.type() == pugi::node_pcdata) {
                if (std::string(n.value()).find_first_not_of(" \t\r\n") != std::string::npos)
                    error(n, "ในช่องที่มี <p> ข้อความต้องอยู่ใน <p> (in a cell with paragraphs, text must be inside a <p>)");
                continue;
            }
            if (n.type() != pugi::node_element) continue;
            const std::string name = n.name();
            if (name == "p") out.push_back(paragraph(n, style, size));
            else if (name == "each") each(n, [&] { cell_paragraphs(n, style, size, out); });
            else if (name == "if") {
                if (condition(n)) cell_paragraphs(n, style, size, out);
            } else misplaced(n, "ในช่องใช้ได้เฉพาะ <p>, <each>, <if> (only p, each and if are allowed among a cell's paragraphs)");
        }
    }

    void signature(pugi::xml_node n) {
        model::Signature s;
        s.center_x_pt = length(n, "center", 10 * kCm);
        s.space_before_pt = length(n, "space-before", s.space_before_pt);
        s.note_room_pt = length(n, "note-room", s.note_room_pt);
        for (pugi::xml_node line : n.children("line")) s.lines.push_back(plain_text(line));
        doc_->blocks.emplace_back(std::in_place_type<model::Signature>, std::move(s));
    }

    const std::string& xml_;
    std::string source_;
    ExpandOptions options_;
    std::vector<std::size_t> line_starts_;
    std::vector<const TemplateRecord*> scopes_;
    TemplateResult result_;
    model::Document* doc_ = &result_.document;  // the document being filled: the memo or an attachment
    int depth_ = 0;                             // attachment nesting
    static constexpr int kMaxAttachments = 64;
    int attachments_ = 0;                       // made for this memo, at any depth (counted by the outermost)
    int* attachments_made_ = &attachments_;
};

}  // namespace

TemplateResult expand_template_text(const std::string& xml, const std::string& source_name,
                                    const TemplateRecord& values, const ExpandOptions& options) {
    return Expander(xml, source_name, values, options).run();
}

TemplateResult expand_template(const std::string& template_path, const TemplateRecord& values,
                               const ExpandOptions& options) {
    const std::optional<std::string> xml = template_text(template_path, options.files);
    if (!xml) {
        TemplateResult r;
        r.diagnostics.push_back({Severity::error, {template_path, "", 0, 0}, "ไม่พบแม่แบบ (template not found)"});
        return r;
    }
    return Expander(*xml, template_path, values, options).run();
}

TemplateFiles TemplateFiles::read_folder(const std::string& dir) {
    TemplateFiles files;
    std::error_code ec;
    for (auto it = std::filesystem::recursive_directory_iterator(dir, ec);
         !ec && it != std::filesystem::recursive_directory_iterator(); it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        const std::string path = dir + "/" + std::filesystem::relative(it->path(), dir, ec).generic_string();
        if (auto text = template_text(path, nullptr)) files.texts_.emplace(path, std::move(*text));
    }
    return files;
}

const std::string* TemplateFiles::find(const std::string& path) const {
    auto it = texts_.find(path);
    return it == texts_.end() ? nullptr : &it->second;
}

}  // namespace saraban::compose
