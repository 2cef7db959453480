#include "cli/help.h"

#include <algorithm>

namespace saraban::cli {

namespace {

// Text for roff: a leading dot or quote would be a request, a backslash an escape, a hyphen may become a dash.
std::string roff(const std::string& text) {
    std::string out;
    for (char c : text) {
        if (c == '\\')
            out += "\\e";
        else if (c == '-')
            out += "\\-";
        else
            out += c;
    }
    if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out = "\\&" + out;
    return out;
}

// "-o, --output DIR": every name of an option, as its entry in the man page.
std::string all_names(const CLI::Option& o) {
    if (o.get_positional()) return o.get_type_name();
    std::string names;
    for (const auto& s : o.get_snames()) names += (names.empty() ? "-" : ", -") + s;
    for (const auto& l : o.get_lnames()) names += (names.empty() ? "--" : ", --") + l;
    return o.get_type_name().empty() ? names : names + " " + o.get_type_name();  // a flag has no type
}

// "bar|lines|none" → "bar lines none": an option's choices, as its type name lists them.
std::string words_of(std::string choices) {
    std::replace(choices.begin(), choices.end(), '|', ' ');
    return choices;
}

std::vector<const CLI::App*> commands(const CLI::App& app) {
    std::vector<const CLI::App*> out;
    for (const CLI::App* c : app.get_subcommands([](const CLI::App*) { return true; }))
        if (!c->get_group().empty()) out.push_back(c);
    return out;
}

const char* const kManTail = R"(.SH FILES
Each of
.I templates/
(the memo templates and the ITA tables),
.I fonts/
(Laksaman, the default family, and DejaVu Sans, the fallback) and
.I inputs/sample.xlsx
(bench's sample) is taken from the first of these folders that holds it:
.IP 1. 3
.B $SARABAN_DATA_DIR
.IP 2. 3
the folder of the saraban binary, then the folder above it (a build tree: build/saraban finds the source's)
.IP 3. 3
.I share/saraban
beside the binary's folder (/usr/bin/saraban: /usr/share/saraban), then the install prefix saraban was built for.
.PP
The current folder is not looked in.
.B \-\-templates
DIR replaces the lookup of templates/;
.B \-\-fonts
DIR is searched before the fonts found there, which stay searched: a folder given adds fonts and never hides
the fallback. An installed saraban's fonts are links to Debian's (fonts\-tlwg\-laksaman\-ttf, fonts\-dejavu\-core).
.SH ENVIRONMENT
.TP
.B SARABAN_DATA_DIR
a folder holding templates/ and fonts/, looked in first.
.TP
.B JOB_COMPLETION_INDEX
a Kubernetes Indexed Job's index (0\-based): run makes that part of the batch, of N from
.B \-\-shards
or
.BR SARABAN_SHARDS .
.TP
.B SLURM_ARRAY_TASK_ID
a Slurm job array's task (1\-based: \-\-array=1\-N): run makes that part of the batch, of N from
.B \-\-shards
or
.BR SARABAN_SHARDS
(never from the array's own count: a task resubmitted alone sees a count of 1).
.TP
.B SARABAN_SHARDS
the number of parts N, when
.B \-\-shards
is not given.
.SH EXIT STATUS
0 every document produced; 1 some failed, or a file of the run itself could not be written; 2 usage error
(nothing is made); 75 another run is writing the same output folder and shard; 143 or 130 stopped by SIGTERM
or SIGINT (run again with \-\-resume).
.SH SEE ALSO
The README and docs/ in /usr/share/doc/saraban: docs/input\-workbook.md (the input), docs/limits.md (every
\-\-limit); templates/README.md beside the templates (/usr/share/saraban/templates): the template language.
)";

}  // namespace

std::string man_page(const CLI::App& app, const std::string& version) {
    std::string out = ".TH SARABAN 1 \"\" \"saraban " + version +
                      "\" \"User Commands\"\n.SH NAME\n"
                      "saraban \\- Thai ITA workbooks in, official memo PDFs out\n.SH SYNOPSIS\n.nf\n";
    for (const CLI::App* c : commands(app)) out += roff(usage_line(*c)) + "\n";
    out += "saraban \\-\\-help | \\-\\-version\n.fi\n.SH DESCRIPTION\n" + roff(app.get_description()) +
           "\nEach command prints its options with\n.BR \"saraban COMMAND \\-\\-help\" .\n.SH COMMANDS\n";
    for (const CLI::App* c : commands(app)) {
        out += ".SS " + c->get_name() + "\n" + roff(c->get_description()) + "\n";
        for (const CLI::Option* o : visible_options(*c))
            out += ".TP\n.B " + roff(all_names(*o)) + "\n" + roff(o->get_description()) + "\n";
    }
    return out + kManTail;
}

std::string bash_completion(const CLI::App& app) {
    std::string command_names, cases;
    for (const CLI::App* c : commands(app)) {
        command_names += c->get_name() + " ";
        std::string options = "--help", folders, choices;
        for (const CLI::Option* o : visible_options(*c)) {
            if (o->get_positional()) continue;
            std::string names;  // every name of the option, as a case pattern: "-o|--output"
            for (const auto& s : o->get_snames()) names += (names.empty() ? "-" : "|-") + s;
            for (const auto& l : o->get_lnames()) names += (names.empty() ? "--" : "|--") + l;
            options += " " + words_of(names);
            const std::string type = o->get_type_name();
            if (type == "DIR")
                folders += (folders.empty() ? "" : "|") + names;
            else if (type.find('|') != std::string::npos)
                choices += "      " + names + ") COMPREPLY=($(compgen -W \"" + words_of(type) +
                           "\" -- \"$cur\")); return ;;\n";
        }
        cases += "    " + c->get_name() + ")\n      options=\"" + options + "\"\n      case $prev in\n";
        if (!folders.empty()) cases += "      " + folders + ") COMPREPLY=($(compgen -d -- \"$cur\")); return ;;\n";
        cases += choices + "      esac ;;\n";
    }
    return "# bash completion for saraban, made by `saraban --bash-completion` from its command line's definitions\n"
           "_saraban() {\n  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]} options\n"
           "  if ((COMP_CWORD == 1)); then\n    COMPREPLY=($(compgen -W \"" +
           command_names + "--help --version\" -- \"$cur\"))\n    return\n  fi\n  case ${COMP_WORDS[1]} in\n" + cases +
           "    *) return ;;\n  esac\n  if [[ $cur == -* ]]; then\n"
           "    COMPREPLY=($(compgen -W \"$options\" -- \"$cur\"))\n"
           "  else\n    COMPREPLY=($(compgen -f -- \"$cur\"))\n  fi\n}\ncomplete -o filenames -F _saraban saraban\n";
}

}  // namespace saraban::cli
