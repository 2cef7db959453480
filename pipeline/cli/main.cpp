// saraban: Thai ITA workbooks in, official บันทึกข้อความ PDFs out.
//
// Steps, one folder each under pipeline/:
//   ingest   read the workbook (.xlsx) into the model, every problem tied to its cell
//   validate check the model against the rules of the ITA report
//   compose  fill the memo template with the data and what is computed from it
//   layout   shape, break and paginate the Thai text (HarfBuzz, ICU)
//   render   write the PDF (libharu); batch writes every output atomically
// cli (this folder): the command line (command_line.h), where saraban's files are (resources.h), typeset.
#if SARABAN_JEMALLOC
#include <jemalloc/jemalloc.h>
#endif
#include <unistd.h>

#include <cstdint>
#include <cstdlib>
#include <filesystem>
#include <iostream>
#include <string>
#include <string_view>
#include <vector>

#include <signal.h>

#include "batch/batch.h"
#include "batch/bench.h"
#include "batch/init_input.h"
#include "batch/output_file.h"
#include "cli/command_line.h"
#include "cli/help.h"
#include "cli/resources.h"
#include "cli/typeset.h"
#include "cli/versions.h"
#include "ingest/limits.h"

// jemalloc's options, read when it starts (malloc_conf, declared by <jemalloc/jemalloc.h>; MALLOC_CONF in the
// environment still has the last word): each thread keeps freed blocks up to 128 KB for its next allocations (the
// default stops at 32 KB), so the 64 KB blocks zlib takes for each of a workbook's 21 parts, and the page and key
// buffers of the PDF writer, skip the arena (−0.9% instructions an agency, −1.6% CPU in alternating runs).
#if SARABAN_JEMALLOC
const char* malloc_conf = "tcache_max:131072";
#endif

