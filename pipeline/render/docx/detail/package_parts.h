// The parts of a .docx besides the body and headers: content types, relationships, styles (the font by name, Thai
// as the complex script), settings, and the document properties (title, author, language; no dates).
#pragma once

#include <string>
#include <vector>

namespace saraban::render::detail {

struct Relationship {
    std::string id;      // "rId3"
    std::string type;    // the last part of the type URI: "header", "image", "styles"
    std::string target;  // relative to the part: "header1.xml", "media/image1.png"
};

// Overrides: each part's name ("/word/header1.xml") with its content type. Defaults cover rels, xml and images.
std::string content_types(const std::vector<std::string>& header_parts, const std::vector<std::string>& image_types);
std::string relationships(const std::vector<Relationship>& list);
std::string package_relationships();  // _rels/.rels
std::string styles(const std::string& font_family);
std::string settings();
std::string core_properties(const std::string& title, const std::string& author);
std::string app_properties();

}  // namespace saraban::render::detail
