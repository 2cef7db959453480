// Reading the ITA tables. They are small files staff edit by hand or in a spreadsheet: CSV as an agency's CSV files
// are (ingest's reader), a header line naming the columns in any order, "#" comment lines.
#include "validate/rules.h"

#include "ingest/csv_reader.h"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <optional>
#include <span>
#include <sstream>

namespace saraban::validate {
namespace {

using model::CellRef;
using model::Diagnostic;
using model::Severity;

std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\r')) s.remove_suffix(1);
    return s;
}

// "94.99", "0.9": ten significant digits hide binary noise (0.3 + 0.3 + 0.3 is 0.8999999999999999).
std::string number_text(double x) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", x);
    return buffer;
}

// One data row of a table: its fields by column name, and the spreadsheet column of each.
struct TableRow {
    std::map<std::string, std::string> fields;
    std::map<std::string, int> column_of;
    int line = 0;
};

// "#" comment lines emptied, line breaks kept, so that row numbers stay the file's lines and no comment is taken
// for the header (ingest's reader guesses the separator from the first line; an empty one gives the comma).
std::string without_comments(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (std::size_t start = 0; start < text.size();) {
        std::size_t end = std::min(text.find('\n', start), text.size());
        std::string_view line = text.substr(start, end - start);
        if (start == 0 && line.starts_with("\xEF\xBB\xBF")) {
            out += line.substr(0, 3);
            line.remove_prefix(3);
        }
        if (!trim(line).starts_with('#')) out += line;
        if (end < text.size()) out += '\n';
        start = end + 1;
    }
    return out;
}

// A table read with ingest's CSV reader (encodings, BOM, quoting as for an agency's CSV files): the first row is
// the header, the others data; findings name the file, its one sheet and the cell, as a spreadsheet shows them.
class TableReader {
public:
    TableReader(std::string_view text, std::string name, std::vector<Diagnostic>& diagnostics)
        : name_(std::move(name)), sheet_(std::filesystem::path(name_).stem().string()), diagnostics_(diagnostics) {
        const std::string content = without_comments(text);
        ingest::CsvResult csv = ingest::read_csv(std::as_bytes(std::span(content.data(), content.size())), name_,
                                                 sheet_);
        diagnostics_.insert(diagnostics_.end(), csv.diagnostics.begin(), csv.diagnostics.end());
        unreadable_ = !csv;
        if (!unreadable_) take_rows(csv.sheet.cells);
    }

    // The data rows, after checking the header has every required column.
    std::vector<TableRow> rows(const std::vector<std::string>& required) {
        if (header_.empty()) {
            if (!unreadable_)
                error(0, 0, "ไม่มีบรรทัดหัวตาราง (no header line: expected " + joined(required) + ")");
            return {};
        }
        for (const std::string& column : required)
            if (std::find(header_.begin(), header_.end(), column) == header_.end()) {
                error(header_line_, 0, "ไม่มีคอลัมน์ " + column + " (missing column " + column + "; expected " +
                                           joined(required) + ")");
                return {};
            }
        return rows_;
    }

    void error(int line, int col, std::string message) {
        diagnostics_.push_back({Severity::error, ref(line, col), std::move(message)});
    }

    CellRef ref(int line, int col = 0) const { return CellRef{name_, line > 0 ? sheet_ : "", line, col}; }

private:
    // Cells come row by row, empty ones left out: a short row's missing fields are empty text.
    void take_rows(const std::vector<ingest::Cell>& cells) {
        for (std::size_t i = 0; i < cells.size();) {
            const int line = cells[i].row;
            std::vector<std::string> fields;
            for (; i < cells.size() && cells[i].row == line; ++i) {
                fields.resize(std::size_t(cells[i].col));
                fields.back() = std::string(trim(cells[i].text));
            }
            if (header_.empty()) {
                header_ = std::move(fields);
                header_line_ = line;
            } else {
                add_row(std::move(fields), line);
            }
        }
    }

    void add_row(std::vector<std::string> fields, int line) {
        if (fields.size() > header_.size()) {
            error(line, int(fields.size()), "มีข้อมูลเกินคอลัมน์ของหัวตาราง (" + std::to_string(header_.size()) +
                                                " ช่อง) (a field beyond the header's " +
                                                std::to_string(header_.size()) + " columns)");
            return;
        }
        TableRow row;
        row.line = line;
        for (std::size_t i = 0; i < header_.size(); ++i) {
            row.fields[header_[i]] = i < fields.size() ? fields[i] : "";
            row.column_of[header_[i]] = int(i) + 1;
        }
        rows_.push_back(std::move(row));
    }

