// Benchmark of the text engine (not a test): shaping + line breaking + pagination (layout) and PDF writing
// (render) of a ~100-page Thai document, repeated; prints glyphs per second for each stage and for both.
//
//   build/bench_text_engine [fonts_dir] [runs]
#include <chrono>
#include <cstdio>
#include <string>

#include "compose/plain_text.h"
#include "layout/document_layout.h"
#include "layout/font.h"
#include "layout/line_breaker.h"
#include "render/pdf/pdf_writer.h"

namespace {

// Paragraphs in the register of the memos, with Latin, digits and a URL, as the engine meets them.
const char* const kParagraphs[] = {
    "ตามที่สำนักงานบริหารหนี้สาธารณะ (สบน.) ได้เห็นชอบมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. "
    "ปีงบประมาณ พ.ศ. ๒๕๖๔ เมื่อวันที่ ๑๖ กุมภาพันธ์ ๒๕๖๔ เพื่อให้การดำเนินการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. "
    "เป็นไปตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency "
    "Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ ที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ กำหนด",
    "แบบวัดการเปิดเผยข้อมูลสาธารณะผ่านเว็บไซต์หลักของหน่วยงาน (Open Data Integrity and Transparency Assessment : "
    "OIT) เก็บข้อมูลระหว่างวันที่ ๑ มีนาคม ๒๕๖๔ – ๑๔ พฤษภาคม ๒๕๖๔ และนำเข้า URL ข้อมูลตามเกณฑ์การประเมินในระบบ ITAS "
    "(https://itas.nacc.go.th) เพื่อประกอบการตรวจประเมินโดยคณะที่ปรึกษา ผู้ใหญ่บ้าน น้ำ ก๊าซ ธีรศักดิ์ ปี่ ฟื้น ญู ฐุ",
};

double seconds_since(std::chrono::steady_clock::time_point t0) {
    return std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
}

}  // namespace

int main(int argc, char** argv) {
    using namespace saraban;
    const std::string fonts_dir = argc > 1 ? argv[1] : "fonts";
    const int runs = argc > 2 ? std::atoi(argv[2]) : 5;

    std::string text;
    for (int i = 0; i < 440; ++i) text += std::string(kParagraphs[i % 2]) + "\n";
    const model::Document doc = compose::compose_plain_text(text);

    const layout::FontSet fonts = layout::load_default_fonts(fonts_dir);
    const layout::ThaiLineBreaker breaker;
    const layout::TextEngine engine{fonts, breaker};

    double layout_s = 1e9, render_s = 1e9;
    std::size_t glyphs = 0, pages = 0, bytes = 0;
    for (int r = 0; r < runs; ++r) {
        auto t0 = std::chrono::steady_clock::now();
        const layout::LaidOutDocument laid = layout::layout_document(doc, engine);
        layout_s = std::min(layout_s, seconds_since(t0));
        t0 = std::chrono::steady_clock::now();
        const render::PdfResult pdf = render::render_pdf(laid);
        render_s = std::min(render_s, seconds_since(t0));
        if (!pdf) {
            std::fprintf(stderr, "render failed: %s\n", pdf.error.c_str());
            return 1;
        }
        glyphs = 0;
        for (const auto& page : laid.pages)
            for (const auto& run : page.runs) glyphs += run.glyphs.size();
        pages = laid.pages.size();
        bytes = pdf.bytes.size();
    }
    std::printf("pages %zu, glyphs %zu, PDF %zu bytes (best of %d runs)\n", pages, glyphs, bytes, runs);
    std::printf("layout (shaping + breaking + pagination): %.3f s, %.0f glyphs/s\n", layout_s, glyphs / layout_s);
    std::printf("render (PDF writing):                     %.3f s, %.0f glyphs/s\n", render_s, glyphs / render_s);
    std::printf("both:                                     %.3f s, %.0f glyphs/s, %.2f ms/page\n", layout_s + render_s,
                glyphs / (layout_s + render_s), 1000 * (layout_s + render_s) / double(pages));
    return 0;
}
