#include "render/pdf/detail/flate.h"

#include <libdeflate.h>

#include <memory>
#include <new>

namespace saraban::render::detail {

namespace {

struct CompressorDeleter {
    void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// Measured on the sample memo's 14 content streams (244 KB): zlib's default level 7.5 ms, 41 KB; libdeflate's
// level 6 3.4 ms, 36 KB; level 4 2.0 ms, 39 KB; level 1 0.9 ms, 50 KB. Level 4: 8 % more bytes for 40 % less time.
constexpr int kLevel = 4;

}  // namespace

std::string flate(std::string_view data) {
    thread_local std::unique_ptr<libdeflate_compressor, CompressorDeleter> compressor(
        libdeflate_alloc_compressor(kLevel));
    if (!compressor) throw std::bad_alloc();
    std::string out(libdeflate_zlib_compress_bound(compressor.get(), data.size()), '\0');
    const std::size_t n = libdeflate_zlib_compress(compressor.get(), data.data(), data.size(), out.data(), out.size());
    out.resize(n);
    return out;
}

}  // namespace saraban::render::detail
