#include "render/docx/docx_writer.h"

#include <algorithm>
#include <fstream>
#include <iterator>
#include <map>

#include "render/docx/detail/image_size.h"
#include "render/docx/detail/package_parts.h"
#include "render/docx/detail/text_runs.h"
#include "render/docx/detail/xml.h"
#include "render/docx/detail/zip_package.h"

namespace saraban::render {

namespace {

using namespace detail;

// Where Word and LibreOffice put the baseline in a line of exact height: the text's descent (about a quarter of
// its size for Thai faces) above the line's foot. Used to place the title and page number where the PDF has them.
double baseline_in_line(double size, double line) { return line - 0.25 * size; }

void declare_namespaces(pugi::xml_node root) {
    set(root, "xmlns:w", kW);
    set(root, "xmlns:r", kR);
    set(root, "xmlns:wp", "http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing");
    set(root, "xmlns:a", "http://schemas.openxmlformats.org/drawingml/2006/main");
    set(root, "xmlns:pic", "http://schemas.openxmlformats.org/drawingml/2006/picture");
    set(root, "xmlns:wps", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape");
}

double text_width(const model::PageSetup& ps) {
    const double width = ps.landscape ? std::max(ps.width_pt, ps.height_pt) : ps.width_pt;
    return width - ps.margin_left_pt - ps.margin_right_pt;
}

// A shape's frame: a rectangle of width × height pt at the anchor's origin (DrawingML's a:xfrm and a:prstGeom).
void add_rectangle(pugi::xml_node shape_properties, double width, double height) {
    pugi::xml_node xfrm = add(shape_properties, "a:xfrm");
    pugi::xml_node off = add(xfrm, "a:off");
    set(off, "x", 0);
    set(off, "y", 0);
    pugi::xml_node ext = add(xfrm, "a:ext");
    set(ext, "cx", emu(width));
    set(ext, "cy", emu(height));
    set(add(shape_properties, "a:prstGeom"), "prst", "rect");
}

class DocxBuilder {
public:
    DocxBuilder(const DocxOptions& options, std::string family) : options_(options), family_(std::move(family)) {
        pugi::xml_node root = add(doc_, "w:document");
        declare_namespaces(root);
        body_ = add(root, "w:body");
    }

    // The document, then each attachment as a section of its own (depth first, as the PDF carries them).
    void add_document(const model::Document& d, bool last) {
        const model::PageSetup& ps = d.page;
        const double line_em = ps.line_spacing_em;
        const double header_distance = ps.page_number_top_pt - baseline_in_line(16, 16 * line_em);
        const model::FormHeader* form = d.blocks.empty() ? nullptr : std::get_if<model::FormHeader>(&d.blocks[0]);
        header_bottom_ = 0;
        const int first = add_header(first_page_header(form, ps, header_distance));
        const int other = add_header(ps.page_numbers ? page_number_header(ps) : HeaderPart{});
        for (std::size_t i = 0; i < d.blocks.size(); ++i)
            std::visit([&](const auto& b) { add_block(b, ps, i == 0 ? ps.margin_top_pt : -1); }, d.blocks[i]);
        const bool more = !d.attachments.empty();
        pugi::xml_node holder = body_;
        if (!last || more) {  // a section ends with its last paragraph, which carries the section's properties
            pugi::xml_node p = body_.last_child();
            if (!p || std::string_view(p.name()) != "w:p") p = add_gap(body_, 1);
            holder = p.child("w:pPr");
        }
        section_properties(holder, ps, first, other, header_distance);
        for (std::size_t i = 0; i < d.attachments.size(); ++i)
            add_document(d.attachments[i], last && i + 1 == d.attachments.size());
    }

    DocxResult finish(const model::Document& d) {
        DocxResult result;
        if (!error_.empty()) return result.error = error_, result;
        std::vector<Relationship> rels = {{"rId1", "styles", "styles.xml"}, {"rId2", "settings", "settings.xml"}};
        std::vector<std::string> header_names;
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            header_names.push_back("header" + std::to_string(i + 1) + ".xml");
            rels.push_back({header_id(int(i)), "header", header_names.back()});
        }
        std::vector<Part> parts;
        parts.push_back({"[Content_Types].xml", content_types(header_names, image_types_)});
        parts.push_back({"_rels/.rels", package_relationships()});
        parts.push_back({"word/document.xml", to_xml(doc_)});
        parts.push_back({"word/_rels/document.xml.rels", relationships(rels)});
        parts.push_back({"word/styles.xml", styles(family_)});
        parts.push_back({"word/settings.xml", settings()});
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            parts.push_back({"word/" + header_names[i], headers_[i].xml});
            if (!headers_[i].rels.empty())
                parts.push_back({"word/_rels/" + header_names[i] + ".rels", relationships(headers_[i].rels)});
        }
        for (Part& m : media_) parts.push_back(std::move(m));
        parts.push_back({"docProps/core.xml", core_properties(d.title, d.author)});
        parts.push_back({"docProps/app.xml", app_properties()});
        result.bytes = zip_parts(parts, options_.compression_level, result.error);
        return result;
    }

private:
    struct HeaderPart {
        std::string xml;  // empty: a header with one empty paragraph
        std::vector<Relationship> rels;
    };

