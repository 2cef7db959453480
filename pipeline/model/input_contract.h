// The input contract (docs/input-workbook.md) as data: the sheets, keys and columns an agency's workbook has, with
// their Thai and English names, whether they are required, and a word on each for the people who fill them in.
// Ingest matches what it reads against these tables; `saraban init` writes a blank input workbook from them. One
// table, so that what is read and what is handed out never disagree.
#pragma once

#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

namespace saraban::model::contract {

// A sheet, a key of a key | value sheet, or a column of a table sheet.
struct Name {
    std::string_view key;                // the English name: "fiscal_year"
    std::string_view thai;               // the Thai name: "ปีงบประมาณ"
    std::vector<std::string_view> also;  // other accepted spellings
    bool required = false;
    std::string_view help;     // what to write, in Thai, for the blank workbook
    std::string_view example;  // an example value (empty: none shown)
};

// "ปีงบประมาณ [fiscal_year]": how saraban's own workbooks write a name, Thai then English (ingest matches either
// part); "IIT" alone when the two are the same but for case.
inline std::string label(const Name& n) {
    const bool same = n.thai.size() == n.key.size() &&
                      std::equal(n.thai.begin(), n.thai.end(), n.key.begin(), [](char a, char b) {
                          return (a >= 'A' && a <= 'Z' ? a + 32 : a) == (b >= 'A' && b <= 'Z' ? b + 32 : b);
                      });
    return same ? std::string(n.thai) : std::string(n.thai) + " [" + std::string(n.key) + "]";
}

inline const Name memo_sheet{"memo", "หนังสือ", {}, true, "ส่วนหัวของบันทึกข้อความ", ""};
inline const Name scores_sheet{"scores", "คะแนน", {}, true, "คะแนน ITA ปีละหนึ่งแถว", ""};
inline const Name measures_sheet{"measures", "มาตรการ", {}, true, "มาตรการและขั้นตอน พร้อมสถานะ", ""};
inline const Name variables_sheet{"variables", "ตัวแปร", {}, false, "ข้อเท็จจริงที่ประโยคในบันทึกใช้", ""};
inline const Name indicators_sheet{"indicators", "ตัวชี้วัด", {}, false, "คะแนนตัวชี้วัดย่อย", ""};

// Sheet หนังสือ [memo]: key | value rows.
inline const std::vector<Name>& memo_keys() {
    static const std::vector<Name> keys = {
        {"agency", "หน่วยงาน", {}, true, "ชื่อกรมหรือหน่วยงาน", "กรมส่งเสริมสหกรณ์"},
        {"agency_abbr", "ชื่อย่อ", {"ชื่อย่อหน่วยงาน"}, true, "ชื่อย่อของหน่วยงาน", "กสส."},
        {"division", "ส่วนราชการ", {}, true, "บรรทัดส่วนราชการของแบบบันทึกข้อความ", "สำนักงานเลขานุการกรม กลุ่มช่วยอำนวยการ"},
        {"sender", "หน่วยงานผู้เสนอ", {"ผู้เสนอ", "หน่วยงานเจ้าของเรื่อง"}, false,
         "หน่วยงานที่ \"ขอเรียน\" ในเนื้อหนังสือ (ว่างไว้ได้: ใช้ส่วนราชการ)", "สำนักงานเลขานุการกรม"},
        {"sender_abbr", "ชื่อย่อผู้เสนอ", {"ชื่อย่อหน่วยงานผู้เสนอ"}, false,
         "ชื่อย่อของหน่วยงานผู้เสนอ (ว่างไว้ได้: ใช้ชื่อเต็ม)", "สลก."},
        {"phone", "โทร", {"โทร.", "โทรศัพท์", "tel"}, false, "หมายเลขโทรศัพท์ในบรรทัดส่วนราชการ", "๐ ๒๒๘๑ ๐๐๐๐ ต่อ ๑๒๓"},
        {"ref", "ที่", {"เลขที่หนังสือ"}, false, "เลขที่หนังสือ (ว่างไว้ได้: ให้สารบรรณหรือระบบ e-Saraban ออกเลข)",
         "กษ ๐๔๐๑/๑๒๓"},
        {"date", "วันที่", {"ลงวันที่"}, false, "วันที่ของหนังสือ (ว่างไว้ได้)", "๑๗ กันยายน ๒๕๖๗"},
        {"subject", "เรื่อง", {}, true, "เรื่องของหนังสือ", "รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส"},
        {"to", "เรียน", {}, true, "ผู้รับหนังสือ", "อธิบดีกรมส่งเสริมสหกรณ์"},
        {"via", "ผ่าน", {}, false, "ผ่านผู้ใด (ถ้ามี)", "รองอธิบดีกรมส่งเสริมสหกรณ์"},
        {"signer", "ผู้ลงนาม", {}, true, "ชื่อผู้ลงนาม (ไม่ต้องใส่วงเล็บ)", "นายสมมติ ทดสอบดี"},
        {"signer_title", "ตำแหน่ง", {"ตำแหน่งผู้ลงนาม"}, true, "ตำแหน่งของผู้ลงนาม", "เลขานุการกรม"},
        {"fiscal_year", "ปีงบประมาณ", {}, true, "ปีงบประมาณ พ.ศ.", "2567"},
        {"round", "รอบรายงาน", {"รอบ"}, true, "รอบการรายงาน ๖ หรือ ๑๒ เดือน", "12"},
        {"template", "แม่แบบ", {}, false, "ชื่อแม่แบบในโฟลเดอร์ templates (ว่างไว้ได้: progress-report)", ""},
    };
    return keys;
}

// Sheet คะแนน [scores]: one row per fiscal year.
inline const std::vector<Name>& score_columns() {
    static const std::vector<Name> columns = {
        {"fiscal_year", "ปีงบประมาณ", {"ปี"}, true, "ปีงบประมาณ พ.ศ.", "2566"},
        {"iit", "IIT", {"คะแนน IIT"}, true, "คะแนน IIT (0-100)", "90.12"},
        {"eit", "EIT", {"คะแนน EIT"}, true, "คะแนน EIT (0-100)", "88.50"},
        {"oit", "OIT", {"คะแนน OIT"}, true, "คะแนน OIT (0-100)", "95.00"},
        {"ita", "ITA", {"คะแนน ITA", "คะแนน ITA (ร้อยละ)"}, true, "คะแนนรวม ITA (0-100)", "91.59"},
        {"level", "ระดับ", {"ระดับผลการประเมิน"}, true, "ระดับผลการประเมิน AA A B C D E F", "A"},
        {"iit_respondents", "ผู้ตอบ IIT", {}, false, "จำนวนผู้ตอบแบบวัด IIT (ถ้ามี)", "120"},
        {"eit_respondents", "ผู้ตอบ EIT", {}, false, "จำนวนผู้ตอบแบบวัด EIT (ถ้ามี)", "250"},
        {"eit_population", "ผู้มีส่วนได้ส่วนเสียภายนอก", {}, false, "จำนวนผู้มีส่วนได้ส่วนเสียภายนอก (ถ้ามี)", "1200"},
    };
    return columns;
}

// Sheet มาตรการ [measures]: measures ("1") and their steps ("1.1").
inline const std::vector<Name>& measure_columns() {
    static const std::vector<Name> columns = {
        {"no", "ลำดับ", {"ข้อ"}, true, "1 คือมาตรการ 1.1 คือขั้นตอนที่ 1 ของมาตรการ 1", ""},
        {"item", "มาตรการ/ขั้นตอน", {"มาตรการ", "ขั้นตอน", "ขั้นตอน/วิธีการปฏิบัติ", "มาตรการ/แนวทาง"}, true,
         "ข้อความของมาตรการหรือขั้นตอน", ""},
        {"target_group", "กลุ่มเป้าหมาย", {}, false, "กลุ่มเป้าหมาย (เขียนที่มาตรการแล้วใช้กับทุกขั้นตอน)", ""},
        {"indicator", "ตัวชี้วัด", {}, false, "ตัวชี้วัดของมาตรการหรือขั้นตอน", ""},
        {"owner", "ผู้รับผิดชอบ", {}, false, "หน่วยงานหรือผู้รับผิดชอบ", ""},
        {"monitoring", "การกำกับติดตาม", {}, false, "วิธีกำกับติดตามและรายงานผล", ""},
        {"status", "สถานะ", {}, false, "สถานะของขั้นตอน เลือกจากรายการ", ""},
        {"progress", "ความคืบหน้า", {"รายละเอียดความคืบหน้า"}, false, "ความคืบหน้าของขั้นตอนที่ยังไม่แล้วเสร็จ", ""},
        {"due", "กำหนดแล้วเสร็จ", {"กำหนดเสร็จ"}, false, "กำหนดแล้วเสร็จ (ถ้ามี)", ""},
    };
    return columns;
}

// The three statuses of a step, in the order done, in progress, not started; their names are also the headers of
// the three-column form of sheet มาตรการ.
inline const std::vector<Name>& status_names() {
    static const std::vector<Name> names = {
        {"done", "ดำเนินการแล้ว", {"ดำเนินการแล้วเสร็จ", "แล้วเสร็จ", "เสร็จแล้ว", "เสร็จสิ้น", "completed", "complete"}, false, "", ""},
        {"in_progress", "อยู่ระหว่างดำเนินการ",
         {"อยู่ระหว่างการดำเนินการ", "ระหว่างดำเนินการ", "กำลังดำเนินการ", "in progress", "ongoing"}, false, "", ""},
        {"not_started", "ยังไม่ได้ดำเนินการ", {"ยังไม่ดำเนินการ", "ยังไม่เริ่ม", "ยังไม่เริ่มดำเนินการ", "not started"}, false, "", ""},
    };
    return names;
}

// Sheet ตัวชี้วัด [indicators] (optional).
inline const std::vector<Name>& indicator_columns() {
    static const std::vector<Name> columns = {
        {"fiscal_year", "ปีงบประมาณ", {"ปี"}, true, "", ""},
        {"indicator_no", "ตัวชี้วัด", {"ตัวชี้วัดที่"}, true, "", ""},
        {"name", "ชื่อ", {"ชื่อตัวชี้วัด"}, false, "", ""},
        {"score", "คะแนน", {}, true, "", ""},
    };
    return columns;
}

// The keys of sheet ตัวแปร that the default templates use, all optional (docs/input-workbook.md says what the memo
// says without each).
inline const std::vector<Name>& template_variables() {
    static const std::vector<Name> keys = {
        {"measures_approved_date", "", {}, false, "วันที่เห็นชอบมาตรการ", "2024-02-16"},
        {"iit_collection_period", "", {}, false, "ช่วงเดือนที่เก็บข้อมูล IIT", "เมษายน - พฤษภาคม ๒๕๖๗"},
        {"eit_collection_period", "", {}, false, "ช่วงเดือนที่เก็บข้อมูล EIT", "เมษายน - พฤษภาคม ๒๕๖๗"},
        {"oit_collection_period", "", {}, false, "ช่วงเวลาที่ตรวจ OIT", "วันที่ ๑ มีนาคม ๒๕๖๗ – ๑๔ พฤษภาคม ๒๕๖๗"},
        {"min_sample", "", {}, false, "จำนวนกลุ่มตัวอย่างขั้นต่ำ", "๓๐"},
        {"website_partner", "", {}, false, "หน่วยงานที่ร่วมปรับปรุงเว็บไซต์", "ศูนย์สารสนเทศ"},
        {"reference", "", {}, false, "อ้างถึง (บรรทัดหลังคำว่าเรียน)", ""},
        {"enclosures", "", {}, false, "สิ่งที่ส่งมาด้วย", ""},
        {"analysis_ref", "", {}, false, "เลขที่บันทึกวิเคราะห์ผล: ถ้ามี จะแนบบันทึกวิเคราะห์ผลและแผนมาตรการ", ""},
        {"analysis_date", "", {}, false, "วันที่ของบันทึกวิเคราะห์ผล", ""},
        {"analysis_phone", "", {}, false, "โทรศัพท์ของบันทึกวิเคราะห์ผล", ""},
        {"analysis_via", "", {}, false, "ผ่าน ของบันทึกวิเคราะห์ผล", ""},
        {"analysis_subject", "", {}, false, "เรื่องของบันทึกวิเคราะห์ผล", ""},
        {"oit_criterion", "", {}, false, "ข้อตัวชี้วัด OIT ที่บันทึกวิเคราะห์ผลอ้างถึง", ""},
        {"approver", "", {}, false, "ผู้บังคับบัญชาที่ลงนามเห็นชอบ", ""},
        {"approver_title", "", {}, false, "ตำแหน่งของผู้เห็นชอบ", ""},
    };
    return keys;
}

// A row whose first cell starts with this word (or "example") is an example, not data: the blank workbook of
// `saraban init` shows one per sheet, and it may stay there.
inline constexpr std::string_view example_marker = "ตัวอย่าง";

// A row of sheet มาตรการ whose ลำดับ starts with this word is a measure or step removed since the previous round
// ("ตัดออก 4.3"), which the tracking workbook still shows, struck through, below the live ones: it is not read.
// Deleting the word (leaving "4.3") brings the step back.
inline constexpr std::string_view removed_marker = "ตัดออก";

}  // namespace saraban::model::contract
