// The overview's rows kept on disk while a run goes on (an anonymous temporary file), in the order they are added,
// and read back one at a time when the workbook is written: a 100,000-agency run holds none of them in memory.
#pragma once

#include <cstddef>
#include <cstdio>
#include <string>

#include "render/xlsx/overview_workbook.h"

namespace saraban::batch {

class OverviewSpool {
public:
    OverviewSpool();
    ~OverviewSpool();
    OverviewSpool(const OverviewSpool&) = delete;
    OverviewSpool& operator=(const OverviewSpool&) = delete;

    void add(const render::AgencyRow& row);  // also adds it to summary()
    const render::OverviewSummary& summary() const { return summary_; }

    // Starts reading from the first row; then next(row) gives each in order and false after the last.
    void rewind();
    bool next(render::AgencyRow& row);

    // "" or the first failure (no temporary file, a full disk): the overview cannot be written then.
    const std::string& error() const { return error_; }

private:
    void fail(const char* what);

    std::FILE* file_;
    render::OverviewSummary summary_;
    std::size_t read_ = 0;  // rows next() gave since rewind()
    std::string error_;
};

}  // namespace saraban::batch
