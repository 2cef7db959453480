#include "validate/validate.h"

#include <algorithm>

#include "model/input_contract.h"
#include "text/dates.h"

#include <cmath>
#include <cstdio>
#include <map>
#include <string>
#include <tuple>

namespace saraban::validate {
namespace {

using model::CellRef;
using model::Diagnostic;
using model::Severity;

// Scores are compared after rounding to the 2 decimals the memo prints; 1e-6 absorbs binary fractions.
constexpr double score_epsilon = 1e-6;
constexpr double total_tolerance = 0.01;

std::string two_decimals(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.2f", v);
    return buffer;
}

// "94.99", "100", "0.3": a bound or weight as the table writes it.
std::string short_number(double v) {
    char buffer[32];
    std::snprintf(buffer, sizeof buffer, "%.10g", v);
    return buffer;
}

double round2(double v) { return std::round(v * 100) / 100; }

// The exact cell of a field when the reader recorded it, else the row (or whatever `fallback` names).
CellRef cell_of(const std::map<std::string, CellRef>& field_at, const std::string& key, const CellRef& fallback) {
    auto it = field_at.find(key);
    return it != field_at.end() ? it->second : fallback;
}

// Latin letters compared case-insensitively ("aa" is "AA"); the reader has already trimmed and NFC-normalised.
bool same_level(const std::string& a, const std::string& b) {
    if (a.size() != b.size()) return false;
    for (std::size_t i = 0; i < a.size(); ++i) {
        char x = a[i], y = b[i];
        if (x >= 'a' && x <= 'z') x = char(x - 'a' + 'A');
        if (y >= 'a' && y <= 'z') y = char(y - 'a' + 'A');
        if (x != y) return false;
    }
    return true;
}

class Checker {
public:
    Checker(const model::Report& report, const Rules* rules) : report_(report), rules_(rules) {}

    std::vector<Diagnostic> run() {
        for (const model::ScoreRow& row : report_.scores) check_score_row(row);
        check_presence();
        check_numbering();
        check_memo();
        return std::move(out_);
    }

private:
    void error(const CellRef& at, std::string message) { out_.push_back({Severity::error, at, std::move(message)}); }
    void warning(const CellRef& at, std::string message) {
        out_.push_back({Severity::warning, at, std::move(message)});
    }
    CellRef file_ref() const { return CellRef{report_.source, "", 0, 0}; }
    // A sheet's place as ingest recorded it (so that a finding there and ingest's are seen as one), else the file.
    CellRef sheet_ref(const std::string& key) const { return cell_of(report_.sheet_at, key, file_ref()); }
    CellRef memo_cell(const std::string& key) const { return cell_of(report_.memo.at, key, sheet_ref("memo")); }

    // ---- sheet คะแนน

    void check_score_row(const model::ScoreRow& row) {
        std::string year = std::to_string(row.fiscal_year_be);
        if (row.fiscal_year_be < 2400) {
            error(cell_of(row.field_at, "fiscal_year", row.at),
                  "ปีงบประมาณ " + year + " ต้องเป็น พ.ศ. (fiscal year " + year +
                      " must be a Buddhist-era year, e.g. 2564 for 2021)");
            return;
        }
        bool in_range = true;
        for (auto [key, name, value] : {std::tuple{"iit", "IIT", row.iit}, {"eit", "EIT", row.eit},
                                        {"oit", "OIT", row.oit}, {"ita", "ITA", row.ita}})
            in_range = check_score(row, key, name, value) && in_range;
        if (!in_range || !rules_) return;
        check_level(row);
        check_total(row);
    }

    // Returns false when the score is outside 0–100 (the level and total checks would only repeat it).
    bool check_score(const model::ScoreRow& row, const std::string& key, const std::string& name, double value) {
        CellRef at = cell_of(row.field_at, key, row.at);
        std::string year = std::to_string(row.fiscal_year_be);
        if (value < 0 || value > 100) {
            error(at, "คะแนน " + name + " ปี " + year + " เป็น " + short_number(value) + " ต้องอยู่ระหว่าง 0 ถึง 100 (" +
                          name + " score " + short_number(value) + " of FY " + year + " is outside 0–100)");
            return false;
        }
        if (std::fabs(value - round2(value)) > score_epsilon)
            warning(at, "คะแนน " + name + " " + short_number(value) + " มีทศนิยมเกิน 2 ตำแหน่ง หนังสือจะแสดง " +
                            two_decimals(value) + " (" + name + " score " + short_number(value) +
                            " has more than 2 decimals; the memo shows " + two_decimals(value) + ")");
        return true;
    }

