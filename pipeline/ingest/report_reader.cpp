// Maps a workbook's sheets onto the model, as ../shared/reference/input-workbook.md describes. Names are matched
// after normalisation (NFC, trimmed, single spaces, Latin lower case) in Thai or by the English alias; every
// problem is reported with the exact cell, and reading goes on after a problem so that all of them are found.
#include "ingest/report_reader.h"

#include "ingest/csv_reader.h"
#include "ingest/input_file.h"
#include "ingest/lookalike.h"
#include "ingest/text.h"

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

constexpr std::uintmax_t max_input_file_bytes = 64ull << 20;

// ---------------------------------------------------------------------------------------------------------------
// Dates: a date cell's serial number, ISO text, or Thai text ("๑๗ กันยายน ๒๕๖๔")

int days_in_month(int year, int month) {
    static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
    bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    return month == 2 && leap ? 29 : days[month - 1];
}

std::optional<Date> make_date(int year, int month, int day) {
    if (year > 2400) year -= 543;  // a Buddhist-era year
    if (year < 1900 || year > 2200 || month < 1 || month > 12 || day < 1 || day > days_in_month(year, month))
        return std::nullopt;
    return Date{year, month, day};
}

// Days since 1970-01-01 to a civil date (Howard Hinnant's algorithm).
Date civil_from_days(long long z) {
    z += 719468;
    long long era = (z >= 0 ? z : z - 146096) / 146097;
    long long doe = z - era * 146097;
    long long yoe = (doe - doe / 1460 + doe / 36524 - doe / 146096) / 365;
    long long doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    long long mp = (5 * doy + 2) / 153;
    int day = int(doy - (153 * mp + 2) / 5 + 1);
    int month = int(mp < 10 ? mp + 3 : mp - 9);
    int year = int(yoe + era * 400 + (month <= 2 ? 1 : 0));
    return Date{year, month, day};
}

std::optional<Date> date_from_serial(double serial, bool date1904) {
    if (!(serial >= 1 && serial < 2958466)) return std::nullopt;  // up to 9999-12-31
    long long days = static_cast<long long>(std::floor(serial));
    if (date1904) return civil_from_days(days - 24107);  // 1904-01-01 is day -24107 from 1970
    if (days == 60) return std::nullopt;                   // Excel's 1900-02-29, a day that never was
    // 1899-12-30 is day -25569; serials before the phantom leap day are one day off.
    return civil_from_days(days - (days < 60 ? 25568 : 25569));
}

