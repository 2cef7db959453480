#include "layout/document_layout.h"

#include "text/digits.h"

#include <algorithm>
#include <map>
#include <cmath>
#include <optional>

namespace saraban::layout {

namespace {

using model::Align;

model::Paragraph simple_paragraph(const std::string& text, double size, Align align, bool bold = false) {
    model::Paragraph p;
    p.spans.push_back({text, {bold, false, false, size}});
    p.style.align = align;
    return p;
}

// Where a set line's baseline sits below the top of its line box.
double baseline_offset(const SetLine& line) {
    return (line.height - line.ascent - line.descent) / 2 + line.ascent;
}

class Paginator {
public:
    Paginator(const model::Document& doc, const TextEngine& engine) : doc_(doc), engine_(engine) {
        const auto& ps = doc.page;
        page_w_ = ps.landscape ? std::max(ps.width_pt, ps.height_pt) : ps.width_pt;
        page_h_ = ps.landscape ? std::min(ps.width_pt, ps.height_pt) : ps.height_pt;
        text_left_ = ps.margin_left_pt;
        text_width_ = page_w_ - ps.margin_left_pt - ps.margin_right_pt;
        const double marker_room = ps.continuation_marker ? line_height(engine, 16) : 0;
        bottom_limit_ = page_h_ - ps.margin_bottom_pt - marker_room;
        new_page();
    }

    // The pages, with page numbers and continuation markers added.
    std::vector<Page> finish() {
        add_page_furniture();
        return std::move(pages_);
    }

    // The characters no font has, with the text of each paragraph they are in, as found.
    const std::vector<MissingCharacter>& missing() const { return missing_; }

    void place(const model::Block& block, const model::Block* next) {
        std::visit([&](const auto& b) { place_block(b, next); }, block);
    }

private:
    // --- pages -----------------------------------------------------------------------------------------------
    void new_page() {
        Page page;
        page.width_pt = page_w_;
        page.height_pt = page_h_;
        pages_.push_back(std::move(page));
        first_line_text_.emplace_back();
        y_ = doc_.page.margin_top_pt;
        at_page_top_ = true;
    }

    double remaining() const { return bottom_limit_ - y_; }
    Page& page() { return pages_.back(); }

    // Puts a set line whose box starts at y_ (from the paper's top), x from the paper's left edge.
    void emit(const SetLine& line, double x_left) {
        const double baseline_from_top = y_ + baseline_offset(line);
        if (first_line_text_.back().empty()) first_line_text_.back() = line.text;
        y_ += line.height;
        place_line(line, x_left, page_h_ - baseline_from_top, page());
        at_page_top_ = false;
    }

    // Every paragraph is set here: set_paragraph, and a note of each character no font has, with its paragraph.
    SharedLines set_text(const model::Paragraph& p, double width) {
        SharedLines lines = set_paragraph(p, width, engine_);
        for (const SetLine& line : *lines) {
            for (char32_t c : line.undrawable) {
                MissingCharacter m{c, {}};
                for (const auto& span : p.spans) m.text += span.text;
                if (std::find(missing_.begin(), missing_.end(), m) == missing_.end()) missing_.push_back(std::move(m));
            }
        }
        return lines;
    }

    // --- blocks ----------------------------------------------------------------------------------------------
    // A block set to look ahead (keep-with-next, orphan control) is kept until it is placed, not set twice.
    const std::vector<SetLine>& set_lines(const model::Paragraph& p) {
        auto it = paragraph_cache_.find(&p);
        if (it == paragraph_cache_.end()) it = paragraph_cache_.emplace(&p, set_text(p, text_width_)).first;
        return *it->second;
    }
    // The cached result for key, removed from the cache, or make() when there is none.
    template <class Cache, class Make>
    static auto take(Cache& cache, const void* key, Make make) {
        auto it = cache.find(key);
        if (it == cache.end()) return make();
        auto value = std::move(it->second);
        cache.erase(it);
        return value;
    }

