#include "render/docx/detail/zip_package.h"

#include <zip.h>

#include <cstdio>

namespace saraban::render::detail {

namespace {

// 1 January 2000, 00:00 (UTC as the zip's DOS time has no zone): a fixed date, not the clock.
constexpr time_t kFixedTime = 946684800;
constexpr std::size_t kStoreBelow = 8192;

std::string zip_message(zip_error_t* error) { return std::string("zip: ") + zip_error_strerror(error); }

// Everything written to the in-memory source, read back.
std::string read_source(zip_source_t* source, std::string& error) {
    zip_stat_t stat;
    zip_stat_init(&stat);
    if (zip_source_open(source) != 0 || zip_source_stat(source, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) {
        error = zip_message(zip_source_error(source));
        return {};
    }
    std::string bytes(stat.size, '\0');
    const zip_int64_t got = zip_source_read(source, bytes.data(), stat.size);
    zip_source_close(source);
    if (got != zip_int64_t(stat.size)) {
        error = "zip: short read of the package";
        return {};
    }
    return bytes;
}

}  // namespace

std::string zip_parts(const std::vector<Part>& parts, int level, std::string& error) {
    zip_error_t ze;
    zip_error_init(&ze);
    zip_source_t* source = zip_source_buffer_create(nullptr, 0, 0, &ze);
    if (!source) return error = zip_message(&ze), std::string();
    zip_t* archive = zip_open_from_source(source, ZIP_TRUNCATE, &ze);
    if (!archive) {
        zip_source_free(source);
        return error = zip_message(&ze), std::string();
    }
    zip_source_keep(source);  // read back after zip_close
    for (const Part& part : parts) {
        zip_source_t* data = zip_source_buffer(archive, part.data.data(), part.data.size(), 0);
        const zip_int64_t index = data ? zip_file_add(archive, part.name.c_str(), data, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (data) zip_source_free(data);
            error = zip_message(zip_get_error(archive));
            zip_discard(archive);
            zip_source_free(source);
            return {};
        }
        zip_file_set_mtime(archive, zip_uint64_t(index), kFixedTime, 0);
        // Each deflated part costs zlib a fresh stream (~256 KB allocated and cleared): parts of a few KB are
        // stored, which saves more time than their bytes would.
        const bool deflate = part.deflate && part.data.size() > kStoreBelow;
        zip_set_file_compression(archive, zip_uint64_t(index), deflate ? ZIP_CM_DEFLATE : ZIP_CM_STORE,
                                 deflate ? zip_uint32_t(level) : 0);
    }
    if (zip_close(archive) != 0) {
        error = zip_message(zip_get_error(archive));
        zip_discard(archive);
        zip_source_free(source);
        return {};
    }
    std::string bytes = read_source(source, error);
    zip_source_free(source);
    return bytes;
}

}  // namespace saraban::render::detail
