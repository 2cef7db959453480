#include "cli/command_line.h"

namespace saraban::cli {

const char* const kNotes =
    "INPUT is an .xlsx or .ods workbook, a CSV agency folder, or a folder of those. FAMILY is a font family whose\n"
    "TrueType files are in saraban's fonts/ (default Laksaman) or a --fonts DIR (run, typeset; may be repeated),\n"
    "which is searched first: saraban's fonts stay searched, and their DejaVu Sans is the fallback for what the\n"
    "family lacks; then the system's fonts (fontconfig) for what neither has, unless --no-system-fonts (for runs\n"
    "that must give the same bytes on any machine); a character no font can draw is an error.\n"
    "templates/ and fonts/ are looked for in $SARABAN_DATA_DIR, beside the binary (and the folder above it: a\n"
    "build tree), then in the install prefix's share/saraban (man saraban, FILES).\n"
    "Exit status: 0 every document produced, 1 some failed or a file of the run not written, 2 usage error,\n"
    "75 another run is writing the output folder, 143/130 stopped by SIGTERM/SIGINT (run again with --resume).\n";

namespace {

void define_run(CLI::App& app, RunArgs& a) {
    auto* run =
        app.add_subcommand("run",
                           "Make the memo (PDF) and tracking workbook (.xlsx) of each agency, on parallel workers; "
                           "<DIR>/manifest.json records inputs, outputs and findings with their SHA-256.");
    run->add_option("INPUT", a.inputs, "a workbook, a CSV agency folder, or a folder of those (default: inputs)")
        ->type_name("INPUT");
    run->add_option("-o,--output", a.output, "the output folder (default: outputs)")->type_name("DIR");
    run->add_option("--font", a.font, "the font family (default: the template's, else Laksaman)")->type_name("FAMILY");
    run->add_option("--fonts", a.fonts,
                    "look for fonts in DIR first (may be repeated; saraban's fonts stay the fallback)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    run->add_flag("--no-system-fonts", a.no_system_fonts,
                  "never take a character from the system's fonts (the same bytes on any machine)");
    run->add_option("-j,--jobs", a.jobs, "N workers, 1 to 1024 (default: one per CPU this process may use)")
        ->type_name("N");
    run->add_flag("--resume", a.resume,
                  "skip agencies whose inputs, templates, fonts and outputs are unchanged since the manifest");
    run->add_option("--shard", a.shard,
                    "make only the K-th of N parts of the batch (manifest-K-of-N.json); without it the part comes "
                    "from JOB_COMPLETION_INDEX (0-based) or SLURM_ARRAY_TASK_ID (1-based), N from --shards")
        ->type_name("K/N");
    run->add_option("--shards", a.shards,
                    "the number of parts N, when the scheduler's environment gives the part (or SARABAN_SHARDS; "
                    "docs/distributed.md)")
        ->type_name("N");
    run->add_option("--previous", a.previous,
                    "last round's outputs: DIR/x.xlsx is compared with agency x, and the memo says what moved")
        ->type_name("DIR");
    run->add_option("--digits", a.digits, "the memo's digits (default: thai)")->type_name("thai|arabic");
    run->add_option("--draft", a.draft, "an editable x.docx beside each x.pdf (default: docx; docs/docx.md)")
        ->type_name("none|docx");
    run->add_option("--progress", a.progress,
                    "a bar (default on a terminal), a line per agency (default otherwise), or only problems")
        ->type_name("bar|lines|none");
    run->add_option("--templates", a.templates, "take the templates and ITA tables from DIR")->type_name("DIR");
    run->add_option("--limit", a.limits,
                    "raise or lower a limit on an input's size (rows=200000, part-bytes=64MiB; may be repeated; "
                    "every limit, its default and why: docs/limits.md)")
        ->type_name("NAME=VALUE")
        ->allow_extra_args(false);
    run->footer(kNotes);
}

void define_others(CLI::App& app, CommandLine& c) {
    auto* init = app.add_subcommand(
        "init",
        "Write a blank input workbook to fill in: PATH.xlsx, or PATH/agency.xlsx (default: the current folder); "
        "never overwrites.");
    init->add_option("PATH", c.init.path, "the workbook (x.xlsx) or folder to write")->type_name("PATH");
    init->add_flag("--csv", c.init.csv, "an agency folder of CSV files instead (default PATH: agency)");

    auto* merge = app.add_subcommand(
        "merge", "Join the manifests of a batch's shards; exit 1 if an agency is missing or doubled.");
    merge->add_option("MANIFEST", c.merge.manifests, "the shards' manifests (manifest-K-of-N.json)")
        ->type_name("MANIFEST")
        ->required();
    merge->add_option("-o,--output", c.merge.output, "the merged manifest to write")
        ->type_name("MERGED.json")
        ->required();

    auto* bench = app.add_subcommand(
        "bench", "Time N synthetic agencies (made from the sample workbook) through the run's code path.");
    bench->add_option("-n,--agencies", c.bench.agencies, "how many agencies (default: 100)")->type_name("N");
    bench->add_option("-j,--jobs", c.bench.jobs, "N workers, 1 to 1024 (default: one per CPU)")->type_name("N");
    bench->add_option("--keep", c.bench.keep, "write the outputs to DIR and keep them")->type_name("DIR");
    bench
        ->add_option("--sample", c.bench.sample,
                     "the workbook the agencies are made from (default: inputs/sample.xlsx)")
        ->type_name("FILE");

    auto* typeset = app.add_subcommand(
        "typeset", "Set a UTF-8 text, one paragraph a line, in the memo's body style (for proofing fonts).");
    typeset->add_option("FILE.txt", c.typeset.input, "the text")->type_name("FILE.txt")->required();
    typeset->add_option("-o,--output", c.typeset.output, "the PDF to write")->type_name("OUT.pdf")->required();
    typeset->add_option("--font", c.typeset.font, "the font family (default: Laksaman)")->type_name("FAMILY");
    typeset->add_option("--fonts", c.typeset.fonts, "look for fonts in DIR first (may be repeated)")
        ->type_name("DIR")
        ->allow_extra_args(false);
    typeset->add_flag("--no-system-fonts", c.typeset.no_system_fonts, "never take a character from the system's fonts");
}

// Lines of at most width columns, each continued line indented by indent.
std::string wrap(const std::vector<std::string>& words, std::size_t first_width, std::size_t width,
                 std::size_t indent) {
    std::string out, line;
    std::size_t limit = first_width;
    for (const auto& w : words) {
        if (!line.empty() && line.size() + 1 + w.size() > limit) {
            out += line + "\n";
            line = std::string(indent, ' ');
            limit = width;
        } else if (!line.empty() && line.back() != ' ') {
            line += ' ';
        }
        line += w;
    }
    return out + line;
}

std::vector<std::string> split_words(const std::string& text) {
    std::vector<std::string> words;
    std::size_t at = 0;
    while (at < text.size()) {
        const std::size_t end = std::min(text.find(' ', at), text.size());
        if (end > at) words.push_back(text.substr(at, end - at));
        at = end + 1;
    }
    return words;
}

// CLI11's page for a command, headed by saraban's usage line for it, then its description wrapped; a positional
// named once ("INPUT ...", not "INPUT INPUT ...").
class Formatter : public CLI::Formatter {
public:
    std::string make_usage(const CLI::App* app, std::string) const override {
        return "usage: " + usage_line(*app) + "\n\n" + wrap(split_words(app->get_description()), 110, 110, 0) + "\n";
    }
    std::string make_description(const CLI::App*) const override { return ""; }  // under the usage line
    std::string make_option_opts(const CLI::Option* o) const override {
        if (o->get_positional()) return o->get_expected_max() > 1 ? " ..." : "";
        return CLI::Formatter::make_option_opts(o);
    }
};

}  // namespace

CommandLine::CommandLine() {
    app.formatter(std::make_shared<Formatter>());  // before the commands, which take it from app
    app.option_defaults()->multi_option_policy(CLI::MultiOptionPolicy::TakeLast);  // -o a -o b: b, as before
    app.add_flag("--version", version, "saraban's version and those of the libraries it uses");
    app.add_flag("--man-page", man_page)->group("");
    app.add_flag("--bash-completion", bash_completion)->group("");
    app.require_subcommand(0, 1);
    define_run(app, run);
    define_others(app, *this);
}

std::vector<const CLI::Option*> visible_options(const CLI::App& command) {
    std::vector<const CLI::Option*> out;
    for (const CLI::Option* o : command.get_options())
        if (o != command.get_help_ptr() && o != command.get_help_all_ptr() && !o->get_group().empty()) out.push_back(o);
    return out;
}

std::string option_synopsis(const CLI::Option& o) {
    const bool repeated = o.get_expected_max() > 1 || o.get_multi_option_policy() == CLI::MultiOptionPolicy::TakeAll;
    if (o.get_positional()) return o.get_type_name() + (repeated ? "..." : "");
    const std::string name = o.get_snames().empty() ? "--" + o.get_lnames().front() : "-" + o.get_snames().front();
    return o.get_type_name().empty() ? name : name + " " + o.get_type_name();  // a flag has no type
}

std::string usage_line(const CLI::App& command) {
    std::vector<std::string> words = {"saraban", command.get_name()};
    for (const CLI::Option* o : visible_options(command)) {
        const bool repeated = !o->get_positional() && o->get_expected_max() > 1;
        std::string s = option_synopsis(*o);
        words.push_back(o->get_required() ? s : "[" + s + "]" + (repeated ? "..." : ""));
    }
    // Each word keeps its value ("[-o DIR]" is never cut): words are joined here, then wrapped.
    return wrap(words, 103, 110, 19);
}

std::string usage_page(const CLI::App& app) {
    std::string out = "usage: ";
    bool first = true;
    for (const CLI::App* command : app.get_subcommands([](const CLI::App*) { return true; })) {
        if (command->get_group().empty()) continue;
        out += (first ? "" : "       ") + usage_line(*command) + "\n";
        out += "           " + wrap(split_words(command->get_description()), 99, 110, 11) + "\n";
        first = false;
    }
    out +=
        "       saraban --help | --version\n"
        "       saraban COMMAND --help: the command's options, each with what it does\n\n";
    return out + kNotes;
}

}  // namespace saraban::cli
