// What the workbook tests share beyond the sample: editing a written workbook's zip parts, LibreOffice's CSV
// export read back, and the openpyxl helper script (workbook_tool.py).
#pragma once

#include <boost/test/unit_test.hpp>

#include <zip.h>

#include <cstdlib>
#include <cstring>
#include <functional>
#include <regex>
#include <sstream>
#include <string>
#include <vector>

#include "support/process.h"

namespace saraban::testing {

using Table = std::vector<std::vector<std::string>>;

// Rewrites the parts of a zip in place; edit returns the new content (or the same).
inline void rewrite_parts(const fs::path& path, const std::function<std::string(const std::string&, std::string)>& edit) {
    int error = 0;
    zip_t* archive = zip_open(path.c_str(), 0, &error);
    BOOST_TEST_REQUIRE(archive != nullptr, "zip_open " << path << ": " << error);
    const zip_int64_t entries = zip_get_num_entries(archive, 0);
    for (zip_int64_t i = 0; i < entries; ++i) {
        const std::string name = zip_get_name(archive, zip_uint64_t(i), 0);
        zip_stat_t stat;
        BOOST_TEST_REQUIRE(zip_stat_index(archive, zip_uint64_t(i), 0, &stat) == 0);
        std::string content(stat.size, '\0');
        zip_file_t* file = zip_fopen_index(archive, zip_uint64_t(i), 0);
        BOOST_TEST_REQUIRE(file != nullptr);
        BOOST_TEST_REQUIRE(zip_fread(file, content.data(), stat.size) == zip_int64_t(stat.size));
        zip_fclose(file);
        std::string edited = edit(name, content);
        if (edited == content) continue;
        void* buffer = std::malloc(edited.size());
        std::memcpy(buffer, edited.data(), edited.size());
        zip_source_t* source = zip_source_buffer(archive, buffer, edited.size(), 1);
        BOOST_TEST_REQUIRE(source != nullptr);
        BOOST_TEST_REQUIRE(zip_file_replace(archive, zip_uint64_t(i), source, 0) == 0);
    }
    BOOST_TEST_REQUIRE(zip_close(archive) == 0, "zip_close " << path);
}

// Removes the cached result of every formula (<f>…</f><v>…</v> → <f>…</f>); returns how many.
inline int strip_cached_results(const fs::path& path) {
    int stripped = 0;
    rewrite_parts(path, [&](const std::string& name, std::string xml) {
        if (!name.starts_with("xl/worksheets/sheet")) return xml;
        static const std::regex cached("(</f>)<v>[^<]*</v>");
        stripped += int(std::distance(std::sregex_iterator(xml.begin(), xml.end(), cached), std::sregex_iterator()));
        return std::regex_replace(xml, cached, "$1");
    });
    return stripped;
}

// A CSV as LibreOffice writes it: comma-separated, fields with commas or quotes in double quotes.
inline Table read_csv(const fs::path& path) {
    const std::string text = read_file(path);
    Table table(1);
    std::string field;
    bool quoted = false;
    for (std::size_t i = 0; i < text.size(); ++i) {
        char c = text[i];
        if (quoted) {
            if (c == '"' && i + 1 < text.size() && text[i + 1] == '"') field += text[++i];
            else if (c == '"') quoted = false;
            else field += c;
        } else if (c == '"') {
            quoted = true;
        } else if (c == ',') {
            table.back().push_back(std::move(field));
            field.clear();
        } else if (c == '\n') {
            table.back().push_back(std::move(field));
            field.clear();
            table.emplace_back();
        } else if (c != '\r') {
            field += c;
        }
    }
    if (table.back().empty()) table.pop_back();
    return table;
}

// Converts workbooks with LibreOffice headless, every sheet to <outdir>/<name>-<sheet>.csv as shown on screen
// (LibreOffice 7.4+), with its own profile under profile_dir; the test stops when soffice is missing or fails.
inline void convert_to_csv(const std::vector<fs::path>& workbooks, const fs::path& outdir, const fs::path& profile_dir) {
    const Result version = run_program("soffice", {"--version"});
    BOOST_TEST_REQUIRE(version.status != 127,
                       "soffice (LibreOffice) is not installed: install the Debian package libreoffice-calc "
                       "(scripts/setup.sh --tests) to run the recalculation tests");
    std::vector<std::string> args = {"-env:UserInstallation=file://" + profile_dir.string(), "--headless",
                                     "--convert-to",
                                     "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,true,false,false,-1",
                                     "--outdir", outdir.string()};
    for (const fs::path& w : workbooks) args.push_back(w.string());
    const Result r = run_program("soffice", args);
    BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << r.out << r.err);
}

// Has LibreOffice open a workbook and save it again as .xlsx (Calc MS Excel 2007 XML) into outdir; returns the
// path of the file it wrote.
inline fs::path resave_with_libreoffice(const fs::path& workbook, const fs::path& outdir, const fs::path& profile_dir) {
    const Result r = run_program("soffice", {"-env:UserInstallation=file://" + profile_dir.string(), "--headless",
                                             "--convert-to", "xlsx:Calc MS Excel 2007 XML", "--outdir",
                                             outdir.string(), workbook.string()});
    BOOST_TEST_REQUIRE(r.status != 127, "soffice (LibreOffice) is not installed: install libreoffice-calc");
    BOOST_TEST_REQUIRE(r.status == 0, "soffice failed: " << r.out << r.err);
    const fs::path written = outdir / workbook.filename().replace_extension(".xlsx");
    BOOST_TEST_REQUIRE(fs::exists(written), "LibreOffice wrote no " << written << ": " << r.out << r.err);
    return written;
}

// Runs tests/render/xlsx/workbook_tool.py with /usr/bin/python3 (Debian's python3-openpyxl installs for it,
// whatever python3 comes first on PATH) and returns its output lines.
inline std::vector<std::string> workbook_tool(const std::vector<std::string>& args) {
    const std::string python = "/usr/bin/python3";
    std::vector<std::string> all = {SARABAN_SOURCE_DIR "/tests/render/xlsx/workbook_tool.py"};
    all.insert(all.end(), args.begin(), args.end());
    const Result r = run_program(python, all);
    BOOST_TEST_REQUIRE(r.status != 127, python << " is missing: install python3 and python3-openpyxl");
    BOOST_TEST_REQUIRE(r.status != 3, r.err);
    BOOST_TEST_REQUIRE(r.status == 0, "workbook_tool.py failed: " << r.err);
    std::vector<std::string> lines;
    std::stringstream in(r.out);
    for (std::string line; std::getline(in, line);) lines.push_back(line);
    return lines;
}

}  // namespace saraban::testing
