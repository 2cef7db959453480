// The ITA tables validation checks scores against: the level bands and the weights of the total, by fiscal year.
// They are data (templates/ita-levels.csv, templates/ita-weights.csv) that staff update when the ITA framework
// changes, not code.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.h"
#include "model/diagnostic.h"

namespace saraban::validate {

// Fiscal years (Buddhist era) a row applies to, both ends included; 0 leaves that end open.
struct YearRange {
    int from = 0;
    int to = 0;

    bool contains(int year) const { return (from == 0 || year >= from) && (to == 0 || year <= to); }
    bool overlaps(const YearRange& o) const {
        return (from == 0 || o.to == 0 || from <= o.to) && (o.from == 0 || to == 0 || o.from <= to);
    }
    bool operator==(const YearRange&) const = default;
};

// One level of one year range: ITA scores from min to max (inclusive, 2 decimals) get this level.
struct LevelBand {
    YearRange years;
    std::string level;  // "AA", "สูงมาก"
    double min = 0;
    double max = 0;
    model::CellRef at;  // file:line of the row, for messages about the table itself
};

// ITA = iit·IIT + eit·EIT + oit·OIT for the years of the range.
struct TotalWeights {
    YearRange years;
    double iit = 0;
    double eit = 0;
    double oit = 0;
    model::CellRef at;
};

struct Rules {
    std::vector<LevelBand> levels;
    std::vector<TotalWeights> weights;
};

struct [[nodiscard]] RulesResult {
    Rules rules;
    std::vector<model::Diagnostic> diagnostics;  // each naming file:line:column of the table

    explicit operator bool() const { return !model::has_error(diagnostics); }
};

inline constexpr std::string_view levels_file_name = "ita-levels.csv";
inline constexpr std::string_view weights_file_name = "ita-weights.csv";

// Reads templates_dir/ita-levels.csv and templates_dir/ita-weights.csv. A missing or broken table is an error:
// without it the documents cannot be checked.
RulesResult load_rules(const std::string& templates_dir);

// The same from the tables' text (UTF-8); the names go into diagnostics.
RulesResult parse_rules(std::string_view levels_csv, const std::string& levels_name, std::string_view weights_csv,
                        const std::string& weights_name);

// The bands of a fiscal year, in table order; empty when the table does not cover the year.
std::vector<const LevelBand*> bands_for(const Rules& rules, int fiscal_year_be);

// The weights of a fiscal year, or nullptr when the total is not a weighted sum that year (or it is unknown).
const TotalWeights* weights_for(const Rules& rules, int fiscal_year_be);

}  // namespace saraban::validate
