// The run's journal (<manifest>.journal): each agency's record appended as one JSON line when it is done, one
// write(2) each, so that a kill leaves at most a torn last line. It is also where the run keeps the records until
// the end: the final manifest reads each back by its place, so that memory does not grow with the batch.
#pragma once

#include <cstdint>
#include <mutex>
#include <optional>
#include <string>

#include "batch/manifest.h"

namespace saraban::batch {

class Journal {
public:
    // Where a record's line is in the file.
    struct Place {
        std::uint64_t offset = 0;
        std::uint32_t length = 0;
    };

    explicit Journal(const std::string& path);  // truncates: the manifest holds what the journal held
    ~Journal();
    Journal(const Journal&) = delete;
    Journal& operator=(const Journal&) = delete;

    bool ok() const { return fd_ >= 0; }
    // The first write that failed ("" when none): a journal with a hole cannot resume what it lost.
    std::string error() const;
    // Appends the record; nullopt when it could not be written whole (error() says why).
    std::optional<Place> append(const AgencyRecord& r);
    // The record at a place append returned; nullopt (and error set) if it cannot be read back.
    [[nodiscard]] std::optional<AgencyRecord> read(Place place, std::string& error) const;
    void remove();

private:
    std::string path_;
    int fd_ = -1;
    std::uint64_t size_ = 0;  // bytes written, torn writes included: the next line's offset
    std::string error_;
    mutable std::mutex mutex_;
};

}  // namespace saraban::batch