    static std::string joined(const std::vector<std::string>& names) {
        std::string out;
        for (const std::string& n : names) out += (out.empty() ? "" : ",") + n;
        return out;
    }

    std::string name_;
    std::string sheet_;  // the file's name without extension, as a spreadsheet names a CSV file's sheet
    std::vector<Diagnostic>& diagnostics_;
    std::vector<std::string> header_;
    int header_line_ = 0;
    std::vector<TableRow> rows_;
    bool unreadable_ = false;
};

// Typed fields of a row, each bad one reported at its line and column.
class FieldReader {
public:
    FieldReader(TableReader& table, const TableRow& row) : table_(table), row_(row) {}

    std::optional<double> number(const std::string& column) {
        const std::string& text = row_.fields.at(column);
        double value = 0;
        auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), value);
        if (text.empty() || ec != std::errc() || end != text.data() + text.size()) {
            bad(column, "ไม่ใช่ตัวเลข: \"" + text + "\" (" + column + " is not a number: \"" + text + "\")");
            return std::nullopt;
        }
        return value;
    }

    // A Buddhist-era year, or 0 for an empty field (an open end).
    std::optional<int> year(const std::string& column) {
        if (row_.fields.at(column).empty()) return 0;
        auto n = number(column);
        if (!n) return std::nullopt;
        if (*n != int(*n) || *n < 2400 || *n > 2800) {
            bad(column, "ปีงบประมาณต้องเป็น พ.ศ. เช่น 2562 (" + column + " must be a Buddhist-era year such as 2562)");
            return std::nullopt;
        }
        return int(*n);
    }

    std::optional<YearRange> years(const std::string& from_column, const std::string& to_column) {
        auto from = year(from_column);
        auto to = year(to_column);
        if (!from || !to) return std::nullopt;
        if (*from && *to && *from > *to) {
            bad(from_column, from_column + " " + std::to_string(*from) + " อยู่หลัง " + to_column + " " +
                                 std::to_string(*to) + " (" + from_column + " is after " + to_column + ")");
            return std::nullopt;
        }
        return YearRange{*from, *to};
    }

    const std::string& text(const std::string& column) const { return row_.fields.at(column); }
    CellRef at() const { return table_.ref(row_.line); }

private:
    void bad(const std::string& column, std::string message) {
        table_.error(row_.line, row_.column_of.at(column), std::move(message));
    }

    TableReader& table_;
    const TableRow& row_;
};

std::string years_text(const YearRange& y) {
    if (y.from && y.to) return y.from == y.to ? std::to_string(y.from) : std::to_string(y.from) + "–" + std::to_string(y.to);
    if (y.from) return std::to_string(y.from) + "–";
    if (y.to) return "–" + std::to_string(y.to);
    return "every year";
}

// The bands of one year range must cover 0–100 in steps of 0.01 without overlap: 0–49.99, 50–54.99, …, 95–100.
void check_band_coverage(std::vector<LevelBand> bands, std::vector<Diagnostic>& diagnostics) {
    std::sort(bands.begin(), bands.end(), [](const LevelBand& a, const LevelBand& b) { return a.min < b.min; });
    const std::string years = years_text(bands.front().years);
    auto report = [&](const CellRef& at, std::string message) {
        diagnostics.push_back({Severity::error, at, std::move(message)});
    };
    if (bands.front().min > 0)
        report(bands.front().at, "ตารางระดับปี " + years + " ไม่ครอบคลุมคะแนน 0 (the bands of " + years +
                                     " do not start at 0: the lowest starts at " + number_text(bands.front().min) + ")");
    if (bands.back().max < 100)
        report(bands.back().at, "ตารางระดับปี " + years + " ไม่ครอบคลุมคะแนน 100 (the bands of " + years +
                                    " do not reach 100: the highest ends at " + number_text(bands.back().max) + ")");
    for (std::size_t i = 1; i < bands.size(); ++i) {
        double step = bands[i].min - bands[i - 1].max;
        if (step > 0.01 + 1e-9 || step <= 0)
            report(bands[i].at, "ระดับ " + bands[i - 1].level + " (ถึง " + number_text(bands[i - 1].max) + ") กับ " +
                                    bands[i].level + " (ตั้งแต่ " + number_text(bands[i].min) + ") " +
                                    (step > 0 ? "มีช่องว่าง" : "ซ้อนกัน") + " (levels " + bands[i - 1].level + " and " +
                                    bands[i].level + " of " + years + (step > 0 ? " leave a gap" : " overlap") +
                                    ": the next band must start 0.01 above " + number_text(bands[i - 1].max) + ")");
    }
}

