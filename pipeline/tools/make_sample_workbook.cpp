// Writes the sample workbook (inputs/sample.xlsx) from the seed's first memo: the recipe is this program.
// The data is the seed's (shared/seeds/000_d631fcd529c849e4.txt) with its OCR slips corrected ("สบн."/"สบง." →
// "สบน."); target groups, indicators, owners and monitoring come from the seed's second memo's plan table.
// Usage: make_sample_workbook <out.xlsx>. The output is byte-for-byte the same on every run.
#include <xlsxwriter.h>

#include <cstdio>
#include <cstdlib>
#include <string>
#include <vector>

namespace {

struct KeyValue {
    const char* key;
    const char* value;
};

struct ScoreRow {
    int fiscal_year;
    double iit, eit, oit, ita;
    const char* level;
    int iit_respondents, eit_respondents, eit_population;  // 0: not given
};

struct MeasureRow {
    const char* no;  // "1" a measure, "1.1" a step
    const char* item;
    const char* status;  // steps only
    const char* target_group = "";
    const char* indicator = "";
    const char* owner = "";
    const char* monitoring = "";
    const char* progress = "";
};

// Sheet หนังสือ [memo]; the date is written separately, as a date cell.
const std::vector<KeyValue> memo = {
    {"หน่วยงาน [agency]", "สำนักงานบริหารหนี้สาธารณะ"},
    {"ชื่อย่อ [agency_abbr]", "สบน."},
    {"ส่วนราชการ [division]", "สำนักงานเลขาธิการกรม ส่วนอำนวยการ"},
    {"โทร [phone]", "๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๑๒๔"},
    {"ที่ [ref]", "กค ๐๙๐๑/สลก./๙๔๒"},
    {"วันที่ [date]", nullptr},
    {"เรื่อง [subject]",
     "รายงานผลการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานบริหารหนี้สาธารณะ "
     "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน"},
    {"เรียน [to]", "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ"},
    {"ผ่าน [via]", "รอง ผอ.สบน. (นายธีรศักดิ์ แสงสนิท)"},
    {"ผู้ลงนาม [signer]", "นางสาวสิริภา สัตยานนท์"},
    {"ตำแหน่ง [signer_title]", "เลขานุการกรม"},
    {"ปีงบประมาณ [fiscal_year]", nullptr},
    {"รอบรายงาน [round]", nullptr},
    // The unit that writes the memo, as its sentences name it ("สำนักงานเลขาธิการกรม (สลก.) ขอเรียน ดังนี้").
    {"หน่วยงานผู้เสนอ [sender]", "สำนักงานเลขาธิการกรม"},
    {"ชื่อย่อผู้เสนอ [sender_abbr]", "สลก."},
};
const lxw_datetime memo_date = {2021, 9, 17, 0, 0, 0};
const int fiscal_year = 2564;
const int round_months = 12;

// --round 6: the same agency six months into the year, to show that the round is data, not template. The year's own
// scores are not out yet; most steps are still under way. (Invented for tests; the seed is the 12-month report.)
bool six_month_round = false;
const lxw_datetime six_month_date = {2021, 4, 9, 0, 0, 0};
const char* const six_month_subject =
    "รายงานผลการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานบริหารหนี้สาธารณะ "
    "ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๖ เดือน";
const char* six_month_status(const std::string& step) {
    for (const char* done : {"1.1", "2.1", "4.1", "6.1"})
        if (step == done) return "ดำเนินการแล้ว";
    for (const char* waiting : {"5.1", "5.2"})
        if (step == waiting) return "ยังไม่ได้ดำเนินการ";
    return "อยู่ระหว่างดำเนินการ";
}

// Sheet คะแนน [scores]: the seed's table. Respondent counts are given for 2564 only.
const std::vector<ScoreRow> scores = {
    {2558, 67.75, 82.58, 79.07, 80.56, "สูงมาก", 0, 0, 0},
    {2559, 71.81, 88.95, 83.72, 85.10, "สูงมาก", 0, 0, 0},
    {2560, 77.34, 87.72, 86.36, 84.11, "สูงมาก", 0, 0, 0},
    {2561, 79.35, 88.85, 86.36, 86.95, "สูงมาก", 0, 0, 0},
    {2562, 81.42, 80.38, 98.75, 88.04, "A", 0, 0, 0},
    {2563, 86.85, 79.21, 62.29, 74.73, "C", 0, 0, 0},
    {2564, 96.29, 95.20, 100.00, 97.45, "AA", 56, 110, 538},
};

const char* const six_month_report = "รายงานความก้าวหน้า รอบ ๖ เดือน และรายงานสรุปผล ณ สิ้นปี";

// Sheet มาตรการ [measures]: the first memo's status table.
std::vector<MeasureRow> measure_rows() {
    std::vector<MeasureRow> rows = {
        {"1",
         "ทบทวนการดำเนินงานเกี่ยวกับการส่งเสริมคุณธรรม ความโปร่งใสและป้องกันการทุจริต และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
         ""},
        {"1.1",
         "จัดโครงการอบรมการพัฒนาบุคลากรในการต่อต้านการทุจริต เพื่อให้ความรู้เกี่ยวกับการจัดการความเสี่ยงในกรณีที่อาจก่อให้เกิดการทุจริตหรือก่อให้เกิดการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวมของหน่วยงาน",
         "ดำเนินการแล้ว"},
        {"1.2",
         "จัดทำและดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๔ รวมทั้งมีการเผยแพร่สื่อสารประชาสัมพันธ์ นโยบาย กิจกรรม ข่าวสาร ด้านการส่งเสริมคุณธรรมและความโปร่งใสอย่างสม่ำเสมอ ในหลากหลายช่องทางทั้งที่เป็นทางการและไม่เป็นทางการ",
         "ดำเนินการแล้ว"},
        {"2",
         "ปรับปรุงประสิทธิภาพการสื่อสารกับหน่วยงานผู้รับบริการและผู้มีส่วนได้ส่วนเสีย เพื่อให้มีการปฏิสัมพันธ์แลกเปลี่ยนข้อมูลข่าวสารกันอย่างชัดเจนและต่อเนื่อง",
         ""},
        {"2.1",
         "ปรับปรุงและประชาสัมพันธ์ช่องทางการรับฟังคำติชม การร้องเรียนการทุจริตของเจ้าหน้าที่ สบน. ในทุกช่องทาง อาทิ เว็บไซต์ให้ผู้รับบริการและผู้มีส่วนได้ส่วนเสียทราบและเข้าถึงได้ง่าย",
         "ดำเนินการแล้ว"},
        {"2.2",
         "จัดทำสื่อประชาสัมพันธ์ข้อมูลการดำเนินงานของหน่วยงานที่สาธารณชนควรทราบและเปิดเผยข้อมูลบนเว็บไซต์ หลักของหน่วยงานให้ง่ายต่อการเข้าถึงข้อมูลโดยมีการเผยแพร่ข้อมูลอย่างสม่ำเสมอ และหลากหลายช่องทาง",
         "ดำเนินการแล้ว"},
        {"3",
         "การปรับปรุงระบบการทำงานให้โปร่งใสมีคุณภาพและมาตรฐานการให้บริการที่เท่าเทียม",
         ""},
        {"3.1",
         "ปรับปรุงการดำเนินงาน/การให้บริการ ให้มีความโปร่งใส ลดขั้นตอน หรือปรับปรุงคุณภาพการให้บริการให้ดีขึ้น หรือปรับปรุงคู่มือปฏิบัติงานสอดคล้องกับแผนการควบคุมภายในและบริหารความเสี่ยงของหน่วยงาน",
         "ดำเนินการแล้ว"},
        {"4",
         "การเปิดเผยข้อมูล",
         ""},
        {"4.1",
         "ปรับปรุงการเปิดเผยข้อมูลในเว็บไซต์ หลักของหน่วยงาน โดยเผยแพร่ข้อมูลพื้นฐานเกี่ยวกับการปฏิบัติงาน เช่น ข้อมูลทั่วไปด้านการบริหารงาน การใช้จ่ายงบประมาณ การจัดซื้อจัดจ้างหรือจัดหาพัสดุ และการบริหารทรัพยากรบุคคล รวมทั้งข่าวประชาสัมพันธ์ โดยมีการปรับปรุงเป็นรายสัปดาห์",
         "ดำเนินการแล้ว"},
        {"4.2",
         "ปรับปรุงช่องทางในการติดต่อสอบถาม (Q&A) ให้มีลักษณะสื่อสารได้สองทาง",
         "ดำเนินการแล้ว"},
        {"5",
         "การบูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบงานพัสดุ ในด้านการใช้ทรัพย์สินของทางราชการ",
         ""},
        {"5.1",
         "พัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code",
         "อยู่ระหว่างดำเนินการ"},
        {"5.2",
         "ทบทวนแนวปฏิบัติเกี่ยวกับขออนุญาต การยืม - คืน และการใช้ทรัพย์สินของทางราชการเพื่อให้ง่ายต่อการปฏิบัติงาน เช่น รูปแบบ E-form และสื่อสารให้แก่บุคลากรได้รับทราบ",
         "อยู่ระหว่างดำเนินการ"},
        {"5.3",
         "วางระบบในการกำกับ ดูแล และตรวจสอบพัสดุประจำปี",
         "ดำเนินการแล้ว"},
        {"6",
         "บูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบบริหารทรัพยากรบุคคล",
         ""},
        {"6.1",
         "จัดทำนโยบายการบริหารทรัพยากรบุคคลและเผยแพร่ในนโยบายและผลการดำเนินงานในเว็บไซต์หลัก",
         "ดำเนินการแล้ว"},
        {"6.2",
         "สื่อสารนโยบาย กฎ ระเบียบ แนวปฏิบัติที่เกี่ยวกับงานด้านบริหารทรัพยากรบุคคล รวมทั้งการจัดกิจกรรมในรูปแบบ edutainment ให้บุคลากรได้รับทราบงานด้านการบริหารทรัพยากรบุคคลอย่างสม่ำเสมอและทั่วถึง โดยเฉพาะด้านการใช้อำนาจการประเมินผลการปฏิบัติงาน และการพัฒนาบุคลากรในทุกช่องทางการสื่อสาร",
         "ดำเนินการแล้ว"},
    };
    return rows;
}

// The plan table of the seed's second memo: who, what for, how measured, how followed up.
void add_plan(std::vector<MeasureRow>& rows) {
    auto row = [&](const std::string& no) -> MeasureRow& {
        for (MeasureRow& r : rows)
            if (no == r.no) return r;
        std::fprintf(stderr, "no row %s\n", no.c_str());
        std::abort();
    };
    auto plan = [&](const char* no, const char* target, const char* indicator, const char* owner) {
        MeasureRow& r = row(no);
        r.target_group = target;
        r.indicator = indicator;
        r.owner = owner;
        r.monitoring = six_month_report;
    };
    plan("1", "บุคลากร สบน.", "", "สำนักงานเลขานุการกรม");
    row("1.1").indicator = "ร้อยละของบุคลากร สบน. อย่างน้อย ร้อยละ ๘๕ เข้าร่วมการอบรม";
    row("1.2").indicator =
        "ระดับความสำเร็จของการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน "
        "ประจำปีงบประมาณ ๒๕๖๔";
    plan("2", "ผู้รับบริการ ผู้มีส่วนได้ส่วนเสีย และสาธารณชน", "ร้อยละของผลคะแนน ITA ด้านประสิทธิภาพการสื่อสาร",
         "สำนักงานเลขานุการกรม และศูนย์เทคโนโลยีสารสนเทศ");
    plan("3", "ผู้รับบริการ ผู้มีส่วนได้ส่วนเสีย",
         "ระดับความสำเร็จของการปรับปรุงการดำเนินงาน/การให้บริการ/คู่มือปฏิบัติงานตามแผนควบคุมภายในและบริหาร"
         "ความเสี่ยง",
         "สำนัก/ศูนย์/กลุ่ม");
    plan("4", "ผู้รับบริการ ผู้มีส่วนได้ส่วนเสีย และสาธารณชน",
         "ระดับความสำเร็จของการปรับปรุงช่องทางในการติดต่อสื่อสาร Q&A", "สำนัก/ศูนย์/กลุ่ม และศูนย์เทคโนโลยีสารสนเทศ");
    plan("5", "บุคลากร สบน.",
         "ระดับความสำเร็จของการพัฒนาระบบการกำกับดูแลพัสดุ และทรัพย์สินของราชการโดยใช้ QR Code",
         "สำนักงานเลขานุการกรม");
    plan("6", "บุคลากร สบน.", "ระดับความสำเร็จของการจัดทำนโยบายการบริหารทรัพยากรบุคคล", "สำนักงานเลขานุการกรม");

    row("5.1").progress =
        "การพัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code "
        "ปัจจุบันอยู่ระหว่างดำเนินการในขั้นตอนของการทดสอบระบบของบริษัท มาสเดอ เมกเคอ จำกัด "
        "โดยจะแล้วเสร็จภายในปีงบประมาณ พ.ศ. ๒๕๖๔";
    row("5.2").progress = "การทบทวนแนวปฏิบัติเกี่ยวกับขออนุญาต การยืม - คืน "
        "และการใช้ทรัพย์สินของทางราชการเพื่อให้ง่ายต่อการปฏิบัติงาน "
        "ปัจจุบันอยู่ระหว่างการเชื่อมโยงข้อมูลพัสดุกับระบบสำนักงานอัจฉริยะ "
        "(Smart Office) ได้แก่ เมนูย่อยระบบงานพัสดุ "
        "(ระบบยืม-คืนครุภัณฑ์) ผ่านช่องทางการเชื่อมต่อระหว่างเว็บไซต์ "
        "(Web Service) ไปสู่ระบบแอปพลิเคชันของ สบน. "
        "บนอุปกรณ์สื่อสารเคลื่อนที่ (PDMO Mobile Application) "
        "โดยจะแล้วเสร็จภายในไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕";
}

// Sheet ตัวแปร [variables]: facts the memo's prose needs that have no column of their own.
const std::vector<KeyValue> variables = {
    {"measures_approved_date", "2021-02-16"},
    {"iit_collection_period", "เมษายน - พฤษภาคม ๒๕๖๔"},
    {"eit_collection_period", "เมษายน - พฤษภาคม ๒๕๖๔"},
    {"oit_collection_period", "วันที่ ๑ มีนาคม ๒๕๖๔ – ๑๔ พฤษภาคม ๒๕๖๔"},
    {"min_sample", "๓๐"},
    // The unit that helped with the website, and the OIT criterion the analysis memo quotes (2564's numbering).
    {"website_partner", "ศูนย์เทคโนโลยีสารสนเทศ"},
    {"oit_criterion", "ตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกันการทุจริต ข้อ ๐๔๒"},
    // The approver, who writes a note on the memo (the seed: "ทราบ … (นางแพทรีเซีย มงคลวนิช)").
    {"approver", "นางแพทรีเซีย มงคลวนิช"},
    {"approver_title", "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ"},
    // The analysis memo carried as the attachment (the seed's second memo), and its own header.
    {"analysis_ref", "ปค.๐๘๐๑/สลก./๑๕๘"},
    {"analysis_date", "2021-02-11"},
    {"analysis_phone", "๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๗๐๕"},
    {"analysis_via", "รอง ผอ.สบน. (นายธีรลักษ์ แสงสนิท)"},
    {"analysis_subject",
     "รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสสำนักงานบริหารหนี้สาธารณะ ปีงบประมาณ พ.ศ. ๒๕๖๓ "
     "และมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของสำนักงานบริหารหนี้สาธารณะ ปีงบประมาณ พ.ศ. ๒๕๖๔"},
};

// Every libxlsxwriter call is checked; the first failure ends the program with its message.
class Writer {
public:
    explicit Writer(const char* path) : path_(path) {}

