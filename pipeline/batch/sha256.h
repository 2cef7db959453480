// SHA-256 of bytes and files, hex-encoded, with OpenSSL's libcrypto (Debian libssl-dev): what the manifest records
// of every input, template, font and output, and what --resume compares.
#pragma once

#include <string>
#include <string_view>

namespace saraban::batch {

// The SHA-256 of bytes as 64 lowercase hex digits.
std::string sha256_hex(std::string_view bytes);

// The SHA-256 of a file's content; "" and error set when it cannot be read.
[[nodiscard]] std::string sha256_file(const std::string& path, std::string& error);

}  // namespace saraban::batch