namespace {

namespace batch = saraban::batch;
namespace cli = saraban::cli;

// What is wrong, then the usage line of the command it is about (every command's, for the program itself).
int usage_error(const std::string& message, const CLI::App& command) {
    std::cerr << "saraban: " << message << "\n";
    if (command.get_parent() == nullptr) {
        const char* lead = "usage: ";
        for (const CLI::App* c : command.get_subcommands([](const CLI::App*) { return true; })) {
            std::cerr << lead << cli::usage_line(*c) << "\n";
            lead = "       ";
        }
        std::cerr << "       saraban COMMAND --help\n";
    } else {
        std::cerr << "usage: " << cli::usage_line(command) << "\n       saraban " << command.get_name()
                  << " --help: every option, with what it does\n";
    }
    return 2;
}

// A parser's error in both languages: what kind of mistake in Thai, CLI11's own words in English.
std::string bilingual(const CLI::ParseError& e) {
    const char* thai = "ใช้คำสั่งไม่ถูกต้อง";
    if (dynamic_cast<const CLI::ExtrasError*>(&e))
        thai = "ไม่รู้จักตัวเลือกหรือค่านี้";
    else if (dynamic_cast<const CLI::ArgumentMismatch*>(&e))
        thai = "ตัวเลือกขาดค่า หรือมีค่าเกิน";
    else if (dynamic_cast<const CLI::RequiredError*>(&e))
        thai = "ขาดสิ่งที่ต้องระบุ";
    else if (dynamic_cast<const CLI::ConversionError*>(&e) || dynamic_cast<const CLI::ValidationError*>(&e))
        thai = "ค่าไม่ถูกต้อง";
    return std::string(thai) + " (" + e.what() + ")";
}

// A whole number in [min, max] from an option's argument.
bool parse_count(const std::string& text, int min, int max, int& out) {
    if (text.empty() || text.size() > 9 || text.find_first_not_of("0123456789") != std::string::npos) return false;
    const int v = std::stoi(text);
    if (v < min || v > max) return false;
    out = v;
    return true;
}

bool is_folder(const std::string& path) {
    std::error_code ec;
    return std::filesystem::is_directory(path, ec);
}

// The shard of this run: --shard, else the scheduler's environment (with --shards). "" or what is wrong.
std::string shard_of_run(const cli::RunArgs& a, batch::Shard& shard) {
    int shards = 0;
    if (!a.shards.empty() && !parse_count(a.shards, 1, 100000, shards))
        return "--shards needs a number of shards from 1 to 100000";
    std::string error;
    if (!a.shard.empty()) {
        const auto given = batch::parse_shard(a.shard, error);
        if (!given) return error;
        if (shards > 0 && shards != given->count) return "--shards disagrees with --shard";
        shard = *given;
        return "";
    }
    const auto from_env = batch::shard_from_environment(batch::scheduler_environment(), shards, error);
    if (!from_env) return error;
    shard = *from_env;
    return "";
}

// The run's options from its arguments, each checked: "" or what is wrong (a usage error).
std::string run_options(const cli::RunArgs& a, batch::RunOptions& o) {
    o.inputs = a.inputs.empty() ? std::vector<std::string>{"inputs"} : a.inputs;
    o.output_dir = a.output;
    o.extra_fonts_dirs = a.fonts;
    o.font_family = a.font;
    o.system_fonts = !a.no_system_fonts;
    o.resume = a.resume;
    o.progress = ::isatty(2) ? batch::ProgressStyle::bar : batch::ProgressStyle::lines;
    if (!a.jobs.empty() && !parse_count(a.jobs, 1, 1024, o.jobs)) return "-j needs a number of workers from 1 to 1024";
    if (!a.digits.empty() && a.digits != "thai" && a.digits != "arabic") return "--digits needs thai or arabic";
    o.arabic_digits = a.digits == "arabic";
    if (!a.draft.empty() && a.draft != "none" && a.draft != "docx") return "--draft needs none or docx";
    o.draft_docx = a.draft != "none";
    if (a.progress == "bar")
        o.progress = batch::ProgressStyle::bar;
    else if (a.progress == "lines")
        o.progress = batch::ProgressStyle::lines;
    else if (a.progress == "none")
        o.progress = batch::ProgressStyle::none;
    else if (!a.progress.empty())
        return "--progress needs bar, lines or none";
    if (!a.templates.empty() && !is_folder(a.templates))
        return "--templates: " + a.templates + ": ไม่พบโฟลเดอร์ (no such folder)";
    o.templates_dir = a.templates;
    if (!a.previous.empty() && !is_folder(a.previous))
        return "--previous: " + a.previous + ": ไม่พบโฟลเดอร์ (no such folder)";
    o.previous_dir = a.previous;
    for (const auto& limit : a.limits)
        if (std::string error = saraban::ingest::set_limit(o.limits, limit); !error.empty()) return error;
    return shard_of_run(a, o.shard);
}

// saraban's templates (unless given) and fonts (which --fonts folders add to): "" or what is missing.
std::string find_resources(std::string& templates_dir, std::string& fonts_dir, bool fonts_given) {
    if (templates_dir.empty()) templates_dir = cli::find_resource("templates");
    if (templates_dir.empty()) return cli::not_found_message("templates");
    fonts_dir = cli::find_resource("fonts");
    if (fonts_dir.empty() && !fonts_given) return cli::not_found_message("fonts");
    return "";
}

// SIGTERM (what Kubernetes and Slurm send first) and SIGINT stop the run cleanly: see batch::request_stop.
void stop_on_signals() {
    struct sigaction stop = {};
    stop.sa_handler = [](int signal_number) {
        if (!batch::request_stop(signal_number)) return;
        ::signal(signal_number, SIG_DFL);  // a second signal ends the process at once, as the user means it to
        ::raise(signal_number);
    };
    sigemptyset(&stop.sa_mask);
    ::sigaction(SIGTERM, &stop, nullptr);
    ::sigaction(SIGINT, &stop, nullptr);
}

// The run's last line, and its exit status.
int report(const batch::RunSummary& summary, const batch::RunOptions& options) {
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

int run_command(const cli::RunArgs& args, const CLI::App& command) {
    batch::RunOptions options;
    if (std::string error = run_options(args, options); !error.empty()) return usage_error(error, command);
    if (std::string missing = find_resources(options.templates_dir, options.fonts_dir, !args.fonts.empty());
        !missing.empty()) {
        std::cerr << "saraban: " << missing << "\n";
        return 2;
    }
    options.version = SARABAN_VERSION;
    stop_on_signals();
    return report(batch::run(options, std::cerr), options);
}

int merge_command(const cli::MergeArgs& args) {
    const auto& inputs = args.manifests;
    const auto& output = args.output;
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

int bench_command(const cli::BenchArgs& args, const CLI::App& command) {
    batch::BenchOptions options;
    if (!args.agencies.empty() && !parse_count(args.agencies, 1, 10000000, options.agencies))
        return usage_error("--agencies needs a number from 1 to 10000000", command);
    if (!args.jobs.empty() && !parse_count(args.jobs, 1, 1024, options.jobs))
        return usage_error("-j needs a number of workers from 1 to 1024", command);
    options.keep_dir = args.keep;
    options.sample = args.sample.empty() ? cli::find_resource("inputs/sample.xlsx") : args.sample;
    std::string missing = find_resources(options.templates_dir, options.fonts_dir, false);
    if (missing.empty() && options.sample.empty()) missing = cli::not_found_message("inputs/sample.xlsx");
    if (!missing.empty()) {
        std::cerr << "saraban: " << missing << "\n";
        return 2;
    }
    options.version = SARABAN_VERSION;
    options.allocator = allocator_name();
    return batch::bench(options, std::cout, std::cerr);
}

int init_command(const cli::InitArgs& args) {
    const std::string path = !args.path.empty() ? args.path : args.csv ? "agency" : ".";
    const auto made = batch::init_input(path, args.csv);
    if (!made.error.empty()) {
        std::cerr << "saraban: " << made.error << "\n";
        return 1;
    }
    std::cerr << "saraban: wrote " << made.written << " (กรอกข้อมูลแล้วสั่ง saraban run " << made.written << ")\n";
    return 0;
}

int typeset_command(const cli::TypesetArgs& args) {
    batch::RunOptions fonts;
    fonts.extra_fonts_dirs = args.fonts;
    fonts.fonts_dir = cli::find_resource("fonts");
    if (fonts.fonts_dir.empty() && args.fonts.empty()) {
        std::cerr << "saraban: " << cli::not_found_message("fonts") << "\n";
        return 2;
    }
    std::string error = cli::typeset(args.input, args.output, batch::font_search_path(fonts), args.font,
                                     !args.no_system_fonts, std::cerr);
    if (!error.empty()) {
        std::cerr << "saraban: " << error << "\n";
        return 1;
    }
    std::cerr << "saraban: wrote " << args.output << "\n";
    return 0;
}

// The command the parser chose (the last one it entered), or nullptr.
const CLI::App* chosen(const CLI::App& app) {
    const auto commands = app.get_subcommands();
    return commands.empty() ? nullptr : commands.back();
}

int dispatch(const cli::CommandLine& line) {
    if (line.version) {
        std::cout << cli::versions(SARABAN_VERSION, allocator_name());
        return 0;
    }
    if (line.man_page || line.bash_completion) {
        std::cout << (line.man_page ? cli::man_page(line.app, SARABAN_VERSION) : cli::bash_completion(line.app));
        return 0;
    }
    const CLI::App* command = chosen(line.app);
    if (!command) return usage_error("ไม่ได้ระบุคำสั่ง (no command)", line.app);
    const std::string& name = command->get_name();
    if (name == "run") return run_command(line.run, *command);
    if (name == "init") return init_command(line.init);
    if (name == "merge") return merge_command(line.merge);
    if (name == "bench") return bench_command(line.bench, *command);
    return typeset_command(line.typeset);
}

}  // namespace

int main(int argc, char** argv) {
    cli::CommandLine line;
    try {
        line.app.parse(argc, argv);
    } catch (const CLI::CallForHelp&) {
        const CLI::App* command = chosen(line.app);
        std::cout << (command ? command->help() : cli::usage_page(line.app));
        return 0;
    } catch (const CLI::ParseError& e) {
        const CLI::App* command = chosen(line.app);
        return usage_error(bilingual(e), command ? *command : line.app);
    }
    return dispatch(line);
}