    static std::string header_id(int index) { return "rId" + std::to_string(index + 3); }

    // The header's index; the same header made twice is one part.
    int add_header(HeaderPart part) {
        if (part.xml.empty()) {
            pugi::xml_document doc;
            pugi::xml_node root = add(doc, "w:hdr");
            declare_namespaces(root);
            add(root, "w:p");
            part.xml = to_xml(doc);
        }
        for (std::size_t i = 0; i < headers_.size(); ++i) {
            if (headers_[i].xml == part.xml && headers_[i].rels.size() == part.rels.size() &&
                std::equal(part.rels.begin(), part.rels.end(), headers_[i].rels.begin(),
                           [](const Relationship& a, const Relationship& b) { return a.target == b.target; }))
                return int(i);
        }
        headers_.push_back(std::move(part));
        return int(headers_.size()) - 1;
    }

    // "- ๒ -" at the top centre of every page but a section's first: a PAGE field, in Thai digits when the
    // document uses them (the section's number format, which Word and LibreOffice both apply).
    HeaderPart page_number_header(const model::PageSetup& ps) {
        pugi::xml_document doc;
        pugi::xml_node root = add(doc, "w:hdr");
        declare_namespaces(root);
        pugi::xml_node p = add(root, "w:p");
        model::ParagraphStyle style;
        style.align = model::Align::center;
        paragraph_properties(p, style, {0, 0, 16 * ps.line_spacing_em});
        add_text(p, "- ", {}, "");
        pugi::xml_node field = add(p, "w:fldSimple");
        set(field, "w:instr", " PAGE ");
        add_text(field, ps.thai_digits ? "๒" : "2", {}, "");
        add_text(p, " -", {}, "");
        return {to_xml(doc), {}};
    }

    HeaderPart first_page_header(const model::FormHeader* form, const model::PageSetup& ps, double header_distance);
    void add_emblem(pugi::xml_node p, const model::FormHeader& h, std::vector<Relationship>& rels);
    void add_placeholder(pugi::xml_node p, const model::FormHeader& h);
    pugi::xml_node anchor(pugi::xml_node r, double x, double y, double w, double h, const char* name);

    void add_block(const model::Paragraph& p, const model::PageSetup& ps, double) {
        add_paragraph(body_, p, ps.line_spacing_em, options_.symbol_family);
    }
    void add_block(const model::Spacer& s, const model::PageSetup&, double) { add_gap(body_, s.height_pt); }
    void add_block(const model::FormHeader& h, const model::PageSetup& ps, double page_top);
    void add_block(const model::Signature& s, const model::PageSetup& ps, double);
    void add_block(const model::Table& t, const model::PageSetup& ps, double);
    void add_form_line(const std::vector<model::FormField>& fields, double before, double width, double line_em);
    void add_row(pugi::xml_node tbl, const model::Table& t, std::size_t r, std::vector<int>& busy_until,
                 std::vector<int>& span_at, double line_em);
    void section_properties(pugi::xml_node parent, const model::PageSetup& ps, int first, int other, double header);

