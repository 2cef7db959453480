// The input data of one agency and reporting round, as read from its workbook: plain structs, no behaviour.
// Every stage after ingest reads these; only ingest writes them.
#pragma once

#include <map>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "model/cell_ref.h"

namespace saraban::model {

// A calendar date in the Gregorian calendar (the memo shows it in the Buddhist era).
struct Date {
    int year = 0;   // Gregorian (C.E.), e.g. 2021
    int month = 0;  // 1..12
    int day = 0;    // 1..31

    bool operator==(const Date&) const = default;
};

// Sheet หนังสือ [memo]: the memo's header and signer. Strings are NFC, trimmed, with single spaces.
struct MemoHeader {
    std::string agency;        // หน่วยงาน: สำนักงานบริหารหนี้สาธารณะ
    std::string agency_abbr;   // ชื่อย่อ: สบน.
    std::string division;      // ส่วนราชการ: สำนักงานเลขาธิการกรม ส่วนอำนวยการ
    std::string sender;        // หน่วยงานผู้เสนอ (optional): the unit that writes "… ขอเรียน ดังนี้"; default division
    std::string sender_abbr;   // ชื่อย่อผู้เสนอ (optional): สลก.
    std::string phone;         // โทร (optional), as written
    std::string ref;           // ที่ (optional: left for the register to fill): กค ๐๙๐๑/สลก./๙๔๒
    Date date;                 // วันที่ (optional, year 0 when absent: left for the register to fill)
    std::string subject;       // เรื่อง
    std::string to;            // เรียน
    std::string via;           // ผ่าน (optional)
    std::string signer;        // ผู้ลงนาม: the full name, without parentheses
    std::string signer_title;  // ตำแหน่ง
    int fiscal_year_be = 0;    // ปีงบประมาณ, Buddhist era, e.g. 2564
    int round_months = 0;      // รอบรายงาน: 6 or 12
    std::string template_name; // แม่แบบ (optional): which template(s) to produce

    // Where each key was found, by canonical (English) key: "agency", "ref", "date", …
    std::map<std::string, CellRef> at;
};

// Sheet คะแนน [scores]: one row per fiscal year.
struct ScoreRow {
    int fiscal_year_be = 0;  // Buddhist era
    double iit = 0;          // 0..100
    double eit = 0;          // 0..100
    double oit = 0;          // 0..100
    double ita = 0;          // the total, 0..100
    std::string level;       // ระดับ as written: AA, A, …, or สูงมาก, สูง, …
    // Optional and unknown columns, by canonical key (iit_respondents, eit_respondents, eit_population) or, for
    // unknown columns, by the normalised header text. Values as text (numbers in Arabic digits).
    std::map<std::string, std::string> extra;
    CellRef at;  // the row (col 0)
    // Where each value was read, by canonical key: "fiscal_year", "iit", "eit", "oit", "ita", "level" (keys of
    // columns the sheet lacks are absent). For findings that point at the exact cell.
    std::map<std::string, CellRef> field_at;
};

// The status of a step (on measures, derived from their steps).
enum class Status {
    done,         // ดำเนินการแล้ว
    in_progress,  // อยู่ระหว่างดำเนินการ
    not_started,  // ยังไม่ได้ดำเนินการ
};

// Sheet มาตรการ [measures]: a step of a measure ("5.1").
struct Step {
    int measure_no = 0;        // 5
    int step_no = 0;           // 1
    std::string text;          // มาตรการ/ขั้นตอน, without its number
    std::string target_group;  // inherited from the measure when empty on the step
    std::string indicator;     // likewise
    std::string owner;         // likewise
    std::string monitoring;    // likewise
    Status status = Status::not_started;
    std::string progress;      // ความคืบหน้า: the note the memo quotes for steps not yet done
    std::string due;           // กำหนดแล้วเสร็จ, as written (optional)
    std::map<std::string, std::string> extra;  // unknown columns, by normalised header text
    CellRef at;                // the row (col 0)
    std::map<std::string, CellRef> field_at;  // where each value was read: "no", "item", "status", "progress", …
};

// A measure ("5") with its steps, in input order.
struct Measure {
    int number = 0;
    std::string text;          // without its number
    std::string target_group;
    std::string indicator;
    std::string owner;
    std::string monitoring;
    std::vector<Step> steps;
    CellRef at;
    std::map<std::string, CellRef> field_at;  // where each value was read: "no", "item", …
};

// Everything read for one agency and round.
struct Report {
    std::string source;               // the input path as given
    MemoHeader memo;
    std::vector<ScoreRow> scores;     // in input order (normally by fiscal year)
    std::vector<Measure> measures;    // in input order
    std::map<std::string, std::string> variables;  // sheet ตัวแปร [variables]: key → value
    // Where each sheet is, by its English name ("memo", "scores", "measures", "variables"), or where it would be
    // added when the input has none (the sheet ตัวแปร of the workbook, or the file ตัวแปร.csv of a CSV folder):
    // findings about a value the templates need and the input lacks point there.
    std::map<std::string, CellRef> sheet_at;
    // Where each variable was read, by key.
    std::map<std::string, CellRef> variable_at;
};

// The text fields of the memo header, by their key in the input contract ("agency", "sender", …; the date, fiscal
// year and round are not text): one list for every stage that walks them (reading, the tracking workbook, finding
// a character's cell).
struct MemoTextField {
    std::string_view key;
    std::string MemoHeader::*field;
};
const std::vector<MemoTextField>& memo_text_fields();

// The status of a measure, derived from its steps: done when all are done, not started when none has begun,
// otherwise in progress. A measure without steps counts as not started.
Status measure_status(const Measure& m);

}  // namespace saraban::model
