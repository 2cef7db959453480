// Maps a workbook's sheets onto the model, as ../shared/reference/input-workbook.md describes. Names are matched
// after normalisation (NFC, trimmed, single spaces, Latin lower case) in Thai or by the English alias; every
// problem is reported with the exact cell, and reading goes on after a problem so that all of them are found.
#include "ingest/report_reader.h"

#include "ingest/csv_reader.h"
#include "ingest/input_file.h"
#include "ingest/lookalike.h"
#include "ingest/ods_reader.h"
#include "ingest/text.h"
#include "model/input_contract.h"
#include "text/dates.h"
#include "text/digits.h"

#include <algorithm>
#include <array>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <filesystem>
#include <map>
#include <memory_resource>
#include <optional>
#include <set>
#include <string>
#include <utility>
#include <vector>


namespace saraban::ingest {
namespace {

using model::CellRef;
using model::Date;
using model::Diagnostic;
using model::Severity;
using model::Status;

// ---------------------------------------------------------------------------------------------------------------
// Numbers in item labels ("5.1")

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

// ---------------------------------------------------------------------------------------------------------------
// Names of sheets, keys and columns

// A name of the contract (model/input_contract.h), with its spellings normalised once for matching.
struct Name {
    Name(std::string_view key, std::string_view thai, std::vector<std::string_view> also = {}, bool required = false)
        : key(key), thai(thai), also(std::move(also)), required(required) {
        spellings.push_back(name_key(key));
        spellings.push_back(name_key(thai));
        for (std::string_view a : this->also) spellings.push_back(name_key(a));
    }
    Name(const model::contract::Name& n) : Name(n.key, n.thai, n.also, n.required) {}

    std::string_view key;                // canonical English key: "fiscal_year"
    std::string_view thai;               // the Thai name: "ปีงบประมาณ"
    std::vector<std::string_view> also;  // other accepted spellings
    bool required = false;
    // name_key of key, thai and also, normalised once: every header and key cell read is compared with them.
    std::vector<std::string> spellings;

    // "ปีงบประมาณ [fiscal_year]" for messages.
    std::string label() const {
        bool same = spellings[0] == spellings[1];  // "IIT" is its own alias
        return same ? std::string(thai) : std::string(thai) + " [" + std::string(key) + "]";
    }
};

bool matches_exactly(const std::string& normalised, const Name& name) {
    return std::find(name.spellings.begin(), name.spellings.end(), normalised) != name.spellings.end();
}

// A written name, normalised once to be compared with many Names.
struct Written {
    explicit Written(std::string_view written) : key(name_key(written)) {
        auto open = key.rfind('[');
        if (open == std::string::npos || key.back() != ']') return;
        before = clean_text(key.substr(0, open));
        inside = clean_text(key.substr(open + 1, key.size() - open - 2));
    }

    std::string key;
    std::string before, inside;  // "ปีงบประมาณ [fiscal_year]" split; both empty unless the name ends in "[…]"
};

// A written name matches "ปีงบประมาณ", "fiscal_year", or both as "ปีงบประมาณ [fiscal_year]".
bool matches(const Written& written, const Name& name) {
    return matches_exactly(written.key, name) || (!written.before.empty() && matches_exactly(written.before, name)) ||
           (!written.inside.empty() && matches_exactly(written.inside, name));
}

bool matches(std::string_view written, const Name& name) { return matches(Written(written), name); }

const Name memo_sheet{model::contract::memo_sheet};
const Name scores_sheet{model::contract::scores_sheet};
const Name measures_sheet{model::contract::measures_sheet};
const Name variables_sheet{model::contract::variables_sheet};
const Name indicators_sheet{model::contract::indicators_sheet};

std::vector<Name> names_of(const std::vector<model::contract::Name>& table) {
    return std::vector<Name>(table.begin(), table.end());
}

const std::vector<Name> memo_keys = names_of(model::contract::memo_keys());
const std::vector<Name> score_columns = names_of(model::contract::score_columns());
const std::vector<Name> measure_columns = names_of(model::contract::measure_columns());
const std::vector<Name> indicator_columns = names_of(model::contract::indicator_columns());

// The three statuses; their names are also the headers of the three-column form.
const std::vector<std::pair<Name, Status>> statuses = {
    {model::contract::status_names()[0], Status::done},
    {model::contract::status_names()[1], Status::in_progress},
    {model::contract::status_names()[2], Status::not_started},
};

// An example row of the blank workbook (`saraban init`): its first cell starts with ตัวอย่าง or "example".
bool is_example_row(std::string_view first_cell) {
    const std::string key = name_key(first_cell);
    return key.starts_with(model::contract::example_marker) || key.starts_with("example");
}

std::optional<Status> parse_status(std::string_view text) {
    Written written(text);
    for (const auto& [name, status] : statuses)
        if (matches(written, name)) return status;
    return std::nullopt;
}

// ---------------------------------------------------------------------------------------------------------------
// A sheet as a grid, and the diagnostics that point into it

class Grid {
public:
    explicit Grid(const Sheet& sheet) : cells_(sheet.cells.data()) {
        cleaned_.reserve(sheet.cells.size());
        for (const Cell& cell : sheet.cells) {
            rows_[cell.row][cell.col] = &cell;
            min_col_ = std::min(min_col_, cell.col);
            cleaned_.push_back(cleaned_text(cell));
        }
        if (sheet.cells.empty()) min_col_ = 1;
        fill_down(sheet.merged);
    }

    // A cell's value as the model stores text: text as written (cleaned), numbers in Arabic digits; "" for null.
    // Worked out once per cell, as the readers ask for most cells' text several times.
    const std::string& text(const Cell* cell) const {
        static const std::string empty;
        if (!cell) return empty;
        const std::optional<std::string>& cleaned = cleaned_[std::size_t(cell - cells_)];
        return cleaned ? *cleaned : cell->text;
    }

    // The cell the file holds at (row, col), or null.
    const Cell* at(int row, int col) const {
        auto r = rows_.find(row);
        if (r == rows_.end()) return nullptr;
        auto c = r->second.find(col);
        return c == r->second.end() ? nullptr : c->second;
    }

    // The value a reader of the sheet sees at (row, col): the cell itself or, below the top of a merged region
    // that spans rows, the region's value (an owner merged down three steps' rows is each step's owner). Only the
    // region's first column is filled: cells a region covers to the right of its value stay empty, so an item
    // merged across the target-group and indicator columns leaves those empty.
    const Cell* shown(int row, int col) const {
        if (const Cell* cell = at(row, col)) return cell;
        auto it = filled_.find({row, col});
        return it == filled_.end() ? nullptr : it->second;
    }

