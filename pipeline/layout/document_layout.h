// Layout of a whole document: blocks onto pages, with the memo form's head, tables that continue across pages
// under a repeated header, page numbers and continuation markers.
#pragma once

#include "layout/page.h"
#include "layout/paragraph.h"
#include "model/document.h"

namespace saraban::layout {

// Lays the document out on as many pages as it needs, then each attachment from a new page with its own page set-up
// and numbering (outline entries for those with a bookmark). Deterministic: the same document and fonts give the
// same pages. Rules kept: no single line of a paragraph alone at a page's foot or head; keep_with_next honoured; a
// table row splits across pages only when it is taller than a page, and the header rows repeat on each page; a
// signature block stays whole with its note room. The engine's line pitch is replaced by the document's own.
LaidOutDocument layout_document(const model::Document& document, const TextEngine& engine);

}  // namespace saraban::layout
