// saraban bench: N synthetic agencies shaped like the seed (inputs/sample.xlsx read once, then names and numbers
// varied in memory) through run_agencies, the code path of `saraban run`, into a temporary output folder; prints
// CPU time per stage and per agency, wall time, throughput and peak memory.
#pragma once

#include <ostream>
#include <string>

namespace saraban::batch {

struct BenchOptions {
    int agencies = 100;
    int jobs = 0;               // 0: one per core
    std::string sample;         // the workbook the agencies are made from
    std::string fonts_dir;
    std::string templates_dir;
    std::string keep_dir;       // write the outputs here and keep them; empty: a temporary folder, removed
    std::string version;
    std::string allocator;      // the program's malloc, named in the report
};

// Runs the benchmark; the report goes to out, problems to log. Returns the exit status (0, or 1 when an agency
// failed or the sample cannot be read).
int bench(const BenchOptions& options, std::ostream& out, std::ostream& log);

}  // namespace saraban::batch
