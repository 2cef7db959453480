#include "batch/fonts.h"

#include "batch/sha256.h"
#include "layout/system_fonts.h"

namespace saraban::batch {

FontCache::FontCache(std::vector<std::string> search_path, bool system_fonts)
    : search_path_(std::move(search_path)),
      system_(system_fonts ? std::make_shared<layout::SystemFonts>() : nullptr) {}

const layout::FontSet& FontCache::get(const std::string& family) {
    const std::string key = family.empty() ? layout::kDefaultFamily : family;
    std::lock_guard lock(mutex_);
    auto it = sets_.find(key);
    if (it == sets_.end()) {
        Entry e;
        try {
            e.set = std::make_unique<layout::FontSet>(layout::load_font_family(search_path_, key, system_));
        } catch (const layout::FontError& error) {
            e.error = error.what();
        }
        it = sets_.emplace(key, std::move(e)).first;
    }
    if (!it->second.set) throw layout::FontError(it->second.error);
    return *it->second.set;
}

std::vector<FileHash> system_fonts_used(const layout::LaidOutDocument& document) {
    static std::mutex mutex;
    static std::map<std::string, std::string> hashes;
    std::vector<FileHash> out;
    for (const auto& font : document.fonts) {
        if (!font.system) continue;
        std::lock_guard lock(mutex);
        auto it = hashes.find(font.path);
        if (it == hashes.end()) {
            std::string error;
            it = hashes.emplace(font.path, sha256_file(font.path, error)).first;
        }
        out.push_back({font.path, it->second});
    }
    return out;  // in the document's order: by path
}

}  // namespace saraban::batch
