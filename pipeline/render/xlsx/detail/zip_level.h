// The deflate level of the workbooks' zip parts.
//
// libxlsxwriter 1.1.4 (Debian 12) asks minizip, hence zlib, for zlib's default level (6) for every part and has no
// option to change it. Level 2 takes 40% less CPU on a tracking workbook's 80 KB of XML (1.95 → 1.16 ms, the
// largest single cost of a batch: perf, docs/performance.md) for a file 13% larger (21 → 24 KB). saraban gets it by
// defining zlib's deflateInit2_ itself (zip_level.cpp), exported from each program that links saraban_xlsx
// (CMakeLists.txt), so that the dynamic linker binds minizip's call to it; it asks the real zlib for kWorkbookZipLevel
// whenever the default level was asked for a raw deflate stream, the kind a zip entry holds. Other streams keep
// zlib's default: libharu's (a picture in a PDF) are in the zlib format; saraban's own PDF streams go through
// libdeflate; libzip (reading the input workbooks) names its own levels.
#pragma once

namespace saraban::render::xlsx_detail {

inline constexpr int kWorkbookZipLevel = 2;

}  // namespace saraban::render::xlsx_detail
