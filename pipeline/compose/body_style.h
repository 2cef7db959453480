// The memo body's paragraph style, in one place: 16 pt, first line indented 2.5 cm, justified, 6 pt before.
#pragma once

#include <string>

#include "model/document.h"

namespace saraban::compose {

constexpr double kCm = 28.3465;                  // points per centimetre
constexpr double kBodySize = 16;                 // TH Sarabun's body size
constexpr double kFirstLineIndent = 2.5 * kCm;   // ๒.๕ ซม., the official first-line indent
constexpr double kParagraphSpace = 6;            // "Before 6 pt" between paragraphs

// A body paragraph of one plain span.
inline model::Paragraph body_paragraph(std::string text, double first_line_indent = kFirstLineIndent) {
    model::Paragraph p;
    p.spans.push_back({std::move(text), {false, false, false, kBodySize}});
    p.style.align = model::Align::justify;
    p.style.first_line_indent_pt = first_line_indent;
    p.style.space_before_pt = kParagraphSpace;
    return p;
}

}  // namespace saraban::compose
