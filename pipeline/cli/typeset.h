// `saraban typeset`: a UTF-8 text set in the memo's body style, for proofing fonts and the text engine.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace saraban::cli {

// Sets a UTF-8 text file (one paragraph a line) in the memo's body style and writes the PDF to output, with the
// fonts of font_search_path (see layout::load_font_family), then the system's unless system_fonts is false.
// Returns an empty string or the errors, a line each: every character no font can draw, at its line and column.
// Warnings (files skipped beside the fonts) go to log.
std::string typeset(const std::string& text_path, const std::string& output_path,
                    const std::vector<std::string>& font_search_path, const std::string& font_family, bool system_fonts,
                    std::ostream& log);

}  // namespace saraban::cli
