#include "batch/journal.h"

#include "batch/output_file.h"

#include <fcntl.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace saraban::batch {

Journal::Journal(const std::string& path) : path_(path) {
    fd_ = ::open(path.c_str(), O_RDWR | O_CREAT | O_TRUNC | O_APPEND | O_CLOEXEC, 0644);
}

Journal::~Journal() {
    if (fd_ >= 0) ::close(fd_);
}

std::string Journal::error() const {
    std::lock_guard lock(mutex_);
    return error_;
}

std::optional<Journal::Place> Journal::append(const AgencyRecord& r) {
    const std::string line = to_journal_line(r);
    std::lock_guard lock(mutex_);
    if (fd_ < 0) return std::nullopt;
    const Place place{size_, std::uint32_t(line.size())};
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::write(fd_, line.data() + done, line.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            if (error_.empty()) error_ = write_error(path_, n < 0 ? errno : ENOSPC);
            return std::nullopt;
        }
        done += std::size_t(n);
        size_ += std::uint64_t(n);
    }
    return place;
}

std::optional<AgencyRecord> Journal::read(Place place, std::string& error) const {
    std::string line(place.length, '\0');
    std::size_t done = 0;
    while (done < line.size()) {
        const ssize_t n = ::pread(fd_, line.data() + done, line.size() - done, off_t(place.offset + done));
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            error = path_ + ": " + (n < 0 ? std::strerror(errno) : "shorter than written");
            return std::nullopt;
        }
        done += std::size_t(n);
    }
    auto record = parse_journal_line(line);
    if (!record) error = path_ + ": a record written by this run does not read back";
    return record;
}

void Journal::remove() {
    std::lock_guard lock(mutex_);
    if (fd_ >= 0) ::close(fd_);
    fd_ = -1;
    ::unlink(path_.c_str());
}

}  // namespace saraban::batch