    const DocxOptions& options_;
    std::string family_;
    pugi::xml_document doc_;
    pugi::xml_node body_;
    std::vector<HeaderPart> headers_;
    std::vector<Part> media_;
    std::vector<std::string> image_types_;
    std::map<std::string, std::string> media_by_path_;  // emblem file → its part under word/
    int drawing_id_ = 0;
    double header_bottom_ = 0;  // where the first page's header ends, from the paper's top (0: no form header)
    std::string error_;
};

// A floating drawing in run r, at x from the margin and y from the paper's top: in front of the text, no wrap.
pugi::xml_node DocxBuilder::anchor(pugi::xml_node r, double x, double y, double w, double h, const char* name) {
    pugi::xml_node a = add(add(r, "w:drawing"), "wp:anchor");
    for (const char* d : {"distT", "distB", "distL", "distR"}) set(a, d, 0);
    set(a, "simplePos", 0);
    set(a, "relativeHeight", 2);
    set(a, "behindDoc", 0);
    set(a, "locked", 0);
    set(a, "layoutInCell", 1);
    set(a, "allowOverlap", 1);
    pugi::xml_node sp = add(a, "wp:simplePos");
    set(sp, "x", 0);
    set(sp, "y", 0);
    pugi::xml_node ph = add(a, "wp:positionH");
    set(ph, "relativeFrom", "margin");
    add(ph, "wp:posOffset").text().set(std::to_string(emu(x)).c_str());
    pugi::xml_node pv = add(a, "wp:positionV");
    set(pv, "relativeFrom", "page");
    add(pv, "wp:posOffset").text().set(std::to_string(emu(y)).c_str());
    pugi::xml_node extent = add(a, "wp:extent");
    set(extent, "cx", emu(w));
    set(extent, "cy", emu(h));
    pugi::xml_node effect = add(a, "wp:effectExtent");
    for (const char* e : {"l", "t", "r", "b"}) set(effect, e, 0);
    add(a, "wp:wrapNone");
    pugi::xml_node pr = add(a, "wp:docPr");
    set(pr, "id", ++drawing_id_);
    set(pr, "name", name);
    add(a, "wp:cNvGraphicFramePr");
    return add(add(a, "a:graphic"), "a:graphicData");
}

// The Garuda as the PDF draws it: fitted in a square of the emblem's height, its foot on the square's.
void DocxBuilder::add_emblem(pugi::xml_node p, const model::FormHeader& h, std::vector<Relationship>& rels) {
    std::ifstream in(h.emblem_path, std::ios::binary);
    std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
    ImageInfo info;
    if (!in.good() && !in.eof()) bytes.clear();
    if (!image_info(bytes, info)) {
        error_ = h.emblem_path + ": อ่านภาพไม่ได้ (cannot read the picture: not a PNG or JPEG)";
        return;
    }
    auto it = media_by_path_.find(h.emblem_path);
    if (it == media_by_path_.end()) {
        const std::string name = "media/image" + std::to_string(media_.size() + 1) + "." + info.extension;
        media_.push_back({"word/" + name, std::move(bytes), false});
        if (std::find(image_types_.begin(), image_types_.end(), info.content_type) == image_types_.end())
            image_types_.push_back(info.content_type);
        it = media_by_path_.emplace(h.emblem_path, name).first;
    }
    rels.push_back({"rId1", "image", it->second});
    const double scale = std::min(h.emblem_height_pt / info.width, h.emblem_height_pt / info.height);
    const double w = info.width * scale, ht = info.height * scale;
    pugi::xml_node data = anchor(add(p, "w:r"), 0, h.emblem_top_pt + h.emblem_height_pt - ht, w, ht, "ตราครุฑ");
    set(data, "uri", "http://schemas.openxmlformats.org/drawingml/2006/picture");
    pugi::xml_node pic = add(data, "pic:pic");
    pugi::xml_node nv = add(pic, "pic:nvPicPr");
    pugi::xml_node cnv = add(nv, "pic:cNvPr");
    set(cnv, "id", 0);
    set(cnv, "name", "emblem");
    add(nv, "pic:cNvPicPr");
    pugi::xml_node fill = add(pic, "pic:blipFill");
    set(add(fill, "a:blip"), "r:embed", "rId1");
    add(add(fill, "a:stretch"), "a:fillRect");
    pugi::xml_node sp = add(pic, "pic:spPr");
    add_rectangle(sp, w, ht);
}

// No emblem given: a dotted square where the Garuda goes, as in the PDF (a shape staff replace with the picture).
void DocxBuilder::add_placeholder(pugi::xml_node p, const model::FormHeader& h) {
    const double size = h.emblem_height_pt;
    pugi::xml_node data = anchor(add(p, "w:r"), 0, h.emblem_top_pt, size, size, "ที่สำหรับตราครุฑ");
    set(data, "uri", "http://schemas.microsoft.com/office/word/2010/wordprocessingShape");
    pugi::xml_node wsp = add(data, "wps:wsp");
    add(wsp, "wps:cNvSpPr");
    pugi::xml_node sp = add(wsp, "wps:spPr");
    add_rectangle(sp, size, size);
    add(sp, "a:noFill");
    pugi::xml_node ln = add(sp, "a:ln");
    set(ln, "w", emu(0.4));
    set(add(add(ln, "a:solidFill"), "a:srgbClr"), "val", "000000");
    set(add(ln, "a:prstDash"), "val", "sysDot");
    add(wsp, "wps:bodyPr");
}

// The first page's header: the Garuda (or its placeholder) and the title beside it, where the PDF has them; the
// labelled lines below are the body's. Other documents' first pages have an empty header.
DocxBuilder::HeaderPart DocxBuilder::first_page_header(const model::FormHeader* form, const model::PageSetup& ps,
                                                       double header_distance) {
    if (!form) return {};
    HeaderPart part;
    pugi::xml_document doc;
    pugi::xml_node root = add(doc, "w:hdr");
    declare_namespaces(root);
    pugi::xml_node p = add(root, "w:p");
    model::ParagraphStyle style;
    style.align = model::Align::center;
    const double line = form->title_size_pt * ps.line_spacing_em;
    const double baseline = form->emblem_top_pt + form->emblem_height_pt * 0.75;
    const double before = std::max(0.0, baseline - header_distance - baseline_in_line(form->title_size_pt, line));
    paragraph_properties(p, style, {before, 0, line});
    if (form->emblem_path.empty())
        add_placeholder(p, *form);
    else
        add_emblem(p, *form, part.rels);
    add_text(p, form->title, {true, false, false, form->title_size_pt}, "");
    part.xml = to_xml(doc);
    header_bottom_ = header_distance + before + line;
    return part;
}

// The form's labelled lines, in the body below the header's title: each line a paragraph whose first baseline is
// where the PDF has it. The body starts below the header when the header reaches past the top margin.
void DocxBuilder::add_block(const model::FormHeader& h, const model::PageSetup& ps, double page_top) {
    const double width = text_width(ps);
    const double em = ps.line_spacing_em;
    if (page_top < 0) {  // not at the document's head: the title goes in the body
        model::Paragraph title;
        title.spans.push_back({h.title, {true, false, false, h.title_size_pt}});
        title.style.align = model::Align::center;
        add_paragraph(body_, title, em, options_.symbol_family);
    }
    const double body_top = page_top < 0 ? 0 : std::max(page_top, header_bottom_);
    double baseline = std::max(h.emblem_top_pt + h.emblem_height_pt * 0.75, h.emblem_top_pt + h.emblem_height_pt);
    double y = body_top;  // the foot of the last line placed
    bool first = true;
    for (const auto& fields : h.lines) {
        double label_size = 0, value_size = 0;
        for (const auto& f : fields)
            label_size = std::max(label_size, f.label_size_pt), value_size = std::max(value_size, f.value_size_pt);
        baseline += first ? label_size * 1.2 : label_size * em;
        const double line = value_size * em;  // wrapped values continue at the value's pitch, as in the PDF
        const double before =
            page_top < 0 && first ? 6 : std::max(0.0, baseline - y - baseline_in_line(value_size, line));
        add_form_line(fields, before, width, em);
        y += before + line;
        baseline = y - line + baseline_in_line(value_size, line);
        first = false;
    }
    // The PDF leaves a third of a line below the form before the body's first paragraph.
    if (pugi::xml_node last = body_.last_child(); !h.lines.empty() && last)
        set_space_after(last, std::max(0.0, 16 * em * 0.35 - 0.25 * 16));
}

// One line of the form: bold label, its value dotted-underlined, then dots to where the next label starts or to the
// right margin (a tab stop with a dot leader, so that an edited value keeps its dotted line).
void DocxBuilder::add_form_line(const std::vector<model::FormField>& fields, double before, double width,
                                double line_em) {
    double value_size = 0;
    for (const auto& f : fields) value_size = std::max(value_size, f.value_size_pt);
    pugi::xml_node p = add(body_, "w:p");
    model::ParagraphStyle style;
    style.align = model::Align::left;
    pugi::xml_node ppr = paragraph_properties(p, style, {before, 0, value_size * line_em});
    pugi::xml_node tabs = ppr.insert_child_before("w:tabs", ppr.child("w:spacing"));
    auto stop = [&](double at, bool dots) {
        pugi::xml_node tab = add(tabs, "w:tab", at >= width - 0.5 ? "right" : "left");
        if (dots) set(tab, "w:leader", "dot");
        set(tab, "w:pos", twips(std::min(at, width)));
    };
    auto tab = [&](double size) {
        pugi::xml_node r = add(p, "w:r");
        if (size != kDefaultSize) {
            pugi::xml_node rpr = add(r, "w:rPr");
            add(rpr, "w:sz", half_points(size));
            add(rpr, "w:szCs", half_points(size));
        }
        add(r, "w:tab");
    };
    for (std::size_t i = 0; i < fields.size(); ++i) {
        const auto& f = fields[i];
        const double next_at = i + 1 < fields.size() ? fields[i + 1].at_x_pt : width;
        const double end = f.to_x_pt >= 0 ? f.to_x_pt : next_at;
        if (i == 0 && f.at_x_pt > 0) stop(f.at_x_pt, false), tab(value_size);
        add_text(p, f.label, {true, false, false, f.label_size_pt}, "");
        const pugi::xml_node before_value = p.last_child();
        add_text(p, " " + f.value, {false, false, false, f.value_size_pt}, options_.symbol_family);
        // The value on its dotted line, as the PDF draws it (the underline is the last run property written).
        for (pugi::xml_node r = before_value.next_sibling(); r; r = r.next_sibling()) {
            pugi::xml_node rpr = r.child("w:rPr") ? r.child("w:rPr") : r.prepend_child("w:rPr");
            add(rpr, "w:u", "dotted");
        }
        stop(end, true);
        tab(f.value_size_pt);
        if (i + 1 < fields.size() && next_at > end + 0.5) stop(next_at, false), tab(value_size);
    }
}

// Each line centred on one point (centre_x from the text's left edge): a centred paragraph whose indents put its
// middle there. The room to sign is space before; the approver's note room a blank paragraph kept with it.
void DocxBuilder::add_block(const model::Signature& s, const model::PageSetup& ps, double) {
    const double width = text_width(ps);
    model::ParagraphStyle style;
    style.align = model::Align::center;
    if (2 * s.center_x_pt >= width)
        style.left_indent_pt = 2 * s.center_x_pt - width;
    else
        style.right_indent_pt = width - 2 * s.center_x_pt;
    for (std::size_t i = 0; i < s.lines.size(); ++i) {
        style.keep_with_next = i + 1 < s.lines.size() || s.note_room_pt > 0;
        model::Paragraph p{{{s.lines[i], {false, false, false, s.size_pt}}}, style};
        p.style.space_before_pt = i == 0 ? s.space_before_pt : 0;
        add_paragraph(body_, p, ps.line_spacing_em, options_.symbol_family);
    }
    if (s.note_room_pt > 0) add_gap(body_, s.note_room_pt);
}

void DocxBuilder::add_block(const model::Table& t, const model::PageSetup& ps, double) {
    // The room above the table: after the paragraph before it, or a blank line of that height.
    pugi::xml_node last = body_.last_child();
    if (last && std::string_view(last.name()) == "w:p")
        set_space_after(last, t.space_before_pt);
    else
        add_gap(body_, std::max(1.0, t.space_before_pt));
    pugi::xml_node tbl = add(body_, "w:tbl");
    pugi::xml_node pr = add(tbl, "w:tblPr");
    double total = 0;
    for (double w : t.column_widths_pt) total += w;
    pugi::xml_node tw = add(pr, "w:tblW");
    set(tw, "w:w", twips(total));
    set(tw, "w:type", "dxa");
    pugi::xml_node ind = add(pr, "w:tblInd");  // the border on the margin, as the PDF draws it
    set(ind, "w:w", 0);
    set(ind, "w:type", "dxa");
    pugi::xml_node borders = add(pr, "w:tblBorders");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right", "w:insideH", "w:insideV"}) {
        pugi::xml_node b = add(borders, side, "single");
        set(b, "w:sz", 4);  // eighths of a point: the PDF's 0.5 pt rules
        set(b, "w:space", 0);
        set(b, "w:color", "000000");
    }
    add(pr, "w:tblLayout").append_attribute("w:type") = "fixed";
    pugi::xml_node margins = add(pr, "w:tblCellMar");
    for (const char* side : {"w:top", "w:left", "w:bottom", "w:right"}) {
        pugi::xml_node m = add(margins, side);
        set(m, "w:w", twips(t.cell_padding_pt));
        set(m, "w:type", "dxa");
    }
    pugi::xml_node grid = add(tbl, "w:tblGrid");
    for (double w : t.column_widths_pt) set(add(grid, "w:gridCol"), "w:w", twips(w));
    std::vector<int> busy_until(t.column_widths_pt.size(), -1), span_at(t.column_widths_pt.size(), 1);
    for (std::size_t r = 0; r < t.rows.size(); ++r) add_row(tbl, t, r, busy_until, span_at, ps.line_spacing_em);
}

