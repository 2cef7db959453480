#include "render/xlsx/detail/part_files.h"

#include "render/xlsx/tracking_workbook.h"

#include <dlfcn.h>
#include <sys/stat.h>
#include <sys/statvfs.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>

namespace saraban::render::xlsx_detail {

namespace {

std::atomic<unsigned long> opened{0};
thread_local unsigned long cut_short = 0;

// A part being assembled: libxlsxwriter writes it through stdio's buffer, rewinds it and reads it back.
struct MemoryPart {
    std::string bytes;
    std::size_t at = 0;

    static ssize_t read(void* cookie, char* out, std::size_t n) {
        auto& p = *static_cast<MemoryPart*>(cookie);
        const std::size_t k = std::min(n, p.at < p.bytes.size() ? p.bytes.size() - p.at : 0);
        if (k > 0) std::memcpy(out, p.bytes.data() + p.at, k);  // at may lie past the end after a seek
        p.at += k;
        return ssize_t(k);
    }
    static ssize_t write(void* cookie, const char* in, std::size_t n) {
        auto& p = *static_cast<MemoryPart*>(cookie);
        try {
            if (p.at + n > p.bytes.size()) p.bytes.resize(p.at + n);
        } catch (const std::bad_alloc&) {
            ++cut_short;
            return 0;  // fopencookie(3): 0 on error, never negative (glibc takes the result as a size_t)
        }
        std::memcpy(p.bytes.data() + p.at, in, n);
        p.at += n;
        return ssize_t(n);
    }
    static int seek(void* cookie, off64_t* offset, int whence) {
        auto& p = *static_cast<MemoryPart*>(cookie);
        const off64_t base = whence == SEEK_SET ? 0 : whence == SEEK_CUR ? off64_t(p.at) : off64_t(p.bytes.size());
        if (base + *offset < 0) return -1;
        p.at = std::size_t(base + *offset);
        *offset = off64_t(p.at);
        return 0;
    }
    static int close(void* cookie) {
        delete static_cast<MemoryPart*>(cookie);
        return 0;
    }
};

// What ends the folder of parts kept in memory: "/." names the folder itself, so the path stays a real folder.
constexpr std::string_view kInMemoryMark = "/.";

using TmpfileFunction = FILE* (*)(char*);

// libxlsxwriter's own lxw_tmpfile: the next definition after this program's, in the dynamic linker's order.
TmpfileFunction libxlsxwriter_tmpfile() {
    static const auto real = reinterpret_cast<TmpfileFunction>(dlsym(RTLD_NEXT, "lxw_tmpfile"));
    return real;
}

}  // namespace

// nullptr when $TMPDIR is set (libxlsxwriter then uses it); else /dev/shm when it is a writable folder with 1 GB
// free (tmpfs: creating, writing and deleting files there instead of on an ext4 /tmp took a tracking workbook from
// 3.5 to 3.0 ms CPU); else nullptr (libxlsxwriter's /tmp). Room is checked each time: libxlsxwriter does not check
// its writes to these files, so a part that does not fit would be cut short in the zip without an error, and a
// container's /dev/shm may be 64 MB, shared.
const char* part_file_folder() {
    static const bool use_shm = [] {
        if (const char* tmpdir = std::getenv("TMPDIR"); tmpdir && *tmpdir) return false;
        struct stat st;
        return stat("/dev/shm", &st) == 0 && S_ISDIR(st.st_mode) && access("/dev/shm", W_OK | X_OK) == 0;
    }();
    if (!use_shm) return nullptr;
    constexpr unsigned long long room = 1ull << 30;
    struct statvfs fs;
    if (statvfs("/dev/shm", &fs) != 0 || static_cast<unsigned long long>(fs.f_bavail) * fs.f_frsize < room)
        return nullptr;
    return "/dev/shm";
}

char* in_memory_parts() {
    static std::string folder = [] {
        const char* tmpdir = std::getenv("TMPDIR");
        const char* dir = tmpdir && *tmpdir ? tmpdir : part_file_folder();
        return std::string(dir ? dir : "/tmp") += kInMemoryMark;
    }();
    return folder.data();
}

std::FILE* open_memory_part() {
    auto* part = new (std::nothrow) MemoryPart;
    if (!part) return nullptr;
    const cookie_io_functions_t io{MemoryPart::read, MemoryPart::write, MemoryPart::seek, MemoryPart::close};
    std::FILE* file = fopencookie(part, "w+", io);
    if (!file) {
        delete part;
        return nullptr;
    }
    opened.fetch_add(1, std::memory_order_relaxed);
    return file;
}

unsigned long memory_parts_cut_short() { return cut_short; }

}  // namespace saraban::render::xlsx_detail

unsigned long saraban::render::workbook_parts_in_memory() {
    return xlsx_detail::opened.load(std::memory_order_relaxed);
}

// libxlsxwriter's entry point for a part's temporary file (xlsxwriter/utility.h), defined again here: see
// part_files.h for why.
extern "C" FILE* lxw_tmpfile(char* tmpdir) {
    using namespace saraban::render::xlsx_detail;
    if (tmpdir && std::string_view(tmpdir).ends_with(kInMemoryMark)) return open_memory_part();
    const TmpfileFunction real = libxlsxwriter_tmpfile();
    return real ? real(tmpdir) : nullptr;
}
