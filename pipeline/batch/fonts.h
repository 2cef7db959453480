// The fonts of a run: font sets by family, loaded once and shared by the workers, with the system's fonts as the
// chain's last link unless switched off; and the system fonts a memo used, hashed for its manifest record.
#pragma once

#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <vector>

#include "batch/manifest.h"
#include "layout/font.h"
#include "layout/page.h"

namespace saraban::batch {

// Font sets by family, loaded once per run and then shared read-only by the workers (a HarfBuzz font may shape in
// several threads at once); a family that fails to load fails once, with the same message for every agency. With
// system fonts on, every set shares one layout::SystemFonts, so a system font is read once whichever set asks.
class FontCache {
public:
    FontCache(std::vector<std::string> search_path, bool system_fonts);
    // Throws layout::FontError.
    const layout::FontSet& get(const std::string& family);

private:
    struct Entry {
        std::unique_ptr<layout::FontSet> set;
        std::string error;
    };
    std::vector<std::string> search_path_;
    std::shared_ptr<layout::SystemFonts> system_;
    std::map<std::string, Entry> sets_;
    std::mutex mutex_;
};

// The system fonts document embeds (FontRef::system), by path, each with its SHA-256: a file is hashed once a
// process (a CJK font is tens of megabytes). Thread-safe.
std::vector<FileHash> system_fonts_used(const layout::LaidOutDocument& document);

}  // namespace saraban::batch