    // The height a block needs on the current page before it may start there (orphan control, keep together).
    double lead_height(const model::Block& block) {
        if (auto* p = std::get_if<model::Paragraph>(&block)) {
            const auto& lines = set_lines(*p);
            double h = p->style.space_before_pt;
            for (std::size_t i = 0; i < lines.size() && i < 2; ++i) h += lines[i].height;
            return h;
        }
        if (auto* t = std::get_if<model::Table>(&block)) {
            const auto& rows = set_table(*t);
            double h = t->space_before_pt;
            for (int i = 0; i < int(rows.size()) && i <= t->header_rows; ++i) h += rows[i].height;
            return h;
        }
        if (auto* s = std::get_if<model::Signature>(&block)) return signature_height(*s);
        if (auto* s = std::get_if<model::Spacer>(&block)) return s->height_pt;
        return 0;
    }

    void place_block(const model::Paragraph& p, const model::Block* next) {
        const SharedLines set = take(paragraph_cache_, &p, [&] { return set_text(p, text_width_); });
        const std::vector<SetLine>& lines = *set;
        double total = p.style.space_before_pt;
        for (const auto& l : lines) total += l.height;
        if (p.style.keep_with_next && next && !at_page_top_ && total + lead_height(*next) > remaining())
            new_page();
        if (!at_page_top_) y_ += p.style.space_before_pt;
        std::size_t i = 0;
        while (i < lines.size()) {
            std::size_t fit = 0;
            double h = 0;
            while (i + fit < lines.size() && h + lines[i + fit].height <= remaining() + 0.01) h += lines[i + fit++].height;
            const std::size_t left = lines.size() - i - fit;
            if (left > 0 && !at_page_top_) {
                if (left == 1 && fit >= 2 && lines.size() - i >= 3) --fit;  // no widow: two lines go over
                if (fit == 1 && lines.size() - i >= 2) fit = 0;               // no orphan: the first line goes over
            }
            if (fit == 0 && at_page_top_) fit = 1;  // a line taller than a page: place it anyway
            for (std::size_t k = 0; k < fit; ++k) emit(lines[i + k], text_left_);
            i += fit;
            if (i < lines.size()) new_page();
        }
    }

    struct SetCell {
        std::vector<const SetLine*> lines;  // in sets
        std::vector<SharedLines> sets;      // one per paragraph of the cell
        double content_height = 0;
        int col = 0, col_span = 1, row_span = 1;
    };
    struct SetRow {
        std::vector<SetCell> cells;
        double height = 0;
    };
    std::map<const void*, std::vector<SetRow>> table_cache_;

    // Sets every cell and finds row heights. Header cells may span rows: a spanning cell's height is given to
    // the last row it covers.
    std::vector<SetRow> set_rows(const model::Table& t) {
        const double pad = t.cell_padding_pt;
        std::vector<SetRow> rows(t.rows.size());
        std::vector<int> busy_until(t.column_widths_pt.size(), -1);  // header row-span occupancy
        for (std::size_t r = 0; r < t.rows.size(); ++r) {
            int col = 0;
            for (const auto& cell : t.rows[r].cells) {
                while (col < int(busy_until.size()) && busy_until[col] >= int(r)) ++col;
                SetCell sc;
                sc.col = col;
                sc.col_span = std::max(1, cell.col_span);
                sc.row_span = std::max(1, cell.row_span);
                double width = 0;
                for (int c = col; c < col + sc.col_span && c < int(t.column_widths_pt.size()); ++c) {
                    width += t.column_widths_pt[c];
                    busy_until[c] = int(r) + sc.row_span - 1;
                }
                for (const auto& para : cell.paragraphs) {
                    SharedLines set = set_text(para, width - 2 * pad);
                    for (const SetLine& l : *set) {
                        sc.content_height += l.height;
                        sc.lines.push_back(&l);
                    }
                    sc.sets.push_back(std::move(set));
                }
                col += sc.col_span;
                rows[r].cells.push_back(std::move(sc));
            }
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (const auto& c : rows[r].cells)
                if (c.row_span == 1) rows[r].height = std::max(rows[r].height, c.content_height + 2 * pad);
        }
        for (std::size_t r = 0; r < rows.size(); ++r) {
            for (const auto& c : rows[r].cells) {
                if (c.row_span == 1) continue;
                std::size_t last = std::min(rows.size() - 1, r + c.row_span - 1);
                double have = 0;
                for (std::size_t k = r; k <= last; ++k) have += rows[k].height;
                if (have < c.content_height + 2 * pad) rows[last].height += c.content_height + 2 * pad - have;
            }
        }
        return rows;
    }

