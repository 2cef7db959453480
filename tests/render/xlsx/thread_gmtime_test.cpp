// gmtime with a buffer per thread (render/xlsx/detail/thread_gmtime.cpp): libxlsxwriter calls it from parallel
// workers to date each workbook, and glibc's single buffer let one agency's date land in another's workbook.
#include <boost/test/unit_test.hpp>

#include <dlfcn.h>

#include <ctime>
#include <string>
#include <thread>

BOOST_AUTO_TEST_SUITE(render_xlsx_thread_gmtime)

BOOST_AUTO_TEST_CASE(every_library_gets_saraban_s_gmtime_with_a_buffer_per_thread) {
    // The definition every library binds to (libxlsxwriter too) is the program's, not libc's.
    void* bound = dlsym(RTLD_DEFAULT, "gmtime");
    Dl_info where{};
    BOOST_TEST_REQUIRE(dladdr(bound, &where) != 0);
    BOOST_TEST(std::string(where.dli_fname).find("libc.so") == std::string::npos, where.dli_fname);

    const std::time_t a = 1631836800;  // 2021-09-17
    const std::time_t b = 1613433600;  // 2021-02-16
    struct tm* here = gmtime(&a);
    struct tm* there = nullptr;
    std::thread([&] { there = gmtime(&b); }).join();
    BOOST_TEST(here != there);  // glibc's would be one buffer, and here would now say February
    BOOST_TEST(here->tm_mon == 8);
    BOOST_TEST(here->tm_mday == 17);
    BOOST_TEST(here->tm_year == 121);
}

BOOST_AUTO_TEST_SUITE_END()