    void check(lxw_error error, const char* what) {
        if (error == LXW_NO_ERROR || failed_) return;
        std::fprintf(stderr, "make_sample_workbook: %s: %s: %s\n", path_, what, lxw_strerror(error));
        failed_ = true;
    }
    bool failed() const { return failed_; }

private:
    const char* path_;
    bool failed_ = false;
};

struct Formats {
    lxw_format* header;
    lxw_format* wrap;
    lxw_format* date;
    lxw_format* score;
};

void write_memo(Writer& w, lxw_worksheet* sheet, const Formats& f) {
    w.check(worksheet_set_column(sheet, 0, 0, 28, f.wrap), "set column");
    w.check(worksheet_set_column(sheet, 1, 1, 90, f.wrap), "set column");
    w.check(worksheet_write_string(sheet, 0, 0, "คีย์ [key]", f.header), "write header");
    w.check(worksheet_write_string(sheet, 0, 1, "ค่า [value]", f.header), "write header");
    lxw_row_t row = 1;
    for (const KeyValue& kv : memo) {
        w.check(worksheet_write_string(sheet, row, 0, kv.key, nullptr), kv.key);
        std::string key = kv.key;
        if (kv.value) {
            const char* value = six_month_round && key.starts_with("เรื่อง") ? six_month_subject : kv.value;
            w.check(worksheet_write_string(sheet, row, 1, value, nullptr), kv.key);
        } else if (key.starts_with("วันที่")) {
            lxw_datetime date = six_month_round ? six_month_date : memo_date;
            w.check(worksheet_write_datetime(sheet, row, 1, &date, f.date), kv.key);
        } else if (key.starts_with("ปีงบประมาณ")) {
            w.check(worksheet_write_number(sheet, row, 1, fiscal_year, nullptr), kv.key);
        } else {
            w.check(worksheet_write_number(sheet, row, 1, six_month_round ? 6 : round_months, nullptr), kv.key);
        }
        ++row;
    }
}

void write_scores(Writer& w, lxw_worksheet* sheet, const Formats& f) {
    const char* headers[] = {"ปีงบประมาณ [fiscal_year]", "IIT", "EIT", "OIT", "ITA", "ระดับ [level]",
                             "ผู้ตอบ IIT [iit_respondents]", "ผู้ตอบ EIT [eit_respondents]",
                             "ผู้มีส่วนได้ส่วนเสียภายนอก [eit_population]"};
    for (lxw_col_t c = 0; c < 9; ++c) w.check(worksheet_write_string(sheet, 0, c, headers[c], f.header), "header");
    w.check(worksheet_set_column(sheet, 0, 8, 16, nullptr), "set column");
    lxw_row_t row = 1;
    for (const ScoreRow& s : scores) {
        if (six_month_round && s.fiscal_year == fiscal_year) continue;
        w.check(worksheet_write_number(sheet, row, 0, s.fiscal_year, nullptr), "fiscal year");
        double values[] = {s.iit, s.eit, s.oit, s.ita};
        for (lxw_col_t c = 0; c < 4; ++c) w.check(worksheet_write_number(sheet, row, 1 + c, values[c], f.score), "score");
        w.check(worksheet_write_string(sheet, row, 5, s.level, nullptr), "level");
        int counts[] = {s.iit_respondents, s.eit_respondents, s.eit_population};
        for (lxw_col_t c = 0; c < 3; ++c)
            if (counts[c]) w.check(worksheet_write_number(sheet, row, 6 + c, counts[c], nullptr), "count");
        ++row;
    }
}

void write_measures(Writer& w, lxw_worksheet* sheet, const Formats& f) {
    const char* headers[] = {"ลำดับ [no]", "มาตรการ/ขั้นตอน [item]", "กลุ่มเป้าหมาย [target_group]",
                             "ตัวชี้วัด [indicator]", "ผู้รับผิดชอบ [owner]", "การกำกับติดตาม [monitoring]",
                             "สถานะ [status]", "ความคืบหน้า [progress]"};
    const double widths[] = {8, 60, 24, 36, 24, 30, 20, 60};
    for (lxw_col_t c = 0; c < 8; ++c) {
        w.check(worksheet_write_string(sheet, 0, c, headers[c], f.header), "header");
        w.check(worksheet_set_column(sheet, c, c, widths[c], f.wrap), "set column");
    }
    std::vector<MeasureRow> rows = measure_rows();
    add_plan(rows);
    lxw_row_t row = 1;
    for (const MeasureRow& m : rows) {
        const bool step = std::string(m.no).find('.') != std::string::npos;
        const char* status = six_month_round && step ? six_month_status(m.no) : m.status;
        const char* progress = six_month_round ? "" : m.progress;
        const char* cells[] = {m.no, m.item, m.target_group, m.indicator, m.owner, m.monitoring, status, progress};
        for (lxw_col_t c = 0; c < 8; ++c)
            if (*cells[c]) w.check(worksheet_write_string(sheet, row, c, cells[c], nullptr), m.no);
        ++row;
    }
}

void write_variables(Writer& w, lxw_worksheet* sheet, const Formats& f) {
    w.check(worksheet_set_column(sheet, 0, 0, 28, nullptr), "set column");
    w.check(worksheet_set_column(sheet, 1, 1, 50, nullptr), "set column");
    w.check(worksheet_write_string(sheet, 0, 0, "คีย์ [key]", f.header), "header");
    w.check(worksheet_write_string(sheet, 0, 1, "ค่า [value]", f.header), "header");
    lxw_row_t row = 1;
    for (const KeyValue& kv : variables) {
        w.check(worksheet_write_string(sheet, row, 0, kv.key, nullptr), kv.key);
        w.check(worksheet_write_string(sheet, row, 1, kv.value, nullptr), kv.key);
        ++row;
    }
}

}  // namespace

