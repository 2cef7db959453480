#include "batch/init_input.h"

#include <cctype>
#include <filesystem>

#include "batch/output_file.h"
#include "render/xlsx/input_workbook.h"

namespace fs = std::filesystem;

namespace saraban::batch {

InitResult init_input(const std::string& path, bool csv) {
    InitResult result;
    std::error_code ec;
    std::string extension = fs::path(path).extension().string();
    for (char& c : extension) c = char(std::tolower(static_cast<unsigned char>(c)));
    const bool names_workbook = !csv && extension == ".xlsx";
    const fs::path folder = names_workbook ? fs::path(path).parent_path() : fs::path(path);
    if (!folder.empty() && !fs::is_directory(folder, ec) && !fs::create_directories(folder, ec)) {
        result.error = folder.string() + ": สร้างโฟลเดอร์ไม่ได้ (cannot make the folder: " + ec.message() + ")";
        return result;
    }
    if (csv) {
        result.written = folder.string();
        result.error = render::write_blank_input_csv(folder.string());
        return result;
    }
    result.written = names_workbook ? path : (folder / "agency.xlsx").string();
    if (fs::exists(fs::symlink_status(result.written, ec))) {
        result.error = result.written + ": มีอยู่แล้ว ไม่เขียนทับ (already exists: not overwritten; give another name)";
        return result;
    }
    result.error = write_atomically_with(result.written, [](const std::string& temp) {
        return render::write_blank_input_workbook(temp);
    });
    return result;
}

}  // namespace saraban::batch
