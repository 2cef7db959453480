#include "batch/output_file.h"

#include <cerrno>
#include <cstdio>
#include <cstring>
#include <filesystem>
#include <fcntl.h>
#include <unistd.h>

namespace fs = std::filesystem;

namespace saraban::batch {

std::string safe_file_stem(std::string_view name) {
    // Keep only the last path component, whatever separator the input used.
    std::size_t slash = name.find_last_of("/\\");
    if (slash != std::string_view::npos) name.remove_prefix(slash + 1);
    std::string out;
    for (char c : name) {
        unsigned char u = static_cast<unsigned char>(c);
        if (u < 0x20 || u == 0x7F || c == ':' || c == '*' || c == '?' || c == '"' || c == '<' || c == '>' || c == '|')
            out += '_';
        else
            out += c;
    }
    while (!out.empty() && (out.front() == '.' || out.front() == ' ')) out.erase(out.begin());
    while (!out.empty() && (out.back() == '.' || out.back() == ' ')) out.pop_back();
    if (out.size() > 120) {
        std::size_t cut = 120;
        while (cut > 0 && (static_cast<unsigned char>(out[cut]) & 0xC0) == 0x80) --cut;
        out.resize(cut);
    }
    return out.empty() ? "document" : out;
}

std::string unique_name(const std::string& stem, const std::string& ext,
                        const std::function<bool(const std::string&)>& taken) {
    std::string name = stem + ext;
    for (int n = 2; taken(name); ++n) name = stem + "-" + std::to_string(n) + ext;
    return name;
}

std::string temporary_name(const std::string& path) { return path + ".tmp" + std::to_string(::getpid()); }

std::string write_file(const std::string& path, std::string_view bytes) {
    const int fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd < 0) return write_error(path, errno);
    for (std::size_t done = 0; done < bytes.size();) {
        const ssize_t n = ::write(fd, bytes.data() + done, bytes.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) {
            std::string err = write_error(path, errno);
            ::close(fd);
            return err;
        }
        done += std::size_t(n);
    }
    return ::close(fd) == 0 ? std::string() : write_error(path, errno);
}

std::string sync_folder_of(const std::string& path) {
    const std::string folder = fs::path(path).parent_path().empty() ? "." : fs::path(path).parent_path().string();
    const int fd = ::open(folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        std::string err = write_error(folder, errno, "fsync");
        if (fd >= 0) ::close(fd);
        return err;
    }
    ::close(fd);
    return {};
}

std::string write_atomically_with(const std::string& path,
                                  const std::function<std::string(const std::string&)>& write) {
    const std::string temp = temporary_name(path);
    if (std::string error = write(temp); !error.empty()) {
        ::unlink(temp.c_str());
        return error;
    }
    // On disk before it gets its final name, so that a power cut cannot leave an empty file under it either.
    const int fd = ::open(temp.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0 || ::fsync(fd) != 0) {
        std::string err = write_error(temp, errno, "fsync");
        if (fd >= 0) ::close(fd);
        ::unlink(temp.c_str());
        return err;
    }
    ::close(fd);
    if (std::rename(temp.c_str(), path.c_str()) != 0) {
        std::string err = write_error(path, errno, "rename");
        ::unlink(temp.c_str());
        return err;
    }
    // The new name on disk too: without the folder's fsync a power cut may bring back the old file or none.
    return sync_folder_of(path);
}

AtomicFile::AtomicFile(std::string path) : path_(std::move(path)), temp_(temporary_name(path_)) {
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0644);
    if (fd_ < 0) error_ = write_error(path_, errno);
}

AtomicFile::~AtomicFile() {
    if (fd_ < 0) return;
    ::close(fd_);
    ::unlink(temp_.c_str());
}

void AtomicFile::append(std::string_view bytes) {
    buffer_ += bytes;
    if (buffer_.size() >= (1u << 16)) flush();  // 64 KB a write(2)
}

void AtomicFile::flush() {
    for (std::size_t done = 0; error_.empty() && done < buffer_.size();) {
        const ssize_t n = ::write(fd_, buffer_.data() + done, buffer_.size() - done);
        if (n < 0 && errno == EINTR) continue;
        if (n <= 0) error_ = write_error(path_, n < 0 ? errno : ENOSPC);
        else done += std::size_t(n);
    }
    buffer_.clear();
}

std::string AtomicFile::commit() {
    if (fd_ < 0) return error_;
    flush();
    if (error_.empty() && ::fsync(fd_) != 0) error_ = write_error(path_, errno, "fsync");
    ::close(fd_);
    fd_ = -1;
    if (error_.empty() && std::rename(temp_.c_str(), path_.c_str()) != 0) error_ = write_error(path_, errno, "rename");
    if (!error_.empty()) {
        ::unlink(temp_.c_str());
        return error_;
    }
    return sync_folder_of(path_);
}

std::string write_atomically(const std::string& path, std::string_view bytes) {
    return write_atomically_with(path, [&](const std::string& temp) { return write_file(temp, bytes); });
}

std::string write_atomically(const std::string& path, const std::vector<unsigned char>& bytes) {
    return write_atomically(path, std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
}

}  // namespace saraban::batch
