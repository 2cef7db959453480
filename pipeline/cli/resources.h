// Where saraban finds what it ships: templates/, fonts/ and the sample workbook (inputs/sample.xlsx). Each is
// looked up on its own, in the first of these data folders that holds it:
//   1. $SARABAN_DATA_DIR (a folder holding templates/, fonts/)
//   2. beside the binary: its own folder, then the one above (a build tree: build/saraban → the source's)
//   3. the install prefix: share/saraban beside the binary's bin/ (wherever the tree was copied), then the
//      prefix compiled in (CMAKE_INSTALL_PREFIX/share/saraban)
// Folders given on the command line come first (--templates DIR replaces the lookup; --fonts DIR is searched
// before the fonts found here, which stay searched for the fallback). The current folder is not looked in: a
// user's own templates/ must be asked for, never picked up.
#pragma once

#include <string>
#include <vector>

namespace saraban::cli {

// The data folders above, in order (those that do not exist included: messages name them).
std::vector<std::string> data_dirs();

// The first data folder's `name` (a folder or file, e.g. "fonts" or "inputs/sample.xlsx"); "" if none has it.
std::string find_resource(const std::string& name);

// "ไม่พบ templates … (templates not found in: A, B, C; …)": what to say when find_resource gives "".
std::string not_found_message(const std::string& name);

}  // namespace saraban::cli
