// Word boxes of a PDF as poppler reads them (pdftotext -bbox-layout): for checking geometry in points.
#pragma once

#include <cstring>
#include <regex>
#include <string>
#include <vector>

#include "support/process.h"

namespace saraban::testing {

struct WordBox {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;  // points, origin at the page's top-left, y down
    std::string text;
};

struct LineBox {
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    std::vector<WordBox> words;
    std::string text() const {
        std::string s;
        for (const auto& w : words) s += (s.empty() ? "" : " ") + w.text;
        return s;
    }
};

struct PageBoxes {
    double width = 0, height = 0;
    std::vector<LineBox> lines;
};

// pdftotext's XHTML escapes these five.
inline std::string unescape_xml(std::string s) {
    const std::pair<const char*, const char*> entities[] = {
        {"&amp;", "&"}, {"&lt;", "<"}, {"&gt;", ">"}, {"&quot;", "\""}, {"&apos;", "'"}};
    for (const auto& [from, to] : entities)
        for (std::size_t at = s.find(from); at != std::string::npos; at = s.find(from, at + 1))
            s.replace(at, std::strlen(from), to);
    return s;
}

// Every page's lines and words, in poppler's reading order.
inline std::vector<PageBoxes> pdf_boxes(const fs::path& pdf) {
    const Result r = run_program("pdftotext", {"-bbox-layout", pdf.string(), "-"});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    std::vector<PageBoxes> pages;
    static const std::regex page_re("<page width=\"([^\"]*)\" height=\"([^\"]*)\">([\\s\\S]*?)</page>");
    static const std::regex line_re(
        "<line xMin=\"([^\"]*)\" yMin=\"([^\"]*)\" xMax=\"([^\"]*)\" yMax=\"([^\"]*)\">([\\s\\S]*?)</line>");
    static const std::regex word_re(
        "<word xMin=\"([^\"]*)\" yMin=\"([^\"]*)\" xMax=\"([^\"]*)\" yMax=\"([^\"]*)\">([^<]*)</word>");
    const std::sregex_iterator end;
    for (std::sregex_iterator p(r.out.begin(), r.out.end(), page_re); p != end; ++p) {
        PageBoxes page;
        page.width = std::stod((*p)[1]);
        page.height = std::stod((*p)[2]);
        const std::string body = (*p)[3];
        for (std::sregex_iterator l(body.begin(), body.end(), line_re); l != end; ++l) {
            LineBox line{std::stod((*l)[1]), std::stod((*l)[2]), std::stod((*l)[3]), std::stod((*l)[4]), {}};
            const std::string words = (*l)[5];
            for (std::sregex_iterator w(words.begin(), words.end(), word_re); w != end; ++w)
                line.words.push_back({std::stod((*w)[1]), std::stod((*w)[2]), std::stod((*w)[3]), std::stod((*w)[4]),
                                      unescape_xml((*w)[5])});
            page.lines.push_back(std::move(line));
        }
        pages.push_back(std::move(page));
    }
    return pages;
}

}  // namespace saraban::testing