    const std::vector<SetRow>& set_table(const model::Table& t) {
        auto it = table_cache_.find(&t);
        if (it == table_cache_.end()) it = table_cache_.emplace(&t, set_rows(t)).first;
        return it->second;
    }

    // Draws one row (set by set_rows) with its borders, at y_.
    void emit_row(const model::Table& t, const std::vector<SetRow>& rows, std::size_t r) {
        const double pad = t.cell_padding_pt;
        const double page_h = page_h_;
        const double top = y_;
        for (const SetCell& cell : rows[r].cells) {
            double x = text_left_;
            for (int c = 0; c < cell.col; ++c) x += t.column_widths_pt[c];
            double width = 0;
            for (int c = cell.col; c < cell.col + cell.col_span && c < int(t.column_widths_pt.size()); ++c)
                width += t.column_widths_pt[c];
            double height = 0;
            for (std::size_t k = r; k < std::min(rows.size(), r + cell.row_span); ++k) height += rows[k].height;
            // Header cells are centred vertically; body cells start at the top.
            double y = top + pad;
            if (int(r) < t.header_rows) y = top + (height - cell.content_height) / 2;
            for (const SetLine* line : cell.lines) {
                const double baseline_from_top = y + baseline_offset(*line);
                // A repeated header says nothing about where the reader is: the marker quotes the first row below.
                if (first_line_text_.back().empty() && int(r) >= t.header_rows) first_line_text_.back() = line->text;
                y += line->height;
                place_line(*line, x + pad, page_h - baseline_from_top, page());
            }
            const double y_top = page_h - top, y_bottom = page_h - (top + height);
            auto& rules = page().rules;
            rules.push_back({x, y_top, x + width, y_top, 0.5, false});
            rules.push_back({x, y_bottom, x + width, y_bottom, 0.5, false});
            rules.push_back({x, y_top, x, y_bottom, 0.5, false});
            rules.push_back({x + width, y_top, x + width, y_bottom, 0.5, false});
        }
        y_ += rows[r].height;
        at_page_top_ = false;
    }

    // Cuts row into a first part whose content fits in room and the rest, between lines of each cell. False when
    // the row spans rows or not one line would fit.
    static bool split_row(SetRow& row, double room, double pad, SetRow& rest) {
        SetRow part;
        bool any = false;
        for (SetCell& cell : row.cells) {
            if (cell.row_span > 1) return false;
            SetCell first = cell, second = cell;
            first.lines.clear();
            second.lines.clear();
            first.content_height = second.content_height = 0;
            for (const SetLine* line : cell.lines) {
                if (second.lines.empty() && first.content_height + line->height <= room - 2 * pad + 0.01) {
                    first.content_height += line->height;
                    first.lines.push_back(line);
                } else {
                    second.content_height += line->height;
                    second.lines.push_back(line);
                }
            }
            any = any || !first.lines.empty();
            part.height = std::max(part.height, first.content_height + 2 * pad);
            rest.height = std::max(rest.height, second.content_height + 2 * pad);
            part.cells.push_back(std::move(first));
            rest.cells.push_back(std::move(second));
        }
        if (!any) {  // give the lines back
            for (std::size_t c = 0; c < row.cells.size(); ++c) row.cells[c].lines = std::move(rest.cells[c].lines);
            return false;
        }
        row = std::move(part);
        return true;
    }

