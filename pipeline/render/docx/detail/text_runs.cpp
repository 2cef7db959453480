#include "render/docx/detail/text_runs.h"

#include <algorithm>

#include "render/docx/detail/xml.h"
#include "text/utf8.h"

namespace saraban::render::detail {

namespace {

// Arrows, mathematical and technical signs, shapes, dingbats (✓ U+2713), and the bullet: what a Thai text face
// usually lacks and the PDF takes from its fallback font.
bool is_symbol(char32_t cp) { return cp == 0x2022 || (cp >= 0x2190 && cp <= 0x2BFF); }

void run_properties(pugi::xml_node r, const model::TextStyle& style, const std::string& family) {
    const bool any = !family.empty() || style.bold || style.italic || style.underline || style.size_pt != kDefaultSize;
    if (!any) return;
    pugi::xml_node rpr = add(r, "w:rPr");
    if (!family.empty()) {
        pugi::xml_node fonts = add(rpr, "w:rFonts");
        for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) set(fonts, a, family);
    }
    if (style.bold) add(rpr, "w:b"), add(rpr, "w:bCs");
    if (style.italic) add(rpr, "w:i"), add(rpr, "w:iCs");
    if (style.size_pt != kDefaultSize) {
        add(rpr, "w:sz", half_points(style.size_pt));
        add(rpr, "w:szCs", half_points(style.size_pt));
    }
    if (style.underline) add(rpr, "w:u", "single");
}

void add_run(pugi::xml_node p, const std::string& text, const model::TextStyle& style, const std::string& family) {
    pugi::xml_node r = add(p, "w:r");
    run_properties(r, style, family);
    pugi::xml_node t = add(r, "w:t");
    if (!text.empty() && (text.front() == ' ' || text.back() == ' ')) set(t, "xml:space", "preserve");
    t.text().set(text.c_str());
}

const char* jc_of(model::Align align) {
    switch (align) {
        case model::Align::left:
            return "left";
        case model::Align::right:
            return "right";
        case model::Align::center:
            return "center";
        case model::Align::justify:
            return "thaiDistribute";  // Word's กระจายแบบไทย, as the PDF sets it
    }
    return "left";
}

}  // namespace

pugi::xml_node paragraph_properties(pugi::xml_node p, const model::ParagraphStyle& style, const Spacing& spacing) {
    pugi::xml_node ppr = add(p, "w:pPr");
    if (style.keep_with_next) add(ppr, "w:keepNext");
    pugi::xml_node s = add(ppr, "w:spacing");
    set(s, "w:before", twips(spacing.before));
    set(s, "w:after", twips(spacing.after));
    set(s, "w:line", std::max(1L, twips(spacing.line)));
    set(s, "w:lineRule", "exact");
    const long left = twips(style.left_indent_pt), right = twips(style.right_indent_pt);
    const long first = twips(style.first_line_indent_pt);
    if (left || right || first) {
        pugi::xml_node ind = add(ppr, "w:ind");
        if (left) set(ind, "w:left", left);
        if (right) set(ind, "w:right", right);
        if (first > 0) set(ind, "w:firstLine", first);
        if (first < 0) set(ind, "w:hanging", -first);
    }
    if (style.align != model::Align::left) add(ppr, "w:jc", jc_of(style.align));
    return ppr;
}

void add_text(pugi::xml_node p, const std::string& text, const model::TextStyle& style,
              const std::string& symbol_family) {
    std::size_t start = 0, i = 0;
    bool symbols = false;
    while (i < text.size()) {
        const std::size_t at = i;
        const bool symbol = is_symbol(text::next_code_point(text, i)) && !symbol_family.empty();
        if (symbol != symbols && at > start) {
            add_run(p, text.substr(start, at - start), style, symbols ? symbol_family : "");
            start = at;
        }
        symbols = symbol;
    }
    if (i > start) add_run(p, text.substr(start), style, symbols ? symbol_family : "");
}

pugi::xml_node add_paragraph(pugi::xml_node parent, const model::Paragraph& paragraph, double line_em,
                             const std::string& symbol_family, bool in_cell) {
    double size = 0;
    for (const auto& span : paragraph.spans) size = std::max(size, span.style.size_pt);
    if (size == 0) size = kDefaultSize;
    pugi::xml_node p = add(parent, "w:p");
    // A table cell's paragraphs follow each other with no space between, as the PDF sets them.
    const Spacing spacing{in_cell ? 0 : paragraph.style.space_before_pt, 0, size * line_em};
    pugi::xml_node ppr = paragraph_properties(p, paragraph.style, spacing);
    if (size != kDefaultSize) {  // the paragraph mark's size: an empty paragraph keeps its height when edited
        pugi::xml_node rpr = add(ppr, "w:rPr");
        add(rpr, "w:sz", half_points(size));
        add(rpr, "w:szCs", half_points(size));
    }
    for (const auto& span : paragraph.spans) add_text(p, span.text, span.style, symbol_family);
    return p;
}

pugi::xml_node add_gap(pugi::xml_node parent, double height, bool keep_with_next) {
    pugi::xml_node p = add(parent, "w:p");
    model::ParagraphStyle style;
    style.align = model::Align::left;
    style.keep_with_next = keep_with_next;
    paragraph_properties(p, style, {0, 0, height});
    return p;
}

void set_space_after(pugi::xml_node p, double pt) {
    pugi::xml_node s = p.child("w:pPr").child("w:spacing");
    if (s) s.attribute("w:after").set_value(std::to_string(twips(pt)).c_str());
}

}  // namespace saraban::render::detail
