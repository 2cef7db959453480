// saraban: Thai ITA workbooks in, official บันทึกข้อความ PDFs out.
//
// Steps, one folder each under pipeline/:
//   ingest   read the workbook (.xlsx) into the model, every problem tied to its cell
//   validate check the model against the rules of the ITA report
//   compose  fill the memo template with the data and what is computed from it
//   layout   shape, break and paginate the Thai text (HarfBuzz, ICU)
//   render   write the PDF (libharu); batch writes every output atomically
#if SARABAN_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <iostream>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <signal.h>

#include "batch/batch.h"
#include "batch/bench.h"
#include "batch/init_input.h"
#include "batch/output_file.h"
#include "ingest/limits.h"

// jemalloc's options, read when it starts (malloc_conf, declared by <jemalloc/jemalloc.h>; MALLOC_CONF in the
// environment still has the last word): each thread keeps freed blocks up to 128 KB for its next allocations (the
// default stops at 32 KB), so the 64 KB blocks zlib takes for each of a workbook's 21 parts, and the page and key
// buffers of the PDF writer, skip the arena (−0.9% instructions an agency, −1.6% CPU in alternating runs).
#if SARABAN_JEMALLOC
const char* malloc_conf = "tcache_max:131072";
#endif

namespace {

const char* const kUsage =
    "usage: saraban run [INPUT...] [-o DIR] [--font FAMILY] [-j N] [--resume] [--shard K/N | --shards N]\n"
    "                   [--previous DIR] [--digits thai|arabic] [--templates DIR] [--limit NAME=VALUE]...\n"
    "                   [--no-system-fonts] [--draft none|docx]\n"
    "           produce the memos of each workbook (default: inputs/ → outputs/), N workers (default: one per\n"
    "           core); <DIR>/manifest.json records inputs, outputs and findings with their SHA-256; --resume\n"
    "           skips agencies whose inputs, templates, fonts and outputs are unchanged since the manifest;\n"
    "           --shard K/N makes only the K-th of N parts of the batch (manifest-K-of-N.json); without it the\n"
    "           part comes from JOB_COMPLETION_INDEX (0-based; N from --shards or SARABAN_SHARDS) or\n"
    "           SLURM_ARRAY_TASK_ID (N from SLURM_ARRAY_TASK_COUNT); --previous DIR compares each agency with\n"
    "           its tracking workbook of last round (DIR/x.xlsx): the memo and the workbook say what moved;\n"
    "           --templates DIR takes the templates (and ITA tables) from DIR instead of templates/;\n"
    "           --limit NAME=VALUE raises or lowers a limit on an input's size (rows=200000, part-bytes=64MiB;\n"
    "           may be repeated; every limit, its default and why: docs/limits.md)\n"
    "       saraban init [PATH] [--csv]\n"
    "           write a blank input workbook to fill in: PATH.xlsx, or PATH/agency.xlsx (default: the current\n"
    "           folder); --csv: the agency folder PATH (default agency/) of CSV files instead; never overwrites\n"
    "       saraban merge MANIFEST... -o MERGED.json\n"
    "           join the manifests of a batch's shards; exit 1 if an agency is missing or doubled\n"
    "       saraban bench [--agencies N] [-j N] [--keep DIR]\n"
    "           time N synthetic agencies (made from inputs/sample.xlsx) through the run's code path\n"
    "       saraban typeset FILE.txt -o OUT.pdf [--font FAMILY] [--no-system-fonts]\n"
    "           set a UTF-8 text, one paragraph a line, in the memo's body style\n"
    "       saraban --help | --version\n"
    "\n"
    "INPUT is an .xlsx workbook, a CSV agency folder, or a folder of those. FAMILY is a font family whose TrueType\n"
    "files are in fonts/ (default Laksaman; e.g. \"TH Sarabun New\" once its files are put there); --fonts DIR\n"
    "(run, typeset; may be repeated) looks in DIR first, then in fonts/, whose DejaVu Sans stays the fallback for\n"
    "what the family lacks; then the system's fonts (fontconfig) for what neither has, unless --no-system-fonts\n"
    "(for runs that must give the same bytes on any machine); a character no font can draw is an error.\n"
    "--progress bar|lines|none overrides the default (a bar on a terminal, else a line per agency).\n"
    "Exit status: 0 every document produced, 1 some failed or a file of the run not written, 2 usage error,\n"
    "75 another run is writing the output folder, 143/130 stopped by SIGTERM/SIGINT (run again with --resume).\n";

int usage_error(const std::string& message) {
    std::cerr << "saraban: " << message << "\n" << kUsage;
    return 2;
}

// A whole number in [min, max] from an option's argument.
bool parse_count(const std::string& text, int min, int max, int& out) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    const int v = std::stoi(text);
    if (v < min || v > max) return false;
    out = v;
    return true;
}

