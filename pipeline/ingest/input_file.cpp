#include "ingest/input_file.h"

#include <filesystem>
#include <fstream>

#include "ingest/limits.h"

namespace saraban::ingest {

std::string lower_extension(const std::filesystem::path& path) {
    std::string ext = path.extension().string();
    for (char& c : ext)
        if (c >= 'A' && c <= 'Z') c = char(c - 'A' + 'a');
    return ext;
}

std::string size_text(std::uintmax_t bytes) {
    if (bytes >= (1u << 20) && bytes % (1u << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
    return std::to_string(bytes) + " bytes";
}

std::optional<std::vector<std::byte>> read_input_file(const std::string& path, std::uintmax_t max_bytes,
                                                      std::vector<model::Diagnostic>& diagnostics) {
    auto refuse = [&](std::string message) {
        diagnostics.push_back({model::Severity::error, {path, "", 0, 0}, std::move(message)});
        return std::nullopt;
    };
    std::error_code ec;
    auto size = std::filesystem::file_size(path, ec);
    if (ec) return refuse("เปิดไฟล์ไม่ได้ (cannot open the file: " + ec.message() + ")");
    if (size > max_bytes)
        return refuse("ไฟล์ใหญ่เกิน " + size_text(max_bytes) + " (the file is larger than " + size_text(max_bytes) +
                      ": " + std::to_string(size) + " bytes)" + raise_hint("file-bytes"));
    std::vector<std::byte> bytes(size);
    std::ifstream in(path, std::ios::binary);
    if (!in || !in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size)))
        return refuse("อ่านไฟล์ไม่ได้ (cannot read the file)");
    return bytes;
}

}  // namespace saraban::ingest
