// What went wrong writing a file, in the words an operator reads, for every stage that writes one (the batch's
// outputs, and the tracking workbook that libxlsxwriter writes itself).
#pragma once

#include <string>

namespace saraban::text {

// In Thai and English, named as the user will look for it (a temporary name without its ".tmp1234"):
// "out/x.pdf: เขียนไฟล์ไม่ได้: ดิสก์เต็ม (cannot write the file: No space left on device)". call names the system
// or library call when it is not a plain write ("fdatasync", "workbook_close").
std::string write_error(const std::string& path, int error_number, const char* call = nullptr);

}  // namespace saraban::text
