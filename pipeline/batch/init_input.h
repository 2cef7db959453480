// `saraban init`: a blank input workbook (or CSV folder) for a new agency, where the user asks for it.
#pragma once

#include <string>

namespace saraban::batch {

struct [[nodiscard]] InitResult {
    std::string written;  // what was made: the workbook's path, or the CSV folder's
    std::string error;    // "" on success; nothing is overwritten
};

// path: a workbook name ending in .xlsx, or a folder (made if missing) that gets agency.xlsx; with csv, the agency
// folder that gets หนังสือ.csv, คะแนน.csv, มาตรการ.csv, ตัวแปร.csv and คำแนะนำ.txt. An existing file is never
// overwritten: that is an error naming it. The workbook appears under its name only once it is whole.
[[nodiscard]] InitResult init_input(const std::string& path, bool csv);

}  // namespace saraban::batch
