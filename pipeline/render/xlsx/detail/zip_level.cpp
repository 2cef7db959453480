#include "render/xlsx/detail/zip_level.h"

#include "render/xlsx/tracking_workbook.h"

#include <atomic>

#include <dlfcn.h>
#include <zlib.h>

namespace saraban::render::xlsx_detail {

namespace {

std::atomic<int> level_used{0};

using DeflateInit2 = int (*)(z_streamp, int, int, int, int, int, const char*, int);

// zlib's own deflateInit2_: the next definition after this program's, in the dynamic linker's search order.
DeflateInit2 zlib_deflate_init2() {
    static const DeflateInit2 real = reinterpret_cast<DeflateInit2>(dlsym(RTLD_NEXT, "deflateInit2_"));
    return real;
}

}  // namespace

}  // namespace saraban::render::xlsx_detail

int saraban::render::workbook_zip_level() {
    return xlsx_detail::level_used.load(std::memory_order_relaxed);
}

// zlib's entry point (what the deflateInit2() macro calls), defined again here: see zip_level.h for why.
extern "C" int deflateInit2_(z_streamp strm, int level, int method, int window_bits, int mem_level, int strategy,
                             const char* version, int stream_size) {
    using namespace saraban::render::xlsx_detail;
    const DeflateInit2 real = zlib_deflate_init2();
    if (!real) {
        level_used.store(-1, std::memory_order_relaxed);
        return Z_VERSION_ERROR;
    }
    // Raw deflate (negative window bits) is what zip entries hold; the zlib format (positive), which libharu asks
    // for when it compresses a picture for a PDF, keeps zlib's default.
    if (level == Z_DEFAULT_COMPRESSION && window_bits < 0) {
        level = kWorkbookZipLevel;
        level_used.store(level, std::memory_order_relaxed);
    }
    return real(strm, level, method, window_bits, mem_level, strategy, version, stream_size);
}
