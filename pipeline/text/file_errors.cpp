#include "text/file_errors.h"

#include <unistd.h>

#include <cerrno>
#include <cstring>

namespace saraban::text {
namespace {

// The reasons a secretariat's operator meets, in Thai; others say so and keep the system's English words.
const char* thai_reason(int error_number) {
    switch (error_number) {
        case ENOSPC:
            return "ดิสก์เต็ม";
        case EDQUOT:
            return "เกินโควตาดิสก์";
        case EACCES:
        case EPERM:
            return "ไม่มีสิทธิ์เขียน";
        case EROFS:
            return "ดิสก์เขียนไม่ได้ (อ่านได้อย่างเดียว)";
        case EIO:
            return "ดิสก์ขัดข้อง";
        case ENOENT:
            return "ไม่พบโฟลเดอร์";
        case EISDIR:
            return "มีโฟลเดอร์ชื่อเดียวกันขวางอยู่";
        case EFBIG:
            return "ไฟล์ใหญ่เกินที่ระบบยอม";
        default:
            return "ระบบแจ้งข้อผิดพลาด";
    }
}

}  // namespace

std::string write_error(const std::string& path, int error_number, const char* call) {
    std::string shown = path;
    const std::string suffix = ".tmp" + std::to_string(::getpid());
    if (shown.ends_with(suffix)) shown.resize(shown.size() - suffix.size());
    return shown + ": เขียนไฟล์ไม่ได้: " + thai_reason(error_number) +
           " (cannot write the file: " + (call ? std::string(call) + ": " : std::string()) +
           std::strerror(error_number) + ")";
}

}  // namespace saraban::text