int run_command(const std::vector<std::string>& args) {
    saraban::batch::RunOptions options;
    std::optional<saraban::batch::Shard> shard;
    int shards = 0;
    options.progress = ::isatty(2) ? saraban::batch::ProgressStyle::bar : saraban::batch::ProgressStyle::lines;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const std::string& a = args[i];
        const bool has_value = i + 1 < args.size();
        if (a == "-o" || a == "--output") {
            if (!has_value) return usage_error("-o needs a folder");
            options.output_dir = args[++i];
        } else if (a == "--fonts") {
            if (!has_value) return usage_error("--fonts needs a folder");
            options.extra_fonts_dirs.push_back(args[++i]);
        } else if (a == "--font") {
            if (!has_value) return usage_error("--font needs a family name");
            options.font_family = args[++i];
        } else if (a == "--no-system-fonts") {
            options.system_fonts = false;
        } else if (a == "-j" || a == "--jobs") {
            if (!has_value || !parse_count(args[i + 1], 1, 1024, options.jobs))
                return usage_error(a + " needs a number of workers from 1 to 1024");
            ++i;
        } else if (a.size() > 2 && a.compare(0, 2, "-j") == 0 && a[2] != '-') {
            if (!parse_count(a.substr(2), 1, 1024, options.jobs)) return usage_error("-jN needs N from 1 to 1024");
        } else if (a == "--templates") {
            if (!has_value) return usage_error("--templates needs a folder");
            options.templates_dir = args[++i];
            std::error_code ec;
            if (!std::filesystem::is_directory(options.templates_dir, ec))
                return usage_error("--templates: " + options.templates_dir + ": ไม่พบโฟลเดอร์ (no such folder)");
        } else if (a == "--resume") {
            options.resume = true;
        } else if (a == "--digits") {
            if (!has_value || (args[i + 1] != "thai" && args[i + 1] != "arabic"))
                return usage_error("--digits needs thai or arabic");
            options.arabic_digits = args[++i] == "arabic";
        } else if (a == "--draft") {  // an editable x.docx beside each x.pdf (docs/docx.md)
            if (!has_value || (args[i + 1] != "none" && args[i + 1] != "docx"))
                return usage_error("--draft needs none or docx");
            options.draft_docx = args[++i] == "docx";
        } else if (a == "--previous") {
            if (!has_value) return usage_error("--previous needs the folder of last round's outputs");
            options.previous_dir = args[++i];
            std::error_code ec;
            if (!std::filesystem::is_directory(options.previous_dir, ec))
                return usage_error("--previous: " + options.previous_dir + ": ไม่พบโฟลเดอร์ (no such folder)");
        } else if (a == "--shard") {
            if (!has_value) return usage_error("--shard needs K/N");
            std::string error;
            shard = saraban::batch::parse_shard(args[++i], error);
            if (!shard) return usage_error(error);
        } else if (a == "--shards") {
            if (!has_value || !parse_count(args[i + 1], 1, 100000, shards))
                return usage_error("--shards needs a number of shards from 1 to 100000");
            ++i;
        } else if (a == "--progress") {
            if (!has_value) return usage_error("--progress needs bar, lines or none");
            const std::string& v = args[++i];
            if (v == "bar") options.progress = saraban::batch::ProgressStyle::bar;
            else if (v == "lines") options.progress = saraban::batch::ProgressStyle::lines;
            else if (v == "none") options.progress = saraban::batch::ProgressStyle::none;
            else return usage_error("--progress needs bar, lines or none");
        } else if (a == "--limit") {
            if (!has_value) return usage_error("--limit needs NAME=VALUE (docs/limits.md)");
            if (std::string error = saraban::ingest::set_limit(options.limits, args[++i]); !error.empty())
                return usage_error(error);
        } else if (!a.empty() && a[0] == '-') {
            return usage_error("unknown option " + a);
        } else {
            options.inputs.push_back(a);
        }
    }
    if (shard) {
        if (shards > 0 && shards != shard->count) return usage_error("--shards disagrees with --shard");
        options.shard = *shard;
    } else {
        std::string error;
        auto from_env = saraban::batch::shard_from_environment(saraban::batch::scheduler_environment(), shards, error);
        if (!from_env) return usage_error(error);
        options.shard = *from_env;
    }
    if (options.inputs.empty()) options.inputs.push_back("inputs");
    options.fonts_dir = saraban::batch::find_resource_dir("fonts");  // after --fonts: its fallback stays on the path
    if (options.templates_dir.empty()) options.templates_dir = saraban::batch::find_resource_dir("templates");
    options.version = SARABAN_VERSION;
    // SIGTERM (what Kubernetes and Slurm send first) and SIGINT stop the run cleanly: see batch::request_stop.
    struct sigaction stop = {};
    stop.sa_handler = [](int signal_number) {
        if (!saraban::batch::request_stop(signal_number)) return;
        ::signal(signal_number, SIG_DFL);  // a second signal ends the process at once, as the user means it to
        ::raise(signal_number);
    };
    sigemptyset(&stop.sa_mask);
    ::sigaction(SIGTERM, &stop, nullptr);
    ::sigaction(SIGINT, &stop, nullptr);
    const auto summary = saraban::batch::run(options, std::cerr);
    std::cerr << "saraban: " << summary.inputs << " input(s)";
    if (!options.shard.whole())
        std::cerr << " (shard " << options.shard.index << "/" << options.shard.count << " of "
                  << summary.batch_agencies << ")";
    std::cerr << ", " << summary.documents_written << " document(s) written to " << options.output_dir;
    if (options.resume) std::cerr << ", " << summary.skipped << " unchanged";
    std::cerr << ", " << summary.documents_failed << " failed, " << summary.warnings << " warning(s)";
    if (summary.stopped_by)
        std::cerr << "; stopped by signal " << summary.stopped_by << ", " << summary.not_started
                  << " not started (run again with --resume)";
    if (!summary.run_errors.empty()) std::cerr << "; " << summary.run_errors.size() << " file(s) of the run not written";
    std::cerr << "\n";
    if (summary.usage_error) return 2;
    if (summary.busy) return 75;  // EX_TEMPFAIL: try again when the other run is done
    if (summary.stopped_by) return 128 + summary.stopped_by;
    return summary.documents_failed > 0 || !summary.run_errors.empty() ? 1 : 0;
}

