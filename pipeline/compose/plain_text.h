// A plain UTF-8 text, one paragraph a line, as a document in the memo's body style: for proofing text
// (`saraban typeset`) and for tests of the text engine.
#pragma once

#include <string_view>

#include "model/document.h"

namespace saraban::compose {

// Every non-empty line becomes a justified 16 pt paragraph with the memo's first-line indent (2.5 cm) and 6 pt
// before it, on A4 with the official margins. Invalid UTF-8 bytes become U+FFFD.
model::Document compose_plain_text(std::string_view utf8);

}  // namespace saraban::compose
