// The .xlsx reader on any bytes: a zip of mutated parts (zip_mutator.h) or any other file. It must answer with a
// workbook or an error diagnostic, never crash, read out of bounds or throw.
#include <cstddef>
#include <cstdint>
#include <span>

#include "fuzz/zip_mutator.h"
#include "ingest/xlsx_reader.h"

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned seed) {
    return saraban::fuzz::mutate_zip(data, size, max_size, seed);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const auto bytes = std::as_bytes(std::span(data, size));
    (void)saraban::ingest::read_xlsx(bytes, "fuzz.xlsx");
    return 0;
}
