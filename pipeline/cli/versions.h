// `saraban --version`: saraban's version and those of the libraries it runs with, as a bug report needs them.
#pragma once

#include <string>

namespace saraban::cli {

// "saraban 0.1.0\n" then a line per library: the version the loaded shared library reports where it can say so
// (HarfBuzz, ICU, libharu, libxlsxwriter, libzip, OpenSSL, zlib, libpng, fontconfig, jemalloc), else the
// version of the headers it was built with (pugixml, libdeflate, CLI11). allocator: the program's malloc.
std::string versions(const std::string& saraban_version, const std::string& allocator);

}  // namespace saraban::cli