int main(int argc, char** argv) {
    six_month_round = argc == 4 && std::string(argv[2]) == "--round" && std::string(argv[3]) == "6";
    if (argc != 2 && !six_month_round) {
        std::fprintf(stderr, "usage: make_sample_workbook <out.xlsx> [--round 6]\n");
        return 2;
    }
    Writer w(argv[1]);
    lxw_workbook* workbook = workbook_new(argv[1]);
    if (!workbook) {
        std::fprintf(stderr, "make_sample_workbook: %s: cannot create the workbook\n", argv[1]);
        return 1;
    }
    // A fixed creation time: the same program writes the same bytes.
    lxw_doc_properties properties = {};
    properties.title = const_cast<char*>("ตัวอย่างข้อมูล ITA สำนักงานบริหารหนี้สาธารณะ ๒๕๖๔ (saraban sample)");
    properties.author = const_cast<char*>("saraban");
    properties.created = 1631836800;  // 2021-09-17 00:00:00 UTC, the memo's date
    w.check(workbook_set_properties(workbook, &properties), "set properties");

    Formats f{};
    f.header = workbook_add_format(workbook);
    format_set_bold(f.header);
    format_set_text_wrap(f.header);
    f.wrap = workbook_add_format(workbook);
    format_set_text_wrap(f.wrap);
    format_set_align(f.wrap, LXW_ALIGN_VERTICAL_TOP);
    f.date = workbook_add_format(workbook);
    format_set_num_format(f.date, "yyyy-mm-dd");
    format_set_align(f.date, LXW_ALIGN_LEFT);
    f.score = workbook_add_format(workbook);
    format_set_num_format(f.score, "0.00");

    struct {
        const char* name;
        void (*write)(Writer&, lxw_worksheet*, const Formats&);
    } sheets[] = {{"หนังสือ", write_memo}, {"คะแนน", write_scores}, {"มาตรการ", write_measures},
                  {"ตัวแปร", write_variables}};
    for (const auto& s : sheets) {
        lxw_worksheet* sheet = workbook_add_worksheet(workbook, s.name);
        if (!sheet) {
            std::fprintf(stderr, "make_sample_workbook: %s: cannot add sheet %s\n", argv[1], s.name);
            workbook_close(workbook);
            return 1;
        }
        s.write(w, sheet, f);
    }
    lxw_error closed = workbook_close(workbook);
    w.check(closed, "write the file");
    return w.failed() ? 1 : 0;
}
