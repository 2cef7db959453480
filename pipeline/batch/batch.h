// The run: every input workbook through ingest → validate → compose → layout → render, each document written
// atomically under the output folder; one input's failure never stops the others.
#pragma once

#include <ostream>
#include <string>
#include <vector>

namespace saraban::batch {

struct RunOptions {
    std::vector<std::string> inputs;  // workbooks or folders of them
    std::string output_dir = "outputs";
    std::string fonts_dir;            // holds Laksaman*.ttf and DejaVuSans.ttf
    std::string templates_dir;        // holds the memo templates
    std::string font_family;          // overrides the template's font; empty: the template's, else Laksaman
};

struct RunSummary {
    int inputs = 0;              // input files found
    int documents_written = 0;
    int documents_failed = 0;    // inputs whose documents could not be produced
    int warnings = 0;
    bool usage_error = false;    // an input path does not exist, or nothing to do
};

// Runs the batch. Findings and errors go to log, one line each ("inputs/x.xlsx: sheet คะแนน, cell C5: …").
RunSummary run(const RunOptions& options, std::ostream& log);

// Sets a UTF-8 text file (one paragraph a line) in the memo's body style and writes the PDF to output.
// Returns an empty string or the error.
std::string typeset(const std::string& text_path, const std::string& output_path, const std::string& fonts_dir,
                    const std::string& font_family = "");

// The folder holding what saraban ships (fonts/, templates/): the current folder if it has them, else the
// folder above the executable's (build/saraban → .).
std::string find_resource_dir(const std::string& name);

}  // namespace saraban::batch
