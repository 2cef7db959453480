#include "batch/bench.h"

#include "text/digits.h"

#include <sys/resource.h>
#include <unistd.h>

#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <memory>
#include <thread>

#include "batch/batch.h"
#include "batch/sha256.h"
#include "ingest/input_file.h"
#include "ingest/report_reader.h"
#include "render/xlsx/tracking_workbook.h"

namespace fs = std::filesystem;

namespace saraban::batch {

namespace {

std::string thai_digits(long n) { return text::thai_digits(std::to_string(n)); }

// Agency i of the benchmark: the sample with its names, reference number, respondent counts and every progress
// note varied, so that each memo sets text no other agency has (other line breaks, other glyphs in the subsets)
// while staying valid; what stays the same is what a ministry's agencies share (the template, the measures).
model::Report variant(const model::Report& base, int i) {
    model::Report r = base;
    r.source = "bench/agency-" + std::to_string(i);
    r.memo.agency += " เขต " + thai_digits(i + 1);
    r.memo.division += " " + thai_digits(i % 97 + 1);
    r.memo.ref += "-" + thai_digits(i);
    for (auto& row : r.scores) {
        for (auto& [key, value] : row.extra) {
            if (value.empty() || value.find_first_not_of("0123456789") != std::string::npos) continue;
            value = std::to_string(std::stol(value) + i % 50);
        }
    }
    for (auto& m : r.measures)
        for (auto& s : m.steps)
            if (!s.progress.empty()) s.progress += " (รายงานครั้งที่ " + thai_digits(i + 1) + ")";
    return r;
}

std::string megabytes(long kilobytes) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.1f MB", double(kilobytes) / 1024.0);
    return buf;
}

}  // namespace

int bench(const BenchOptions& options, std::ostream& out, std::ostream& log) {
    const auto t0 = std::chrono::steady_clock::now();
    auto sample = std::make_shared<const ingest::ReportResult>(ingest::read_report_file(options.sample));
    // Each agency parses the sample's bytes again (from memory, not disk), so that reading is measured too.
    auto bytes = std::make_shared<std::vector<std::byte>>();
    if (ingest::lower_extension(options.sample) == ".xlsx") {
        std::vector<model::Diagnostic> ignored;
        if (auto b = ingest::read_input_file(options.sample, std::uintmax_t(1) << 26, ignored)) *bytes = std::move(*b);
    }
    if (!*sample) {
        for (const auto& d : sample->diagnostics) log << model::to_string(d) << "\n";
        log << "saraban bench: cannot read the sample " << options.sample << "\n";
        return 1;
    }
    const double read_once = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();

    std::string dir = options.keep_dir;
    if (dir.empty()) {
        std::string pattern = (fs::temp_directory_path() / "saraban-bench-XXXXXX").string();
        if (!::mkdtemp(pattern.data())) {
            log << "saraban bench: cannot make a temporary folder\n";
            return 1;
        }
        dir = pattern;
    }
    // What every agency's closures share, captured by pointer with the agency's number: small enough for
    // std::function to hold without an allocation, so that the list of 100,000 agencies costs what a run's does.
    struct Shared {
        std::shared_ptr<const ingest::ReportResult> sample;
        std::shared_ptr<std::vector<std::byte>> bytes;
        std::string name;
    };
    const Shared shared{sample, bytes, options.sample};
    std::vector<AgencySource> agencies;
    agencies.reserve(std::size_t(options.agencies));
    for (int i = 0; i < options.agencies; ++i) {
        AgencySource a;
        char name[32];
        std::snprintf(name, sizeof name, "agency-%06d", i);
        a.id = name;
        a.input = std::string("bench/") + name;
        a.stem = name;
        a.read = [s = &shared, i] {
            ingest::ReportResult r = s->bytes->empty() ? *s->sample : ingest::read_report_xlsx(*s->bytes, s->name);
            r.report = variant(r.report, i);
            return r;
        };
        a.hash_inputs = [i](std::string&) {
            char id[32];
            std::snprintf(id, sizeof id, "agency-%06d", i);
            return std::vector<FileHash>{{id, sha256_hex("bench agency " + std::to_string(i))}};
        };
        agencies.push_back(std::move(a));
    }

    RunOptions run_options;
    run_options.output_dir = dir;
    run_options.fonts_dir = options.fonts_dir;
    run_options.templates_dir = options.templates_dir;
    run_options.jobs = options.jobs;
    run_options.version = options.version;
    run_options.progress = ::isatty(2) ? ProgressStyle::bar : ProgressStyle::none;
    if (options.keep_dir.empty()) {
        // Outputs are removed as soon as they are recorded, so that a large N measures the pipeline, not the disk.
        run_options.on_finished = [dir](const AgencyRecord& r) {
            for (const auto& o : r.outputs) ::unlink((fs::path(dir) / o.path).c_str());
        };
    }

    rusage before{};
    ::getrusage(RUSAGE_SELF, &before);
    const auto start = std::chrono::steady_clock::now();
    const RunSummary s = run_agencies(std::move(agencies), run_options, log);
    const double wall = std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    rusage after{};
    ::getrusage(RUSAGE_SELF, &after);
    auto seconds = [](const timeval& tv) { return double(tv.tv_sec) + double(tv.tv_usec) * 1e-6; };
    const double cpu = seconds(after.ru_utime) - seconds(before.ru_utime) + seconds(after.ru_stime) -
                       seconds(before.ru_stime);
    const int n = s.inputs > 0 ? s.inputs : 1;

    char line[256];
    out << "saraban bench: " << s.inputs << " agencies from " << options.sample << ", " << s.jobs << " worker(s), "
        << default_jobs() << " CPU(s) available";
    if (!options.allocator.empty()) out << ", malloc: " << options.allocator;
    out << "\n";
    std::snprintf(line, sizeof line,
                  "wall %.2f s (set-up %.3f s: tables, fonts, hashes of templates and fonts; sample read once %.3f s)\n",
                  wall, s.setup_seconds, read_once);
    out << line;
    std::snprintf(line, sizeof line, "throughput %.1f agencies/s; CPU %.2f s in all, %.2f ms an agency\n", s.inputs / wall,
                  cpu, cpu * 1000 / n);
    out << line;
    out << "peak RSS " << megabytes(after.ru_maxrss) << "\n";
    out << "CPU per stage (worker threads):\n";
    const StageTimes& t = s.stages;
    const double total = t.total() > 0 ? t.total() : 1;
    auto row = [&](const char* name, double v) {
        std::snprintf(line, sizeof line, "  %-9s %9.3f s %9.3f ms/agency %6.1f %%\n", name, v, v * 1000 / n,
                      100 * v / total);
        out << line;
    };
    row("hash", t.hash);
    row("read", t.read);
    row("validate", t.validate);
    row("compose", t.compose);
    row("layout", t.layout);
    row("pdf", t.pdf);
    row("xlsx", t.xlsx);
    row("docx", t.docx);
    row("write", t.write);
    row("total", t.total());
    out << "produced " << s.documents_written << ", failed " << s.documents_failed
        << "; workbook parts deflated at level " << render::workbook_zip_level() << ", "
        << render::workbook_parts_in_memory() << " assembled in memory\n";

    if (options.keep_dir.empty()) {
        std::error_code ec;
        fs::remove_all(dir, ec);
    } else {
        out << "outputs kept in " << dir << "\n";
    }
    return s.documents_failed > 0 ? 1 : 0;
}

}  // namespace saraban::batch
