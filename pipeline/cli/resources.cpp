#include "cli/resources.h"

#include <algorithm>
#include <cstdlib>
#include <filesystem>

namespace fs = std::filesystem;

namespace saraban::cli {

std::vector<std::string> data_dirs() {
    std::vector<std::string> dirs;
    if (const char* env = std::getenv("SARABAN_DATA_DIR"); env && *env) dirs.push_back(env);
    std::error_code ec;
    const fs::path exe = fs::read_symlink("/proc/self/exe", ec);
    if (!ec) {
        const fs::path bin = exe.parent_path();
        dirs.push_back(bin.string());
        dirs.push_back(bin.parent_path().string());
        dirs.push_back((bin.parent_path() / "share" / "saraban").string());
    }
    const std::string prefix = SARABAN_INSTALL_DATADIR;  // CMake's install prefix, for a binary moved alone
    if (std::find(dirs.begin(), dirs.end(), prefix) == dirs.end()) dirs.push_back(prefix);
    return dirs;
}

std::string find_resource(const std::string& name) {
    std::error_code ec;
    for (const auto& dir : data_dirs()) {
        const fs::path candidate = fs::path(dir) / name;
        if (fs::exists(candidate, ec)) return candidate.string();
    }
    return "";
}

std::string not_found_message(const std::string& name) {
    std::string where;
    for (const auto& dir : data_dirs()) where += (where.empty() ? "" : ", ") + (fs::path(dir) / name).string();
    return "ไม่พบ " + name + " ของ saraban (" + name + " not found in: " + where +
           "; set SARABAN_DATA_DIR to the folder that holds it, or install saraban)";
}

}  // namespace saraban::cli
