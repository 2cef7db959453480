#include "batch/batch.h"

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <sstream>

#include "batch/output_file.h"
#include "compose/memo.h"
#include "compose/plain_text.h"
#include "ingest/report_reader.h"
#include "layout/document_layout.h"
#include "layout/font.h"
#include "layout/line_breaker.h"
#include "render/pdf/pdf_writer.h"
#include "render/xlsx/tracking_workbook.h"
#include "validate/rules.h"
#include "validate/validate.h"

namespace fs = std::filesystem;

namespace saraban::batch {

namespace {

// Agency inputs named on the command line: a workbook, an agency folder of CSVs, or a folder of those (see
// ingest::find_agency_inputs).
std::vector<std::string> collect_inputs(const std::vector<std::string>& inputs, std::ostream& log, bool& usage_error) {
    std::vector<std::string> files;
    for (const auto& input : inputs) {
        std::error_code ec;
        if (fs::is_directory(input, ec)) {
            const auto found = ingest::find_agency_inputs(input);
            files.insert(files.end(), found.begin(), found.end());
        } else if (fs::exists(input, ec)) {
            files.push_back(input);
        } else {
            log << input << ": ไม่พบไฟล์หรือโฟลเดอร์ (no such file or folder)\n";
            usage_error = true;
        }
    }
    return files;
}

// The output name of an agency: a workbook's stem, a CSV folder's own name (sbn.2564/ → sbn.2564).
std::string output_stem(const std::string& input) {
    fs::path p(input);
    if (p.filename().empty()) p = p.parent_path();
    std::error_code ec;
    return safe_file_stem((fs::is_directory(p, ec) ? p.filename() : p.stem()).string());
}

// Font sets by family, loaded once per run: loading reads every file in fonts/.
class FontCache {
public:
    explicit FontCache(std::string dir) : dir_(std::move(dir)) {}
    // Throws layout::FontError.
    const layout::FontSet& get(const std::string& family) {
        const std::string key = family.empty() ? layout::kDefaultFamily : family;
        auto it = sets_.find(key);
        if (it == sets_.end()) it = sets_.emplace(key, layout::load_font_family(dir_, key)).first;
        return it->second;
    }

private:
    std::string dir_;
    std::map<std::string, layout::FontSet> sets_;
};

layout::LaidOutDocument lay_out(const model::Document& doc, const layout::FontSet& fonts,
                                const layout::ThaiLineBreaker& breaker) {
    layout::TextEngine engine{fonts, breaker};
    return layout::layout_document(doc, engine);
}

}  // namespace

std::string find_resource_dir(const std::string& name) {
    std::error_code ec;
    if (fs::is_directory(name, ec)) return name;
    fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        for (fs::path dir = exe.parent_path(); !dir.empty() && dir != dir.root_path(); dir = dir.parent_path()) {
            if (fs::is_directory(dir / name, ec)) return (dir / name).string();
        }
    }
    return name;
}

RunSummary run(const RunOptions& options, std::ostream& log) {
    RunSummary summary;
    const auto files = collect_inputs(options.inputs, log, summary.usage_error);
    summary.inputs = int(files.size());
    if (files.empty()) {
        if (!summary.usage_error)
            log << "saraban: ไม่มีสมุดงาน .xlsx หรือโฟลเดอร์ CSV ให้ประมวลผล (no .xlsx workbook or CSV folder found)\n";
        summary.usage_error = true;
        return summary;
    }
    std::error_code ec;
    fs::create_directories(options.output_dir, ec);
    if (ec) {
        log << options.output_dir << ": " << ec.message() << "\n";
        summary.documents_failed = summary.inputs;
        return summary;
    }
    // The ITA tables every report is checked against: without them nothing can be checked, so nothing is made.
    const auto rules = validate::load_rules(options.templates_dir);
    for (const auto& d : rules.diagnostics) log << model::to_string(d) << "\n";
    if (!rules) {
        summary.documents_failed = summary.inputs;
        return summary;
    }

    FontCache fonts(options.fonts_dir);
    const layout::ThaiLineBreaker breaker;
    const std::string template_path = options.templates_dir + "/progress-report.xml";

    std::set<std::string> taken;
    std::string findings_report;  // every finding of the run, also written beside the outputs
    for (const auto& file : files) {
        auto read = ingest::read_report_file(file);
        auto findings = read.diagnostics;
        if (read) {
            auto checked = validate::validate(read.report, rules.rules);
            findings.insert(findings.end(), checked.begin(), checked.end());
        }
        for (const auto& d : findings) {
            log << model::to_string(d) << "\n";
            findings_report += model::to_string(d) + "\n";
            if (d.severity == model::Severity::warning) ++summary.warnings;
        }
        if (model::has_error(findings)) {
            ++summary.documents_failed;
            continue;
        }
        auto composed = compose::compose_memo(read.report, template_path);
        for (const auto& d : composed.diagnostics) log << model::to_string(d) << "\n";
        if (!composed) {
            ++summary.documents_failed;
            continue;
        }
        const std::string& family = options.font_family.empty() ? composed.document.font_family : options.font_family;
        render::PdfResult pdf;
        try {
            pdf = render::render_pdf(lay_out(composed.document, fonts.get(family), breaker));
        } catch (const layout::FontError& e) {
            pdf.error = e.what();
        }
        if (!pdf) {
            log << file << ": " << pdf.error << "\n";
            ++summary.documents_failed;
            continue;
        }
        const std::string stem = output_stem(file);
        const fs::path out_dir(options.output_dir);
        std::string error = write_atomically((out_dir / unique_name(stem, ".pdf", taken)).string(), pdf.bytes);
        if (error.empty()) {
            error = write_atomically_with((out_dir / unique_name(stem, ".xlsx", taken)).string(), [&](const std::string& temp) {
                return render::write_tracking_workbook(read.report, findings, temp);
            });
        }
        if (!error.empty()) {
            log << file << ": " << error << "\n";
            ++summary.documents_failed;
            continue;
        }
        ++summary.documents_written;
    }
    // The findings of the whole run, one line each, beside the outputs ("" when there were none).
    const std::vector<unsigned char> bytes(findings_report.begin(), findings_report.end());
    if (std::string error = write_atomically((fs::path(options.output_dir) / "findings.txt").string(), bytes);
        !error.empty())
        log << error << "\n";
    return summary;
}

std::string typeset(const std::string& text_path, const std::string& output_path, const std::string& fonts_dir,
                    const std::string& font_family) {
    std::ifstream in(text_path, std::ios::binary);
    if (!in) return text_path + ": ไม่พบไฟล์ (cannot open)";
    std::stringstream text;
    text << in.rdbuf();
    try {
        const auto fonts = layout::load_font_family(fonts_dir, font_family.empty() ? layout::kDefaultFamily : font_family);
        const layout::ThaiLineBreaker breaker;
        auto pdf = render::render_pdf(lay_out(compose::compose_plain_text(text.str()), fonts, breaker));
        if (!pdf) return output_path + ": " + pdf.error;
        return write_atomically(output_path, pdf.bytes);
    } catch (const std::exception& e) {
        return e.what();
    }
}

}  // namespace saraban::batch
