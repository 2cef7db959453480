// gmtime for a program whose workers write workbooks at the same time.
//
// libxlsxwriter formats a workbook's creation time (docProps/core.xml) with gmtime() and then strftime(): glibc's
// gmtime returns one static buffer for the whole process, so two workers closing workbooks at once can write one
// agency's date into another's file (ThreadSanitizer reports the race; the outputs would then depend on -j).
// saraban defines gmtime itself, exported from the program like lxw_tmpfile and deflateInit2_ (CMakeLists.txt),
// so that libxlsxwriter binds to it: the same answer, in a buffer of the calling thread. POSIX lets gmtime's
// buffer be per thread; nothing may rely on two threads sharing it.
#include <ctime>

extern "C" struct tm* saraban_gmtime(const time_t* timer) noexcept {
    thread_local struct tm result;
    return gmtime_r(timer, &result);
}

// gmtime is saraban_gmtime. The program links this file by asking for saraban_gmtime (CMakeLists.txt), not for
// gmtime: a sanitizer's runtime defines gmtime itself (a weak interceptor that calls glibc's), which would satisfy
// "-u gmtime" and leave this file out of the program; pulled in by the other name, this strong gmtime wins.
extern "C" struct tm* gmtime(const time_t* timer) noexcept __attribute__((alias("saraban_gmtime")));
