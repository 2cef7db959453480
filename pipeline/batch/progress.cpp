#include "batch/progress.h"

#include <cstdio>

namespace saraban::batch {

Progress::Progress(std::ostream& log, ProgressStyle style, int total) : log_(log), style_(style), total_(total) {}

void Progress::clear_bar() {
    if (bar_shown_) log_ << "\r\033[K";
    bar_shown_ = false;
}

void Progress::draw(bool force) {
    if (style_ != ProgressStyle::bar) return;
    const auto now = std::chrono::steady_clock::now();
    if (!force && now - last_draw_ < std::chrono::milliseconds(100)) return;
    last_draw_ = now;
    const double elapsed = std::chrono::duration<double>(now - start_).count();
    const double rate = elapsed > 0 ? done_ / elapsed : 0;
    constexpr int width = 30;
    const int filled = total_ > 0 ? done_ * width / total_ : width;
    std::string bar(std::size_t(filled), '#');
    bar.append(std::size_t(width - filled), '-');
    char eta[32] = "";
    if (rate > 0 && done_ < total_) {
        const int s = int((total_ - done_) / rate);
        std::snprintf(eta, sizeof eta, "  ETA %d:%02d", s / 60, s % 60);
    }
    char text[160];
    std::snprintf(text, sizeof text, "\r\033[K[%s] %d/%d  %.1f/s%s%s", bar.c_str(), done_, total_, rate, eta,
                  failed_ ? "  failed " : "");
    log_ << text;
    if (failed_) log_ << failed_;
    log_.flush();
    bar_shown_ = true;
}

void Progress::print(const std::string& lines) {
    if (lines.empty()) return;
    std::lock_guard lock(mutex_);
    clear_bar();
    log_ << lines;
    draw(true);
}

void Progress::finished(const std::string& id, const std::string& lines, const std::string& outcome, bool failed) {
    std::lock_guard lock(mutex_);
    ++done_;
    if (failed) ++failed_;
    if (!lines.empty()) {
        clear_bar();
        log_ << lines;
    }
    if (style_ == ProgressStyle::lines) {
        log_ << "[" << done_ << "/" << total_ << "] " << id << ": " << outcome << "\n";
        log_.flush();
    }
    draw(!lines.empty() || done_ == total_);
}

void Progress::close() {
    std::lock_guard lock(mutex_);
    if (bar_shown_) {
        log_ << "\n";
        log_.flush();
    }
    bar_shown_ = false;
}

}  // namespace saraban::batch
