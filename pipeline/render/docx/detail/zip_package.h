// The .docx's zip, made in memory with libzip: parts in the order given (the content types first, as Word writes
// them), one fixed time stamp, no extra fields, so the same parts give the same bytes.
#pragma once

#include <string>
#include <vector>

namespace saraban::render::detail {

struct Part {
    std::string name;  // "word/document.xml"
    std::string data;
    bool deflate = true;  // false for what is compressed already (PNG, JPEG); parts under 8 KB are stored
};

// The zip's bytes, or an empty string with error set.
std::string zip_parts(const std::vector<Part>& parts, int level, std::string& error);

}  // namespace saraban::render::detail
