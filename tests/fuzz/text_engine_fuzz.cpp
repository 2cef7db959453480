// The text engine on any UTF-8 (or not) text: compose_plain_text → layout → PDF bytes, as `saraban typeset` does.
// Fonts and the line breaker are made once. Text the shaper cannot give consistent clusters for is a TextError,
// which the batch reports at its cell; anything else thrown, and any crash, is a finding.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <iostream>
#include <string_view>

#include "compose/plain_text.h"
#include "layout/document_layout.h"
#include "layout/font.h"
#include "layout/line_breaker.h"
#include "layout/shaper.h"
#include "render/pdf/pdf_writer.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace saraban;
    static const layout::FontSet fonts = layout::load_default_fonts(SARABAN_SOURCE_DIR "/fonts");
    static const layout::ThaiLineBreaker breaker;
    const layout::TextEngine engine{fonts, breaker, 0};
    const auto document = compose::compose_plain_text({reinterpret_cast<const char*>(data), size});
    try {
        const auto laid_out = layout::layout_document(document, engine);
        const auto pdf = render::render_pdf(laid_out);
        if (!pdf || pdf.bytes.empty()) {
            std::cerr << "fuzz_text_engine: no PDF: " << pdf.error << "\n";
            std::abort();
        }
    } catch (const layout::TextError&) {
    }
    return 0;
}
