#include "render/docx/detail/package_parts.h"

#include "render/docx/detail/xml.h"

namespace saraban::render::detail {

namespace {

constexpr const char* kRelTypes = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";
constexpr const char* kWordMl = "application/vnd.openxmlformats-officedocument.wordprocessingml.";

void override_type(pugi::xml_node types, const std::string& part, const std::string& type) {
    pugi::xml_node o = add(types, "Override");
    set(o, "PartName", part);
    set(o, "ContentType", type);
}

}  // namespace

std::string content_types(const std::vector<std::string>& header_parts, const std::vector<std::string>& image_types) {
    pugi::xml_document doc;
    pugi::xml_node types = add(doc, "Types");
    set(types, "xmlns", "http://schemas.openxmlformats.org/package/2006/content-types");
    auto default_type = [&](const char* ext, const std::string& type) {
        pugi::xml_node d = add(types, "Default");
        set(d, "Extension", ext);
        set(d, "ContentType", type);
    };
    default_type("rels", "application/vnd.openxmlformats-package.relationships+xml");
    default_type("xml", "application/xml");
    for (const std::string& type : image_types) default_type(type == "image/png" ? "png" : "jpeg", type);
    override_type(types, "/word/document.xml", std::string(kWordMl) + "document.main+xml");
    override_type(types, "/word/styles.xml", std::string(kWordMl) + "styles+xml");
    override_type(types, "/word/settings.xml", std::string(kWordMl) + "settings+xml");
    for (const std::string& part : header_parts)
        override_type(types, "/word/" + part, std::string(kWordMl) + "header+xml");
    override_type(types, "/docProps/core.xml", "application/vnd.openxmlformats-package.core-properties+xml");
    override_type(types, "/docProps/app.xml", "application/vnd.openxmlformats-officedocument.extended-properties+xml");
    return to_xml(doc);
}

std::string relationships(const std::vector<Relationship>& list) {
    pugi::xml_document doc;
    pugi::xml_node rels = add(doc, "Relationships");
    set(rels, "xmlns", "http://schemas.openxmlformats.org/package/2006/relationships");
    for (const Relationship& r : list) {
        pugi::xml_node n = add(rels, "Relationship");
        set(n, "Id", r.id);
        set(n, "Type", r.type.find("://") == std::string::npos ? kRelTypes + r.type : r.type);
        set(n, "Target", r.target);
    }
    return to_xml(doc);
}

std::string package_relationships() {
    return relationships(
        {{"rId1", "officeDocument", "word/document.xml"},
         {"rId2", "http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties",
          "docProps/core.xml"},
         {"rId3", "extended-properties", "docProps/app.xml"}});
}

// Every run in the family, 16 pt, Thai as the complex script (its font and size are w:cs and w:szCs); single
// paragraphs with no space after, widow and orphan control on, as the PDF breaks pages.
std::string styles(const std::string& font_family) {
    pugi::xml_document doc;
    pugi::xml_node root = add(doc, "w:styles");
    set(root, "xmlns:w", kW);
    pugi::xml_node rpr = add(add(add(root, "w:docDefaults"), "w:rPrDefault"), "w:rPr");
    if (!font_family.empty()) {
        pugi::xml_node fonts = add(rpr, "w:rFonts");
        for (const char* a : {"w:ascii", "w:hAnsi", "w:eastAsia", "w:cs"}) set(fonts, a, font_family);
    }
    add(rpr, "w:sz", 32);
    add(rpr, "w:szCs", 32);
    // Latin text is English (as Thai, LibreOffice breaks English words anywhere); Thai is the complex script's.
    pugi::xml_node lang = add(rpr, "w:lang", "en-US");
    set(lang, "w:eastAsia", "en-US");
    set(lang, "w:bidi", "th-TH");
    pugi::xml_node ppr = add(add(root.child("w:docDefaults"), "w:pPrDefault"), "w:pPr");
    add(ppr, "w:widowControl");
    pugi::xml_node spacing = add(ppr, "w:spacing");
    set(spacing, "w:after", 0);
    set(spacing, "w:line", 240);
    set(spacing, "w:lineRule", "auto");
    pugi::xml_node normal = add(root, "w:style");
    set(normal, "w:type", "paragraph");
    set(normal, "w:default", 1);
    set(normal, "w:styleId", "Normal");
    add(normal, "w:name", "Normal");
    add(normal, "w:qFormat");
    pugi::xml_node table = add(root, "w:style");
    set(table, "w:type", "table");
    set(table, "w:default", 1);
    set(table, "w:styleId", "TableNormal");
    add(table, "w:name", "Normal Table");
    return to_xml(doc);
}

std::string settings() {
    pugi::xml_document doc;
    pugi::xml_node root = add(doc, "w:settings");
    set(root, "xmlns:w", kW);
    add(root, "w:defaultTabStop", 720);
    add(root, "w:characterSpacingControl", "doNotCompress");
    pugi::xml_node compat = add(add(root, "w:compat"), "w:compatSetting");
    set(compat, "w:name", "compatibilityMode");
    set(compat, "w:uri", "http://schemas.microsoft.com/office/word");
    set(compat, "w:val", 15);  // Word 2013 and later: tables at the margin, no legacy spacing
    pugi::xml_node lang = add(root, "w:themeFontLang", "en-US");
    set(lang, "w:bidi", "th-TH");
    return to_xml(doc);
}

// Title and author as the PDF's; no creation or modification date, so that the bytes do not change by the day.
std::string core_properties(const std::string& title, const std::string& author) {
    pugi::xml_document doc;
    pugi::xml_node root = add(doc, "cp:coreProperties");
    set(root, "xmlns:cp", "http://schemas.openxmlformats.org/package/2006/metadata/core-properties");
    set(root, "xmlns:dc", "http://purl.org/dc/elements/1.1/");
    add(root, "dc:title").text().set(title.c_str());
    add(root, "dc:creator").text().set(author.c_str());
    add(root, "dc:language").text().set("th-TH");
    return to_xml(doc);
}

std::string app_properties() {
    pugi::xml_document doc;
    pugi::xml_node root = add(doc, "Properties");
    set(root, "xmlns", "http://schemas.openxmlformats.org/officeDocument/2006/extended-properties");
    add(root, "Application").text().set("saraban");
    return to_xml(doc);
}

}  // namespace saraban::render::detail
