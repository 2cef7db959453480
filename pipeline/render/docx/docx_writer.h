// Writes a composed document as an editable Word draft (.docx, WordprocessingML): the same blocks the PDF is laid
// out from, as paragraphs, tables and sections that Word and LibreOffice lay out themselves, looking like the PDF
// (A4, the template's margins, Thai distributed justification, the form's dotted lines, repeated table headers,
// "- ๒ -" page numbers, the Garuda, a landscape attachment). Continuation markers ("/๒) แบบวัด..."), which Word
// cannot compute, are left out. No file is written and no clock read: the same document gives the same bytes.
#pragma once

#include <string>

#include "model/document.h"

namespace saraban::render {

struct DocxOptions {
    std::string font_family;    // the family the text is set in ("TH Sarabun New", "Laksaman"): by name only
    std::string symbol_family;  // for ✓ ✗ ☐ • → and other symbols the family may lack; empty: the family
    int compression_level = 1;  // deflate level of the XML parts (1: fastest; the parts are small)
};

struct DocxResult {
    std::string bytes;  // the .docx (a zip)
    std::string error;  // empty on success: an emblem that cannot be read, or what libzip said

    explicit operator bool() const { return error.empty(); }
};

// The document and its attachments, each attachment a section of its own from a new page.
DocxResult render_docx(const model::Document& document, const DocxOptions& options);

}  // namespace saraban::render