    // The merged region whose top-left cell is (row, col), or null.
    const MergedRange* merged_from(int row, int col) const {
        auto it = merged_from_.find({row, col});
        return it == merged_from_.end() ? nullptr : &it->second;
    }

    const std::pmr::map<int, std::pmr::map<int, const Cell*>>& rows() const { return rows_; }
    int first_column() const { return min_col_; }

private:
    // text() of a cell, or nullopt when that is its text as written (most text cells: no copy is kept).
    static std::optional<std::string> cleaned_text(const Cell& cell) {
        if (cell.kind == Cell::Kind::number) return format_number(cell.number);
        if (is_clean_text(cell.text)) return std::nullopt;
        return clean_text(cell.text);
    }

    // Only rows that hold cells are filled, and at most max_fills positions are visited in all: a hostile file's
    // huge or overlapping regions cost no more than that.
    void fill_down(const std::vector<MergedRange>& merged) {
        constexpr long max_fills = 1'000'000;
        long visited = 0;
        for (const MergedRange& m : merged) {
            merged_from_.emplace(std::pair{m.first_row, m.first_col}, m);
            const Cell* top = at(m.first_row, m.first_col);
            if (!top || m.last_row == m.first_row) continue;
            for (auto r = rows_.upper_bound(m.first_row); r != rows_.end() && r->first <= m.last_row; ++r) {
                if (++visited > max_fills) return;
                if (!r->second.count(m.first_col)) filled_.emplace(std::pair{r->first, m.first_col}, top);
            }
        }
    }

    const Cell* cells_;                                   // the sheet's, which cleaned_ follows
    std::vector<std::optional<std::string>> cleaned_;
    // The nodes of the maps below (one or more a cell), taken in blocks and freed all at once with the grid.
    std::pmr::monotonic_buffer_resource nodes_;
    std::pmr::map<int, std::pmr::map<int, const Cell*>> rows_{&nodes_};
    std::pmr::map<std::pair<int, int>, const Cell*> filled_{&nodes_};  // (row, col) → a merged region's top-left cell
    std::pmr::map<std::pair<int, int>, MergedRange> merged_from_{&nodes_};  // by top-left (row, col)
    int min_col_ = 1 << 30;
};

class SheetReader {
public:
    SheetReader(const Sheet& sheet, std::string_view file, bool date1904, std::vector<Diagnostic>& diagnostics)
        : sheet_(sheet), grid_(sheet), file_(sheet.source.empty() ? std::string(file) : sheet.source),
          date1904_(date1904), diagnostics_(diagnostics) {}

    const Grid& grid() const { return grid_; }
    CellRef ref(int row = 0, int col = 0) const { return CellRef{file_, sheet_.name, row, col}; }

    void error(int row, int col, std::string message) {
        diagnostics_.push_back(Diagnostic{Severity::error, ref(row, col), std::move(message)});
    }
    void warning(int row, int col, std::string message) {
        diagnostics_.push_back(Diagnostic{Severity::warning, ref(row, col), std::move(message)});
    }

    // A cell that must hold a number (number cell, or text in Arabic or Thai digits).
    std::optional<double> number(int row, int col, const Name& what) {
        const Cell* cell = grid_.at(row, col);
        if (!cell) {
            if (what.required) error(row, col, "ค่าว่าง ต้องเป็นตัวเลข: " + what.label() +
                                                   " (empty: a number is required for " + std::string(what.key) + ")");
            return std::nullopt;
        }
        if (cell->kind == Cell::Kind::number) return cell->number;
        if (cell->kind == Cell::Kind::text)
            if (auto n = parse_number_text(cell->text)) return n;
        std::string written = grid_.text(cell);
        if (cell->kind == Cell::Kind::error) {
            error(row, col, "สูตรคำนวณผิดพลาด " + written + " ใน " + what.label() + " ต้องเป็นตัวเลข แก้สูตรหรือพิมพ์ตัวเลข "
                            "(a formula error " + written + " for " + std::string(what.key) +
                            ": a number is required; fix the formula or type the number)");
            return std::nullopt;
        }
        if (cell->kind == Cell::Kind::boolean) {
            error(row, col, "ค่าจริง/เท็จ " + written + " ใน " + what.label() + " ต้องเป็นตัวเลข (a TRUE/FALSE cell, " +
                            written + ", for " + std::string(what.key) + ": a number is required)");
            return std::nullopt;
        }
        error(row, col, "ไม่ใช่ตัวเลข: \"" + written + "\" ใน " + what.label() + " (not a number: \"" + written +
                            "\" for " + std::string(what.key) + ")");
        return std::nullopt;
    }

    std::optional<int> whole_number(int row, int col, const Name& what) {
        const Cell* cell = grid_.at(row, col);
        std::optional<double> n;
        if (cell && cell->kind == Cell::Kind::text) {  // "พ.ศ. ๒๕๖๔", "12 เดือน"
            std::string s = clean_text(cell->text);
            for (std::string_view noise : {"พ.ศ.", "เดือน", "months"})
                if (auto at = s.find(noise); at != std::string::npos) s.erase(at, noise.size());
            n = parse_number_text(s);
        }
        if (!n) n = number(row, col, what);
        if (!n) return std::nullopt;
        if (*n != std::floor(*n) || std::abs(*n) > 1e9) {
            error(row, col, "ต้องเป็นจำนวนเต็ม: " + format_number(*n) + " ใน " + what.label() +
                                " (a whole number is required for " + std::string(what.key) + ")");
            return std::nullopt;
        }
        return static_cast<int>(*n);
    }

    std::optional<Date> date(int row, int col, const Name& what) {
        const Cell* cell = grid_.at(row, col);
        std::optional<Date> d;
        // One rule for dates (text/dates.h): a date cell (its year may be B.E.), or any written form.
        if (cell && cell->kind == Cell::Kind::number) d = text::date_from_excel_serial(cell->number, date1904_);
        if (cell && cell->kind == Cell::Kind::text) d = text::parse_date(grid_.text(cell));  // cleaned, as read
        if (!d) {
            std::string written = grid_.text(cell);
            error(row, col, "ไม่ใช่วันที่: \"" + written + "\" ใน " + what.label() +
                                " ใช้เซลล์วันที่ 2021-09-17 หรือ ๑๗ กันยายน ๒๕๖๔ (not a date: \"" + written +
                                "\"; use a date cell, 2021-09-17 or ๑๗ กันยายน ๒๕๖๔)");
        }
        return d;
    }

