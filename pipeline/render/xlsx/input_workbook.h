// A blank input workbook for `saraban init`: what staff fill in, in Excel or LibreOffice, for an agency's first
// round. Its sheets and keys come from the input contract (model/input_contract.h, docs/input-workbook.md):
//
//   คำแนะนำ    how to fill it in, in Thai
//   หนังสือ     every key of the memo's header, value empty, with what to write and an example beside it; a
//              comment on each required key
//   คะแนน      the header, and one example row
//   มาตรการ     the header, example rows of a measure and its steps; the status a dropdown of the three statuses
//   ตัวแปร      the optional facts the default templates use, values empty
//
// Example rows start with "ตัวอย่าง" in their first cell: ingest does not read them, so they may stay. Filled in,
// the workbook is an input saraban reads (tests/cli/init_test.cpp round-trips it, through LibreOffice too).
//
// Example:
//   if (std::string error = render::write_blank_input_workbook("inputs/agency.xlsx.tmp"); error.empty()) …
#pragma once

#include <string>

namespace saraban::render {

// Writes the blank workbook to path; "" on success, else what went wrong (the file is then removed). The same
// bytes every time. Like write_tracking_workbook, it writes path directly: give it a temporary name.
std::string write_blank_input_workbook(const std::string& path);

// The same content as a folder of CSV files (UTF-8 with a byte-order mark, which Excel needs to read Thai):
// หนังสือ.csv, คะแนน.csv, มาตรการ.csv, ตัวแปร.csv, and คำแนะนำ.txt. The folder must exist and hold none of them.
std::string write_blank_input_csv(const std::string& folder);

}  // namespace saraban::render
