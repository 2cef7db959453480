// Reading an input file from disk into memory, with a size limit and errors that name the file.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "model/diagnostic.h"

namespace saraban::ingest {

// The file's bytes, or nullopt with an error diagnostic naming it (cannot open, larger than max_bytes, cannot read).
[[nodiscard]] std::optional<std::vector<std::byte>> read_input_file(const std::string& path, std::uintmax_t max_bytes,
                                                                    std::vector<model::Diagnostic>& diagnostics);

// The extension in lower case: "inputs/X.XLSX" → ".xlsx".
std::string lower_extension(const std::filesystem::path& path);

// "64 MiB", "1 MiB", "512 bytes": limits as messages show them.
std::string size_text(std::uintmax_t bytes);

}  // namespace saraban::ingest