    // A date cell as ISO text, anything else as written: for values offered to templates.
    std::string value_text(const Cell* cell) const {
        if (cell && cell->kind == Cell::Kind::number && cell->is_date)
            if (auto d = text::date_from_excel_serial(cell->number, date1904_)) return text::iso_date(*d);
        return grid_.text(cell);
    }

private:
    const Sheet& sheet_;
    Grid grid_;
    std::string file_;
    bool date1904_;
    std::vector<Diagnostic>& diagnostics_;
};

// ---------------------------------------------------------------------------------------------------------------
// Tables with a header row

struct Columns {
    int header_row = 0;
    int first_data_row = 0;
    std::map<std::string, int> by_key;        // canonical key → column
    std::map<int, std::string> unknown;       // column → normalised header text, for "extra"

    int operator[](std::string_view key) const {
        auto it = by_key.find(std::string(key));
        return it == by_key.end() ? 0 : it->second;
    }

    // Where each known column's value of this row is, for the model's field_at.
    std::map<std::string, CellRef> cells_of_row(const SheetReader& sheet, int row) const {
        std::map<std::string, CellRef> out;
        for (const auto& [key, col] : by_key) out[key] = sheet.ref(row, col);
        return out;
    }
};

bool names_anchor(const Cell* cell, const Name& anchor) {
    return cell && cell->kind == Cell::Kind::text && matches(cell->text, anchor);
}

// Finds the header row (the first of the sheet's first 20 rows that names the anchor column) and maps columns.
// saraban's tracking workbook writes two: a hidden row of the contract's English keys ("status") above the Thai
// headers staff see ("สถานะ"). When the row under the one found names the anchor column too, both are the header:
// a column is known by its key (so a Thai header retyped by staff still counts) or else by its Thai name, an
// unknown one is named by the lower row, and data starts under it.
std::optional<Columns> read_header(SheetReader& sheet, const std::vector<Name>& names, const Name& anchor) {
    const Grid& grid = sheet.grid();
    int looked = 0;
    for (const auto& [row, cells] : grid.rows()) {
        if (++looked > 20) break;
        auto anchor_cell = std::find_if(cells.begin(), cells.end(),
                                        [&](const auto& c) { return names_anchor(c.second, anchor); });
        if (anchor_cell == cells.end()) continue;
        const bool two_rows = names_anchor(grid.at(row + 1, anchor_cell->first), anchor);
        Columns columns;
        columns.header_row = two_rows ? row + 1 : row;
        columns.first_data_row = columns.header_row + 1;
        std::set<int> cols;
        for (int r = row; r <= columns.header_row; ++r)
            if (auto it = grid.rows().find(r); it != grid.rows().end())
                for (const auto& [col, cell] : it->second) cols.insert(col);
        for (int col : cols) {
            const Name* name = nullptr;
            std::string header;  // the lower row's text, else the upper's
            for (int r = row; r <= columns.header_row; ++r) {
                std::string text = grid.text(grid.at(r, col));
                if (text.empty()) continue;
                header = text;
                Written written(text);
                auto found = std::find_if(names.begin(), names.end(), [&](const Name& n) { return matches(written, n); });
                if (!name && found != names.end()) name = &*found;
            }
            if (header.empty()) continue;
            if (!name) {
                columns.unknown[col] = name_key(header);
            } else if (!columns.by_key.emplace(std::string(name->key), col).second) {
                sheet.warning(columns.header_row, col, "คอลัมน์ " + name->label() +
                                                           " ซ้ำ ใช้คอลัมน์แรก (duplicate column " +
                                                           std::string(name->key) + ": the first one is used)");
            }
        }
        for (const Name& n : names)
            if (n.required && !columns[n.key])
                sheet.error(columns.header_row, 0, "ไม่มีคอลัมน์ " + n.label() + " (missing required column: " +
                                                       std::string(n.key) + ")");
        return columns;
    }
    sheet.error(0, 0, "ไม่พบแถวหัวตาราง ต้องมีคอลัมน์ " + anchor.label() + " (no header row: expected a column " +
                          std::string(anchor.key) + ")");
    return std::nullopt;
}

bool row_is_empty(const Grid& grid, int row) {
    auto it = grid.rows().find(row);
    return it == grid.rows().end() || std::all_of(it->second.begin(), it->second.end(),
                                                  [&](const auto& c) { return grid.text(c.second).empty(); });
}

// A row with nothing to read: empty, an example the blank workbook shows (its first cell "ตัวอย่าง …"), or a
// measure or step the tracking workbook shows as removed since the previous round ("ตัดออก 4.3").
bool row_is_skipped(const Grid& grid, int row) {
    if (row_is_empty(grid, row)) return true;
    const std::string first = grid.text(grid.at(row, grid.first_column()));
    return is_example_row(first) || name_key(first).starts_with(name_key(model::contract::removed_marker));
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet หนังสือ [memo] and ตัวแปร [variables]: key | value rows

// The optional first row "คีย์ | ค่า" ("key | value", "คีย์ [key] | ค่า [value]").
bool is_key_value_header(std::string_view key, std::string_view value) {
    static const Name key_header{"key", "คีย์", {"ตัวแปร", "name", "ชื่อ"}};
    static const Name value_header{"value", "ค่า"};
    return matches(key, key_header) && (value.empty() || matches(value, value_header));
}

struct KeyValue {
    std::string key;  // as written, cleaned
    int row;
    int key_col;
    const Cell* value;
};

std::vector<KeyValue> key_value_rows(const Grid& grid) {
    std::vector<KeyValue> out;
    int key_col = grid.first_column();
    bool first = true;
    for (const auto& [row, cells] : grid.rows()) {
        std::string key = grid.text(grid.at(row, key_col));
        const Cell* value = grid.at(row, key_col + 1);
        bool header = first && is_key_value_header(key, grid.text(value));
        first = false;
        if (header || key.empty() || is_example_row(key)) continue;
        out.push_back({key, row, key_col, value});
    }
    return out;
}

void read_memo(SheetReader& sheet, model::Report& report) {
    model::MemoHeader& memo = report.memo;
    static const std::map<std::string_view, std::string model::MemoHeader::*> text_fields = [] {
        std::map<std::string_view, std::string model::MemoHeader::*> out;
        for (const auto& [key, field] : model::memo_text_fields()) out[key] = field;
        return out;
    }();
    std::set<std::string_view> seen;
    for (const KeyValue& kv : key_value_rows(sheet.grid())) {
        Written key(kv.key);
        auto name = std::find_if(memo_keys.begin(), memo_keys.end(), [&](const Name& n) { return matches(key, n); });
        if (name == memo_keys.end()) {
            // saraban's tracking workbook keeps each key's English name in a hidden third column: a Thai key staff
            // retyped ("ปีงบประมาณ พ.ศ.") is still that key.
            const std::string english = name_key(sheet.grid().text(sheet.grid().at(kv.row, kv.key_col + 2)));
            name = std::find_if(memo_keys.begin(), memo_keys.end(),
                                [&](const Name& n) { return !english.empty() && english == n.spellings[0]; });
        }
        if (name == memo_keys.end()) {  // unknown keys are offered to the templates
            report.variables[kv.key] = sheet.value_text(kv.value);
            report.variable_at[kv.key] = sheet.ref(kv.row, kv.key_col + 1);
            continue;
        }
        int col = kv.key_col + 1;
        if (!seen.insert(name->key).second) {
            sheet.error(kv.row, kv.key_col, "คีย์ " + name->label() + " ซ้ำ (duplicate key: " +
                                                std::string(name->key) + ")");
            continue;
        }
        memo.at[std::string(name->key)] = sheet.ref(kv.row, col);
        if (sheet.grid().text(kv.value).empty()) {
            if (name->required)
                sheet.error(kv.row, col, "ค่าว่าง ต้องระบุ " + name->label() + " (empty value: " +
                                             std::string(name->key) + " is required)");
            continue;
        }
        if (name->key == "date") {
            if (auto d = sheet.date(kv.row, col, *name)) memo.date = *d;
        } else if (name->key == "fiscal_year") {
            if (auto n = sheet.whole_number(kv.row, col, *name)) memo.fiscal_year_be = *n;
        } else if (name->key == "round") {
            if (auto n = sheet.whole_number(kv.row, col, *name)) memo.round_months = *n;
        } else {
            std::string text = sheet.grid().text(kv.value);
            if (name->key == "signer" && text.size() > 2 && text.front() == '(' && text.back() == ')')
                text = clean_text(text.substr(1, text.size() - 2));
            memo.*text_fields.at(name->key) = text;
        }
    }
    for (const Name& n : memo_keys)
        if (n.required && !seen.count(n.key))
            sheet.error(0, 0, "ไม่มีคีย์ " + n.label() + " (missing required key: " + std::string(n.key) + ")");
}

void read_variables(SheetReader& sheet, model::Report& report) {
    std::map<std::string, int> first_row;
    for (const KeyValue& kv : key_value_rows(sheet.grid())) {
        if (auto [it, fresh] = first_row.emplace(kv.key, kv.row); !fresh) {
            sheet.error(kv.row, kv.key_col, "ตัวแปร " + kv.key + " ซ้ำกับแถว " + std::to_string(it->second) +
                                                " (duplicate variable " + kv.key + ", first in row " +
                                                std::to_string(it->second) + ")");
            continue;
        }
        report.variables[kv.key] = sheet.value_text(kv.value);
        report.variable_at[kv.key] = sheet.ref(kv.row, kv.key_col + 1);
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet คะแนน [scores]

void read_scores(SheetReader& sheet, model::Report& report) {
    auto columns = read_header(sheet, score_columns, score_columns[0]);
    if (!columns) return;
    const Grid& grid = sheet.grid();
    for (const auto& row_cells : grid.rows()) {
        const int row = row_cells.first;  // not a structured binding: number_into captures it, which clang 14 refuses
        if (row < columns->first_data_row || row_is_skipped(grid, row)) continue;
        model::ScoreRow score;
        score.at = sheet.ref(row, 0);
        score.field_at = columns->cells_of_row(sheet, row);
        auto number_into = [&](std::string_view key, double& into) {
            const Name& name = *std::find_if(score_columns.begin(), score_columns.end(),
                                             [&](const Name& n) { return n.key == key; });
            if (!columns->by_key.count(std::string(key))) return;
            if (auto n = sheet.number(row, (*columns)[key], name)) into = *n;
        };
        if (int col = (*columns)["fiscal_year"]) {
            if (auto year = sheet.whole_number(row, col, score_columns[0])) score.fiscal_year_be = *year;
        }
        number_into("iit", score.iit);
        number_into("eit", score.eit);
        number_into("oit", score.oit);
        number_into("ita", score.ita);
        if (int col = (*columns)["level"]) {
            score.level = grid.text(grid.at(row, col));
            if (score.level.empty()) {
                sheet.error(row, col, "ค่าว่าง ต้องระบุ ระดับ [level] (empty: level is required)");
            }
        }
        for (std::string_view key : {"iit_respondents", "eit_respondents", "eit_population"}) {
            const Cell* cell = grid.at(row, (*columns)[key]);
            if (!cell) continue;
            auto n = cell->kind == Cell::Kind::number ? std::optional(cell->number) : parse_number_text(cell->text);
            score.extra[std::string(key)] = n ? format_number(*n) : grid.text(cell);
        }
        for (const auto& [col, header] : columns->unknown) {
            const Cell* cell = grid.at(row, col);
            if (!cell) continue;
            auto n = cell->kind == Cell::Kind::text ? parse_number_text(cell->text) : std::nullopt;
            score.extra[header] = n ? format_number(*n) : sheet.value_text(cell);
        }
        report.scores.push_back(std::move(score));
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet มาตรการ [measures]

struct ItemNumber {
    int measure = 0;
    int step = 0;  // 0 for the measure itself
};

// "1", "๑", "1.", "1.1", "๑.๑".
std::optional<ItemNumber> parse_item_number(std::string_view written) {
    std::string s = text::arabic_digits(clean_text(written));
    if (!s.empty() && s.back() == '.') s.pop_back();
    auto dot = s.find('.');
    std::string first = s.substr(0, dot);
    std::string second = dot == std::string::npos ? "" : s.substr(dot + 1);
    if (!all_digits(first) || first.size() > 4) return std::nullopt;
    if (dot != std::string::npos && (!all_digits(second) || second.size() > 4)) return std::nullopt;
    ItemNumber n{to_int(first), dot == std::string::npos ? 0 : to_int(second)};
    if (n.measure < 1 || (dot != std::string::npos && n.step < 1)) return std::nullopt;
    return n;
}

// "มาตรการ/แนวทางที่ ๑. ทบทวน…" or "1.1 จัดโครงการ…" → the text after its number, when the number is this item's.
std::string strip_number_prefix(const std::string& text, const ItemNumber& n) {
    std::string number = std::to_string(n.measure) + (n.step ? "." + std::to_string(n.step) : "");
    const std::string digit_forms[] = {number, text::thai_digits(number)};
    for (std::string_view lead : {"มาตรการ/แนวทางที่", "มาตรการ/แนวทาง", "มาตรการที่", "ข้อ", ""}) {
        if (!text.starts_with(lead)) continue;  // every prefix tried below starts with it
        for (const std::string& digits : digit_forms) {
            std::string prefix = std::string(lead) + (lead.empty() ? "" : " ") + digits;
            std::string compact = std::string(lead) + digits;
            for (const std::string& p : {prefix, compact}) {
                if (!text.starts_with(p)) continue;
                std::string rest = text.substr(p.size());
                if (!rest.empty() && rest[0] != '.' && rest[0] != ' ' && rest[0] != ')') continue;
                if (!rest.empty() && (rest[0] == '.' || rest[0] == ')')) {
                    // "1.1" must not lose the ".1" of a step when only "1" matched
                    if (rest.size() > 1 && rest[1] >= '0' && rest[1] <= '9') continue;
                    rest.erase(0, 1);
                }
                std::string cleaned = clean_text(rest);
                if (!cleaned.empty()) return cleaned;
            }
        }
    }
    return text;
}

enum class Mark { empty, marked, unrecognised };

Mark read_mark(const Cell* cell) {
    if (!cell) return Mark::empty;
    if (cell->kind == Cell::Kind::boolean || cell->kind == Cell::Kind::number)
        return cell->number == 1 ? Mark::marked : cell->number == 0 ? Mark::empty : Mark::unrecognised;
    std::string s = clean_text(cell->text);
    static const std::set<std::string, std::less<>> marks = {"✓", "✔", "☑", "✅", "/", "x", "X", "1"};
    if (s.empty() || s == "-" || s == "0") return Mark::empty;
    return marks.count(s) ? Mark::marked : Mark::unrecognised;
}

class MeasuresReader {
public:
    MeasuresReader(SheetReader& sheet, model::Report& report) : sheet_(sheet), report_(report) {}

    void read() {
        auto columns = read_header(sheet_, measure_columns, measure_columns[0]);
        if (!columns) return;
        columns_ = std::move(*columns);
        find_status_columns();
        const Grid& grid = sheet_.grid();
        int continues_until = 0;  // the last row of the current item's merged ลำดับ cell
        for (const auto& [row, cells] : grid.rows()) {
            if (row < columns_.first_data_row || row_is_skipped(grid, row)) continue;
            int no_col = columns_["no"];
            if (row <= continues_until && grid.text(grid.at(row, no_col)).empty()) {
                continue_item(row);
                continue;
            }
            current_ = {};
            read_row(row);
            const MergedRange* merged = no_col ? grid.merged_from(row, no_col) : nullptr;
            continues_until = merged && current_.measure >= 0 ? merged->last_row : 0;
        }
        for (model::Measure& m : report_.measures) inherit(m);
    }

private:
    // The item (measure or step) the last numbered row made; -1 when that row was in error.
    struct Current {
        int measure = -1;
        int step = -1;
    };

    std::string text(int row, std::string_view key) const {
        int col = columns_[key];
        return col ? sheet_.grid().text(sheet_.grid().shown(row, col)) : std::string();
    }

    // A row under a ลำดับ cell merged down over several rows belongs to that cell's item: its text cells (only those
    // the row itself holds, not values of regions merged over it) are appended to the item's, after a space. A
    // status or mark on it must agree with the step's own.
    void continue_item(int row) {
        if (current_.measure < 0) return;  // the item's row was in error, already reported
        const Grid& grid = sheet_.grid();
        model::Measure& measure = report_.measures[std::size_t(current_.measure)];
        model::Step* step = current_.step >= 0 ? &measure.steps[std::size_t(current_.step)] : nullptr;
        auto append = [](std::string& into, const std::string& more) {
            if (more.empty()) return;
            into += (into.empty() ? "" : " ") + more;
        };
        auto own = [&](std::string_view key) {
            int col = columns_[key];
            return col ? grid.text(grid.at(row, col)) : std::string();
        };
        append(step ? step->text : measure.text, own("item"));
        append(step ? step->target_group : measure.target_group, own("target_group"));
        append(step ? step->indicator : measure.indicator, own("indicator"));
        append(step ? step->owner : measure.owner, own("owner"));
        append(step ? step->monitoring : measure.monitoring, own("monitoring"));
        if (!step) return;
        append(step->progress, own("progress"));
        append(step->due, sheet_.value_text(grid.at(row, columns_["due"])));
        for (const auto& [col, header] : columns_.unknown)
            append(step->extra[header], sheet_.value_text(grid.at(row, col)));
        std::erase_if(step->extra, [](const auto& kv) { return kv.second.empty(); });
        check_continued_status(row, *step);
    }

    void check_continued_status(int row, const model::Step& step) {
        const Grid& grid = sheet_.grid();
        std::string label = std::to_string(step.measure_no) + "." + std::to_string(step.step_no);
        auto disagree = [&](int col, const std::string& written) {
            sheet_.error(row, col, "แถวนี้ต่อจากขั้นตอน " + label + " (ลำดับผสานเซลล์) แต่สถานะ \"" + written +
                                       "\" ไม่ตรงกับของขั้นตอน (this row continues step " + label +
                                       ", whose ลำดับ cell is merged over it, but its status \"" + written +
                                       "\" differs from the step's)");
        };
        if (int col = columns_["status"]) {
            std::string written = grid.text(grid.at(row, col));
            if (!written.empty() && parse_status(written) != step.status) disagree(col, written);
            return;
        }
        if (!three_columns_) return;
        for (std::size_t i = 0; i < statuses.size(); ++i) {
            int col = status_columns_[i];
            const Cell* cell = grid.at(row, col);
            Mark mark = read_mark(cell);
            if (mark == Mark::unrecognised || (mark == Mark::marked && statuses[i].second != step.status))
                disagree(col, grid.text(cell));
        }
    }

    // The three status columns, headed in the header row or, as in the seed's table, in the row under it (below
    // a merged "ผลการดำเนินการ" cell); that second header row has no ลำดับ.
    void find_status_columns() {
        auto scan = [&](int row) {
            auto it = sheet_.grid().rows().find(row);
            if (it == sheet_.grid().rows().end()) return;
            for (const auto& [col, cell] : it->second) {
                if (cell->kind != Cell::Kind::text || col == columns_["status"]) continue;
                Written written(cell->text);
                for (std::size_t i = 0; i < statuses.size(); ++i) {
                    if (!matches(written, statuses[i].first)) continue;
                    status_columns_[i] = col;
                    columns_.unknown.erase(col);
                }
            }
        };
        auto any_found = [&] {
            return std::any_of(status_columns_.begin(), status_columns_.end(), [](int c) { return c > 0; });
        };
        scan(columns_.header_row);
        int below = columns_.header_row + 1;
        if (!any_found() && !sheet_.grid().at(below, columns_["no"])) {
            scan(below);
            if (any_found()) columns_.first_data_row = below + 1;
        }
        int found = int(std::count_if(status_columns_.begin(), status_columns_.end(), [](int c) { return c > 0; }));
        if (columns_["status"] && found > 0)
            sheet_.error(columns_.header_row, 0, "มีทั้งคอลัมน์ สถานะ และคอลัมน์สถานะแยกสามคอลัมน์ ใช้แบบเดียว "
                                                 "(both a status column and status-per-column headers: use one form)");
        else if (found > 0 && found < 3)
            sheet_.error(columns_.header_row, 0, "ต้องมีครบสามคอลัมน์ ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / "
                                                 "ยังไม่ได้ดำเนินการ (the status-per-column form needs all three "
                                                 "columns: done, in_progress, not_started)");
        else if (!columns_["status"] && found == 0)
            sheet_.error(columns_.header_row, 0, "ไม่มีคอลัมน์ สถานะ [status] (missing required column: status, or "
                                                 "the three columns ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / "
                                                 "ยังไม่ได้ดำเนินการ)");
        three_columns_ = found == 3 && !columns_["status"];
    }

    void read_row(int row) {
        int no_col = columns_["no"], item_col = columns_["item"];
        std::string no_text = no_col ? sheet_.grid().text(sheet_.grid().at(row, no_col)) : "";
        std::string item = item_col ? text(row, "item") : "";
        if (no_text.empty()) {
            if (!item.empty())
                sheet_.error(row, no_col, "ไม่มีลำดับ ต้องเป็น 1 (มาตรการ) หรือ 1.1 (ขั้นตอน) (empty no: write 1 for a "
                                          "measure or 1.1 for a step)");
            return;
        }
        auto number = parse_item_number(no_text);
        if (!number) {
            sheet_.error(row, no_col, "ลำดับ \"" + no_text + "\" ไม่ถูกต้อง ต้องเป็น 1 (มาตรการ) หรือ 1.1 (ขั้นตอน) "
                                      "(bad no \"" + no_text + "\": write 1 for a measure or 1.1 for a step)");
            return;
        }
        if (item.empty()) {
            sheet_.error(row, item_col, "ค่าว่าง ต้องระบุ มาตรการ/ขั้นตอน [item] (empty: item is required)");
        }
        item = strip_number_prefix(item, *number);
        if (number->step == 0) read_measure(row, *number, item);
        else read_step(row, *number, item);
    }

    void read_measure(int row, const ItemNumber& number, const std::string& item) {
        for (const model::Measure& m : report_.measures)
            if (m.number == number.measure)
                sheet_.error(row, columns_["no"], "มาตรการที่ " + std::to_string(number.measure) + " ซ้ำกับแถว " +
                                                      std::to_string(m.at.row) + " (duplicate measure " +
                                                      std::to_string(number.measure) + ")");
        model::Measure m;
        m.number = number.measure;
        m.text = item;
        m.target_group = text(row, "target_group");
        m.indicator = text(row, "indicator");
        m.owner = text(row, "owner");
        m.monitoring = text(row, "monitoring");
        m.at = sheet_.ref(row, 0);
        m.field_at = columns_.cells_of_row(sheet_, row);
        report_.measures.push_back(std::move(m));
        current_ = {int(report_.measures.size()) - 1, -1};
    }

    void read_step(int row, const ItemNumber& number, const std::string& item) {
        std::string label = std::to_string(number.measure) + "." + std::to_string(number.step);
        if (report_.measures.empty()) {
            sheet_.error(row, columns_["no"], "ขั้นตอน " + label + " อยู่ก่อนมาตรการใด ๆ (step " + label +
                                                  " comes before any measure)");
            return;
        }
        model::Measure& measure = report_.measures.back();
        if (measure.number != number.measure) {
            sheet_.error(row, columns_["no"], "ขั้นตอน " + label + " อยู่ใต้มาตรการที่ " +
                                                  std::to_string(measure.number) + " (step " + label +
                                                  " is under measure " + std::to_string(measure.number) + ")");
            return;
        }
        for (const model::Step& s : measure.steps)
            if (s.step_no == number.step)
                sheet_.error(row, columns_["no"], "ขั้นตอน " + label + " ซ้ำกับแถว " + std::to_string(s.at.row) +
                                                      " (duplicate step " + label + ")");
        model::Step step;
        step.measure_no = number.measure;
        step.step_no = number.step;
        step.text = item;
        step.target_group = text(row, "target_group");
        step.indicator = text(row, "indicator");
        step.owner = text(row, "owner");
        step.monitoring = text(row, "monitoring");
        step.progress = text(row, "progress");
        step.due = sheet_.value_text(sheet_.grid().shown(row, columns_["due"]));
        step.at = sheet_.ref(row, 0);
        step.field_at = columns_.cells_of_row(sheet_, row);
        if (auto status = read_status(row, label, step.field_at)) step.status = *status;
        for (const auto& [col, header] : columns_.unknown) {
            std::string value = sheet_.value_text(sheet_.grid().shown(row, col));
            if (!value.empty()) step.extra[header] = value;
        }
        measure.steps.push_back(std::move(step));
        current_ = {int(report_.measures.size()) - 1, int(measure.steps.size()) - 1};
    }

    // The step's status; in the three-column form, field_at["status"] becomes the marked cell.
    std::optional<Status> read_status(int row, const std::string& label, std::map<std::string, CellRef>& field_at) {
        if (columns_["status"]) {
            int col = columns_["status"];
            std::string written = sheet_.grid().text(sheet_.grid().shown(row, col));
            if (written.empty()) {
                sheet_.error(row, col, "ขั้นตอน " + label + " ไม่มีสถานะ (step " + label + " has no status: write "
                                       "ดำเนินการแล้ว, อยู่ระหว่างดำเนินการ or ยังไม่ได้ดำเนินการ)");
                return std::nullopt;
            }
            auto status = parse_status(written);
            if (!status)
                sheet_.error(row, col, "ไม่รู้จักสถานะ \"" + written + "\" ใช้ ดำเนินการแล้ว / อยู่ระหว่างดำเนินการ / "
                                       "ยังไม่ได้ดำเนินการ (unknown status \"" + written +
                                       "\": expected done, in_progress or not_started)");
            return status;
        }
        if (!three_columns_) return std::nullopt;  // already reported as a missing column
        std::optional<Status> found;
        int marked = 0;
        for (std::size_t i = 0; i < statuses.size(); ++i) {
            int col = status_columns_[i];
            Mark mark = read_mark(sheet_.grid().shown(row, col));
            if (mark == Mark::unrecognised) {
                std::string written = sheet_.grid().text(sheet_.grid().shown(row, col));
                sheet_.error(row, col, "ไม่รู้จักเครื่องหมาย \"" + written + "\" ใช้ ✓ (unknown mark \"" + written +
                                       "\": use ✓, ✔, /, x or 1)");
                return std::nullopt;
            }
            if (mark == Mark::marked) {
                ++marked;
                found = statuses[i].second;
                field_at["status"] = sheet_.ref(row, col);
            }
        }
        if (marked != 1) {
            sheet_.error(row, 0, "ขั้นตอน " + label + " ต้องมีเครื่องหมายในคอลัมน์สถานะหนึ่งคอลัมน์พอดี (step " +
                                     label + " needs a mark in exactly one status column, found " +
                                     std::to_string(marked) + ")");
            return std::nullopt;
        }
        return found;
    }

    // A step's empty target group, indicator, owner and monitoring come from its measure.
    static void inherit(model::Measure& m) {
        for (model::Step& s : m.steps) {
            if (s.target_group.empty()) s.target_group = m.target_group;
            if (s.indicator.empty()) s.indicator = m.indicator;
            if (s.owner.empty()) s.owner = m.owner;
            if (s.monitoring.empty()) s.monitoring = m.monitoring;
        }
    }

    SheetReader& sheet_;
    model::Report& report_;
    Columns columns_;
    std::array<int, 3> status_columns_{};  // by index into statuses; 0 when absent
    bool three_columns_ = false;
    Current current_;
};

// ---------------------------------------------------------------------------------------------------------------
// Sheet ตัวชี้วัด [indicators] (optional). The model has no place for it yet: it is checked, and its rows are
// offered to the templates as variables "indicator.<year>.<no>.name" / ".score".

void read_indicators(SheetReader& sheet, model::Report& report) {
    auto columns = read_header(sheet, indicator_columns, indicator_columns[1]);
    if (!columns || !(*columns)["fiscal_year"] || !(*columns)["indicator_no"] || !(*columns)["score"]) return;
    const Grid& grid = sheet.grid();
    for (const auto& [row, cells] : grid.rows()) {
        if (row < columns->first_data_row || row_is_skipped(grid, row)) continue;
        auto year = sheet.whole_number(row, (*columns)["fiscal_year"], indicator_columns[0]);
        std::string no = text::arabic_digits(grid.text(grid.at(row, (*columns)["indicator_no"])));
        auto score = sheet.number(row, (*columns)["score"], indicator_columns[3]);
        if (!year || no.empty() || !score) continue;
        std::string prefix = "indicator." + std::to_string(*year) + "." + no;
        report.variables[prefix + ".score"] = format_number(*score);
        if (int col = (*columns)["name"]) report.variables[prefix + ".name"] = grid.text(grid.at(row, col));
    }
}

// ---------------------------------------------------------------------------------------------------------------

// Every text cell of a sheet that is read: letters of other scripts inside Thai words are warnings at their cell.
void warn_lookalikes(SheetReader& sheet) {
    for (const auto& [row, cells] : sheet.grid().rows())
        for (const auto& [col, cell] : cells)
            if (cell->kind == Cell::Kind::text)
                for (const Lookalike& found : find_lookalikes(cell->text))
                    sheet.warning(row, col, lookalike_message(found));
}

const Sheet* find_sheet(const Workbook& workbook, const Name& name, std::string_view file,
                        std::vector<Diagnostic>& diagnostics) {
    const Sheet* found = nullptr;
    for (const Sheet& sheet : workbook.sheets) {
        if (!matches(sheet.name, name)) continue;
        if (found) {
            std::string where = sheet.source.empty() ? std::string(file) : sheet.source;
            diagnostics.push_back(Diagnostic{Severity::error, {where, sheet.name, 0, 0},
                                             "มีชีต " + name.label() + " มากกว่าหนึ่งชีต (more than one " +
                                                 std::string(name.key) + " sheet; the first, " + found->name +
                                                 ", is used)"});
            continue;
        }
        found = &sheet;
    }
    return found;
}

// Where a sheet is, or where the user would add it: the sheet of the workbook, or its CSV file beside a CSV
// agency's other files.
CellRef sheet_location(const Workbook& workbook, const Sheet* sheet, const Name& name, std::string_view file) {
    if (sheet) return {sheet->source.empty() ? std::string(file) : sheet->source, sheet->name, 0, 0};
    for (const Sheet& other : workbook.sheets)
        if (!other.source.empty())
            return {(std::filesystem::path(other.source).parent_path() / (std::string(name.thai) + ".csv")).string(),
                    "", 0, 0};
    return {std::string(file), std::string(name.thai), 0, 0};
}

ReportResult refuse(const std::string& path, std::string message) {
    ReportResult result;
    result.report.source = path;
    result.diagnostics.push_back(Diagnostic{Severity::error, {path, "", 0, 0}, std::move(message)});
    return result;
}

// A read workbook (from an .xlsx or a CSV folder) through read_report, its reading diagnostics first.
ReportResult report_from(XlsxResult read, const std::string& path) {
    if (!read) {
        ReportResult result;
        result.report.source = path;
        result.diagnostics = std::move(read.diagnostics);
        return result;
    }
    ReportResult result = read_report(read.workbook, path);
    result.diagnostics.insert(result.diagnostics.begin(), read.diagnostics.begin(), read.diagnostics.end());
    return result;
}

// A folder is a CSV agency when one of its CSV files is named after a required sheet (หนังสือ, คะแนน, มาตรการ).
bool holds_ita_csv(const std::string& folder) {
    for (const std::string& file : csv_files_in(folder)) {
        std::string stem = std::filesystem::path(file).stem().string();
        for (const Name* sheet : {&memo_sheet, &scores_sheet, &measures_sheet})
            if (matches(stem, *sheet)) return true;
    }
    return false;
}

// Workbooks, and the spreadsheet formats read_report_file refuses with "save it as .xlsx": a secretariat's .xls
// dropped into inputs/ must be told so, not skipped in silence.
bool is_spreadsheet_file(const std::filesystem::path& path) {
    static const std::set<std::string> extensions = {".xlsx", ".xlsm", ".xls", ".xlsb", ".ods"};
    std::string name = path.filename().string();
    return extensions.count(lower_extension(path)) && !name.starts_with("~$") && !name.starts_with(".");
}

// "inputs/sbn/" → "inputs/sbn": a folder's output is named after its last component.
std::string without_trailing_slash(std::string path) {
    while (path.size() > 1 && (path.back() == '/' || path.back() == '\\')) path.pop_back();
    return path;
}

}  // namespace

ReportResult read_report(const Workbook& workbook, std::string_view file_name) {
    ReportResult result;
    result.report.source = std::string(file_name);
    auto& diagnostics = result.diagnostics;

    const Sheet* memo = find_sheet(workbook, memo_sheet, file_name, diagnostics);
    const Sheet* scores = find_sheet(workbook, scores_sheet, file_name, diagnostics);
    const Sheet* measures = find_sheet(workbook, measures_sheet, file_name, diagnostics);
    if (!memo && !scores && !measures) {
        diagnostics.push_back(Diagnostic{Severity::error, {std::string(file_name), "", 0, 0},
                                         "ไม่ใช่สมุดงาน ITA (not an ITA workbook: no sheet หนังสือ/คะแนน/มาตรการ)"});
        return result;
    }
    for (const auto& [sheet, name] : {std::pair{memo, &memo_sheet}, {scores, &scores_sheet}, {measures, &measures_sheet}})
        if (!sheet)
            diagnostics.push_back(Diagnostic{Severity::error, {std::string(file_name), "", 0, 0},
                                             "ไม่มีชีต " + name->label() + " (missing sheet: " +
                                                 std::string(name->key) + ")"});

    auto with_sheet = [&](const Sheet* sheet, auto&& read) {
        if (!sheet) return;
        SheetReader reader(*sheet, file_name, workbook.date1904, diagnostics);
        read(reader);
        warn_lookalikes(reader);
    };
    // Variables first, so that an unknown memo key of the same name (read later) is what the memo says.
    const Sheet* variables = find_sheet(workbook, variables_sheet, file_name, diagnostics);
    for (const auto& [sheet, name] : {std::pair{memo, &memo_sheet}, {scores, &scores_sheet}, {measures, &measures_sheet},
                                      {variables, &variables_sheet}})
        result.report.sheet_at[std::string(name->key)] = sheet_location(workbook, sheet, *name, file_name);
    with_sheet(variables, [&](SheetReader& r) { read_variables(r, result.report); });
    with_sheet(find_sheet(workbook, indicators_sheet, file_name, diagnostics),
               [&](SheetReader& r) { read_indicators(r, result.report); });
    with_sheet(memo, [&](SheetReader& r) { read_memo(r, result.report); });
    with_sheet(scores, [&](SheetReader& r) { read_scores(r, result.report); });
    with_sheet(measures, [&](SheetReader& r) { MeasuresReader(r, result.report).read(); });
    return result;
}

ReportResult read_report_file(const std::string& given_path, const Limits& limits) {
    const std::string path = without_trailing_slash(given_path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return report_from(read_csv_folder(path, limits), path);
    std::string ext = lower_extension(path);
    if (ext == ".csv" || ext == ".tsv")
        return refuse(path, "ไฟล์ CSV หนึ่งไฟล์คือชีตเดียว ให้ใส่ หนังสือ.csv คะแนน.csv มาตรการ.csv ไว้ในโฟลเดอร์เดียวกัน "
                            "แล้วระบุโฟลเดอร์ (one CSV file is one sheet: put หนังสือ.csv, คะแนน.csv and มาตรการ.csv "
                            "in a folder and give the folder)");
    std::vector<Diagnostic> diagnostics;
    auto bytes = read_input_file(path, limits.max_file_bytes, diagnostics);
    if (!bytes) return refuse(path, diagnostics.front().message);
    // An .ods by its name, or by its signature when it was renamed .xlsx.
    if (ext == ".ods" || looks_like_ods(*bytes)) return report_from(read_ods(*bytes, path, limits), path);
    return read_report_xlsx(*bytes, path, limits);
}

ReportResult read_report_xlsx(std::span<const std::byte> bytes, const std::string& path, const Limits& limits) {
    return report_from(read_xlsx(bytes, path, limits), path);
}

namespace {

// Why an entry of an input folder that looks like an agency's input is not one, or "" when it is not worth a word
// (a PDF, a README). Said so that no workbook is skipped in silence.
std::string skip_reason(const std::filesystem::path& entry, bool folder_is_csv_agency) {
    namespace fs = std::filesystem;
    std::error_code ec;
    const std::string name = entry.filename().string();
    const std::string ext = lower_extension(entry);
    const bool workbook_name = ext == ".xlsx" || ext == ".xlsm" || ext == ".xls" || ext == ".xlsb" || ext == ".ods";
    const fs::file_status status = fs::status(entry, ec);
    if (fs::is_symlink(fs::symlink_status(entry, ec)) && !fs::exists(status))
        return "ข้าม: ลิงก์ที่ชี้ไปยังไฟล์ที่ไม่มีอยู่ (skipped: a broken symbolic link, or a loop of them)";
    if (name.starts_with("~$") || name.starts_with(".~lock."))
        return "ข้าม: ไฟล์ล็อกที่ Excel หรือ LibreOffice สร้างขณะเปิดสมุดงาน (skipped: a lock file Excel or LibreOffice "
               "keeps while the workbook is open)";
    if (name.starts_with(".") && workbook_name)
        return "ข้าม: ไฟล์ซ่อน (skipped: a hidden file; rename it without the leading dot to read it)";
    if (fs::is_regular_file(status) && (ext == ".csv" || ext == ".tsv") && !folder_is_csv_agency)
        return "ข้าม: ไฟล์ CSV หนึ่งไฟล์คือชีตเดียว ให้ใส่ชีตของหน่วยงานไว้ในโฟลเดอร์ของหน่วยงานนั้น (skipped: one CSV file "
               "is one sheet; put หนังสือ.csv, คะแนน.csv and มาตรการ.csv in a folder of their own)";
    if (fs::is_directory(status) && !holds_ita_csv(entry.string())) {
        for (const auto& inner : fs::directory_iterator(entry, ec))
            if (is_spreadsheet_file(inner.path()))
                return "ข้าม: โฟลเดอร์ย่อยที่มีสมุดงาน saraban อ่านลึกเพียงชั้นเดียว ให้ระบุโฟลเดอร์นี้เอง (skipped: a folder "
                       "of workbooks inside the input folder; saraban reads one level: give this folder as an input)";
    }
    if (!fs::exists(status) && ec)
        return "ข้าม: อ่านไม่ได้ (skipped: cannot be read: " + ec.message() + ")";
    return "";
}

}  // namespace

std::vector<std::string> find_agency_inputs(const std::string& given_folder, std::vector<Diagnostic>* skipped) {
    const std::string folder = without_trailing_slash(given_folder);
    std::vector<std::string> inputs;
    const bool folder_is_csv_agency = holds_ita_csv(folder);
    if (folder_is_csv_agency) inputs.push_back(folder);
    std::vector<std::filesystem::path> entries;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) entries.push_back(entry.path());
    if (ec && skipped)
        skipped->push_back({Severity::warning, {folder, "", 0, 0},
                            "อ่านโฟลเดอร์ไม่ได้ครบ (cannot list the folder: " + ec.message() + ")"});
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        if (std::filesystem::is_regular_file(entry, ec) && is_spreadsheet_file(entry))
            inputs.push_back(entry.string());
        else if (std::filesystem::is_directory(entry, ec) && holds_ita_csv(entry.string()))
            inputs.push_back(entry.string());
        else if (skipped)
            if (std::string why = skip_reason(entry, folder_is_csv_agency); !why.empty())
                skipped->push_back({Severity::warning, {entry.string(), "", 0, 0}, std::move(why)});
    }
    return inputs;
}

}  // namespace saraban::ingest
