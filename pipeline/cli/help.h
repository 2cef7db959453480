// The man page and the bash completion, made from the command line's definitions (command_line.h), so that
// neither can name an option the parser does not have. The build writes them (CMakeLists.txt: saraban.1,
// saraban.bash) with `saraban --man-page` and `saraban --bash-completion`.
#pragma once

#include <string>

#include "cli/command_line.h"

namespace saraban::cli {

// saraban(1) in roff (man -l saraban.1): every command with its usage line and options, then the resource
// lookup, the environment and the exit status.
std::string man_page(const CLI::App& app, const std::string& version);

// A bash completion script: commands, each command's options, folders after a DIR option, the choices of
// --digits and --progress, files elsewhere.
std::string bash_completion(const CLI::App& app);

}  // namespace saraban::cli