bool all_digits(std::string_view s) {
    return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

int to_int(std::string_view s) {
    int v = 0;
    std::from_chars(s.data(), s.data() + s.size(), v);
    return v;
}

std::optional<Date> parse_iso_date(std::string_view s) {
    // YYYY-MM-DD, optionally followed by a time ("2021-09-17T00:00:00").
    if (s.size() < 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
    if (s.size() > 10 && s[10] != 'T' && s[10] != ' ') return std::nullopt;
    std::string_view y = s.substr(0, 4), m = s.substr(5, 2), d = s.substr(8, 2);
    if (!all_digits(y) || !all_digits(m) || !all_digits(d)) return std::nullopt;
    return make_date(to_int(y), to_int(m), to_int(d));
}

int thai_month(std::string_view word) {
    static const std::vector<std::pair<std::string_view, std::string_view>> months = {
        {"มกราคม", "ม.ค."},   {"กุมภาพันธ์", "ก.พ."}, {"มีนาคม", "มี.ค."},   {"เมษายน", "เม.ย."},
        {"พฤษภาคม", "พ.ค."},  {"มิถุนายน", "มิ.ย."},  {"กรกฎาคม", "ก.ค."},  {"สิงหาคม", "ส.ค."},
        {"กันยายน", "ก.ย."},  {"ตุลาคม", "ต.ค."},     {"พฤศจิกายน", "พ.ย."}, {"ธันวาคม", "ธ.ค."},
    };
    for (std::size_t i = 0; i < months.size(); ++i)
        if (word == months[i].first || word == months[i].second) return int(i) + 1;
    return 0;
}

std::vector<std::string> split_words(std::string_view s) {
    std::vector<std::string> words;
    std::size_t start = 0;
    while (start < s.size()) {
        std::size_t space = s.find(' ', start);
        if (space == std::string_view::npos) space = s.size();
        if (space > start) words.emplace_back(s.substr(start, space - start));
        start = space + 1;
    }
    return words;
}

// "๑๗ กันยายน ๒๕๖๔", "วันที่ 17 ก.ย. พ.ศ. 2564", or "17/9/2564".
std::optional<Date> parse_thai_date(std::string_view text) {
    std::string s = arabic_digits(text);
    std::vector<std::string> words = split_words(s);
    std::erase_if(words, [](const std::string& w) { return w == "วันที่" || w == "พ.ศ." || w == "ค.ศ."; });
    if (words.size() == 1) {  // d/m/yyyy
        std::vector<std::string> parts;
        std::size_t start = 0;
        for (std::size_t slash; (slash = words[0].find('/', start)) != std::string::npos; start = slash + 1)
            parts.push_back(words[0].substr(start, slash - start));
        parts.push_back(words[0].substr(start));
        if (parts.size() == 3 && all_digits(parts[0]) && all_digits(parts[1]) && all_digits(parts[2]) &&
            parts[2].size() == 4)
            return make_date(to_int(parts[2]), to_int(parts[1]), to_int(parts[0]));
        return std::nullopt;
    }
    if (words.size() != 3 || !all_digits(words[0]) || !all_digits(words[2]) || words[0].size() > 2 ||
        words[2].size() != 4)
        return std::nullopt;
    int month = thai_month(words[1]);
    if (month == 0) return std::nullopt;
    return make_date(to_int(words[2]), month, to_int(words[0]));
}

std::string iso_date(const Date& d) {
    char buffer[16];
    std::snprintf(buffer, sizeof buffer, "%04d-%02d-%02d", d.year, d.month, d.day);
    return buffer;
}

// ---------------------------------------------------------------------------------------------------------------
// Names of sheets, keys and columns

struct Name {
    Name(std::string_view key, std::string_view thai, std::vector<std::string_view> also = {}, bool required = false)
        : key(key), thai(thai), also(std::move(also)), required(required) {
        spellings.push_back(name_key(key));
        spellings.push_back(name_key(thai));
        for (std::string_view a : this->also) spellings.push_back(name_key(a));
    }

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

const Name memo_sheet{"memo", "หนังสือ"};
const Name scores_sheet{"scores", "คะแนน"};
const Name measures_sheet{"measures", "มาตรการ"};
const Name variables_sheet{"variables", "ตัวแปร"};
const Name indicators_sheet{"indicators", "ตัวชี้วัด"};

const std::vector<Name> memo_keys = {
    {"agency", "หน่วยงาน", {}, true},
    {"agency_abbr", "ชื่อย่อ", {"ชื่อย่อหน่วยงาน"}, true},
    {"division", "ส่วนราชการ", {}, true},
    {"phone", "โทร", {"โทร.", "โทรศัพท์", "tel"}, false},
    {"ref", "ที่", {"เลขที่หนังสือ"}, true},
    {"date", "วันที่", {"ลงวันที่"}, true},
    {"subject", "เรื่อง", {}, true},
    {"to", "เรียน", {}, true},
    {"via", "ผ่าน", {}, false},
    {"signer", "ผู้ลงนาม", {}, true},
    {"signer_title", "ตำแหน่ง", {"ตำแหน่งผู้ลงนาม"}, true},
    {"fiscal_year", "ปีงบประมาณ", {}, true},
    {"round", "รอบรายงาน", {"รอบ"}, true},
    {"template", "แม่แบบ", {}, false},
};

const std::vector<Name> score_columns = {
    {"fiscal_year", "ปีงบประมาณ", {"ปี"}, true},
    {"iit", "IIT", {"คะแนน IIT"}, true},
    {"eit", "EIT", {"คะแนน EIT"}, true},
    {"oit", "OIT", {"คะแนน OIT"}, true},
    {"ita", "ITA", {"คะแนน ITA", "คะแนน ITA (ร้อยละ)"}, true},
    {"level", "ระดับ", {"ระดับผลการประเมิน"}, true},
    {"iit_respondents", "ผู้ตอบ IIT", {}, false},
    {"eit_respondents", "ผู้ตอบ EIT", {}, false},
    {"eit_population", "ผู้มีส่วนได้ส่วนเสียภายนอก", {}, false},
};

const std::vector<Name> measure_columns = {
    {"no", "ลำดับ", {"ข้อ"}, true},
    {"item", "มาตรการ/ขั้นตอน", {"มาตรการ", "ขั้นตอน", "ขั้นตอน/วิธีการปฏิบัติ", "มาตรการ/แนวทาง"}, true},
    {"target_group", "กลุ่มเป้าหมาย", {}, false},
    {"indicator", "ตัวชี้วัด", {}, false},
    {"owner", "ผู้รับผิดชอบ", {}, false},
    {"monitoring", "การกำกับติดตาม", {}, false},
    {"status", "สถานะ", {}, false},
    {"progress", "ความคืบหน้า", {"รายละเอียดความคืบหน้า"}, false},
    {"due", "กำหนดแล้วเสร็จ", {"กำหนดเสร็จ"}, false},
};

// The three statuses; their names are also the headers of the three-column form.
const std::vector<std::pair<Name, Status>> statuses = {
    {{"done", "ดำเนินการแล้ว", {"ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "เสร็จแล้ว", "เสร็จสิ้น", "completed", "complete"}},
     Status::done},
    {{"in_progress", "อยู่ระหว่างดำเนินการ",
      {"อยู่ระหว่างการดำเนินการ", "ระหว่างดำเนินการ", "กำลังดำเนินการ", "in progress", "ongoing"}},
     Status::in_progress},
    {{"not_started", "ยังไม่ได้ดำเนินการ", {"ยังไม่ดำเนินการ", "ยังไม่เริ่ม", "ยังไม่เริ่มดำเนินการ", "not started"}},
     Status::not_started},
};

const std::vector<Name> indicator_columns = {
    {"fiscal_year", "ปีงบประมาณ", {"ปี"}, true},
    {"indicator_no", "ตัวชี้วัด", {"ตัวชี้วัดที่"}, true},
    {"name", "ชื่อ", {"ชื่อตัวชี้วัด"}, false},
    {"score", "คะแนน", {}, true},
};

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
        if (cell && cell->kind == Cell::Kind::number) d = date_from_serial(cell->number, date1904_);
        if (cell && cell->kind == Cell::Kind::text) {
            std::string s = clean_text(cell->text);
            d = parse_iso_date(s);
            if (!d) d = parse_thai_date(s);
        }
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
            if (auto d = date_from_serial(cell->number, date1904_)) return iso_date(*d);
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

// Finds the header row (the first of the sheet's first 20 rows that names the anchor column) and maps columns.
std::optional<Columns> read_header(SheetReader& sheet, const std::vector<Name>& names, const Name& anchor) {
    int looked = 0;
    for (const auto& [row, cells] : sheet.grid().rows()) {
        if (++looked > 20) break;
        bool has_anchor = std::any_of(cells.begin(), cells.end(), [&](const auto& c) {
            return c.second->kind == Cell::Kind::text && matches(c.second->text, anchor);
        });
        if (!has_anchor) continue;
        Columns columns;
        columns.header_row = row;
        columns.first_data_row = row + 1;
        for (const auto& [col, cell] : cells) {
            std::string header = sheet.grid().text(cell);
            Written written(header);
            auto name = std::find_if(names.begin(), names.end(), [&](const Name& n) { return matches(written, n); });
            if (name == names.end()) {
                columns.unknown[col] = name_key(header);
            } else if (!columns.by_key.emplace(std::string(name->key), col).second) {
                sheet.warning(row, col, "คอลัมน์ " + name->label() + " ซ้ำ ใช้คอลัมน์แรก (duplicate column " +
                                            std::string(name->key) + ": the first one is used)");
            }
        }
        for (const Name& n : names)
            if (n.required && !columns[n.key])
                sheet.error(row, 0, "ไม่มีคอลัมน์ " + n.label() + " (missing required column: " +
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
        if (header || key.empty()) continue;
        out.push_back({key, row, key_col, value});
    }
    return out;
}

void read_memo(SheetReader& sheet, model::Report& report) {
    model::MemoHeader& memo = report.memo;
    static const std::map<std::string_view, std::string model::MemoHeader::*> text_fields = {
        {"agency", &model::MemoHeader::agency},   {"agency_abbr", &model::MemoHeader::agency_abbr},
        {"division", &model::MemoHeader::division}, {"phone", &model::MemoHeader::phone},
        {"ref", &model::MemoHeader::ref},         {"subject", &model::MemoHeader::subject},
        {"to", &model::MemoHeader::to},           {"via", &model::MemoHeader::via},
        {"signer", &model::MemoHeader::signer},   {"signer_title", &model::MemoHeader::signer_title},
        {"template", &model::MemoHeader::template_name},
    };
    std::set<std::string_view> seen;
    for (const KeyValue& kv : key_value_rows(sheet.grid())) {
        Written key(kv.key);
        auto name = std::find_if(memo_keys.begin(), memo_keys.end(), [&](const Name& n) { return matches(key, n); });
        if (name == memo_keys.end()) {  // unknown keys are offered to the templates
            report.variables[kv.key] = sheet.value_text(kv.value);
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
    }
}

// ---------------------------------------------------------------------------------------------------------------
// Sheet คะแนน [scores]

void read_scores(SheetReader& sheet, model::Report& report) {
    auto columns = read_header(sheet, score_columns, score_columns[0]);
    if (!columns) return;
    const Grid& grid = sheet.grid();
    for (const auto& [row, cells] : grid.rows()) {
        if (row < columns->first_data_row || row_is_empty(grid, row)) continue;
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
    std::string s = arabic_digits(clean_text(written));
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
    const std::string digit_forms[] = {number, thai_digits(number)};
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
            if (row < columns_.first_data_row || row_is_empty(grid, row)) continue;
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
        if (row < columns->first_data_row || row_is_empty(grid, row)) continue;
        auto year = sheet.whole_number(row, (*columns)["fiscal_year"], indicator_columns[0]);
        std::string no = arabic_digits(grid.text(grid.at(row, (*columns)["indicator_no"])));
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
    with_sheet(find_sheet(workbook, variables_sheet, file_name, diagnostics),
               [&](SheetReader& r) { read_variables(r, result.report); });
    with_sheet(find_sheet(workbook, indicators_sheet, file_name, diagnostics),
               [&](SheetReader& r) { read_indicators(r, result.report); });
    with_sheet(memo, [&](SheetReader& r) { read_memo(r, result.report); });
    with_sheet(scores, [&](SheetReader& r) { read_scores(r, result.report); });
    with_sheet(measures, [&](SheetReader& r) { MeasuresReader(r, result.report).read(); });
    return result;
}

ReportResult read_report_file(const std::string& given_path) {
    const std::string path = without_trailing_slash(given_path);
    std::error_code ec;
    if (std::filesystem::is_directory(path, ec)) return report_from(read_csv_folder(path), path);
    std::string ext = lower_extension(path);
    if (ext == ".csv" || ext == ".tsv")
        return refuse(path, "ไฟล์ CSV หนึ่งไฟล์คือชีตเดียว ให้ใส่ หนังสือ.csv คะแนน.csv มาตรการ.csv ไว้ในโฟลเดอร์เดียวกัน "
                            "แล้วระบุโฟลเดอร์ (one CSV file is one sheet: put หนังสือ.csv, คะแนน.csv and มาตรการ.csv "
                            "in a folder and give the folder)");
    std::vector<Diagnostic> diagnostics;
    auto bytes = read_input_file(path, max_input_file_bytes, diagnostics);
    if (!bytes) return refuse(path, diagnostics.front().message);
    return read_report_xlsx(*bytes, path);
}

ReportResult read_report_xlsx(std::span<const std::byte> bytes, const std::string& path) {
    return report_from(read_xlsx(bytes, path), path);
}

std::vector<std::string> find_agency_inputs(const std::string& given_folder) {
    const std::string folder = without_trailing_slash(given_folder);
    std::vector<std::string> inputs;
    if (holds_ita_csv(folder)) inputs.push_back(folder);
    std::vector<std::filesystem::path> entries;
    std::error_code ec;
    for (const auto& entry : std::filesystem::directory_iterator(folder, ec)) entries.push_back(entry.path());
    std::sort(entries.begin(), entries.end());
    for (const auto& entry : entries) {
        if (std::filesystem::is_regular_file(entry, ec) && is_spreadsheet_file(entry))
            inputs.push_back(entry.string());
        else if (std::filesystem::is_directory(entry, ec) && holds_ita_csv(entry.string()))
            inputs.push_back(entry.string());
    }
    return inputs;
}

}  // namespace saraban::ingest
