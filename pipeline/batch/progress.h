// What a run tells while it goes on: findings as each agency finishes (never interleaved between workers), and
// either a line per agency (logs) or a bar redrawn in place (a terminal). Thread-safe.
#pragma once

#include <chrono>
#include <mutex>
#include <ostream>
#include <string>

#include "batch/batch.h"

namespace saraban::batch {

class Progress {
public:
    Progress(std::ostream& log, ProgressStyle style, int total);

    // Prints lines (each ending with '\n') as one block, above the bar.
    void print(const std::string& lines);
    // An agency finished: its findings (already formatted lines) and outcome ("produced", "failed", "unchanged").
    void finished(const std::string& id, const std::string& lines, const std::string& outcome, bool failed);
    // Ends the bar's line.
    void close();

private:
    void draw(bool force);
    void clear_bar();

    std::ostream& log_;
    ProgressStyle style_;
    int total_;
    int done_ = 0;
    int failed_ = 0;
    bool bar_shown_ = false;
    std::chrono::steady_clock::time_point start_ = std::chrono::steady_clock::now();
    std::chrono::steady_clock::time_point last_draw_{};
    std::mutex mutex_;
};

}  // namespace saraban::batch