    void check_level(const model::ScoreRow& row) {
        std::string year = std::to_string(row.fiscal_year_be);
        CellRef at = cell_of(row.field_at, "level", row.at);
        auto bands = bands_for(*rules_, row.fiscal_year_be);
        if (bands.empty()) {
            warning(at, "ไม่มีตารางระดับของปีงบประมาณ " + year + " ในแม่แบบ ไม่ได้ตรวจระดับ (no level table for FY " +
                            year + " in templates/" + std::string(levels_file_name) + ": the level is not checked)");
            return;
        }
        const double ita = round2(row.ita);
        const LevelBand* expected = nullptr;
        for (const LevelBand* band : bands)
            if (ita >= band->min - score_epsilon && ita <= band->max + score_epsilon) expected = band;
        if (!expected || same_level(row.level, expected->level)) return;
        std::string band = short_number(expected->min) + "–" + short_number(expected->max);
        error(at, "ระดับ \"" + row.level + "\" ไม่ตรงกับคะแนน ITA " + two_decimals(row.ita) + " ของปีงบประมาณ " + year +
                      " ควรเป็น \"" + expected->level + "\" (" + band + ") (level \"" + row.level +
                      "\" does not match ITA " + two_decimals(row.ita) + " for FY " + year + ": expected \"" +
                      expected->level + "\", the band " + band + ")");
    }

    void check_total(const model::ScoreRow& row) {
        const TotalWeights* w = weights_for(*rules_, row.fiscal_year_be);
        if (!w) return;  // before FY 2562 the total is not a weighted sum
        double sum = w->iit * row.iit + w->eit * row.eit + w->oit * row.oit;
        if (std::fabs(row.ita - sum) <= total_tolerance + score_epsilon) return;
        std::string year = std::to_string(row.fiscal_year_be);
        std::string formula = short_number(w->iit) + "×" + short_number(row.iit) + " + " + short_number(w->eit) +
                              "×" + short_number(row.eit) + " + " + short_number(w->oit) + "×" +
                              short_number(row.oit) + " = " + two_decimals(sum);
        error(cell_of(row.field_at, "ita", row.at),
              "คะแนน ITA " + short_number(row.ita) + " ไม่เท่ากับผลรวมถ่วงน้ำหนักของปีงบประมาณ " + year + " " +
                  formula + " (ITA " + short_number(row.ita) + " is not the weighted total of FY " + year +
                  ": expected " + formula + ", ±0.01)");
    }

    // ---- what must be there

    void check_presence() {
        if (report_.scores.empty())
            error(sheet_ref("scores"), "ไม่มีคะแนน ITA (sheet คะแนน [scores] has no rows)");
        if (report_.measures.empty())
            error(sheet_ref("measures"), "ไม่มีมาตรการ (sheet มาตรการ [measures] has no rows)");
        // The year's own scores come out near its end: the 12-month report quotes them, the 6-month one cannot.
        bool year_found = false;
        for (const auto& row : report_.scores) year_found = year_found || row.fiscal_year_be == report_.memo.fiscal_year_be;
        if (!report_.scores.empty() && !year_found && report_.memo.fiscal_year_be > 0 && report_.memo.round_months == 12) {
            std::string year = std::to_string(report_.memo.fiscal_year_be);
            error(memo_cell("fiscal_year"), "ไม่มีคะแนนของปีงบประมาณ " + year + " ในชีต คะแนน (no score row for the "
                                            "memo's fiscal year " + year + ")");
        }
    }

    // ---- sheet มาตรการ

    // Measures 1, 2, 3… and under measure n the steps n.1, n.2, n.3…: a gap is a lost or misnumbered row.
    void check_numbering() {
        int previous_measure = 0;
        for (const model::Measure& m : report_.measures) {
            if (m.number != previous_measure + 1)
                error(cell_of(m.field_at, "no", m.at),
                      "มาตรการที่ " + std::to_string(m.number) + " ไม่ต่อเนื่อง ควรเป็นมาตรการที่ " +
                          std::to_string(previous_measure + 1) + " (measure " + std::to_string(m.number) +
                          " is out of sequence: expected " + std::to_string(previous_measure + 1) +
                          "; a measure missing or misnumbered?)");
            previous_measure = m.number;
            check_step_numbering(m);
            if (m.steps.empty())
                warning(m.at, "มาตรการที่ " + std::to_string(m.number) + " ไม่มีขั้นตอน (measure " +
                                  std::to_string(m.number) + " has no steps)");
        }
    }

