#include "batch/batch.h"

#include <fcntl.h>
#include <sys/file.h>
#include <sched.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <map>
#include <optional>
#include <memory>
#include <mutex>
#include <set>
#include <thread>
#include <unordered_set>

#include "batch/fonts.h"
#include "batch/group_commit.h"
#include "batch/overview_spool.h"
#include "batch/journal.h"
#include "batch/in_order.h"
#include "batch/output_file.h"
#include "batch/progress.h"
#include "batch/sha256.h"
#include "batch/undrawable.h"
#include "compose/memo.h"
#include "layout/document_layout.h"
#include "layout/font.h"
#include "layout/line_breaker.h"
#include "layout/shaper.h"
#include "render/docx/docx_writer.h"
#include "render/pdf/pdf_writer.h"
#include "compose/round_changes.h"
#include "render/xlsx/overview_workbook.h"
#include "render/xlsx/tracking_workbook.h"
#include "validate/rules.h"
#include "validate/validate.h"

namespace fs = std::filesystem;

namespace saraban::batch {

StageTimes& StageTimes::operator+=(const StageTimes& o) {
    hash += o.hash;
    read += o.read;
    validate += o.validate;
    compose += o.compose;
    layout += o.layout;
    pdf += o.pdf;
    xlsx += o.xlsx;
    docx += o.docx;
    write += o.write;
    return *this;
}

namespace {

// CPU time of the calling thread, in seconds.
double thread_cpu() {
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    return double(ts.tv_sec) + double(ts.tv_nsec) * 1e-9;
}

// Adds the thread CPU time since the last lap to a stage.
class Laps {
public:
    explicit Laps(StageTimes& t) : times_(t), last_(thread_cpu()) {}
    void to(double StageTimes::*stage) {
        const double now = thread_cpu();
        times_.*stage += now - last_;
        last_ = now;
    }

private:
    StageTimes& times_;
    double last_;
};

// The output name of an agency: a workbook's stem, a CSV folder's own name (sbn.2564/ → sbn.2564).
std::string output_stem(const std::string& input) {
    fs::path p(input);
    if (p.filename().empty()) p = p.parent_path();
    std::error_code ec;
    return safe_file_stem((fs::is_directory(p, ec) ? p.filename() : p.stem()).string());
}

// Every regular file under dir, relative paths in byte order, with hashes. Missing dir: nothing.
std::vector<FileHash> hash_tree(const std::string& dir, std::string& error) {
    std::vector<FileHash> out;
    std::error_code ec;
    if (dir.empty() || !fs::is_directory(dir, ec)) return out;
    for (auto it = fs::recursive_directory_iterator(dir, ec); !ec && it != fs::recursive_directory_iterator();
         it.increment(ec)) {
        if (!it->is_regular_file(ec)) continue;
        // The name in the folder, not its target's: an installed fonts/ links to Debian's font files.
        out.push_back({it->path().lexically_relative(dir).generic_string(), ""});
    }
    std::sort(out.begin(), out.end(), [](const auto& a, const auto& b) { return a.path < b.path; });
    for (auto& f : out) f.sha256 = sha256_file((fs::path(dir) / f.path).string(), error);
    return out;
}

layout::LaidOutDocument lay_out(const model::Document& doc, const layout::FontSet& fonts,
                                const layout::ThaiLineBreaker& breaker, layout::ParagraphCache* cache = nullptr,
                                layout::ShapeCache* shapes = nullptr, layout::LineBreakCache* breaks = nullptr) {
    layout::TextEngine engine{fonts, breaker, 0, cache, shapes, breaks};
    return layout::layout_document(doc, engine);
}

// ".manifest.json.lock" beside "manifest.json": hidden, and kept (removing it could let two runs lock two files).
std::string hidden_lock_path(const std::string& manifest_path) {
    const fs::path p(manifest_path);
    return (p.parent_path() / ("." + p.filename().string() + ".lock")).string();
}

// One run per output folder and shard: an advisory lock on ".<manifest>.lock", which the kernel releases if the
// process dies, so that a second run into the same folder is refused at once instead of truncating the first
// run's journal. Shards of one batch lock different files and may share the folder.
class RunLock {
public:
    explicit RunLock(const std::string& manifest_path) : path_(hidden_lock_path(manifest_path)) {
        fd_ = ::open(path_.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0644);
        if (fd_ >= 0 && ::flock(fd_, LOCK_EX | LOCK_NB) == 0) return;
        error_ = path_ + ": " +
                 (fd_ >= 0 && errno == EWOULDBLOCK
                      ? std::string("ชุดงานอื่นกำลังเขียนโฟลเดอร์นี้อยู่ (another saraban run is writing this output "
                                    "folder; wait for it, or give another -o)")
                      : std::string(std::strerror(errno)));
        if (fd_ >= 0) ::close(fd_);
        fd_ = -1;
    }
    ~RunLock() {
        if (fd_ >= 0) ::close(fd_);  // the lock goes with the descriptor; the file stays, harmless
    }
    RunLock(const RunLock&) = delete;
    RunLock& operator=(const RunLock&) = delete;
    const std::string& error() const { return error_; }

private:
    std::string path_;
    int fd_ = -1;
    std::string error_;
};

// Set by request_stop() (a signal handler): workers take no new agency once it is non-zero.
std::atomic<int> stop_signal{0};

// Temporary files a killed run left beside our outputs ("x.pdf.tmp1234" whose process is gone). names: sorted.
void remove_stale_temporaries(const fs::path& dir, const std::vector<std::string_view>& names) {
    std::error_code ec;
    for (auto it = fs::directory_iterator(dir, ec); !ec && it != fs::directory_iterator(); it.increment(ec)) {
        const std::string name = it->path().filename().string();
        const auto at = name.rfind(".tmp");
        if (at == std::string::npos || !std::binary_search(names.begin(), names.end(), std::string_view(name).substr(0, at)))
            continue;
        const std::string pid_text = name.substr(at + 4);
        if (pid_text.empty() || pid_text.find_first_not_of("0123456789") != std::string::npos) continue;
        const long pid = std::strtol(pid_text.c_str(), nullptr, 10);
        if (pid == ::getpid() || (::kill(pid_t(pid), 0) == 0 || errno == EPERM)) continue;  // still running
        fs::remove(it->path(), ec);
    }
}

// Everything the workers share: read-only after set-up, except the font cache (locked).
struct Shared {
    const RunOptions& options;
    const validate::Rules& rules;
    FontCache& fonts;
    const Manifest* previous = nullptr;  // --resume with a usable manifest
    std::string template_path;
    fs::path out_dir;
    const compose::TemplateFiles& templates;  // read once, and hashed for the manifest from these texts
};

struct AgencyPlan {
    AgencySource source;
    std::string pdf_name, xlsx_name;
    std::string docx_name;  // the editable draft; empty: --draft none