void read_levels(std::string_view text, const std::string& name, Rules& rules, std::vector<Diagnostic>& diagnostics) {
    TableReader table(text, name, diagnostics);
    for (const TableRow& row : table.rows({"from_fiscal_year", "to_fiscal_year", "level", "min", "max"})) {
        FieldReader field(table, row);
        auto years = field.years("from_fiscal_year", "to_fiscal_year");
        auto min = field.number("min");
        auto max = field.number("max");
        if (field.text("level").empty()) table.error(row.line, row.column_of.at("level"), "ไม่มีชื่อระดับ (empty level)");
        if (!years || !min || !max || field.text("level").empty()) continue;
        if (*min > *max) {
            table.error(row.line, row.column_of.at("min"), "min มากกว่า max (min is above max)");
            continue;
        }
        rules.levels.push_back({*years, field.text("level"), *min, *max, field.at()});
    }
    // Bands group by their year range; two different ranges must not share a year.
    std::vector<std::vector<LevelBand>> groups;
    for (const LevelBand& band : rules.levels) {
        auto group = std::find_if(groups.begin(), groups.end(), [&](const auto& g) { return g[0].years == band.years; });
        if (group != groups.end()) {
            group->push_back(band);
            continue;
        }
        for (const auto& g : groups)
            if (g[0].years.overlaps(band.years))
                table.error(band.at.row, 0, "ช่วงปี " + years_text(band.years) + " ซ้อนกับช่วงปี " +
                                                years_text(g[0].years) + " (the years " + years_text(band.years) +
                                                " overlap the years " + years_text(g[0].years) + " of row " +
                                                std::to_string(g[0].at.row) + ")");
        groups.push_back({band});
    }
    for (const auto& g : groups) check_band_coverage(g, diagnostics);
}

void read_weights(std::string_view text, const std::string& name, Rules& rules,
                  std::vector<Diagnostic>& diagnostics) {
    TableReader table(text, name, diagnostics);
    for (const TableRow& row : table.rows({"from_fiscal_year", "to_fiscal_year", "iit", "eit", "oit"})) {
        FieldReader field(table, row);
        auto years = field.years("from_fiscal_year", "to_fiscal_year");
        auto iit = field.number("iit");
        auto eit = field.number("eit");
        auto oit = field.number("oit");
        if (!years || !iit || !eit || !oit) continue;
        if (std::abs(*iit + *eit + *oit - 1) > 1e-9) {
            table.error(row.line, 0, "น้ำหนักรวมกันไม่เท่ากับ 1 (the weights add up to " +
                                         number_text(*iit + *eit + *oit) + ", not 1)");
            continue;
        }
        for (const TotalWeights& other : rules.weights)
            if (other.years.overlaps(*years))
                table.error(row.line, 0, "ช่วงปีซ้อนกับแถว " + std::to_string(other.at.row) + " (the years " +
                                             years_text(*years) + " overlap row " + std::to_string(other.at.row) +
                                             ")");
        rules.weights.push_back({*years, *iit, *eit, *oit, field.at()});
    }
}

std::optional<std::string> read_text_file(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream text;
    text << in.rdbuf();
    return text.str();
}

}  // namespace

RulesResult parse_rules(std::string_view levels_csv, const std::string& levels_name, std::string_view weights_csv,
                        const std::string& weights_name) {
    RulesResult result;
    read_levels(levels_csv, levels_name, result.rules, result.diagnostics);
    read_weights(weights_csv, weights_name, result.rules, result.diagnostics);
    return result;
}

RulesResult load_rules(const std::string& templates_dir) {
    const std::string levels = templates_dir + "/" + std::string(levels_file_name);
    const std::string weights = templates_dir + "/" + std::string(weights_file_name);
    auto levels_text = read_text_file(levels);
    auto weights_text = read_text_file(weights);
    RulesResult result;
    for (const auto& [text, path] : {std::pair{&levels_text, &levels}, {&weights_text, &weights}})
        if (!*text)
            result.diagnostics.push_back({Severity::error, CellRef{*path, "", 0, 0},
                                          "ไม่พบตาราง ITA (cannot open the ITA table: the scores cannot be checked)"});
    if (!result) return result;
    return parse_rules(*levels_text, levels, *weights_text, weights);
}

std::vector<const LevelBand*> bands_for(const Rules& rules, int fiscal_year_be) {
    std::vector<const LevelBand*> out;
    for (const LevelBand& band : rules.levels)
        if (band.years.contains(fiscal_year_be)) out.push_back(&band);
    return out;
}

const TotalWeights* weights_for(const Rules& rules, int fiscal_year_be) {
    for (const TotalWeights& w : rules.weights)
        if (w.years.contains(fiscal_year_be)) return &w;
    return nullptr;
}

}  // namespace saraban::validate
