// Reads the cells of an .xlsx workbook (an Office Open XML zip) into a plain grid, within the limits of
// ingest/limits.h against hostile files. Bytes in, no path opened: the caller reads the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "ingest/limits.h"
#include "model/diagnostic.h"

namespace saraban::ingest {

// One non-empty cell. Rows and columns are 1-based.
struct Cell {
    enum class Kind { text, number, boolean, error };
    int row = 0;
    int col = 0;
    Kind kind = Kind::text;
    std::string text;     // text cells, errors ("#DIV/0!"), and the text of numbers/booleans as written in the XML
    double number = 0;    // number and boolean cells (boolean: 0 or 1); formula cells hold their cached value,
                          // numbers rounded to the 15 significant digits a spreadsheet shows (96.29000000000001
                          // in the file is 96.29; text keeps what the file wrote)
    bool is_date = false; // a number whose number format is a date or time format
};

// A merged region (<mergeCell ref="B2:D3"/>), 1-based and inclusive. Its value is the top-left cell's; the other
// cells of the region are empty (or absent) in the file.
struct MergedRange {
    int first_row = 0;
    int first_col = 0;
    int last_row = 0;
    int last_col = 0;

    bool contains(int row, int col) const {
        return row >= first_row && row <= last_row && col >= first_col && col <= last_col;
    }
};

struct Sheet {
    std::string name;         // as in workbook.xml, NFC
    bool hidden = false;      // state="hidden" or "veryHidden"
    std::vector<Cell> cells;  // row-major order, empty cells omitted
    std::string source;       // the file the sheet was read from when it is not the workbook's (a CSV's path)
    std::vector<MergedRange> merged;  // in file order; single-cell and malformed ranges left out
};

struct Workbook {
    std::vector<Sheet> sheets;  // in workbook order
    bool date1904 = false;      // the workbook uses the 1904 date system
};

struct [[nodiscard]] XlsxResult {
    Workbook workbook;
    std::vector<model::Diagnostic> diagnostics;  // errors stop reading; warnings do not

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

// Reads the workbook; reading stops with an error past any limit (zip entries, bytes inflated, XML elements,
// attributes and depth, rows, columns, cells, shared strings, one cell's text, merged ranges). file_name is used only in diagnostics. Never throws for bad input: an .xls, .ods (read_ods
// reads those), encrypted or broken file gives an error diagnostic naming the file (and the part or cell where reading stopped).
XlsxResult read_xlsx(std::span<const std::byte> bytes, std::string_view file_name, const Limits& limits = {});

}  // namespace saraban::ingest
