#include "cli/versions.h"

#include <CLI/Version.hpp>
#include <fontconfig/fontconfig.h>
#include <hb.h>
#include <hpdf.h>
#include <libdeflate.h>
#include <openssl/crypto.h>
#include <png.h>
#include <pugixml.hpp>
#include <unicode/uversion.h>
#include <xlsxwriter.h>
#include <zip.h>
#include <zlib.h>

namespace saraban::cli {

namespace {

std::string icu_version() {
    UVersionInfo info;
    char text[U_MAX_VERSION_STRING_LENGTH];
    u_getVersion(info);
    u_versionToString(info, text);
    return text;
}

// The packed versions: fontconfig's 21400 is 2.14.0, pugixml's 1130 is 1.13.
std::string fontconfig_version(int v) {
    return std::to_string(v / 10000) + "." + std::to_string(v / 100 % 100) + "." + std::to_string(v % 100);
}
std::string pugixml_version(int v) { return std::to_string(v / 1000) + "." + std::to_string(v % 1000 / 10); }

}  // namespace

std::string versions(const std::string& saraban_version, const std::string& allocator) {
    std::string out = "saraban " + saraban_version + "\n";
    const auto line = [&out](const char* name, const std::string& version) {
        out += "  " + std::string(name) + " " + version + "\n";
    };
    line("HarfBuzz", hb_version_string());
    line("ICU", icu_version());
    line("libharu", HPDF_GetVersion());
    line("libxlsxwriter", lxw_version());
    line("libzip", zip_libzip_version());
    line("pugixml", pugixml_version(PUGIXML_VERSION) + " (headers)");
    line("OpenSSL", OpenSSL_version(OPENSSL_VERSION_STRING));
    line("zlib", zlibVersion());
    line("libdeflate", LIBDEFLATE_VERSION_STRING " (headers)");
    line("libpng", png_get_libpng_ver(nullptr));
    line("fontconfig", fontconfig_version(FcGetVersion()));
    line("CLI11", CLI11_VERSION " (headers)");
    line("malloc", allocator);
    return out;
}

}  // namespace saraban::cli
