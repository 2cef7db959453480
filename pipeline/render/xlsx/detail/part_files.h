// Where libxlsxwriter assembles a workbook's parts: in memory, or in temporary files.
//
// libxlsxwriter writes each part of a workbook (about 20: sheets, shared strings, styles, theme, chart, …) to a
// temporary file it gets from lxw_tmpfile(), then reads it back into the zip. Its build option for doing this in
// memory (USE_FMEMOPEN) is off in Debian's package, and the files cost a tracking workbook about 140 system calls
// (create, unlink, stat, seek, 4 KB writes and reads, close): 5% of an agency's CPU in paired runs. saraban
// defines lxw_tmpfile itself (part_files.cpp, exported like deflateInit2_: CMakeLists.txt) and, for a workbook
// whose temporary folder is in_memory_parts(), returns a stream over a growing buffer instead (glibc's
// fopencookie: libxlsxwriter writes, rewinds and reads back, which open_memstream cannot, and fmemopen's size is
// fixed). Any other folder gets libxlsxwriter's own lxw_tmpfile: the overview workbook's rows, whose number has
// no bound, still go to a file.
#pragma once

#include <cstdio>

namespace saraban::render::xlsx_detail {

// The temporary folder to give libxlsxwriter for parts kept in memory: $TMPDIR, else /dev/shm when writable with
// 1 GB free, else /tmp, followed by "/." (libxlsxwriter keeps a copy of the text, so the mark is in the text). A
// real folder all the same: a libxlsxwriter that does not call saraban's lxw_tmpfile uses it as such.
char* in_memory_parts();

// The folder for parts in temporary files: /dev/shm when writable with 1 GB free and $TMPDIR is unset, else
// nullptr (libxlsxwriter's choice: $TMPDIR, else /tmp).
const char* part_file_folder();

// A stream over a growing buffer, as lxw_tmpfile returns for in_memory_parts(): read, write, seek, freed by
// fclose. nullptr when out of memory.
std::FILE* open_memory_part();

// Parts this thread could not grow (out of memory): such a part is cut short, which libxlsxwriter, which does not
// check its writes, would not notice; Book::close reports it.
unsigned long memory_parts_cut_short();

}  // namespace saraban::render::xlsx_detail