    // Rows never split across pages, but for one taller than a whole page, which continues on the next between
    // lines; the header rows repeat on every page the table continues on.
    void place_block(const model::Table& t, const model::Block*) {
        auto rows = take(table_cache_, &t, [&] { return set_rows(t); });
        const int header = std::min<int>(t.header_rows, int(rows.size()));
        double header_height = 0;
        for (int r = 0; r < header; ++r) header_height += rows[r].height;
        auto place_header = [&] {
            for (int r = 0; r < header; ++r) emit_row(t, rows, r);
        };
        const double first_body = header < int(rows.size()) ? rows[header].height : 0;
        if (!at_page_top_) y_ += t.space_before_pt;
        if (!at_page_top_ && header_height + first_body > remaining()) new_page();
        place_header();
        const double body_top = doc_.page.margin_top_pt + header_height;  // where rows start on a new page
        const double page_room = bottom_limit_ - body_top;
        for (std::size_t r = header; r < rows.size(); ++r) {
            for (;;) {
                if (rows[r].height <= remaining() + 0.01) break;
                if (rows[r].height > page_room + 0.01) {
                    SetRow rest;
                    if (split_row(rows[r], remaining(), t.cell_padding_pt, rest)) {
                        emit_row(t, rows, r);
                        rows[r] = std::move(rest);
                        new_page();
                        place_header();
                        continue;
                    }
                }
                if (y_ <= body_top + 0.01) break;  // already at the top of a page: place it as it is
                new_page();
                place_header();
            }
            emit_row(t, rows, r);
        }
    }

    double signature_height(const model::Signature& s) {
        return s.space_before_pt + double(s.lines.size()) * line_height(engine_, s.size_pt) + s.note_room_pt;
    }

    void place_block(const model::Spacer& s, const model::Block*) {
        if (at_page_top_) return;  // room at a page's top would only push the text down
        if (s.height_pt > remaining()) {
            new_page();
            return;
        }
        y_ += s.height_pt;
    }

    void place_block(const model::Signature& s, const model::Block*) {
        if (!at_page_top_ && signature_height(s) > remaining()) new_page();
        if (!at_page_top_) y_ += s.space_before_pt;
        std::vector<SharedLines> sets;
        double widest = 0;
        for (const auto& text : s.lines) {
            sets.push_back(set_text(simple_paragraph(text, s.size_pt, Align::left), text_width_));
            for (const SetLine& line : *sets.back()) widest = std::max(widest, line.right_edge);
        }
        // Each line centred on one point; the point moves inward if the widest line would leave the text area.
        const double center = std::clamp(s.center_x_pt, widest / 2, std::max(widest / 2, text_width_ - widest / 2));
        for (const SharedLines& set : sets)
            for (const SetLine& line : *set) emit(line, text_left_ + center - line.right_edge / 2);
        y_ += s.note_room_pt;
    }