    // The outputs' names, as the manifest records them.
    std::vector<std::string> output_names() const {
        std::vector<std::string> names = {pdf_name, xlsx_name};
        if (!docx_name.empty()) names.push_back(docx_name);
        return names;
    }
};

struct WorkerResult {
    AgencyRecord record;
    std::vector<PendingRename> renames;  // the outputs, written under temporary names
    render::AgencyRow overview;  // the agency's row of overview.xlsx
    bool skipped = false;
    int warnings = 0;
    StageTimes times;
};

std::string severity_name(model::Severity s) { return s == model::Severity::warning ? "warning" : "error"; }

// A finding as findings.txt and the log show it: its place first, and the agency's input before a place that is
// not in it (a template's line, last round's workbook), so that every line names the workbook it is about.
Finding finding_line(const model::Diagnostic& d, const std::string& input) {
    std::string line = model::to_string(d);
    if (!d.at.file.starts_with(input)) line = input + ": " + line;
    return {severity_name(d.severity), std::move(line)};
}

// Whether the previous run's record still stands: same inputs, outputs still there with the hashes it recorded.
bool still_valid(const AgencyRecord& previous, const AgencyPlan& plan, const std::vector<FileHash>& inputs,
                 const fs::path& out_dir) {
    // A system font is not in the environment: which one fontconfig picks may have changed since.
    if (previous.status != AgencyStatus::produced || previous.inputs != inputs || !previous.system_fonts.empty())
        return false;
    const std::vector<std::string> names = plan.output_names();  // --draft changed: the outputs are not the same
    if (previous.outputs.size() != names.size()) return false;
    for (std::size_t i = 0; i < names.size(); ++i)
        if (previous.outputs[i].path != names[i]) return false;
    for (const auto& out : previous.outputs) {
        std::string error;
        if (sha256_file((out_dir / out.path).string(), error) != out.sha256) return false;
    }
    return true;
}

// What one worker thread keeps from agency to agency: ICU's iterators are per thread, and the caches hold what
// documents share (paragraphs set before, font subsets with the same glyphs).
struct WorkerState {
    const layout::ThaiLineBreaker breaker;
    layout::ParagraphCache paragraphs;
    layout::ShapeCache shapes;
    layout::LineBreakCache breaks;
    render::PdfCache pdf_cache;
};

// The template an agency's memo is made from: its แม่แบบ key names a file of the templates folder (".xml" may be
// left out), else progress-report.xml. A name that is not there is an error at the key's cell.
std::string choose_template(const model::Report& report, const Shared& shared,
                            std::vector<model::Diagnostic>& findings) {
    const std::string& wanted = report.memo.template_name;
    if (wanted.empty()) return shared.template_path;
    std::string name = wanted;
    if (fs::path(name).extension() != ".xml") name += ".xml";
    const std::string path = shared.options.templates_dir + "/" + name;
    const bool plain_name = name.find('/') == std::string::npos && name.find('\\') == std::string::npos;
    if (plain_name && shared.templates.find(path)) return path;
    std::string known;
    for (const auto& [file, text] : shared.templates.by_path()) {
        const std::string base = fs::path(file).filename().string();
        if (fs::path(base).extension() != ".xml") continue;
        known += (known.empty() ? "" : ", ") + base;
    }
    auto at = report.memo.at.find("template");
    findings.push_back({model::Severity::error, at == report.memo.at.end() ? model::CellRef{report.source, "", 0, 0} : at->second,
                        "ไม่มีแม่แบบ \"" + wanted + "\" ในโฟลเดอร์แม่แบบ (no template \"" + wanted + "\" in " +
                            shared.options.templates_dir + "; there are: " + known + ")"});
    return "";
}

WorkerResult process(const AgencyPlan& plan, Shared& shared, WorkerState& worker) {
    WorkerResult result;
    AgencyRecord& record = result.record;
    record.id = plan.source.id;
    record.input = plan.source.input;
    record.status = AgencyStatus::failed;
    Laps laps(result.times);
    std::string error;
    record.inputs = plan.source.hash_inputs ? plan.source.hash_inputs(error)
                                                : input_hashes(plan.source.input, plan.source.id, error);
    // Last round's workbook is an input too: a change in it changes the memo.
    const fs::path previous_path =
        shared.options.previous_dir.empty() ? fs::path() : fs::path(shared.options.previous_dir) / plan.xlsx_name;
    std::error_code ec;
    const bool has_previous = !previous_path.empty() && fs::is_regular_file(previous_path, ec);
    if (has_previous) record.inputs.push_back({"previous/" + plan.xlsx_name, sha256_file(previous_path.string(), error)});
    if (shared.previous) {
        auto it = std::lower_bound(shared.previous->agencies.begin(), shared.previous->agencies.end(), record.id,
                                   [](const AgencyRecord& a, const std::string& id) { return a.id < id; });
        if (error.empty() && it != shared.previous->agencies.end() && it->id == record.id &&
            still_valid(*it, plan, record.inputs, shared.out_dir)) {
            record = *it;
            record.input = plan.source.input;
            result.skipped = true;
            std::vector<model::Diagnostic> recorded;
            for (const auto& f : record.findings) {
                result.warnings += f.severity == "warning";
                recorded.push_back({f.severity == "warning" ? model::Severity::warning : model::Severity::error, {}, f.message});
            }
            laps.to(&StageTimes::hash);
            // The overview lists every agency, unchanged ones too: their figures come from the input again.
            auto read = plan.source.read ? plan.source.read() : ingest::read_report_file(plan.source.input, shared.options.limits);
            result.overview = render::overview_row(read.report, recorded, true, plan.source.id, plan.source.input);
            laps.to(&StageTimes::read);
            return result;
        }
    }
    laps.to(&StageTimes::hash);
    // Reading may fail on its own (the file vanished); the hashing error then says nothing more.
    auto read = plan.source.read ? plan.source.read() : ingest::read_report_file(plan.source.input, shared.options.limits);
    laps.to(&StageTimes::read);
    auto findings = read.diagnostics;
    // An input that was read, even with errors, is checked and composed too, so that one run names everything the
    // user must fix (a missing value the template needs is not hidden behind a wrong status). A cell already
    // reported by ingest is not reported again by validate.
    const bool readable = !read.report.memo.at.empty();
    if (read || readable) {
        for (auto& d : validate::validate(read.report, shared.rules)) {
            const bool said = std::any_of(read.diagnostics.begin(), read.diagnostics.end(), [&](const auto& r) {
                return r.severity == model::Severity::error && r.at == d.at;
            });
            if (!said) findings.push_back(std::move(d));
        }
    }
    // Last round's tracking workbook of the same agency, when --previous names a folder holding one; a folder
    // without it is said, since the memo then lacks the comparison the user asked for.
    std::optional<ingest::ReportResult> previous_round;
    if (read && !previous_path.empty() && !has_previous)
        findings.push_back({model::Severity::warning, {previous_path.string(), "", 0, 0},
                            "ไม่พบสมุดงานรอบก่อนของหน่วยงานนี้ จึงไม่เทียบกับรอบก่อน (no previous round's workbook for this "
                            "agency at this path: not compared with the previous round)"});
    if (read && has_previous) {
        auto prev = ingest::read_report_file(previous_path.string(), shared.options.limits);
        const std::string mismatch = prev ? compose::rounds_mismatch(prev.report, read.report)
                                          : "อ่านไม่ได้ (cannot be read)";
        if (mismatch.empty()) {
            previous_round = std::move(prev);
        } else {
            findings.push_back({model::Severity::warning, {previous_path.string(), "", 0, 0},
                                "ไม่เทียบกับรอบก่อน (not compared with the previous round): " + mismatch});
        }
    }
    const model::Report* previous = previous_round ? &previous_round->report : nullptr;
    laps.to(&StageTimes::validate);
    // Each finding goes into the agency's record (findings.txt, the manifest) and the run's warning count.
    auto record_findings = [&](const std::vector<model::Diagnostic>& found) {
        for (const auto& d : found) {
            record.findings.push_back(finding_line(d, plan.source.input));
            if (d.severity == model::Severity::warning) ++result.warnings;
        }
    };
    record_findings(findings);
    // Whatever happens next, the overview gets the agency's row.
    struct OverviewRow {
        WorkerResult& result;
        const ingest::ReportResult& read;
        const std::vector<model::Diagnostic>& findings;
        const AgencySource& source;
        ~OverviewRow() {
            result.overview = render::overview_row(
                read.report, findings, result.record.status == AgencyStatus::produced, source.id, source.input);
            // What stopped the agency after its findings (a PDF, a file not written) is one of them in the overview.
            if (const std::string& error = result.record.error; !error.empty()) {
                const model::Diagnostic stop{model::Severity::error, {}, error};
                result.overview.findings.push_back(
                    render::overview_row({}, {stop}, false, source.id, source.input).findings.front());
                ++result.overview.errors;
            }
        }
    } overview_row{result, read, findings, plan.source};
    if (model::has_error(findings) && !readable) return result;
    std::vector<model::Diagnostic> compose_findings;
    const std::string template_path = choose_template(read.report, shared, compose_findings);
    compose::ComposeResult composed;
    if (!template_path.empty()) {
        try {
            composed = compose::compose_memo(read.report, template_path, previous, &shared.templates);
            compose_findings.insert(compose_findings.end(), composed.diagnostics.begin(), composed.diagnostics.end());
        } catch (const std::exception&) {
            // Composing an input with errors is only to find more of them: what it trips over is already said.
            if (!model::has_error(findings)) throw;
        }
    }
    record_findings(compose_findings);
    findings.insert(findings.end(), compose_findings.begin(), compose_findings.end());
    laps.to(&StageTimes::compose);
    if (model::has_error(findings)) return result;
    if (shared.options.arabic_digits) compose::use_arabic_digits(composed.document);
    const std::string& family =
        shared.options.font_family.empty() ? composed.document.font_family : shared.options.font_family;
    render::PdfResult pdf;
    std::string family_name;  // as the family's files give it: the draft names its font so
    try {
        const auto& fonts = shared.fonts.get(family);
        family_name = fonts.at(fonts.regular).family();
        auto laid_out = lay_out(composed.document, fonts, worker.breaker, &worker.paragraphs, &worker.shapes, &worker.breaks);
        laps.to(&StageTimes::layout);
        // A character no font can draw is an error at the cell (or template) it came from, not a gap in the memo.
        if (!laid_out.missing_characters.empty()) {
            const auto undrawable = undrawable_findings(laid_out.missing_characters, read.report, template_path,
                                                        shared.templates.by_path());
            record_findings(undrawable);
            findings.insert(findings.end(), undrawable.begin(), undrawable.end());
            return result;
        }
        if (const auto most = std::size_t(shared.options.limits.max_pages); laid_out.pages.size() > most) {
            pdf.error = "บันทึกยาว " + std::to_string(laid_out.pages.size()) + " หน้า เกิน " + std::to_string(most) +
                        " หน้า (the memo has " + std::to_string(laid_out.pages.size()) + " pages, more than " +
                        std::to_string(most) + ")" + ingest::raise_hint("pages");
        } else {
            record.system_fonts = system_fonts_used(laid_out);
            pdf = render::render_pdf(laid_out, {.compress = true, .cache = &worker.pdf_cache});
        }
        laps.to(&StageTimes::pdf);
    } catch (const layout::FontError& e) {
        pdf.error = e.what();
    } catch (const layout::TextError& e) {  // text the shaper gave inconsistent clusters for: this agency's failure
        pdf.error = e.what();
    }
    if (!pdf) {
        record.error = plan.source.input + ": " + pdf.error;
        return result;
    }
    // The editable draft, from the same composed document (and the same digits).
    render::DocxResult docx;
    if (!plan.docx_name.empty()) {
        docx = render::render_docx(composed.document,
                                   {.font_family = family_name, .symbol_family = layout::kFallbackFamily});
        laps.to(&StageTimes::docx);
        if (!docx) {
            record.error = plan.source.input + ": " + docx.error;
            return result;
        }
    }
    // Every file is written under a temporary name; GroupCommit gives them their final names once they are on disk.
    const std::string pdf_path = (shared.out_dir / plan.pdf_name).string();
    const std::string xlsx_path = (shared.out_dir / plan.xlsx_name).string();
    const std::string pdf_temp = temporary_name(pdf_path), xlsx_temp = temporary_name(xlsx_path);
    const std::string_view pdf_bytes(reinterpret_cast<const char*>(pdf.bytes.data()), pdf.bytes.size());
    const std::string pdf_hash = sha256_hex(pdf_bytes);
    error = write_file(pdf_temp, pdf_bytes);
    pdf = {};
    std::string docx_path, docx_temp, docx_hash;
    if (!plan.docx_name.empty() && error.empty()) {
        docx_path = (shared.out_dir / plan.docx_name).string();
        docx_temp = temporary_name(docx_path);
        docx_hash = sha256_hex(docx.bytes);
        error = write_file(docx_temp, docx.bytes);
        docx = {};
    }
    laps.to(&StageTimes::write);
    std::string xlsx_hash;
    if (error.empty()) {
        const auto changes = previous ? std::optional(compose::compare_rounds(*previous, read.report)) : std::nullopt;
        error = render::write_tracking_workbook(read.report, findings, xlsx_temp, changes ? &*changes : nullptr);
        laps.to(&StageTimes::xlsx);
        if (error.empty()) xlsx_hash = sha256_file(xlsx_temp, error);
    }
    if (!error.empty()) {
        ::unlink(pdf_temp.c_str());
        ::unlink(xlsx_temp.c_str());
        if (!docx_temp.empty()) ::unlink(docx_temp.c_str());
        record.error = plan.source.input + ": " + error;
        laps.to(&StageTimes::write);
        return result;
    }
    result.renames = {{pdf_temp, pdf_path}, {xlsx_temp, xlsx_path}};
    record.outputs = {{plan.pdf_name, pdf_hash}, {plan.xlsx_name, xlsx_hash}};
    if (!docx_temp.empty()) {
        result.renames.push_back({docx_temp, docx_path});
        record.outputs.push_back({plan.docx_name, docx_hash});
    }
    record.status = AgencyStatus::produced;  // once GroupCommit has renamed them all
    laps.to(&StageTimes::write);
    return result;
}

std::string ids_hash(const std::vector<std::unique_ptr<AgencyPlan>>& plans) {
    std::vector<std::string_view> ids;
    for (const auto& p : plans) ids.push_back(p->source.id);
    std::sort(ids.begin(), ids.end());
    std::string all;
    for (const auto& id : ids) (all += id) += "\n";
    return sha256_hex(all);
}

// Output names for the whole batch, in input order, before anything runs: they depend neither on scheduling nor on
// which agencies fail nor on the shard, so shards may share one output folder. Each plan is its own allocation,
// freed once its agency is recorded, so that what stays of an agency is a pointer.
std::vector<std::unique_ptr<AgencyPlan>> plan_agencies(std::vector<AgencySource> agencies, bool docx) {
    std::vector<std::unique_ptr<AgencyPlan>> plans;
    plans.reserve(agencies.size());
    // The names given so far, as views of the plans' own strings (a plan does not move): no second copy of them.
    std::unordered_set<std::string_view> taken;
    taken.reserve(2 * agencies.size());
    const auto is_taken = [&](const std::string& name) { return taken.count(name) > 0; };
    for (auto& a : agencies) {
        auto p = std::make_unique<AgencyPlan>();
        p->pdf_name = unique_name(a.stem, ".pdf", is_taken);
        taken.insert(p->pdf_name);
        p->xlsx_name = unique_name(a.stem, ".xlsx", is_taken);
        taken.insert(p->xlsx_name);
        if (docx) {
            p->docx_name = unique_name(a.stem, ".docx", is_taken);
            taken.insert(p->docx_name);
        }
        p->source = std::move(a);
        plans.push_back(std::move(p));
    }
    return plans;
}

// What every output depends on besides its input: saraban's version, --font, the templates (hashed from the very
// texts every agency is composed from) and the fonts.
Environment environment_of(const RunOptions& options, const compose::TemplateFiles& templates) {
    Environment env;
    std::string hash_error;
    env.saraban_version = options.version;
    env.font_family = options.font_family;
    env.system_fonts = options.system_fonts;
    for (const auto& [path, text] : templates.by_path())
        env.templates.push_back({path.substr(options.templates_dir.size() + 1), sha256_hex(text)});
    env.fonts = hash_tree(options.fonts_dir, hash_error);
    for (const auto& dir : options.extra_fonts_dirs)  // named as given: another folder is another environment
        for (FileHash f : hash_tree(dir, hash_error))
            env.fonts.push_back({(fs::path(dir) / f.path).generic_string(), f.sha256});
    seal(env);
    return env;
}

// An agency's record as the run starts: pending, or the previous run's record until it is checked (--resume).
AgencyRecord initial_record(const AgencyPlan& plan, const Manifest* previous) {
    AgencyRecord r;
    if (previous) {
        auto it = std::lower_bound(previous->agencies.begin(), previous->agencies.end(), plan.source.id,
                                   [](const AgencyRecord& a, const std::string& id) { return a.id < id; });
        if (it != previous->agencies.end() && it->id == plan.source.id) r = *it;
    }
    r.id = plan.source.id;
    r.input = plan.source.input;
    return r;
}

// The manifest written one agency at a time, in id order (by_id: the agencies' indexes sorted by id): record(i)
// gives agency i's record, or nullopt with error set. The manifest of 100,000 agencies is never in memory whole.
std::string write_manifest(const std::string& path, const Manifest& header, const std::vector<std::uint32_t>& by_id,
                           const AgencyCounts& counts,
                           const std::function<std::optional<AgencyRecord>(std::size_t, std::string&)>& record) {
    AtomicFile file(path);
    const ManifestText text = manifest_text(header, by_id.size(), counts);
    file.append(text.head);
    std::string one;
    for (std::size_t k = 0; k < by_id.size(); ++k) {
        std::string error;
        const auto r = record(by_id[k], error);
        if (!r) return error;
        one.clear();
        append_agency_json(one, *r, k == 0);
        file.append(one);
    }
    file.append(text.tail);
    return file.commit();
}

// Where each agency's current record is while the run goes on: its initial record, a line of the journal, or (the
// journal could not take it: a full disk) memory; and its status, for the manifest's counts. ~20 bytes an agency.
class RunRecords {
public:
    RunRecords(const std::vector<std::unique_ptr<AgencyPlan>>& plans, const Manifest* previous)
        : plans_(plans), previous_(previous), places_(plans.size()), where_(plans.size(), initial),
          statuses_(plans.size()), by_id_(plans.size()) {
        for (std::size_t i = 0; i < plans.size(); ++i)
            statuses_[i] = std::uint8_t(initial_record(*plans[i], previous).status);
        for (std::uint32_t i = 0; i < by_id_.size(); ++i) by_id_[i] = i;
        std::sort(by_id_.begin(), by_id_.end(),
                  [&](std::uint32_t a, std::uint32_t b) { return plans[a]->source.id < plans[b]->source.id; });
    }