// One row: the model's cells, with a continuing cell (vMerge) wherever a cell of an earlier row spans down.
void DocxBuilder::add_row(pugi::xml_node tbl, const model::Table& t, std::size_t r, std::vector<int>& busy_until,
                          std::vector<int>& span_at, double line_em) {
    const int columns = int(t.column_widths_pt.size());
    const bool header = int(r) < t.header_rows;
    pugi::xml_node tr = add(tbl, "w:tr");
    pugi::xml_node trpr = add(tr, "w:trPr");
    add(trpr, "w:cantSplit");  // rows move whole to the next page, as in the PDF
    if (header) add(trpr, "w:tblHeader");
    auto cell = [&](int col, int span, const char* merge) {
        pugi::xml_node tc = add(tr, "w:tc");
        pugi::xml_node pr = add(tc, "w:tcPr");
        double width = 0;
        for (int c = col; c < std::min(columns, col + span); ++c) width += t.column_widths_pt[c];
        pugi::xml_node w = add(pr, "w:tcW");
        set(w, "w:w", twips(width));
        set(w, "w:type", "dxa");
        if (span > 1) add(pr, "w:gridSpan", span);
        if (merge) add(pr, "w:vMerge", merge);
        if (header) add(pr, "w:vAlign", "center");  // header cells centred vertically, as the PDF sets them
        return tc;
    };
    auto continuing = [&](int& col) {
        while (col < columns && busy_until[col] >= int(r)) {
            pugi::xml_node tc = cell(col, span_at[col], "continue");
            add(tc, "w:p");
            col += span_at[col];
        }
    };
    int col = 0;
    for (const model::TableCell& c : t.rows[r].cells) {
        continuing(col);
        if (col >= columns) break;
        const int span = std::clamp(c.col_span, 1, columns - col);
        pugi::xml_node tc = cell(col, span, c.row_span > 1 ? "restart" : nullptr);
        for (const auto& para : c.paragraphs) add_paragraph(tc, para, line_em, options_.symbol_family, true);
        if (c.paragraphs.empty()) add(tc, "w:p");
        busy_until[col] = int(r) + std::max(1, c.row_span) - 1;
        span_at[col] = span;
        col += span;
    }
    continuing(col);
}

