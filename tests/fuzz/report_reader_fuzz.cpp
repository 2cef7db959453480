// The report reader (workbook → model) on a workbook made from the input, either
// - a zip: an .xlsx (mutated part by part, zip_mutator.h), read by read_xlsx; or
// - text: the CSV files of an agency folder joined by form feeds, in the order of kSheets, so that mutations reach
//   the sheets' keys, headers, numbers, dates and statuses directly.
// Whatever the sheets hold, the answer is a report or diagnostics, never a crash.
#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

#include "fuzz/zip_mutator.h"
#include "ingest/csv_reader.h"
#include "ingest/report_reader.h"
#include "ingest/xlsx_reader.h"

namespace {

constexpr std::string_view kSheets[] = {"หนังสือ", "คะแนน", "มาตรการ", "ตัวแปร", "ตัวชี้วัด"};

saraban::ingest::Workbook csv_workbook(std::string_view text) {
    saraban::ingest::Workbook workbook;
    for (std::string_view sheet_name : kSheets) {
        const std::size_t end = std::min(text.find('\f'), text.size());
        const auto bytes = std::as_bytes(std::span(text.data(), end));
        auto sheet = saraban::ingest::read_csv(bytes, "fuzz.csv", sheet_name);
        if (sheet) workbook.sheets.push_back(std::move(sheet.sheet));
        if (end == text.size()) break;
        text.remove_prefix(end + 1);
    }
    return workbook;
}

}  // namespace

extern "C" std::size_t LLVMFuzzerCustomMutator(std::uint8_t* data, std::size_t size, std::size_t max_size,
                                               unsigned seed) {
    return saraban::fuzz::mutate_zip(data, size, max_size, seed);
}

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size >= 2 && data[0] == 'P' && data[1] == 'K') {
        (void)saraban::ingest::read_report_xlsx(std::as_bytes(std::span(data, size)), "fuzz.xlsx");
        return 0;
    }
    const auto workbook = csv_workbook({reinterpret_cast<const char*>(data), size});
    (void)saraban::ingest::read_report(workbook, "fuzz");
    return 0;
}
