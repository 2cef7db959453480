// Small helpers for writing WordprocessingML with pugixml: elements with w:val, lengths in Word's units.
#pragma once

#include <pugixml.hpp>

#include <cmath>
#include <string>

namespace saraban::render::detail {

inline long twips(double pt) { return std::lround(pt * 20); }       // 1/20 pt: page, indents, spacing
inline long half_points(double pt) { return std::lround(pt * 2); }  // text sizes
inline long emu(double pt) { return std::lround(pt * 12700); }      // drawings

inline pugi::xml_node add(pugi::xml_node parent, const char* name) { return parent.append_child(name); }

inline pugi::xml_node add(pugi::xml_node parent, const char* name, const std::string& val) {
    pugi::xml_node n = parent.append_child(name);
    n.append_attribute("w:val") = val.c_str();
    return n;
}

inline pugi::xml_node add(pugi::xml_node parent, const char* name, long val) {
    return add(parent, name, std::to_string(val));
}

inline void set(pugi::xml_node n, const char* name, const std::string& value) {
    n.append_attribute(name) = value.c_str();
}

inline void set(pugi::xml_node n, const char* name, long value) { set(n, name, std::to_string(value)); }

// The XML with its declaration, as one line (no indentation: spaces would be text to Word in places).
inline std::string to_xml(const pugi::xml_document& doc) {
    struct Writer : pugi::xml_writer {
        std::string out = "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\n";
        void write(const void* data, size_t size) override { out.append(static_cast<const char*>(data), size); }
    } writer;
    doc.save(writer, "", pugi::format_raw | pugi::format_no_declaration, pugi::encoding_utf8);
    return std::move(writer.out);
}

inline constexpr const char* kW = "http://schemas.openxmlformats.org/wordprocessingml/2006/main";
inline constexpr const char* kR = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";

}  // namespace saraban::render::detail
