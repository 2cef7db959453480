#include "batch/overview_spool.h"

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace saraban::batch {

namespace {

// Fields go out as their bytes (a double's too, so that it reads back exactly), strings with their length first.
template <class T>
void put(std::FILE* f, const T& value) {
    std::fwrite(&value, sizeof value, 1, f);
}
void put(std::FILE* f, const std::string& s) {
    put(f, std::uint32_t(s.size()));
    std::fwrite(s.data(), 1, s.size(), f);
}
void put(std::FILE* f, const std::optional<double>& v) {
    put(f, char(v.has_value()));
    if (v) put(f, *v);
}

template <class T>
bool get(std::FILE* f, T& value) {
    return std::fread(&value, sizeof value, 1, f) == 1;
}
bool get(std::FILE* f, std::string& s) {
    std::uint32_t n = 0;
    if (!get(f, n)) return false;
    s.resize(n);
    return std::fread(s.data(), 1, n, f) == n;
}
bool get(std::FILE* f, std::optional<double>& v) {
    char has = 0;
    double d = 0;
    if (!get(f, has) || (has && !get(f, d))) return false;
    v = has ? std::optional(d) : std::nullopt;
    return true;
}

bool get_findings(std::FILE* f, std::vector<render::AgencyRow::Finding>& findings) {
    std::uint32_t n = 0;
    if (!get(f, n)) return false;
    findings.assign(n, {});
    for (render::AgencyRow::Finding& d : findings) {
        char error = 0;
        if (!get(f, error) || !get(f, d.file) || !get(f, d.sheet) || !get(f, d.cell) || !get(f, d.message))
            return false;
        d.severity = error ? model::Severity::error : model::Severity::warning;
    }
    return true;
}

}  // namespace

OverviewSpool::OverviewSpool() : file_(std::tmpfile()) {
    if (!file_) fail("tmpfile");
}

OverviewSpool::~OverviewSpool() {
    if (file_) std::fclose(file_);
}

void OverviewSpool::fail(const char* what) {
    if (error_.empty()) error_ = std::string("overview rows: ") + what + ": " + std::strerror(errno);
}

void OverviewSpool::add(const render::AgencyRow& r) {
    summary_.add(r);
    if (!file_) return;
    put(file_, r.agency);
    put(file_, r.agency_abbr);
    put(file_, r.fiscal_year_be);
    put(file_, r.round_months);
    put(file_, r.date.year);
    put(file_, r.date.month);
    put(file_, r.date.day);
    for (const auto* score : {&r.ita, &r.iit, &r.eit, &r.oit}) put(file_, *score);
    put(file_, r.level);
    for (int n : {r.steps_done, r.steps_in_progress, r.steps_not_started, r.errors, r.warnings}) put(file_, n);
    put(file_, char(r.produced));
    put(file_, r.source);
    put(file_, std::uint32_t(r.findings.size()));
    for (const render::AgencyRow::Finding& d : r.findings) {
        put(file_, char(d.severity == model::Severity::error));
        for (const std::string* s : {&d.file, &d.sheet, &d.cell, &d.message}) put(file_, *s);
    }
    if (std::ferror(file_)) fail("write");
}

void OverviewSpool::rewind() {
    read_ = 0;
    if (file_ && (std::fflush(file_) != 0 || std::fseek(file_, 0, SEEK_SET) != 0)) fail("write");
}

bool OverviewSpool::next(render::AgencyRow& r) {
    if (!file_ || !error_.empty()) return false;
    char produced = 0;
    const bool whole = get(file_, r.agency) && get(file_, r.agency_abbr) && get(file_, r.fiscal_year_be) &&
                       get(file_, r.round_months) && get(file_, r.date.year) && get(file_, r.date.month) &&
                       get(file_, r.date.day) && get(file_, r.ita) && get(file_, r.iit) && get(file_, r.eit) &&
                       get(file_, r.oit) && get(file_, r.level) && get(file_, r.steps_done) &&
                       get(file_, r.steps_in_progress) && get(file_, r.steps_not_started) && get(file_, r.errors) &&
                       get(file_, r.warnings) && get(file_, produced) && get(file_, r.source) &&
                       get_findings(file_, r.findings);
    r.produced = produced != 0;
    if (whole) ++read_;
    else if (read_ < summary_.rows()) fail("read");  // fewer rows than were added
    return whole;
}

}  // namespace saraban::batch
