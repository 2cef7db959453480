// saraban: Thai ITA workbooks in, official บันทึกข้อความ PDFs out.
//
// Steps, one folder each under pipeline/:
//   ingest   read the workbook (.xlsx) into the model, every problem tied to its cell
//   validate check the model against the rules of the ITA report
//   compose  fill the memo template with the data and what is computed from it
//   layout   shape, break and paginate the Thai text (HarfBuzz, ICU)
//   render   write the PDF (libharu); batch writes every output atomically
#include <cstring>
#include <iostream>
#include <string>
#include <vector>

#include "batch/batch.h"

namespace {

const char* const kUsage =
    "usage: saraban run [INPUT...] [-o DIR] [--font FAMILY]\n"
    "           produce the memos of each workbook (default: inputs/ → outputs/)\n"
    "       saraban typeset FILE.txt -o OUT.pdf [--font FAMILY]\n"
    "           set a UTF-8 text, one paragraph a line, in the memo's body style\n"
    "       saraban --help | --version\n"
    "\n"
    "INPUT is an .xlsx workbook or a folder of them. FAMILY is a font family whose TrueType files are in fonts/\n"
    "(default Laksaman; e.g. \"TH Sarabun New\" once its files are put there); --fonts DIR looks elsewhere.\n"
    "Exit status: 0 every document produced, 1 some failed, 2 usage error.\n";

int usage_error(const std::string& message) {
    std::cerr << "saraban: " << message << "\n" << kUsage;
    return 2;
}

int run_command(const std::vector<std::string>& args) {
    saraban::batch::RunOptions options;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" || args[i] == "--output") {
            if (i + 1 >= args.size()) return usage_error("-o needs a folder");
            options.output_dir = args[++i];
        } else if (args[i] == "--fonts") {
            if (i + 1 >= args.size()) return usage_error("--fonts needs a folder");
            options.fonts_dir = args[++i];
        } else if (args[i] == "--font") {
            if (i + 1 >= args.size()) return usage_error("--font needs a family name");
            options.font_family = args[++i];
        } else if (!args[i].empty() && args[i][0] == '-') {
            return usage_error("unknown option " + args[i]);
        } else {
            options.inputs.push_back(args[i]);
        }
    }
    if (options.inputs.empty()) options.inputs.push_back("inputs");
    if (options.fonts_dir.empty()) options.fonts_dir = saraban::batch::find_resource_dir("fonts");
    options.templates_dir = saraban::batch::find_resource_dir("templates");
    const auto summary = saraban::batch::run(options, std::cerr);
    std::cerr << "saraban: " << summary.inputs << " input(s), " << summary.documents_written << " document(s) written to "
              << options.output_dir << ", " << summary.documents_failed << " failed, " << summary.warnings
              << " warning(s)\n";
    if (summary.usage_error) return 2;
    return summary.documents_failed > 0 ? 1 : 0;
}

int typeset_command(const std::vector<std::string>& args) {
    std::string input, output, fonts, family;
    for (std::size_t i = 0; i < args.size(); ++i) {
        if (args[i] == "-o" && i + 1 < args.size()) output = args[++i];
        else if (args[i] == "--fonts" && i + 1 < args.size()) fonts = args[++i];
        else if (args[i] == "--font" && i + 1 < args.size()) family = args[++i];
        else if (!args[i].empty() && args[i][0] == '-') return usage_error("unknown option " + args[i]);
        else if (input.empty()) input = args[i];
        else return usage_error("typeset takes one text file");
    }
    if (input.empty() || output.empty()) return usage_error("typeset needs FILE.txt and -o OUT.pdf");
    if (fonts.empty()) fonts = saraban::batch::find_resource_dir("fonts");
    std::string error = saraban::batch::typeset(input, output, fonts, family);
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
    if (command == "typeset") return typeset_command(args);
    return usage_error("unknown command " + command);
}
