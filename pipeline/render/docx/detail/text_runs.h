// Paragraphs and runs of WordprocessingML from the model's: styles as Word's properties, Thai set through the
// complex-script font and size (w:cs, w:szCs), which Word and LibreOffice use for Thai.
#pragma once

#include <pugixml.hpp>

#include <string>

#include "model/document.h"

namespace saraban::render::detail {

inline constexpr double kDefaultSize = 16;  // the size styles.xml gives every run

// How a paragraph's lines are spaced and where it sits, in points.
struct Spacing {
    double before = 0, after = 0;
    double line = 0;  // exact baseline-to-baseline distance
};

// Appends <w:pPr> for style to p (keepNext, spacing, indents, alignment: justify is Word's thaiDistribute).
pugi::xml_node paragraph_properties(pugi::xml_node p, const model::ParagraphStyle& style, const Spacing& spacing);

// Appends the runs of text in style to p: one run per stretch of letters or of symbols (✓ ✗ ☐ • →), the symbols
// in symbol_family when it is not empty (the family may lack them, as the PDF's fallback font knows).
void add_text(pugi::xml_node p, const std::string& text, const model::TextStyle& style,
              const std::string& symbol_family);

// A paragraph of one style: the model's, with lines spaced line_em × its largest size.
pugi::xml_node add_paragraph(pugi::xml_node parent, const model::Paragraph& paragraph, double line_em,
                             const std::string& symbol_family, bool in_cell = false);

// An empty paragraph exactly height points high (room to write, a gap).
pugi::xml_node add_gap(pugi::xml_node parent, double height, bool keep_with_next = false);

// Sets the space after a paragraph (its <w:spacing w:after>).
void set_space_after(pugi::xml_node p, double pt);

}  // namespace saraban::render::detail