    void check_step_numbering(const model::Measure& m) {
        int previous = 0;
        for (const model::Step& s : m.steps) {
            std::string label = std::to_string(m.number) + "." + std::to_string(s.step_no);
            std::string expected = std::to_string(m.number) + "." + std::to_string(previous + 1);
            if (s.step_no != previous + 1)
                error(cell_of(s.field_at, "no", s.at),
                      "ขั้นตอน " + label + " ไม่ต่อเนื่อง ควรเป็น " + expected + " (step " + label +
                          " is out of sequence: expected " + expected + "; a step missing or misnumbered?)");
            previous = s.step_no;
        }
    }

    // ---- sheet หนังสือ

    void check_memo() {
        const model::MemoHeader& memo = report_.memo;
        // The required text keys of the input contract (model/input_contract.h), in its order.
        for (const auto& [key, field] : model::memo_text_fields()) {
            const auto& keys = model::contract::memo_keys();
            // key passed by value: clang 14 refuses a lambda capturing a structured binding.
            const auto name = std::find_if(keys.begin(), keys.end(), [key = key](const auto& n) { return n.key == key; });
            if (name == keys.end() || !name->required || !(memo.*field).empty()) continue;
            const std::string k(key);
            error(memo_cell(k), "ไม่มีค่า " + std::string(name->thai) + " [" + k + "] ในชีต หนังสือ (the memo's " + k +
                                    " is required: sheet หนังสือ [memo])");
        }
        if (memo.fiscal_year_be < 2400)
            error(memo_cell("fiscal_year"), "ปีงบประมาณ " + std::to_string(memo.fiscal_year_be) +
                                                " ต้องเป็น พ.ศ. (the memo's fiscal year must be a Buddhist-era year, "
                                                "e.g. 2564)");
        if (memo.round_months != 6 && memo.round_months != 12)
            error(memo_cell("round"), "รอบรายงานต้องเป็น 6 หรือ 12 เดือน (round must be 6 or 12, got " +
                                          std::to_string(memo.round_months) + ")");
        check_date();
    }

    void check_date() {
        const model::Date& d = report_.memo.date;
        if (d == model::Date{}) return;  // left empty, for the register or the e-Saraban system to fill
        if (!is_real_date(d)) {
            error(memo_cell("date"), "วันที่ของหนังสือไม่ถูกต้อง (the memo's date " + std::to_string(d.year) + "-" +
                                         std::to_string(d.month) + "-" + std::to_string(d.day) +
                                         " is not a real date)");
            return;
        }
        // Fiscal year N runs from October of N-1 to September of N (Buddhist era); a report on it is written during
        // that year or the next.
        int fy = report_.memo.fiscal_year_be;
        int date_fy = d.year + 543 + (d.month >= 10 ? 1 : 0);
        if (fy >= 2400 && (date_fy < fy || date_fy > fy + 1))
            warning(memo_cell("date"), "วันที่ของหนังสืออยู่ในปีงบประมาณ " + std::to_string(date_fy) +
                                           " ห่างจากปีงบประมาณที่รายงาน " + std::to_string(fy) +
                                           " (the memo is dated in FY " + std::to_string(date_fy) +
                                           ", not during or just after the reported FY " + std::to_string(fy) +
                                           ": a typing slip in the date or the year?)");
    }

    // A day that exists, in the years a memo can be dated.
    static bool is_real_date(const model::Date& d) { return text::is_real_date(d) && d.year <= 2200; }

    const model::Report& report_;
    const Rules* rules_;  // nullptr: no level or total check
    std::vector<Diagnostic> out_;
};

}  // namespace

std::vector<Diagnostic> validate(const model::Report& report, const Rules& rules) {
    return Checker(report, &rules).run();
}

std::vector<Diagnostic> validate(const model::Report& report) { return Checker(report, nullptr).run(); }

}  // namespace saraban::validate