int merge_command(const std::vector<std::string>& args) {
    std::vector<std::string> inputs;
    std::string output;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" || args[i] == "--output") {
            if (i + 1 >= args.size()) return usage_error("-o needs a file");
            output = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return usage_error("unknown option " + args[i]);
        } else {
            inputs.push_back(args[i]);
        }
    }
    if (inputs.empty() || output.empty()) return usage_error("merge needs MANIFEST... and -o MERGED.json");
    std::vector<std::pair<std::string, saraban::batch::Manifest>> manifests;
    for (const auto& path : inputs) {
        std::string error;
        int from_journal = 0;
        auto m = saraban::batch::load_manifest(path, error, &from_journal);
        if (!m) {
            std::cerr << "saraban: " << error << "\n";
            return 2;
        }
        if (from_journal > 0)
            std::cerr << path << ": the run that wrote it did not finish (" << from_journal
                      << " agencies read from its journal)\n";
        manifests.emplace_back(path, std::move(*m));
    }
    const auto result = saraban::batch::merge_manifests(manifests);
    for (const auto& p : result.problems) std::cerr << p << "\n";
    const std::string json = saraban::batch::to_json(result.merged);
    if (std::string error = saraban::batch::write_atomically(output, std::vector<unsigned char>(json.begin(), json.end()));
        !error.empty()) {
        std::cerr << "saraban: " << error << "\n";
        return 1;
    }
    std::cerr << "saraban: merged " << manifests.size() << " manifest(s), " << result.merged.agencies.size()
              << " of " << result.merged.batch_agencies << " agencies, " << result.missing << " missing, "
              << result.doubled << " doubled, " << result.failed << " failed, into " << output << "\n";
    const bool bad = result.missing > 0 || result.doubled > 0 || !result.problems.empty();
    return bad ? 1 : 0;
}

// The allocator that serves the program's malloc, for bench reports: jemalloc, linked in CMakeLists.txt (glibc's
// malloc took a seventh of a batch's CPU), unless another one was preloaded over it. jemalloc counts what each
// thread allocates, so a block allocated here shows whose malloc answered.
std::string allocator_name() {
#if !SARABAN_JEMALLOC
    return "the system's (built with SARABAN_JEMALLOC=OFF)";
#else
    const char* version = nullptr;
    std::size_t size = sizeof version;
    if (mallctl("version", &version, &size, nullptr, 0) != 0 || !version) return "unknown";
    const std::string_view full = version;  // "5.3.0-0-g54eaed1…": the release, then the commit
    const std::string release = "jemalloc " + std::string(full.substr(0, full.find('-')));
    std::uint64_t before = 0, after = 0;
    size = sizeof before;
    if (mallctl("thread.allocated", &before, &size, nullptr, 0) != 0) return release + " (linked)";
    void* volatile probe = std::malloc(4096);
    size = sizeof after;
    mallctl("thread.allocated", &after, &size, nullptr, 0);
    std::free(probe);
    if (after <= before) return "not jemalloc (" + release + " is linked, another malloc was loaded first)";
    std::size_t tcache_max = 0;
    size = sizeof tcache_max;
    if (mallctl("opt.tcache_max", &tcache_max, &size, nullptr, 0) == 0)
        return release + ", thread caches up to " + std::to_string(tcache_max / 1024) + " KB";
    return release;
#endif
}

