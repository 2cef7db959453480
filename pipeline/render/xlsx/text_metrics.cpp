// The body font's widths and the wrapping of a cell's text (detail/text_metrics.h).
#include "render/xlsx/detail/text_metrics.h"

#include <unicode/brkiter.h>
#include <unicode/utext.h>

#include <algorithm>
#include <cstdint>
#include <iterator>
#include <memory>
#include <vector>

#include "render/xlsx/detail/book.h"
#include "text/utf8.h"

namespace saraban::render::xlsx_detail {
namespace {

// Advance widths in thousandths of an em of TH Sarabun New (fonts/Laksaman.ttf and Laksaman-Bold.ttf, the same
// metrics), read with HarfBuzz's hb_font_get_glyph_h_advance: ASCII U+0020..U+007E, Thai U+0E01..U+0E5B. Thai
// marks above and below (U+0E31, U+0E34..U+0E3A, U+0E47..U+0E4E) are 0; so are the unassigned U+0E3B..U+0E3E.
constexpr std::uint16_t ascii_regular[] = {
    324, 221, 312, 606, 543, 879, 636, 180, 285, 285, 428, 618, 243, 324, 243, 406, 544, 544, 544,
    544, 544, 544, 544, 544, 544, 544, 243, 243, 618, 618, 618, 425, 806, 601, 568, 610, 648, 527,
    527, 639, 663, 221, 397, 565, 530, 824, 663, 731, 568, 732, 570, 529, 570, 700, 586, 884, 628,
    550, 637, 294, 394, 294, 619, 529, 306, 517, 603, 497, 603, 562, 309, 467, 586, 215, 233, 475,
    300, 904, 586, 598, 603, 603, 326, 424, 357, 586, 512, 762, 478, 506, 482, 312, 230, 312, 625,
};
constexpr std::uint16_t thai_regular[] = {
    580, 568, 574, 591, 591, 613, 442, 552, 567, 568, 574, 780, 780, 639, 639, 515, 693, 800, 816, 588, 588, 568,  646,
    503, 631, 643, 643, 573, 573, 672, 672, 639, 601, 564, 484, 568, 573, 639, 503, 591, 658, 573, 642, 682, 582,  559,
    588, 536, 0,   475, 475, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   618, 305, 567, 356, 364, 367,  308,
    600, 0,   0,   0,   0,   0,   0,   0,   0,   676, 675, 675, 675, 675, 675, 675, 675, 675, 675, 675, 785, 1048,
};
constexpr std::uint16_t ascii_bold[] = {
    339, 252, 437, 694, 552, 1034, 731, 254, 367, 367, 515, 627, 258, 339, 258, 415, 568, 568, 568,
    568, 568, 568, 568, 568, 568,  568, 258, 258, 627, 627, 627, 434, 860, 678, 595, 649, 690, 538,
    538, 682, 709, 245, 424, 618,  540, 863, 709, 779, 586, 779, 594, 549, 633, 725, 634, 920, 640,
    595, 678, 351, 403, 351, 628,  565, 315, 552, 654, 521, 654, 588, 382, 499, 636, 245, 257, 511,
    320, 956, 636, 619, 648, 648,  370, 445, 388, 628, 538, 722, 524, 543, 538, 383, 266, 383, 634,
};
constexpr std::uint16_t thai_bold[] = {
    588, 624, 648, 606, 606, 681, 478, 586, 609, 624, 648, 849, 849, 639, 639, 559, 740, 828, 866, 609, 609, 588,  658,
    538, 651, 669, 669, 622, 622, 725, 725, 639, 627, 580, 494, 588, 600, 639, 570, 606, 693, 600, 658, 703, 592,  579,
    571, 511, 0,   505, 505, 0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   0,   585, 312, 594, 379, 404, 379,  314,
    657, 0,   0,   0,   0,   0,   0,   0,   0,   676, 685, 685, 685, 685, 685, 685, 685, 685, 685, 685, 789, 1048,
};
static_assert(std::size(ascii_regular) == 0x7F - 0x20 && std::size(ascii_bold) == 0x7F - 0x20);
static_assert(std::size(thai_regular) == 0xE5C - 0xE01 && std::size(thai_bold) == 0xE5C - 0xE01);

// What the table lacks: a Latin letter with its accent, an arrow, a dash (drawn by a fallback font): a wide
// letter's width; a CJK character, a full em.
double advance(std::uint32_t cp, bool bold) {
    if (cp >= 0x20 && cp < 0x7F) return (bold ? ascii_bold : ascii_regular)[cp - 0x20];
    if (cp >= 0xE01 && cp < 0xE5C) return (bold ? thai_bold : thai_regular)[cp - 0xE01];
    if (cp < 0x20 || (cp >= 0x200B && cp <= 0x200D) || cp == 0xFEFF) return 0;  // controls, zero-width
    if (cp >= 0x2E80) return 1000;
    return 700;
}

// A column's width on paper (at 100 %): units × unit + padding. Excel: 7 pixels of Calibri 11's digit a unit
// and 5 of padding, a pixel ¾ pt. LibreOffice, measured from its PDF of the มาตรการ sheet (columns of 13, 15
// and 16 units): 5.49 pt a unit and 4.8 pt. Column widths are chosen by Excel's, the narrower (what fits it fits
// both); rows are sized by LibreOffice's, less 1 % for its breaker and ours not always agreeing, since that is
// where the pages are measured. Text keeps about 1 pt clear of each side of its cell.
constexpr double excel_unit_points = 7 * 0.75;
constexpr double excel_padding_points = 5 * 0.75;
constexpr double libreoffice_unit_points = 5.49;
constexpr double libreoffice_padding_points = 4.8;
constexpr double cell_margins_points = 2;

// ICU's line breaker for Thai, one per thread (the workers write workbooks in parallel); null when ICU fails, and
// lines then break at any character.
icu::BreakIterator* line_breaker() {
    thread_local std::unique_ptr<icu::BreakIterator> breaker = [] {
        UErrorCode status = U_ZERO_ERROR;
        std::unique_ptr<icu::BreakIterator> made(icu::BreakIterator::createLineInstance(icu::Locale("th"), status));
        return U_SUCCESS(status) ? std::move(made) : nullptr;
    }();
    return breaker.get();
}

bool is_space(std::uint32_t cp) { return cp == ' ' || cp == '\t' || cp == 0xA0 || cp == 0x3000; }

// Where a line may begin in text, as byte offsets ending with text.size(): ICU's opportunities, else the end.
std::vector<std::size_t> break_points(std::string_view text) {
    std::vector<std::size_t> breaks;
    icu::BreakIterator* breaker = text.empty() ? nullptr : line_breaker();
    UErrorCode status = U_ZERO_ERROR;
    UText* utext = breaker ? utext_openUTF8(nullptr, text.data(), std::int64_t(text.size()), &status) : nullptr;
    if (utext && U_SUCCESS(status)) {
        breaker->setText(utext, status);
        for (std::int32_t at = breaker->next(); U_SUCCESS(status) && at != icu::BreakIterator::DONE;
             at = breaker->next())
            breaks.push_back(std::size_t(at));
    }
    if (utext) utext_close(utext);
    if (breaks.empty() || breaks.back() != text.size()) breaks.assign({text.size()});
    return breaks;
}

// One word (up to a break opportunity): its width without the spaces after it, theirs, and each character's.
struct Word {
    double width = 0, trailing = 0;
    std::vector<double> chars;
};

Word measure_word(std::string_view word, bool bold) {
    Word w;
    for (std::size_t i = 0; i < word.size();) {
        const std::uint32_t cp = text::next_code_point(word, i);
        const double advance_points = advance(cp, bold) * body_font_size / 1000;
        w.chars.push_back(advance_points);
        if (is_space(cp))
            w.trailing += advance_points;
        else
            w.width += w.trailing + advance_points, w.trailing = 0;
    }
    return w;
}

// The lines one paragraph (no '\n') takes: greedy, as the programs wrap. A word goes on the line when it fits
// without its trailing spaces; a word longer than a line breaks where it must.
int paragraph_lines(std::string_view text, double width, bool bold) {
    int lines = 1;
    double used = 0;
    std::size_t start = 0;
    for (std::size_t end : break_points(text)) {
        const Word word = measure_word(text.substr(start, end - start), bold);
        start = end;
        if (used + word.width <= width) {
            used += word.width + word.trailing;
            continue;
        }
        if (used > 0) ++lines, used = 0;
        if (word.width <= width) {
            used = word.width + word.trailing;
            continue;
        }
        for (double w : word.chars) {  // a word wider than the line: as many characters as fit, then the next line
            if (used + w > width && used > 0) ++lines, used = 0;
            used += w;
        }
    }
    return lines;
}

}  // namespace

double text_points(std::string_view s, bool bold) {
    double thousandths = 0;
    for (std::size_t i = 0; i < s.size();) {
        const std::uint32_t cp = text::next_code_point(s, i);
        if (cp != '\n' && cp != '\r') thousandths += advance(cp, bold);
    }
    return thousandths * body_font_size / 1000;
}

int wrapped_lines(std::string_view s, double width_points, bool bold) {
    int lines = 0;
    for (std::size_t start = 0;;) {
        const std::size_t end = std::min(s.find('\n', start), s.size());
        std::string_view line = s.substr(start, end - start);
        if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
        lines += paragraph_lines(line, width_points, bold);
        if (end == s.size()) return lines;
        start = end + 1;
    }
}

double text_area_points(double width_units) {
    const double column = width_units * libreoffice_unit_points + libreoffice_padding_points;
    return std::max(1.0, 0.99 * (column - cell_margins_points));
}

double units_for_points(double points) {
    return std::max(0.0, (points + cell_margins_points - excel_padding_points) / excel_unit_points);
}

}  // namespace saraban::render::xlsx_detail
