// Reads CSV files into the same grid of cells as an .xlsx workbook, so that one report reader handles both. An
// agency given as CSV is a folder holding one file per sheet, each named after its sheet (หนังสือ.csv, คะแนน.csv,
// มาตรการ.csv, ตัวแปร.csv, or memo.csv, scores.csv, …).
//
// Encodings: UTF-8 with or without a byte-order mark; UTF-16 LE or BE with one; TIS-620 / windows-874 (what Excel
// writes for "CSV" on a Thai Windows), recognised as text that is not UTF-8 and whose high bytes are all Thai.
// Fields: RFC 4180 quoting (line breaks and doubled quotes inside quotes); the separator, comma, semicolon or tab,
// is the one the header line uses most, unless Excel's first line "sep=;" (or "sep=," "sep=|", "sep=" and a tab)
// names it: then that line is not a row, and the line after it is row 1, as Excel shows the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/limits.h"
#include "ingest/xlsx_reader.h"
#include "model/diagnostic.h"

namespace saraban::ingest {

// Text decoded to UTF-8, or why it could not be.
struct DecodedText {
    std::string utf8;
    std::string encoding;  // "UTF-8", "UTF-16LE", "UTF-16BE", "windows-874"; empty when decoding failed
    std::vector<model::Diagnostic> diagnostics;
    // Decoding failed on a UTF-8 file (it has a byte-order mark or other UTF-8 text) with bytes that are not UTF-8:
    // utf8 holds the file's text as it is, so that the CSV reader can name each cell that holds such bytes.
    bool broken_utf8 = false;
};

// Decodes a text file's bytes as the header comment says, refusing text larger than max_bytes in UTF-8 as it
// decodes (a limit's setting, part-bytes). file_name is used only in diagnostics.
DecodedText decode_text(std::span<const std::byte> bytes, std::string_view file_name,
                        std::uint64_t max_bytes = Limits{}.max_part_uncompressed);

struct [[nodiscard]] CsvResult {
    Sheet sheet;
    std::vector<model::Diagnostic> diagnostics;  // errors stop reading

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Reads one CSV file's bytes into a sheet called sheet_name. Every cell is a text cell (the report reader reads
// numbers and dates written as text); empty cells are omitted. Rows are records: a quoted line break does not
// start a row, so "row 5" is the fifth row a spreadsheet shows when it opens the file.
CsvResult read_csv(std::span<const std::byte> bytes, std::string_view file_name, std::string_view sheet_name,
                   const Limits& limits = {});

// The CSV files (.csv, .tsv) of a folder, sorted by name; hidden files and Office lock files (~$x.csv) left out.
std::vector<std::string> csv_files_in(const std::string& folder);

// Reads every CSV file of a folder into a workbook: one sheet per file, named after the file without its
// extension, its source set to the file's path. Diagnostics name the CSV file.
XlsxResult read_csv_folder(const std::string& folder, const Limits& limits = {});

}  // namespace saraban::ingest
