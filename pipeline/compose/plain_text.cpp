#include "compose/plain_text.h"

#include <unicode/unistr.h>

#include "compose/body_style.h"

namespace saraban::compose {

model::Document compose_plain_text(std::string_view utf8) {
    model::Document doc;
    std::size_t start = 0;
    while (start <= utf8.size()) {
        std::size_t end = utf8.find('\n', start);
        if (end == std::string_view::npos) end = utf8.size();
        std::string_view line = utf8.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        if (line.find_first_not_of(" \t") != std::string_view::npos) {
            // Round-trip through ICU to replace invalid UTF-8 with U+FFFD.
            std::string clean;
            icu::UnicodeString::fromUTF8(icu::StringPiece(line.data(), int32_t(line.size()))).toUTF8String(clean);
            doc.blocks.push_back(body_paragraph(clean));
        }
        if (end == utf8.size()) break;
        start = end + 1;
    }
    doc.page.continuation_marker = true;
    return doc;
}

}  // namespace saraban::compose