    void place_block(const model::FormHeader& h, const model::Block*) {
        const double page_h = page_h_;
        // The Garuda at the top-left corner, flush with the left margin, 1.5 cm high.
        const double emblem_bottom = page_h - h.emblem_top_pt - h.emblem_height_pt;
        if (!h.emblem_path.empty()) {
            page().images.push_back({h.emblem_path, text_left_, emblem_bottom, h.emblem_height_pt, h.emblem_height_pt});
        } else {
            const double x0 = text_left_, x1 = text_left_ + h.emblem_height_pt;
            const double y0 = emblem_bottom, y1 = emblem_bottom + h.emblem_height_pt;
            for (const Rule& r : {Rule{x0, y0, x1, y0, 0.4, true}, Rule{x1, y0, x1, y1, 0.4, true},
                                  Rule{x1, y1, x0, y1, 0.4, true}, Rule{x0, y1, x0, y0, 0.4, true}})
                page().rules.push_back(r);
        }
        // The title sits beside the Garuda, its baseline near the emblem's foot.
        auto title = set_text(simple_paragraph(h.title, h.title_size_pt, Align::center, true), text_width_);
        double title_baseline = h.emblem_top_pt + h.emblem_height_pt * 0.75;
        for (const SetLine& line : *title) place_line(line, text_left_, page_h - title_baseline, page());
        // The first labelled line starts clear of the emblem's foot.
        double baseline = std::max(title_baseline, h.emblem_top_pt + h.emblem_height_pt);
        bool first_line = true;
        for (const auto& fields : h.lines) {
            double label_size = 0;
            for (const auto& f : fields) label_size = std::max(label_size, f.label_size_pt);
            baseline += first_line ? label_size * 1.2 : line_height(engine_, label_size);
            first_line = false;
            double extra_lines = 0;
            for (std::size_t i = 0; i < fields.size(); ++i) {
                const auto& f = fields[i];
                double end = f.to_x_pt >= 0 ? f.to_x_pt : (i + 1 < fields.size() ? fields[i + 1].at_x_pt - 4 : text_width_);
                auto label = set_text(simple_paragraph(f.label, f.label_size_pt, Align::left, true), text_width_);
                double label_end = f.at_x_pt + (label->empty() ? 0 : label->front().right_edge);
                for (const SetLine& line : *label) place_line(line, text_left_ + f.at_x_pt, page_h - baseline, page());
                const double value_x = label_end + 4;
                auto value = set_text(simple_paragraph(f.value, f.value_size_pt, Align::left), end - value_x - 2);
                double b = baseline;
                for (std::size_t k = 0; k < value->size(); ++k) {
                    double line_start = k == 0 ? label_end + 1 : value_x - 3;
                    if (k > 0) b += (*value)[k].height;
                    place_line((*value)[k], text_left_ + value_x, page_h - b, page());
                    page().rules.push_back({text_left_ + line_start, page_h - b - 2.5, text_left_ + end,
                                            page_h - b - 2.5, 0.6, true});
                }
                extra_lines = std::max(extra_lines, b - baseline);
            }
            baseline += extra_lines;
        }
        y_ = baseline + line_height(engine_, 16) * 0.35;
        at_page_top_ = false;
    }

    // --- page numbers and continuation markers ---------------------------------------------------------------
    // "/๒) แบบวัด...": the first words of the next page, enough to find one's place (at least 6 letters).
    std::string continuation_marker(const std::string& next_text) {
        std::string words;
        std::size_t start = 0, letters = 0;
        for (const Breakpoint& b : engine_.breaker.breakpoints(next_text)) {
            std::string segment = next_text.substr(start, b.offset - start);
            words += segment;
            for (unsigned char c : segment)
                if ((c & 0xC0) != 0x80 && c != ' ') ++letters;
            start = b.offset;
            if (letters >= 6) break;
        }
        while (!words.empty() && words.back() == ' ') words.pop_back();
        return "/" + words + "...";
    }

    // The page number drawn as one word whose text ends in a no-break space. Poppler's default mode took its
    // three evenly spaced words for the letters of one ("-๒-") and, as the line ends in "-", for a hyphenated line
    // and joined it to the page's first line ("-๓ส่วนได้…"); it now reads "- ๓ -" on a line of its own.
    static SetLine as_one_word(const SetLine& line, const std::string& text) {
        SetLine out = line;
        if (line.runs.empty()) return out;
        out.runs.assign(1, GlyphRun{line.runs.front().size_pt, {}, text + "\u00A0", false});
        for (const GlyphRun& run : line.runs)
            out.runs.front().glyphs.insert(out.runs.front().glyphs.end(), run.glyphs.begin(), run.glyphs.end());
        return out;
    }

