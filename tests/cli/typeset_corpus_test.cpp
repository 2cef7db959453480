// The Thai corpus of hard cases (tests/cli/data/thai_hard_cases.txt) set with `saraban typeset` and read back
// with poppler: the text comes back exactly, every line ends where ICU allows a break (or between grapheme
// clusters inside a word longer than a line), and every justified line but a paragraph's last reaches the right
// margin.
#include <boost/test/unit_test.hpp>

#include <algorithm>
#include <cmath>
#include <sstream>

#include "layout/line_breaker.h"
#include "support/pdf_words.h"

using namespace saraban::testing;

namespace {

const std::string kCorpus = SARABAN_SOURCE_DIR "/tests/cli/data/thai_hard_cases.txt";
constexpr double kRightMargin = 595.276 - 56.69;  // A4 width less the 2 cm right margin

struct Line {
    double x_max = 0;
    std::string text;       // words joined without spaces
    std::string last_word;
};

// Lines of pdftotext -bbox-layout, in page order.
std::vector<Line> bbox_lines(const fs::path& pdf) {
    std::vector<Line> lines;
    for (const auto& page : pdf_boxes(pdf)) {
        for (const auto& box : page.lines) {
            Line line;
            line.x_max = box.x_max;
            for (const auto& w : box.words) line.text += w.text;
            if (!box.words.empty()) line.last_word = box.words.back().text;
            lines.push_back(line);
        }
    }
    return lines;
}

std::vector<std::string> corpus_paragraphs() {
    std::istringstream in(read_file(kCorpus));
    std::vector<std::string> out;
    for (std::string line; std::getline(in, line);)
        if (!line.empty()) out.push_back(line);
    return out;
}

// Byte offsets in text where the first n non-space bytes end (so a line's end can be found in its paragraph).
std::size_t offset_after_non_space(const std::string& text, std::size_t n) {
    std::size_t seen = 0, i = 0;
    for (; i < text.size() && seen < n; ++i)
        if (text[i] != ' ') ++seen;
    while (i < text.size() && text[i] == ' ') ++i;  // a line starts after the spaces that end the previous one
    return i;
}

// True when the text ends with a Thai combining mark (U+0E31, U+0E34–U+0E3A, U+0E47–U+0E4E), whose glyph has no
// advance: poppler's word box then ends at the mark's origin, which may sit a little right of the ink.
bool ends_with_mark(const std::string& s) {
    if (s.size() < 3) return false;
    const unsigned char a = s[s.size() - 3], b = s[s.size() - 2], c = s[s.size() - 1];
    const unsigned cp = ((a & 0x0F) << 12) | ((b & 0x3F) << 6) | (c & 0x3F);
    return cp == 0x0E31 || (cp >= 0x0E34 && cp <= 0x0E3A) || (cp >= 0x0E47 && cp <= 0x0E4E);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_typeset_corpus)

BOOST_AUTO_TEST_CASE(hard_cases_come_back_exactly_broken_and_justified_right) {
    TempDir dir;
    const fs::path pdf = dir / "corpus.pdf";
    const Result r = run_saraban({"typeset", kCorpus, "-o", pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);

    const auto paragraphs = corpus_paragraphs();
    std::string expected;
    for (const auto& p : paragraphs) expected += strip_ws(p);
    BOOST_TEST(strip_ws(pdf_text(pdf)) == expected);
    BOOST_TEST(strip_ws(pdf_text(pdf, "-raw")) == expected);

    // Walk the lines, paragraph by paragraph.
    const auto lines = bbox_lines(pdf);
    saraban::layout::ThaiLineBreaker breaker;
    std::size_t li = 0;
    for (const auto& paragraph : paragraphs) {
        const std::string target = strip_ws(paragraph);
        std::vector<std::size_t> allowed;
        for (const auto& b : breaker.breakpoints(paragraph)) allowed.push_back(b.offset);
        const auto clusters = breaker.cluster_boundaries(paragraph);
        std::string so_far;
        while (li < lines.size() && so_far.size() < target.size()) {
            const Line& line = lines[li++];
            so_far += line.text;
            BOOST_TEST_REQUIRE(target.compare(0, so_far.size(), so_far) == 0, "line does not continue the paragraph: " << line.text);
            if (so_far.size() == target.size()) break;  // the paragraph's last line: not justified
            const std::size_t end = offset_after_non_space(paragraph, so_far.size());
            const bool at_break = std::count(allowed.begin(), allowed.end(), end) == 1;
            const bool at_cluster = std::count(clusters.begin(), clusters.end(), end) == 1;
            BOOST_TEST((at_break || at_cluster), "line ends off a break opportunity: " << line.text);
            const double overshoot_allowed = ends_with_mark(line.last_word) ? 2.0 : 0.5;
            BOOST_TEST(line.x_max > kRightMargin - 0.5, "justified line short of the margin by "
                                                            << kRightMargin - line.x_max << " pt: " << line.text);
            BOOST_TEST(line.x_max < kRightMargin + overshoot_allowed, "line past the margin: " << line.text);
        }
    }
    BOOST_TEST(li == lines.size());
}

BOOST_AUTO_TEST_SUITE_END()
