// A libFuzzer mutator for zip packages (.xlsx): it opens the zip, mutates the bytes of one part and zips it again,
// so that the XML parsers see mutated XML instead of a zip whose checksum or deflate stream a flipped bit broke.
// Inputs that are not a readable zip are mutated as plain bytes.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <random>
#include <string>
#include <utility>
#include <vector>

#include <zip.h>

extern "C" std::size_t LLVMFuzzerMutate(std::uint8_t* data, std::size_t size, std::size_t max_size);

namespace saraban::fuzz {

using Part = std::pair<std::string, std::string>;  // name, bytes

// The parts of a zip, or nothing when it cannot be read (or would be too large to mutate quickly).
inline std::vector<Part> unzip(const std::uint8_t* data, std::size_t size) {
    std::vector<Part> parts;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* source = zip_source_buffer_create(data, size, 0, &error);
    zip_t* archive = source ? zip_open_from_source(source, ZIP_RDONLY, &error) : nullptr;
    if (!archive) {
        if (source) zip_source_free(source);
        zip_error_fini(&error);
        return parts;
    }
    std::uint64_t total = 0;
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries && i < 1000; ++i) {
        zip_stat_t stat;
        if (zip_stat_index(archive, i, 0, &stat) != 0 || !(stat.valid & ZIP_STAT_SIZE)) continue;
        total += stat.size;
        if (total > (16u << 20)) return {};
        zip_file_t* file = zip_fopen_index(archive, i, 0);
        if (!file) continue;
        std::string bytes(stat.size, '\0');
        const zip_int64_t read = zip_fread(file, bytes.data(), bytes.size());
        zip_fclose(file);
        if (read < 0) continue;
        bytes.resize(std::size_t(read));
        parts.emplace_back(stat.name, std::move(bytes));
    }
    zip_discard(archive);
    zip_error_fini(&error);
    return parts;
}

// The parts zipped again (deflate level 1, to stay near the seeds' sizes); empty on failure.
inline std::vector<std::uint8_t> zip_parts(const std::vector<Part>& parts) {
    std::vector<std::uint8_t> out;
    zip_error_t error;
    zip_error_init(&error);
    zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
    if (!buffer) return out;
    zip_source_keep(buffer);
    zip_t* archive = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
    bool ok = archive != nullptr;
    for (const auto& [name, bytes] : parts) {
        if (!ok) break;
        zip_source_t* part = zip_source_buffer(archive, bytes.data(), bytes.size(), 0);
        const zip_int64_t index = part ? zip_file_add(archive, name.c_str(), part, ZIP_FL_ENC_UTF_8) : -1;
        if (index < 0) {
            if (part) zip_source_free(part);
            ok = false;
        } else {
            zip_set_file_compression(archive, zip_uint64_t(index), ZIP_CM_DEFLATE, 1);
        }
    }
    if (archive && (!ok || zip_close(archive) != 0)) {
        zip_discard(archive);
        ok = false;
    }
    zip_stat_t stat;
    if (ok && zip_source_stat(buffer, &stat) == 0 && zip_source_open(buffer) == 0) {
        out.resize(stat.size);
        if (zip_source_read(buffer, out.data(), stat.size) != zip_int64_t(stat.size)) out.clear();
        zip_source_close(buffer);
    }
    zip_source_free(buffer);
    zip_error_fini(&error);
    return out;
}

// The mutation: one part's bytes through libFuzzer's own mutator, the package zipped again.
inline std::size_t mutate_zip(std::uint8_t* data, std::size_t size, std::size_t max_size, unsigned seed) {
    std::vector<Part> parts = unzip(data, size);
    if (parts.empty()) return LLVMFuzzerMutate(data, size, max_size);
    std::minstd_rand random(seed);
    std::string& bytes = parts[random() % parts.size()].second;
    const std::size_t room = bytes.size() + 4096;
    bytes.resize(room);
    bytes.resize(LLVMFuzzerMutate(reinterpret_cast<std::uint8_t*>(bytes.data()), room - 4096, room));
    const std::vector<std::uint8_t> zipped = zip_parts(parts);
    if (zipped.empty() || zipped.size() > max_size) return LLVMFuzzerMutate(data, size, max_size);
    std::memcpy(data, zipped.data(), zipped.size());
    return zipped.size();
}

}  // namespace saraban::fuzz
