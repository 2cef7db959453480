// Writing outputs safely: a name derived from any input stays inside the output folder, and a file appears under
// its final name only once it is complete.
#pragma once

#include <functional>
#include <string>
#include <string_view>
#include <vector>

#include "text/file_errors.h"

namespace saraban::batch {

// A file name safe in any folder: path separators, "..", control characters and leading dots removed; Thai kept.
// Never empty (falls back to "document"); at most 120 bytes, cut on a UTF-8 boundary.
std::string safe_file_stem(std::string_view name);

// Writes bytes to path through a temporary file in the same folder, fsync and a rename (then the folder's fsync),
// so that neither a killed run nor a power cut leaves a half-written file under the final name. Returns an empty
// string, or what went wrong.
std::string write_atomically(const std::string& path, const std::vector<unsigned char>& bytes);
std::string write_atomically(const std::string& path, std::string_view bytes);

// fsync of the folder holding path, so that a rename into it survives a power cut. Returns "" or what went wrong.
std::string sync_folder_of(const std::string& path);

// The same for a writer that can only write to a path (libxlsxwriter): write(temp_path) returns "" or its error;
// on success the temporary file is renamed to path, on failure removed.
std::string write_atomically_with(const std::string& path, const std::function<std::string(const std::string&)>& write);

// The temporary name beside path that write_atomically uses ("x.pdf.tmp1234": same folder, so that the rename
// stays within one file system; the pid keeps parallel runs apart and lets a later run remove what a killed one
// left).
std::string temporary_name(const std::string& path);

// What went wrong writing a file of the run, in Thai and English (text/file_errors.h).
using text::write_error;

// Writes bytes to path, whole (no sync, no rename: for a temporary name that GroupCommit renames later).
std::string write_file(const std::string& path, std::string_view bytes);

// A file written in pieces under its temporary name (temporary_name) and given its final name by commit(), as
// write_atomically does at once: for a file too large to hold in memory (a manifest of 100,000 agencies).
// Destroyed without commit(), it removes the temporary file.
class AtomicFile {
public:
    explicit AtomicFile(std::string path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    void append(std::string_view bytes);  // buffered; a failure is kept for commit() to return
    // Writes what is buffered, fsyncs, renames and syncs the folder. Returns "" or the first error (the temporary
    // file is then removed).
    std::string commit();

private:
    void flush();

    std::string path_, temp_;
    int fd_ = -1;
    std::string buffer_;
    std::string error_;
};

// Picks "stem.ext", or "stem-2.ext", "stem-3.ext", … when taken(name) says the name is already taken in this run
// (the caller then records it as taken).
std::string unique_name(const std::string& stem, const std::string& ext,
                        const std::function<bool(const std::string&)>& taken);

}  // namespace saraban::batch
