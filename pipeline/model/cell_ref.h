// Where a value came from: file, sheet and cell. Every record of the model keeps one, so that any stage can
// point the user at the cell to fix.
#pragma once

#include <string>

namespace saraban::model {

// A place in an input file. Rows and columns are 1-based; 0 means "the whole sheet" (row) or "the whole row" (col).
struct CellRef {
    std::string file;   // the path as the user gave it, e.g. "inputs/sbn.xlsx"
    std::string sheet;  // the sheet's name as written in the workbook; empty for a file-level problem
    int row = 0;
    int col = 0;

    bool operator==(const CellRef&) const = default;
};

// "C5" for row 5, col 3; "" for row 0; "5" (the row) for col 0.
std::string cell_name(int row, int col);

// "inputs/x.xlsx: sheet คะแนน, cell C5" (or "…: sheet คะแนน, row 5", "…: sheet คะแนน", "inputs/x.xlsx"); for a
// text file (no sheet), "templates/memo.xml:12:5" (file:line:column).
std::string to_string(const CellRef& at);

}  // namespace saraban::model