    void add_page_furniture() {
        const auto& ps = doc_.page;
        for (std::size_t i = 0; i < pages_.size(); ++i) {
            Page& pg = pages_[i];
            if (ps.page_numbers && i > 0) {
                std::string number = "- " + std::to_string(i + 1) + " -";
                if (ps.thai_digits) number = text::thai_digits(number);  // generated text follows the digit setting
                auto lines = set_text(simple_paragraph(number, 16, Align::center), text_width_);
                for (const SetLine& line : *lines)
                    place_line(as_one_word(line, number), text_left_, page_h_ - ps.page_number_top_pt, pg);
            }
            if (ps.continuation_marker && i + 1 < pages_.size() && !first_line_text_[i + 1].empty()) {
                const model::Paragraph marker =
                    simple_paragraph(continuation_marker(first_line_text_[i + 1]), 16, Align::right);
                auto lines = set_text(marker, text_width_);
                for (const SetLine& line : *lines) {
                    const double baseline = page_h_ - bottom_limit_ - baseline_offset(line);
                    place_line(line, text_left_, baseline, pg);
                }
            }
        }
    }

    const model::Document& doc_;
    const TextEngine& engine_;
    std::vector<Page> pages_;
    std::vector<std::string> first_line_text_;  // per page, the first body line's text
    double page_w_ = 0, page_h_ = 0;  // the paper as laid out (landscape: the long side across)
    std::map<const void*, SharedLines> paragraph_cache_;
    std::vector<MissingCharacter> missing_;

    double text_left_ = 0, text_width_ = 0, bottom_limit_ = 0;
    double y_ = 0;  // the top of the next line box, from the paper's top edge
    bool at_page_top_ = true;
};

}  // namespace

namespace {

// Lays out a document and then its attachments, each from a new page with its own numbering.
void lay_out_with_attachments(const model::Document& document, const TextEngine& engine, int level,
                              LaidOutDocument& out) {
    TextEngine spaced = engine;  // the same fonts, breaker and caches, at this document's line spacing
    spaced.line_pitch_em = document.page.line_spacing_em;
    Paginator paginator(document, spaced);
    for (std::size_t i = 0; i < document.blocks.size(); ++i) {
        const model::Block* next = i + 1 < document.blocks.size() ? &document.blocks[i + 1] : nullptr;
        paginator.place(document.blocks[i], next);
    }
    if (!document.bookmark.empty()) out.outline.push_back({document.bookmark, out.pages.size(), level});
    for (auto& page : paginator.finish()) out.pages.push_back(std::move(page));
    for (const MissingCharacter& m : paginator.missing())
        if (std::find(out.missing_characters.begin(), out.missing_characters.end(), m) == out.missing_characters.end())
            out.missing_characters.push_back(m);
    for (const auto& attachment : document.attachments) lay_out_with_attachments(attachment, engine, level + 1, out);
}

// The document's fonts: the set's own, then the system fonts its glyphs use, sorted by path, the glyphs renumbered
// to match. The set numbers system fonts in the order the process first reached for them, which depends on the
// agencies and workers before; the PDF embeds fonts in this list's order, so it must not.
void list_fonts(const FontSet& fonts, LaidOutDocument& out) {
    for (const auto& f : fonts.fonts) out.fonts.push_back(FontRef{f->path()});
    std::map<int, int> system;  // the set's index → the document's
    for (const Page& page : out.pages)
        for (const GlyphRun& run : page.runs)
            for (const PlacedGlyph& g : run.glyphs)
                if (fonts.is_system(g.font)) system.emplace(g.font, 0);
    if (system.empty()) return;
    std::vector<std::pair<std::string, int>> by_path;
    for (const auto& entry : system) by_path.emplace_back(fonts.at(entry.first).path(), entry.first);
    std::sort(by_path.begin(), by_path.end());
    for (const auto& [path, index] : by_path) {
        system[index] = int(out.fonts.size());
        out.fonts.push_back(FontRef{path, true});
    }
    for (Page& page : out.pages)
        for (GlyphRun& run : page.runs)
            for (PlacedGlyph& g : run.glyphs)
                if (fonts.is_system(g.font)) g.font = system[g.font];
}

}  // namespace

LaidOutDocument layout_document(const model::Document& document, const TextEngine& engine) {
    LaidOutDocument out;
    out.title = document.title;
    out.author = document.author;
    lay_out_with_attachments(document, engine, 0, out);
    list_fonts(engine.fonts, out);
    return out;
}

}  // namespace saraban::layout
