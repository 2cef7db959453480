#include "cli/typeset.h"

#include <fstream>
#include <sstream>

#include "batch/fonts.h"
#include "batch/output_file.h"
#include "batch/undrawable.h"
#include "compose/plain_text.h"
#include "layout/document_layout.h"
#include "layout/line_breaker.h"
#include "render/pdf/pdf_writer.h"

namespace saraban::cli {

std::string typeset(const std::string& text_path, const std::string& output_path,
                    const std::vector<std::string>& font_search_path, const std::string& font_family, bool system_fonts,
                    std::ostream& log) {
    std::ifstream in(text_path, std::ios::binary);
    if (!in) return text_path + ": ไม่พบไฟล์ (cannot open)";
    std::stringstream text;
    text << in.rdbuf();
    try {
        batch::FontCache fonts(font_search_path, system_fonts);
        const layout::FontSet& set = fonts.get(font_family);
        std::string problems;
        for (const auto& d : set.skipped) problems += model::to_string(d) + "\n";
        const layout::ThaiLineBreaker breaker;
        const layout::TextEngine engine{set, breaker};
        const auto laid_out = layout::layout_document(compose::compose_plain_text(text.str()), engine);
        // Every character no font can draw, each at its first line and column: a proof must not hide one either.
        const auto missing =
            batch::undrawable_findings(laid_out.missing_characters, {}, text_path, {{text_path, text.str()}});
        for (const auto& d : missing) problems += model::to_string(d) + "\n";
        if (!missing.empty()) return problems.substr(0, problems.size() - 1);
        log << problems;  // files skipped beside the fonts
        auto pdf = render::render_pdf(laid_out);
        if (!pdf) return output_path + ": " + pdf.error;
        return batch::write_atomically(output_path, pdf.bytes);
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace saraban::cli