int bench_command(const std::vector<std::string>& args) {
    saraban::batch::BenchOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        const bool has_value = i + 1 < args.size();
        if (args[i] == "--agencies" || args[i] == "-n") {
            if (!has_value || !parse_count(args[i + 1], 1, 10000000, options.agencies))
                return usage_error("--agencies needs a number");
            ++i;
        } else if (args[i] == "-j" || args[i] == "--jobs") {
            if (!has_value || !parse_count(args[i + 1], 1, 1024, options.jobs))
                return usage_error("-j needs a number of workers from 1 to 1024");
            ++i;
        } else if (args[i] == "--keep") {
            if (!has_value) return usage_error("--keep needs a folder");
            options.keep_dir = args[++i];
        } else if (args[i] == "--sample") {
            if (!has_value) return usage_error("--sample needs a workbook");
            options.sample = args[++i];
        } else {
            return usage_error("unknown option " + args[i]);
        }
    }
    options.fonts_dir = saraban::batch::find_resource_dir("fonts");
    options.templates_dir = saraban::batch::find_resource_dir("templates");
    if (options.sample.empty()) options.sample = saraban::batch::find_resource_dir("inputs") + "/sample.xlsx";
    options.version = SARABAN_VERSION;
    options.allocator = allocator_name();
    return saraban::batch::bench(options, std::cout, std::cerr);
}

int init_command(const std::vector<std::string>& args) {
    std::string path;
    bool csv = false;
    for (const std::string& a : args) {
        if (a == "--csv") csv = true;
        else if (!a.empty() && a[0] == '-') return usage_error("unknown option " + a);
        else if (path.empty()) path = a;
        else return usage_error("init takes one PATH");
    }
    if (path.empty()) path = csv ? "agency" : ".";
    const auto made = saraban::batch::init_input(path, csv);
    if (!made.error.empty()) {
        std::cerr << "saraban: " << made.error << "\n";
        return 1;
    }
    std::cerr << "saraban: wrote " << made.written << " (กรอกข้อมูลแล้วสั่ง saraban run " << made.written << ")\n";
    return 0;
}

int typeset_command(const std::vector<std::string>& args) {
    std::string input, output, family;
    saraban::batch::RunOptions fonts;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
        else if (args[i] == "--fonts" && i + 1 < args.size()) fonts.extra_fonts_dirs.push_back(args[++i]);
        else if (args[i] == "--font" && i + 1 < args.size()) family = args[++i];
        else if (args[i] == "--no-system-fonts") fonts.system_fonts = false;
        else if (!args[i].empty() && args[i][0] == '-') return usage_error("unknown option " + args[i]);
        else if (input.empty()) input = args[i];
        else return usage_error("typeset takes one text file");
    }
    if (input.empty() || output.empty()) return usage_error("typeset needs FILE.txt and -o OUT.pdf");
    fonts.fonts_dir = saraban::batch::find_resource_dir("fonts");
    std::string error = saraban::batch::typeset(input, output, saraban::batch::font_search_path(fonts), family,
                                                fonts.system_fonts, std::cerr);
    if (!error.empty()) {
        std::cerr << "saraban: " << error << "\n";
        return 1;
    }
    std::cerr << "saraban: wrote " << output << "\n";
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    std::vector<std::string> args(argv + 1, argv + argc);
    if (args.empty()) return usage_error("no command");
    const std::string command = args.front();
    args.erase(args.begin());
    if (command == "--help" || command == "-h" || command == "help") {
        std::cout << kUsage;
        return 0;
    }
    if (command == "--version") {
        std::cout << "saraban " << SARABAN_VERSION << "\n";
        return 0;
    }
    if (command == "run") return run_command(args);
    if (command == "init") return init_command(args);
    if (command == "typeset") return typeset_command(args);
    if (command == "merge") return merge_command(args);
    if (command == "bench") return bench_command(args);
    return usage_error("unknown command " + command);
}
