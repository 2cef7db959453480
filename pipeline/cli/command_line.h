// saraban's command line, defined once with CLI11 (Debian's libcli11-dev): the parser, each command's --help, the
// usage lines of errors, the man page and the bash completion (help.h) all come from these definitions.
// Values that need saraban's own rules (-j, --shard, --limit, …) are taken as text and checked by the command,
// whose messages say what is wrong in saraban's words.
#pragma once

#include <CLI/CLI.hpp>

#include <string>
#include <vector>

namespace saraban::cli {

struct RunArgs {
    std::vector<std::string> inputs;
    std::string output = "outputs";
    std::vector<std::string> fonts;  // --fonts, in order
    std::string font;
    bool no_system_fonts = false;
    std::string jobs;
    bool resume = false;
    std::string shard;
    std::string shards;
    std::string previous;
    std::string digits;
    std::string draft;
    std::string progress;
    std::string templates;
    std::vector<std::string> limits;
};

struct InitArgs {
    std::string path;
    bool csv = false;
};

struct MergeArgs {
    std::vector<std::string> manifests;
    std::string output;
};

struct BenchArgs {
    std::string agencies;
    std::string jobs;
    std::string keep;
    std::string sample;
};

struct TypesetArgs {
    std::string input;
    std::string output;
    std::string font;
    std::vector<std::string> fonts;
    bool no_system_fonts = false;
};

// The whole command line: after app.parse, the chosen command's arguments are in its struct.
struct CommandLine {
    // ASCII: groff, which shows the man page, drops the marks of Thai letters.
    CLI::App app{"Thai ITA workbooks in, official memo PDFs and tracking workbooks out.", "saraban"};
    bool version = false;
    bool man_page = false;         // hidden: print the man page (the build writes saraban.1 with it)
    bool bash_completion = false;  // hidden: print the bash completion script
    RunArgs run;
    InitArgs init;
    MergeArgs merge;
    BenchArgs bench;
    TypesetArgs typeset;
    CommandLine();
    CommandLine(const CommandLine&) = delete;
    CommandLine& operator=(const CommandLine&) = delete;
};

// What the commands' options are, for the pages made from them: the options of a command but its --help.
std::vector<const CLI::Option*> visible_options(const CLI::App& command);

// One option as a usage line shows it: "-o DIR", "--resume", "INPUT...", "--limit NAME=VALUE".
std::string option_synopsis(const CLI::Option& option);

// "saraban run [INPUT...] [-o DIR] …", wrapped at 110 columns, continued lines indented under the first option.
std::string usage_line(const CLI::App& command);

// `saraban --help`: every command's usage line and what it does, then what they share.
std::string usage_page(const CLI::App& app);

// What every command's page ends with: inputs, fonts, exit status.
extern const char* const kNotes;

}  // namespace saraban::cli
