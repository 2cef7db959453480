// The CSV reader (its text decoding included) on any bytes: a sheet or error diagnostics, never a crash.
#include <cstddef>
#include <cstdint>
#include <span>

#include "ingest/csv_reader.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::as_bytes(std::span(data, size));
    (void)saraban::ingest::read_csv(bytes, "fuzz/มาตรการ.csv", "มาตรการ");
    return 0;
}