void DocxBuilder::section_properties(pugi::xml_node parent, const model::PageSetup& ps, int first, int other,
                                     double header) {
    pugi::xml_node sect = add(parent, "w:sectPr");
    for (auto [type, index] : {std::pair{"default", other}, std::pair{"first", first}}) {
        pugi::xml_node ref = add(sect, "w:headerReference");
        set(ref, "w:type", type);
        set(ref, "r:id", header_id(index));
    }
    const double width = ps.landscape ? std::max(ps.width_pt, ps.height_pt) : ps.width_pt;
    const double height = ps.landscape ? std::min(ps.width_pt, ps.height_pt) : ps.height_pt;
    pugi::xml_node size = add(sect, "w:pgSz");
    set(size, "w:w", twips(width));
    set(size, "w:h", twips(height));
    if (ps.landscape) set(size, "w:orient", "landscape");
    pugi::xml_node margins = add(sect, "w:pgMar");
    set(margins, "w:top", twips(ps.margin_top_pt));
    set(margins, "w:right", twips(ps.margin_right_pt));
    set(margins, "w:bottom", twips(ps.margin_bottom_pt));
    set(margins, "w:left", twips(ps.margin_left_pt));
    set(margins, "w:header", twips(std::max(0.0, header)));
    set(margins, "w:footer", twips(ps.margin_bottom_pt / 2));
    set(margins, "w:gutter", 0);
    pugi::xml_node numbers = add(sect, "w:pgNumType");
    set(numbers, "w:fmt", ps.thai_digits ? "thaiNumbers" : "decimal");
    set(numbers, "w:start", 1);  // each attachment numbers its own pages, as in the PDF
    add(sect, "w:titlePg");
}

}  // namespace

DocxResult render_docx(const model::Document& document, const DocxOptions& options) {
    DocxBuilder builder(options, options.font_family.empty() ? document.font_family : options.font_family);
    builder.add_document(document, true);
    return builder.finish(document);
}

}  // namespace saraban::render