    // Agency i is done: its record goes to the journal (on the committer thread), kept here only if it cannot.
    void record(std::size_t i, const AgencyRecord& r, Journal& journal) {
        statuses_[i] = std::uint8_t(r.status);
        if (auto place = journal.append(r)) {
            places_[i] = *place;
            where_[i] = in_journal;
        } else {
            where_[i] = in_memory;
            unjournaled_.emplace(i, r);
        }
    }

    // The manifest with every agency's current record (journal: where record() put them; none before any).
    std::string write(const std::string& path, const Manifest& header, const Journal* journal) const {
        AgencyCounts counts;
        for (std::uint8_t s : statuses_) counts += AgencyStatus(s);
        return write_manifest(path, header, by_id_, counts, [&](std::size_t i, std::string& error) {
            if (where_[i] == in_journal) return journal->read(places_[i], error);
            if (where_[i] == in_memory) return std::optional(unjournaled_.at(i));
            return std::optional(initial_record(*plans_[i], previous_));  // not begun: its plan is still there
        });
    }

private:
    enum Where : std::uint8_t { initial, in_journal, in_memory };
    const std::vector<std::unique_ptr<AgencyPlan>>& plans_;
    const Manifest* previous_;
    std::vector<Journal::Place> places_;
    std::vector<Where> where_;
    std::vector<std::uint8_t> statuses_;  // AgencyStatus
    std::vector<std::uint32_t> by_id_;
    std::map<std::size_t, AgencyRecord> unjournaled_;
};

// What of a finished agency waits for the ones before it: its overview row and its lines of findings.txt.
struct InputOrderPart {
    render::AgencyRow overview;
    std::string finding_lines;
};

// Agencies done that may wait for an earlier, slower one before their rows go out in input order (InOrder): a
// few megabytes at most; a worker does not begin an agency this far ahead of the first one not done.
constexpr std::size_t kReorderWindow = 4096;

// A run once it holds its output folder (and shard): what run_locked needs of the set-up.
struct RunSetup {
    const RunOptions& options;
    std::ostream& log;
    const std::vector<std::string>& input_findings;
    FontCache& fonts;                              // the run's family already loaded
    const std::vector<std::string>& font_findings;  // files beside the fonts that are not fonts
    RunSummary& summary;
    std::vector<std::unique_ptr<AgencyPlan>>& plans;
    const Manifest& manifest;   // the head: environment, shard, batch (no agencies)
    const Manifest* previous;   // --resume with a usable manifest
    const compose::TemplateFiles& templates;
    const validate::Rules& rules;
    std::chrono::steady_clock::time_point started;
    fs::path out_dir;
    std::string manifest_path, overview_name, findings_name;
};

// The run's own files at the end: a failure here is the run's, and the exit status says so.
void finish_run(RunSetup& run, const RunRecords& records, Journal& journal, OverviewSpool& overview_rows,
                AtomicFile& findings) {
    auto run_file = [&](std::string error) {
        if (error.empty()) return true;
        run.log << "saraban: " << error << "\n";
        run.summary.run_errors.push_back(std::move(error));
        return false;
    };
    // The head of the secretariat's overview: one row per agency of this run (or shard), in input order.
    const std::string overview_path = (run.out_dir / run.overview_name).string();
    overview_rows.rewind();
    run_file(write_atomically_with(overview_path, [&](const std::string& temp) {
        std::string error = render::write_overview_workbook(
            overview_rows.summary(), [&](render::AgencyRow& row) { return overview_rows.next(row); }, temp);
        return error.empty() && !overview_rows.error().empty() ? overview_path + ": " + overview_rows.error() : error;
    }));
    // The journal is removed only when the manifest holds everything it held.
    run_file(journal.error());
    if (run_file(records.write(run.manifest_path, run.manifest, &journal)) && journal.error().empty())
        journal.remove();
    // The findings of the whole run, one line each, beside the outputs ("" when there were none).
    run_file(findings.commit());
}

// The finished agency's lines of findings.txt (and of the log): its findings, then what stopped it.
std::string finding_lines(const AgencyRecord& r) {
    std::string lines;
    for (const auto& f : r.findings) lines += f.message + "\n";
    if (!r.error.empty()) lines += r.error + "\n";
    return lines;
}

// The manifest as the run starts, the workers, and the run's own files at the end. Memory stays flat in the number
// of agencies: records go to the journal, overview rows and findings to files in input order (InOrder), and a
// plan is freed once its agency is recorded.
void run_locked(RunSetup& run) {
    const RunOptions& options = run.options;
    RunSummary& summary = run.summary;
    auto& plans = run.plans;
    // Every agency of the shard, pending unless a previous record stands for it until it is checked. Written
    // before any output, so a killed run always leaves a manifest with its journal.
    RunRecords records(plans, run.previous);
    if (std::string error = records.write(run.manifest_path, run.manifest, nullptr); !error.empty()) {
        run.log << "saraban: " << error << "\n";
        summary.run_errors.push_back(error);
        summary.documents_failed = summary.inputs;
        return;
    }
    Journal journal(journal_path(run.manifest_path));  // truncates: the manifest now holds what it held
    if (!journal.ok()) {
        summary.run_errors.push_back(write_error(journal_path(run.manifest_path), errno));
        run.log << "saraban: " << summary.run_errors.back() << "\n";
    }

    int jobs = options.jobs > 0 ? options.jobs : default_jobs();
    jobs = std::max(1, std::min(jobs, int(plans.size())));
    summary.jobs = jobs;

    Progress progress(run.log, options.progress, int(plans.size()));
    Shared shared{options, run.rules, run.fonts, run.previous, options.templates_dir + "/progress-report.xml",
                  run.out_dir, run.templates};
    summary.setup_seconds = std::chrono::duration<double>(std::chrono::steady_clock::now() - run.started).count();

    // Overview rows and findings in input order, as agencies finish in any order: to disk as soon as the ones
    // before them are done (the findings straight into findings.txt's temporary file).
    OverviewSpool overview_rows;
    AtomicFile findings((run.out_dir / run.findings_name).string());
    for (const auto& line : run.input_findings) findings.append(line + "\n");
    for (const auto& line : run.font_findings) findings.append(line + "\n");
    InOrder<InputOrderPart> in_order(kReorderWindow, [&](std::size_t, InputOrderPart&& part) {
        overview_rows.add(part.overview);
        findings.append(part.finding_lines);
    });
    // A worker's result waits here from the agency's end until GroupCommit reports it.
    std::vector<std::unique_ptr<WorkerResult>> results(plans.size());
    GroupCommit commit(run.out_dir.string(), [&](std::size_t i, const std::string& error) {
        const std::unique_ptr<WorkerResult> r = std::move(results[i]);
        if (!error.empty()) {
            r->record.status = AgencyStatus::failed;
            r->record.error = plans[i]->source.input + ": " + error;
            r->record.outputs.clear();
        }
        records.record(i, r->record, journal);
        if (options.on_finished) options.on_finished(r->record);
        std::string lines = finding_lines(r->record);
        const bool failed = r->record.status != AgencyStatus::produced;
        progress.finished(r->record.id, r->skipped ? "" : lines, r->skipped ? "unchanged" : to_string(r->record.status),
                          failed);
        summary.warnings += r->warnings;
        summary.stages += r->times;
        if (r->skipped) ++summary.skipped;
        else if (!failed) ++summary.documents_written;
        else ++summary.documents_failed;
        in_order.put(i, {std::move(r->overview), std::move(lines)});
        plans[i].reset();  // nothing reads it again (workers read only the plan they took); its closures can go
    });
    std::atomic<std::size_t> next{0};
    auto worker = [&] {
        WorkerState state;
        for (std::size_t i; stop_signal.load() == 0 && (i = next.fetch_add(1)) < plans.size();) {
            in_order.wait_for_room(i);
            auto r = std::make_unique<WorkerResult>();
            try {
                *r = process(*plans[i], shared, state);
            } catch (const std::exception& e) {
                r->record.id = plans[i]->source.id;
                r->record.input = plans[i]->source.input;
                r->record.status = AgencyStatus::failed;
                r->record.error = plans[i]->source.input + ": " + e.what();
            }
            auto renames = std::move(r->renames);
            results[i] = std::move(r);  // taken by the committer only after submit
            commit.submit(i, std::move(renames));
        }
    };
    {
        std::vector<std::jthread> threads;
        for (int t = 1; t < jobs; ++t) threads.emplace_back(worker);
        worker();
    }
    commit.finish();
    progress.close();
    // Stopped by a signal: the agencies not begun stay pending in the manifest, for --resume; the overview and
    // findings hold the agencies begun, all of which finished.
    summary.stopped_by = stop_signal.load();
    if (summary.stopped_by != 0) summary.not_started = int(plans.size() - std::min(next.load(), plans.size()));
    finish_run(run, records, journal, overview_rows, findings);
}

}  // namespace

int default_jobs() {
    cpu_set_t set;
    CPU_ZERO(&set);
    if (::sched_getaffinity(0, sizeof set, &set) == 0 && CPU_COUNT(&set) > 0) return CPU_COUNT(&set);
    return int(std::max(1u, std::thread::hardware_concurrency()));
}

std::vector<FileHash> input_hashes(const std::string& input, const std::string& id, std::string& error) {
    std::error_code ec;
    if (fs::is_directory(input, ec)) {
        std::vector<FileHash> out = hash_tree(input, error);
        for (auto& f : out) f.path = id + "/" + f.path;
        return out;
    }
    return {{id, sha256_file(input, error)}};
}

std::vector<AgencySource> collect_agencies(const std::vector<std::string>& inputs, std::ostream& log,
                                           bool& usage_error, std::vector<model::Diagnostic>* skipped) {
    std::vector<AgencySource> out;
    std::set<std::string> ids;
    const bool one_root = inputs.size() == 1;
    for (const auto& input : inputs) {
        std::error_code ec;
        std::vector<std::pair<std::string, std::string>> found;  // path, id
        if (fs::is_directory(input, ec)) {
            const fs::path root = fs::path(input).lexically_normal();
            for (const auto& path : ingest::find_agency_inputs(input, skipped)) {
                fs::path rel = fs::path(path).lexically_normal().lexically_relative(root);
                if (rel.empty() || rel == ".") {  // the folder is itself a CSV agency
                    rel = root.filename().empty() ? root.parent_path().filename() : root.filename();
                } else if (!one_root) {
                    const fs::path name = root.filename().empty() ? root.parent_path().filename() : root.filename();
                    rel = name / rel;
                }
                found.emplace_back(path, rel.generic_string());
            }
        } else if (fs::exists(input, ec)) {
            found.emplace_back(input, fs::path(input).filename().generic_string());
        } else {
            log << input << ": ไม่พบไฟล์หรือโฟลเดอร์ (no such file or folder)\n";
            usage_error = true;
        }
        for (auto& [path, id] : found) {
            std::string unique = id;
            for (int n = 2; ids.count(unique); ++n) unique = id + "#" + std::to_string(n);
            ids.insert(unique);
            AgencySource s;
            s.id = unique;
            s.input = path;
            s.stem = output_stem(path);
            out.push_back(std::move(s));
        }
    }
    return out;
}

RunSummary run(const RunOptions& options, std::ostream& log) {
    bool usage_error = false;
    std::vector<model::Diagnostic> skipped;
    auto agencies = collect_agencies(options.inputs, log, usage_error, &skipped);
    std::vector<std::string> skipped_lines;  // named in the log, counted, and written to findings.txt
    for (const auto& d : skipped) {
        skipped_lines.push_back(model::to_string(d));
        log << skipped_lines.back() << "\n";
    }
    if (agencies.empty() || usage_error) {
        RunSummary summary;
        summary.batch_agencies = summary.inputs = int(agencies.size());
        summary.warnings = int(skipped.size());
        if (!usage_error)
            log << "saraban: ไม่มีสมุดงาน .xlsx หรือโฟลเดอร์ CSV ให้ประมวลผล (no .xlsx workbook or CSV folder found)\n";
        summary.usage_error = true;
        return summary;
    }
    return run_agencies(std::move(agencies), options, log, skipped_lines);
}

RunSummary run_agencies(std::vector<AgencySource> agencies, const RunOptions& options, std::ostream& log,
                        const std::vector<std::string>& input_findings) {
    const auto started = std::chrono::steady_clock::now();
    RunSummary summary;
    summary.batch_agencies = int(agencies.size());
    summary.warnings = int(input_findings.size());
    std::vector<std::unique_ptr<AgencyPlan>> plans = plan_agencies(std::move(agencies), options.draft_docx);
    const std::string batch_ids = ids_hash(plans);
    if (!options.shard.whole()) {
        std::erase_if(plans, [&](const auto& p) { return shard_of(p->source.id, options.shard.count) != options.shard.index; });
    }
    summary.inputs = int(plans.size());

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

    // The run's font family, loaded before the workers start. Files beside the fonts that are not fonts are
    // warnings, said once; a family that cannot be loaded stops the run once, rather than fail every agency.
    FontCache fonts(font_search_path(options), options.system_fonts);
    std::vector<std::string> font_findings;
    try {
        const layout::FontSet& set = fonts.get(options.font_family);
        for (const auto& d : set.skipped) {
            font_findings.push_back(model::to_string(d));
            log << font_findings.back() << "\n";
        }
        summary.warnings += int(font_findings.size());
    } catch (const layout::FontError& e) {
        log << "saraban: error: " << e.what() << "\n";
        summary.documents_failed = summary.inputs;
        return summary;
    }

    // The manifest's head (its agencies are written one at a time from RunRecords). The templates are read once.
    Manifest manifest;
    const auto templates = compose::TemplateFiles::read_folder(options.templates_dir);
    manifest.environment = environment_of(options, templates);
    manifest.shard = options.shard;
    manifest.batch_agencies = summary.batch_agencies;
    manifest.batch_ids_sha256 = batch_ids;

    const fs::path out_dir(options.output_dir);
    const std::string manifest_path = (out_dir / manifest_name(options.shard)).string();
    summary.manifest_path = manifest_path;

    // The run's own files beside the agencies' (per shard, so that shards can share the folder).
    const std::string overview_name = shard_file_name("overview", ".xlsx", options.shard);
    const std::string findings_name = shard_file_name("findings", ".txt", options.shard);
    {
        const std::string manifest_file = manifest_name(options.shard);
        std::vector<std::string_view> our_names = {manifest_file, overview_name, findings_name};
        for (const auto& p : plans) {
            our_names.push_back(p->pdf_name);
            our_names.push_back(p->xlsx_name);
            if (!p->docx_name.empty()) our_names.push_back(p->docx_name);
        }
        std::sort(our_names.begin(), our_names.end());
        remove_stale_temporaries(out_dir, our_names);
    }

    const RunLock lock(manifest_path);
    if (!lock.error().empty()) {
        log << "saraban: " << lock.error() << "\n";
        summary.busy = true;
        return summary;
    }
    std::optional<Manifest> previous;
    if (options.resume) {
        std::string error;
        int from_journal = 0;
        previous = load_manifest(manifest_path, error, &from_journal);
        if (!previous) {
            log << "saraban: --resume: " << error << "; every agency is made\n";
        } else if (previous->environment.sha256 != manifest.environment.sha256) {
            log << "saraban: --resume: the templates, fonts, --font or saraban's version changed since "
                << manifest_path << "; every agency is made\n";
            previous.reset();
        } else if (from_journal > 0) {
            log << "saraban: --resume: " << from_journal << " agencies finished by the interrupted run\n";
        }
    }
    RunSetup run{options, log, input_findings, fonts, font_findings, summary, plans, manifest, previous ? &*previous : nullptr,
                 templates, rules.rules, started, out_dir, manifest_path, overview_name, findings_name};
    run_locked(run);
    return summary;
}

bool request_stop(int signal_number) { return stop_signal.exchange(signal_number) != 0; }

std::vector<std::string> font_search_path(const RunOptions& options) {
    std::vector<std::string> path = options.extra_fonts_dirs;
    if (!options.fonts_dir.empty()) path.push_back(options.fonts_dir);  // none found: the --fonts folders alone
    return path;
}

}  // namespace saraban::batch
