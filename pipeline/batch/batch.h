// The run: every agency input through ingest → validate → compose → layout → render, on parallel workers, each
// document written atomically under the output folder; one agency's failure never stops the others. The run keeps a
// manifest (manifest.h) of what it made from what, so that --resume redoes only what changed or is missing, and a
// batch can be split over machines (--shard K/N) whose manifests `saraban merge` joins.
#pragma once

#include <functional>
#include <ostream>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "batch/shard.h"
#include "ingest/limits.h"
#include "ingest/report_reader.h"

namespace saraban::batch {

enum class ProgressStyle {
    none,   // only findings and errors
    lines,  // a line per finished agency ("[3/8] sbn.xlsx: produced"), for logs
    bar,    // one line redrawn in place (a terminal)
};

struct RunOptions {
    std::vector<std::string> inputs;  // workbooks, CSV agency folders, or folders of those
    std::string output_dir = "outputs";
    std::string fonts_dir;  // saraban's fonts/: Laksaman*.ttf and DejaVuSans.ttf (the fallback); "": none
    std::vector<std::string> extra_fonts_dirs;  // --fonts: searched before fonts_dir, which stays searched
    std::string templates_dir;        // holds the memo templates and the ITA tables
    std::string font_family;          // overrides the template's font; empty: the template's, else Laksaman
    bool system_fonts = true;         // the system's fonts (fontconfig) for what the fonts of the folders lack
    bool arabic_digits = false;       // --digits arabic: 0–9 instead of the memo's Thai digits
    bool draft_docx = true;           // --draft docx (default): an editable x.docx beside each x.pdf; none: off
    int jobs = 0;                     // parallel workers; 0: default_jobs()
    bool resume = false;              // skip agencies the manifest shows unchanged and whose outputs are intact
    std::string previous_dir;         // last round's outputs: DIR/x.xlsx is compared with agency x; empty: none
    Shard shard;                      // this machine's part of the batch
    std::string version;              // saraban's version, recorded in the manifest (a change redoes everything)
    ProgressStyle progress = ProgressStyle::none;
    ingest::Limits limits;            // --limit: how large an input may be (docs/limits.md)
    // Called (on the committer thread) after each agency is recorded in the journal; bench uses it to drop outputs.
    std::function<void(const AgencyRecord&)> on_finished;
};

// CPU seconds (of the worker threads) spent in each stage, summed over agencies.
struct StageTimes {
    double hash = 0;      // hashing inputs (and, with --resume, the outputs of skipped agencies)
    double read = 0;      // ingest
    double validate = 0;
    double compose = 0;
    double layout = 0;
    double pdf = 0;       // render to bytes
    double xlsx = 0;      // the tracking workbook, written to its temporary file
    double docx = 0;      // the editable draft, to bytes
    double write = 0;     // writing the PDF, hashing outputs, renames, journal
    double total() const { return hash + read + validate + compose + layout + pdf + xlsx + docx + write; }
    StageTimes& operator+=(const StageTimes& o);
};

struct RunSummary {
    int batch_agencies = 0;      // agencies in the whole batch (all shards)
    int inputs = 0;              // agencies in this shard
    int documents_written = 0;   // agencies whose outputs were made in this run
    int skipped = 0;             // --resume: agencies unchanged since the manifest
    int documents_failed = 0;    // agencies whose documents could not be produced
    int warnings = 0;
    bool usage_error = false;    // an input path does not exist, or nothing to do
    bool busy = false;           // another run holds this output folder (and shard): nothing was done
    std::vector<std::string> run_errors;  // the run's own files (manifest, journal, overview, findings) not written
    int stopped_by = 0;          // the signal that stopped the run (request_stop), 0 if it ran to the end
    int not_started = 0;         // agencies left pending by the stop, for --resume
    int jobs = 0;                // workers used
    double setup_seconds = 0;    // wall time before the first agency (tables, fonts, hashes of the environment)
    StageTimes stages;
    std::string manifest_path;
};

// One agency of a batch, however its report is obtained.
struct AgencySource {
    std::string id;     // relative to the input root; the manifest's key and the shard key
    std::string input;  // the path as given (for messages)
    std::string stem;   // the output name before .pdf/.xlsx/.docx (made unique across the whole batch by run_agencies)
    // Reads the report; empty: ingest::read_report_file(input).
    std::function<ingest::ReportResult()> read;
    // The input's files with their hashes; empty: input_hashes(input, id).
    std::function<std::vector<FileHash>(std::string& error)> hash_inputs;
};

// One worker per CPU this process may run on (sched_getaffinity: honours taskset, Slurm and cpuset limits; not a
// Kubernetes CPU quota, for which give -j).
int default_jobs();

// The files of one agency input with their SHA-256, named after the agency's id: the workbook ("sbn.xlsx"), or each
// file of a CSV folder ("sbn/คะแนน.csv"), so that the manifest does not depend on where the inputs are mounted.
[[nodiscard]] std::vector<FileHash> input_hashes(const std::string& input, const std::string& id, std::string& error);

// The agencies the inputs name, in order, with their ids (see RunOptions::inputs). A missing path is logged and
// sets usage_error. Entries of input folders that look like inputs and are not read (lock files, broken links,
// …) are added to skipped when it is given.
std::vector<AgencySource> collect_agencies(const std::vector<std::string>& inputs, std::ostream& log,
                                           bool& usage_error, std::vector<model::Diagnostic>* skipped = nullptr);

// Asks a running batch to stop: no new agency is begun; those in flight finish, and the manifest, overview and
// findings are written as at a normal end, the others pending. Async-signal-safe (for a SIGTERM/SIGINT handler).
// Returns whether a stop had already been asked for (a second signal: the caller may then end the process).
bool request_stop(int signal_number);

// Runs the batch. Findings and errors go to log, one line each ("inputs/x.xlsx: sheet คะแนน, cell C5: …").
RunSummary run(const RunOptions& options, std::ostream& log);

// Runs the given agencies (the whole batch: only options.shard's part is produced) exactly as run does.
// input_findings (the inputs skipped while collecting them) count as warnings and head findings.txt.
RunSummary run_agencies(std::vector<AgencySource> agencies, const RunOptions& options, std::ostream& log,
                        const std::vector<std::string>& input_findings = {});

// The folders fonts are looked for in, in order: options.extra_fonts_dirs, then options.fonts_dir.
std::vector<std::string> font_search_path(const RunOptions& options);

}  // namespace saraban::batch
