// End-to-end tests of the saraban command: they run the built binary (SARABAN_BINARY_DIR/saraban) with the
// working directory at the source tree, so that the default inputs/, fonts/ and templates/ resolve, and always
// write into fresh temporary folders (-o) so that they never race with another run. The PDFs are checked with
// the external tools pdftotext, pdffonts and qpdf (poppler-utils, qpdf).
#include <boost/test/unit_test.hpp>

#include "support/process.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cmath>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace fs = std::filesystem;
using namespace saraban::testing;

namespace {

std::vector<std::string> split(const std::string& s, char sep) {
    std::vector<std::string> parts;
    std::string cur;
    for (char c : s) {
        if (c == sep) {
            parts.push_back(cur);
            cur.clear();
        } else {
            cur.push_back(c);
        }
    }
    parts.push_back(cur);
    return parts;
}

std::string trim(const std::string& s) {
    const auto b = s.find_first_not_of(" \t\r\n\f\v");
    if (b == std::string::npos) return "";
    const auto e = s.find_last_not_of(" \t\r\n\f\v");
    return s.substr(b, e - b + 1);
}

bool starts_with(std::string_view s, std::string_view p) { return s.substr(0, p.size()) == p; }
bool ends_with(std::string_view s, std::string_view p) {
    return s.size() >= p.size() && s.substr(s.size() - p.size()) == p;
}

// Moves a byte index back to the start of its UTF-8 character.
std::size_t utf8_floor(std::string_view s, std::size_t i) {
    while (i > 0 && i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) --i;
    return i;
}

std::string thai_number(int n) {
    static const char* const kDigits[] = {"๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙"};
    std::string out;
    for (char c : std::to_string(n)) out += kDigits[c - '0'];
    return out;
}

// Checks that haystack (whitespace-stripped) contains expected (whitespace stripped); on failure reports the
// longest prefix of expected that is found and, side by side, what follows it in the text.
void check_contains(const std::string& haystack_stripped, const std::string& expected_text, const std::string& what) {
    const std::string expected = strip_ws(expected_text);
    if (haystack_stripped.find(expected) != std::string::npos) {
        BOOST_TEST(true);
        return;
    }
    // Longest prefix found: prefix presence is monotonic, so bisect over the UTF-8 character boundaries.
    std::vector<std::size_t> bounds;  // byte offsets of character ends
    for (std::size_t i = 1; i <= expected.size(); ++i) {
        if (i == expected.size() || (static_cast<unsigned char>(expected[i]) & 0xC0) != 0x80) bounds.push_back(i);
    }
    std::size_t good = 0, bad = bounds.size();  // bounds[good-1] found (or nothing), bounds[bad-1] not found
    while (bad - good > 1) {
        const std::size_t mid = (good + bad) / 2;
        if (haystack_stripped.find(expected.substr(0, bounds[mid - 1])) != std::string::npos) good = mid;
        else bad = mid;
    }
    const std::size_t lo = good == 0 ? 0 : bounds[good - 1];
    std::ostringstream msg;
    msg << what << ": expected text not found in the PDF (whitespace removed)\n  expected: " << expected << "\n";
    if (lo == 0) {
        msg << "  not even its first character is found";
    } else {
        const std::size_t at = haystack_stripped.find(expected.substr(0, lo));
        const std::size_t ctx = std::min<std::size_t>(expected.size() - lo, 120);
        const std::string exp_rest = expected.substr(lo, utf8_floor(expected, lo + ctx) - lo);
        const std::size_t act_from = at + lo;
        const std::size_t act_to = utf8_floor(haystack_stripped, std::min(haystack_stripped.size(), act_from + ctx + 30));
        const std::size_t shown_from = utf8_floor(expected, lo > 90 ? lo - 90 : 0);
        msg << "  matches up to byte " << lo << " of " << expected.size() << ": …"
            << expected.substr(shown_from, lo - shown_from)
            << "\n  then expected: " << exp_rest << "\n  but the PDF has: "
            << haystack_stripped.substr(act_from, act_to > act_from ? act_to - act_from : 0);
    }
    BOOST_ERROR(msg.str());
}

// ---------------------------------------------------------------------------------------------------------
// The main job's PDF, produced once for the tests that only read it.

struct MainJob {
    TempDir dir;
    Result result;
    fs::path pdf;
    MainJob() {
        result = run_saraban({"run", "inputs", "-o", dir.path().string()});
        pdf = dir / "sample.pdf";
    }
};

const MainJob& main_job() {
    static MainJob job;
    BOOST_TEST_REQUIRE(job.result.status == 0, "saraban run inputs failed: " << job.result.err);
    BOOST_TEST_REQUIRE(fs::exists(job.pdf), "saraban run did not write " << job.pdf);
    return job;
}

// Drops the page furniture so that a paragraph split over a page break reads on: the continuation marker
// ("/จำนวน ๑๑๐...") and the page number ("- ๒ -"). pdftotext's default mode dehyphenates, so the page number
// at the top of a page reaches it as "-๒" glued to the page's first line; -raw prints it as a line "- ๒ -".
std::string body_text(const std::string& text) {
    const std::vector<std::string> pages = split(text, '\f');
    std::string out;
    for (std::size_t p = 0; p < pages.size(); ++p) {
        const std::string number = thai_number(static_cast<int>(p) + 1);
        bool first_line = true;
        for (const std::string& line : split(pages[p], '\n')) {
            const std::string t = trim(line);
            const std::string s = strip_ws(line);
            if (s.empty()) continue;
            if (starts_with(t, "/") && ends_with(t, "...")) continue;  // continuation marker
            if (s == "-" + number + "-") continue;                      // page number line
            if (first_line && p > 0 && starts_with(s, "-" + number)) {    // dehyphenated page number
                out += s.substr(1 + number.size());
                out += '\n';
                first_line = false;
                continue;
            }
            first_line = false;
            out += line;
            out += '\n';
        }
    }
    return out;
}

// The expected text: the seed's first memo (/work/shared/seeds/000_d631fcd529c849e4.txt), copied paragraph by
// paragraph. Deliberate differences from the seed, which are OCR slips or normalisations, not the engine's:
//   - "สบн." (Cyrillic н) → "สบน."; "สบง." (in ข้อ ๕.๒) → "สบน."
//   - the phone line: the seed's "ส่วนราชการ...…โทร...๐.๒๒๖๕.๘๐๕๐ ต่อ ๕๑๒๔" has the label dots read as text and
//     the digit groups joined by dots; the memo writes "โทร. ๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๑๒๔"
//   - the header's label dots ("ส่วนราชการ...") are the form's dotted leaders, not text; and the ที่ value
//     "กค.๐๙๐๑/สลก./๙๔๒" is "กค ๐๙๐๑/สลก./๙๔๒" (the dot is a leader too)
//   - the measure rows are normalised to "มาตรการ/แนวทางที่ ๔. การเปิดเผยข้อมูล" (the seed writes
//     "มาตรการ/แนวทาง ๔." and "มาตรการ/แนวทาง ๕.การ…" inconsistently)
//   - "(<https://itas.nacc.go.th>)" (markdown autolink) → "(https://itas.nacc.go.th)"
//   - the seed's continuation marker "/๒) แบบวัด..." and the handwritten signature "สิริภา สัตยานนท์" are not
//     paragraphs of the memo
// The EIT paragraph keeps the seed's "๙๕.๒ คะแนน": the template quotes scores in their shortest form.

const std::vector<std::string> kHeader = {
    "บันทึกข้อความ",
    "ส่วนราชการ สำนักงานเลขาธิการกรม ส่วนอำนวยการ โทร. ๐ ๒๒๖๕ ๘๐๕๐ ต่อ ๕๑๒๔",
    "ที่ กค ๐๙๐๑/สลก./๙๔๒",
    "วันที่ ๑๗ กันยายน ๒๕๖๔",
    "เรื่อง รายงานผลการดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานบริหาร"
    "หนี้สาธารณะ ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน",
};

const std::vector<std::string> kParagraphs = {
    "เรียน ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ (ผ่านรอง ผอ.สบน. (นายธีรศักดิ์ แสงสนิท))",
    "ตามที่สำนักงานบริหารหนี้สาธารณะ (สบน.) ได้เห็นชอบมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ เมื่อวันที่ ๑๖ กุมภาพันธ์ ๒๕๖๔ เพื่อให้การดำเนินการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. เป็นไปตามเกณฑ์การประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ ที่สำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงานป.ป.ช.) กำหนด ซึ่งมาตรการดังกล่าวกำหนดให้มีการกำกับติดตามและรายงานผลการดำเนินงาน รอบ ๖ เดือน และ ๑๒ เดือน รายละเอียดปรากฏตามเอกสารแนบ นั้น",
    "สำนักงานเลขาธิการกรม (สลก.) ขอเรียน ดังนี้",
    "๑. สบน. ได้ดำเนินการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ ITA ตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๕๘ - ๒๕๖๔ โดยมีรายละเอียดผลคะแนนการดำเนินการ ดังนี้",
    "และในปีงบประมาณ พ.ศ. ๒๕๖๔ สบน. จะได้รับรางวัลประกาศเกียรติคุณเชิดชูเกียรติ เนื่องจากมีระดับผลการประเมิน AA ด้วย",
    "๒. ผลการดำเนินการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน (เมษายน ๒๕๖๔ - กันยายน ๒๕๖๔) มีรายละเอียดสรุปได้ ดังนี้",
    "๒.๑ การเก็บรวบรวมข้อมูลตามแบบวัดการประเมินผล ITA ประกอบด้วย แบบวัด จำนวน ๓ แบบวัด ได้แก่",
    "๑) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment : IIT) เก็บข้อมูลระหว่างเดือนเมษายน - พฤษภาคม ๒๕๖๔ กำหนดกลุ่มตัวอย่างขั้นต่ำในการตอบจำนวนไม่น้อยกว่า ๓๐ คน โดย สลก. ได้เผยแพร่และประชาสัมพันธ์ช่องทางการตอบแบบวัด IIT ให้บุคลากร สบน. พร้อมกำกับและติดตามให้บุคลากรเข้ามาตอบแบบวัดตามระยะเวลาที่กำหนดและไม่น้อยกว่าจำนวนกลุ่มตัวอย่างขั้นต่ำ ซึ่งมีผู้ตอบแบบวัด IIT จำนวน ๕๖ คน ได้รับคะแนนการประเมิน IIT ๙๖.๒๙ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน",
    "๒) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment : EIT) เก็บข้อมูลระหว่างเดือนเมษายน - พฤษภาคม ๒๕๖๔ กำหนดกลุ่มตัวอย่างขั้นต่ำในการตอบแบบประเมินจำนวนไม่น้อยกว่า ๓๐ คน หรือร้อยละ ๑๐ ของจำนวนผู้มีส่วนได้ส่วนเสียภายนอก ๕๓๘ คน โดย สลก. ได้เผยแพร่และประชาสัมพันธ์ช่องทางการตอบแบบวัด EIT ให้ผู้มีส่วนได้ส่วนเสียภายนอกของ สบน. พร้อมกำกับและติดตามให้ผู้มีส่วนได้ส่วนเสียภายนอกเข้ามาตอบแบบวัดตามระยะเวลาที่กำหนด และไม่น้อยกว่าจำนวนกลุ่มตัวอย่างขั้นต่ำ ซึ่งมีผู้มีส่วนได้ส่วนเสียตอบแบบวัด EIT จำนวน ๑๑๐ คน ได้รับคะแนนการประเมิน EIT ๙๕.๒ คะแนน จากคะแนนเต็ม ๑๐๐ คะแนน",
    "๓) แบบวัดการเปิดเผยข้อมูลสาธารณะผ่านเว็บไซต์หลักของหน่วยงาน (Open Data Integrity and Transparency Assessment : OIT) เก็บข้อมูลระหว่างวันที่ ๑ มีนาคม ๒๕๖๔ – ๑๔ พฤษภาคม ๒๕๖๔ โดย สลก. ได้ดำเนินการประสานงานหน่วยงานที่เกี่ยวข้องและนำเข้าข้อมูลตามเกณฑ์การประเมินและร่วมกับศูนย์เทคโนโลยีสารสนเทศเพื่อปรับปรุงเว็บไซต์ และช่องทางการเข้าถึงข้อมูลให้ง่ายขึ้น และนำเข้า URL ข้อมูลตามเกณฑ์การประเมินในระบบ ITAS (https://itas.nacc.go.th) เพื่อประกอบการตรวจประเมินโดยคณะที่ปรึกษาได้ตรวจสอบการเปิดเผยข้อมูลและพิจารณาให้คะแนนแบบวัด OIT ตามหลักเกณฑ์ที่กำหนดและได้รับคะแนนการประเมิน OIT ๑๐๐ คะแนนเต็ม",
    "๒.๒ ผลการดำเนินการตามมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ เป็นการดำเนินการเพื่อแก้ไขประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนในปีงบประมาณ พ.ศ. ๒๕๖๓ จำนวน ๖ มาตรการ/แนวทาง มีผลการดำเนินงานสรุปได้ ดังนี้",
    "การดำเนินการตามมาตรการดังกล่าวข้างต้น ดำเนินการแล้วเสร็จ ๕ มาตรการ/แนวทาง และอยู่ระหว่างดำเนินการ ๑ มาตรการ/แนวทาง คือ การบูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบงานพัสดุ ในด้านการใช้ทรัพย์สินของทางราชการ โดยมีรายละเอียด ดังนี้",
    "ข้อ ๕.๑ การพัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code ปัจจุบันอยู่ระหว่างดำเนินการในขั้นตอนของการทดสอบระบบของบริษัท มาสเดอ เมกเคอ จำกัด โดยจะแล้วเสร็จภายในปีงบประมาณ พ.ศ. ๒๕๖๔",
    "ข้อ ๕.๒ การทบทวนแนวปฏิบัติเกี่ยวกับขออนุญาต การยืม - คืน และการใช้ทรัพย์สินของทางราชการเพื่อให้ง่ายต่อการปฏิบัติงาน ปัจจุบันอยู่ระหว่างการเชื่อมโยงข้อมูลพัสดุกับระบบสำนักงานอัจฉริยะ (Smart Office) ได้แก่ เมนูย่อยระบบงานพัสดุ (ระบบยืม-คืนครุภัณฑ์) ผ่านช่องทางการเชื่อมต่อระหว่างเว็บไซต์ (Web Service) ไปสู่ระบบแอปพลิเคชันของ สบน. บนอุปกรณ์สื่อสารเคลื่อนที่ (PDMO Mobile Application) โดยจะแล้วเสร็จภายในไตรมาสที่ ๒ ปีงบประมาณ พ.ศ. ๒๕๖๕",
    "๓. สลก. จะได้ติดตามความคืบหน้าการดำเนินงานตามมาตรการเพื่อขับเคลื่อนการส่งเสริม คุณธรรมและความโปร่งใสของ สบน. รวมทั้งจะนำข้อเสนอแนะจากการประเมิน ITA ของที่ปรึกษา มาประกอบการวางแผนการดำเนินงานด้านการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. ในปีงบประมาณ พ.ศ. ๒๕๖๕ ต่อไป",
    "จึงเรียนมาเพื่อโปรดทราบผลการดำเนินการประเมินคุณธรรมและความโปร่งใสในการ ดำเนินงานของ สบน. ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ รอบ ๑๒ เดือน",
    "(นางสาวสิริภา สัตยานนท์)",
    "เลขานุการกรม",
};

// The score table, a row at a time (cells joined); the header row once.
const std::vector<std::string> kScoreRows = {
    "ปีงบประมาณ คะแนน IIT คะแนน EIT คะแนน OIT คะแนน ITA (ร้อยละ) ระดับผลการประเมิน",
    "๒๕๕๘๖๗.๗๕๘๒.๕๘๗๙.๐๗๘๐.๕๖สูงมาก",
    "๒๕๕๙๗๑.๘๑๘๘.๙๕๘๓.๗๒๘๕.๑๐สูงมาก",
    "๒๕๖๐๗๗.๓๔๘๗.๗๒๘๖.๓๖๘๔.๑๑สูงมาก",
    "๒๕๖๑๗๙.๓๕๘๘.๘๕๘๖.๓๖๘๖.๙๕สูงมาก",
    "๒๕๖๒๘๑.๔๒๘๐.๓๘๙๘.๗๕๘๘.๐๔A",
    "๒๕๖๓๘๖.๘๕๗๙.๒๑๖๒.๒๙๗๔.๗๓C",
    "๒๕๖๔๙๖.๒๙๙๕.๒๐๑๐๐.๐๐๙๗.๔๕AA",
};

// The status table: its header, each measure row and each step.
const std::vector<std::string> kStatusRows = {
    "ขั้นตอน/วิธีการปฏิบัติ ผลการดำเนินการ ดำเนินการแล้ว อยู่ระหว่างดำเนินการ ยังไม่ได้ดำเนินการ",
    "มาตรการ/แนวทางที่ ๑. ทบทวนการดำเนินงานเกี่ยวกับการส่งเสริมคุณธรรม ความโปร่งใสและป้องกันการทุจริต และจัดทำมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน",
    "๑.๑ จัดโครงการอบรมการพัฒนาบุคลากรในการต่อต้านการทุจริต เพื่อให้ความรู้เกี่ยวกับการจัดการความเสี่ยงในกรณีที่อาจก่อให้เกิดการทุจริตหรือก่อให้เกิดการขัดกันระหว่างผลประโยชน์ส่วนตนกับผลประโยชน์ส่วนรวมของหน่วยงาน",
    "๑.๒ จัดทำและดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๔ รวมทั้งมีการเผยแพร่สื่อสารประชาสัมพันธ์ นโยบาย กิจกรรม ข่าวสาร ด้านการส่งเสริมคุณธรรมและความโปร่งใสอย่างสม่ำเสมอ ในหลากหลายช่องทางทั้งที่เป็นทางการและไม่เป็นทางการ",
    "มาตรการ/แนวทางที่ ๒. ปรับปรุงประสิทธิภาพการสื่อสารกับหน่วยงานผู้รับบริการและผู้มีส่วนได้ส่วนเสีย เพื่อให้มีการปฏิสัมพันธ์แลกเปลี่ยนข้อมูลข่าวสารกันอย่างชัดเจนและต่อเนื่อง",
    "๒.๑ ปรับปรุงและประชาสัมพันธ์ช่องทางการรับฟังคำติชม การร้องเรียนการทุจริตของเจ้าหน้าที่ สบน. ในทุกช่องทาง อาทิ เว็บไซต์ให้ผู้รับบริการและผู้มีส่วนได้ส่วนเสียทราบและเข้าถึงได้ง่าย",
    "๒.๒ จัดทำสื่อประชาสัมพันธ์ข้อมูลการดำเนินงานของหน่วยงานที่สาธารณชนควรทราบและเปิดเผยข้อมูลบนเว็บไซต์ หลักของหน่วยงานให้ง่ายต่อการเข้าถึงข้อมูลโดยมีการเผยแพร่ข้อมูลอย่างสม่ำเสมอ และหลากหลายช่องทาง",
    "มาตรการ/แนวทางที่ ๓. การปรับปรุงระบบการทำงานให้โปร่งใสมีคุณภาพและมาตรฐานการให้บริการที่เท่าเทียม",
    "๓.๑ ปรับปรุงการดำเนินงาน/การให้บริการ ให้มีความโปร่งใส ลดขั้นตอน หรือปรับปรุงคุณภาพการให้บริการให้ดีขึ้น หรือปรับปรุงคู่มือปฏิบัติงานสอดคล้องกับแผนการควบคุมภายในและบริหารความเสี่ยงของหน่วยงาน",
    "มาตรการ/แนวทางที่ ๔. การเปิดเผยข้อมูล",
    "๔.๑ ปรับปรุงการเปิดเผยข้อมูลในเว็บไซต์ หลักของหน่วยงาน โดยเผยแพร่ข้อมูลพื้นฐานเกี่ยวกับการปฏิบัติงาน เช่น ข้อมูลทั่วไปด้านการบริหารงาน การใช้จ่ายงบประมาณ การจัดซื้อจัดจ้างหรือจัดหาพัสดุ และการบริหารทรัพยากรบุคคล รวมทั้งข่าวประชาสัมพันธ์ โดยมีการปรับปรุงเป็นรายสัปดาห์",
    "๔.๒ ปรับปรุงช่องทางในการติดต่อสอบถาม (Q&A) ให้มีลักษณะสื่อสารได้สองทาง",
    "มาตรการ/แนวทางที่ ๕. การบูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบงานพัสดุ ในด้านการใช้ทรัพย์สินของทางราชการ",
    "๕.๑ พัฒนาระบบการกำกับ ดูแลพัสดุและทรัพย์สินของราชการโดยใช้ QR Code",
    "๕.๒ ทบทวนแนวปฏิบัติเกี่ยวกับขออนุญาต การยืม - คืน และการใช้ทรัพย์สินของทางราชการเพื่อให้ง่ายต่อการปฏิบัติงาน เช่น รูปแบบ E-form และสื่อสารให้แก่บุคลากรได้รับทราบ",
    "๕.๓ วางระบบในการกำกับ ดูแล และตรวจสอบพัสดุประจำปี",
    "มาตรการ/แนวทางที่ ๖. บูรณาการงานด้านคุณธรรมและจริยธรรมกับระบบบริหารทรัพยากรบุคคล",
    "๖.๑ จัดทำนโยบายการบริหารทรัพยากรบุคคลและเผยแพร่ในนโยบายและผลการดำเนินงานในเว็บไซต์หลัก",
    "๖.๒ สื่อสารนโยบาย กฎ ระเบียบ แนวปฏิบัติที่เกี่ยวกับงานด้านบริหารทรัพยากรบุคคล รวมทั้งการจัดกิจกรรมในรูปแบบ edutainment ให้บุคลากรได้รับทราบงานด้านการบริหารทรัพยากรบุคคลอย่างสม่ำเสมอและทั่วถึง โดยเฉพาะด้านการใช้อำนาจการประเมินผลการปฏิบัติงาน และการพัฒนาบุคลากรในทุกช่องทางการสื่อสาร",
};

// Where each step's ✓ belongs, in document order: 0 ดำเนินการแล้ว, 1 อยู่ระหว่างดำเนินการ, 2 ยังไม่ได้ดำเนินการ.
// (๑.๑ ๑.๒ ๒.๑ ๒.๒ ๓.๑ ๔.๑ ๔.๒ done; ๕.๑ ๕.๒ in progress; ๕.๓ ๖.๑ ๖.๒ done.)
const std::vector<int> kMarkColumns = {0, 0, 0, 0, 0, 0, 0, 1, 1, 0, 0, 0};

std::string file_names(const fs::path& dir) {
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    std::string out;
    for (const auto& n : names) out += (out.empty() ? "" : ", ") + n;
    return out;
}

std::string last_line(const std::string& text) {
    std::vector<std::string> lines = split(text, '\n');
    while (!lines.empty() && trim(lines.back()).empty()) lines.pop_back();
    return lines.empty() ? "" : lines.back();
}

// One <word> of pdftotext -bbox.
struct Word {
    int page = 0;
    double x_min = 0, y_min = 0, x_max = 0, y_max = 0;
    std::string text;
};

std::vector<Word> bbox_words(const fs::path& pdf) {
    const std::string html = pdf_text(pdf, "-bbox");
    std::vector<Word> words;
    int page = 0;
    std::size_t pos = 0;
    auto attr = [](const std::string& tag, const std::string& name) {
        const auto at = tag.find(name + "=\"");
        if (at == std::string::npos) return 0.0;
        return std::strtod(tag.c_str() + at + name.size() + 2, nullptr);
    };
    while (true) {
        const std::size_t page_at = html.find("<page ", pos);
        const std::size_t word_at = html.find("<word ", pos);
        if (word_at == std::string::npos) break;
        if (page_at != std::string::npos && page_at < word_at) {
            ++page;
            pos = page_at + 1;
            continue;
        }
        const std::size_t tag_end = html.find('>', word_at);
        const std::size_t close = html.find("</word>", tag_end);
        if (tag_end == std::string::npos || close == std::string::npos) break;
        const std::string tag = html.substr(word_at, tag_end - word_at);
        Word w;
        w.page = page;
        w.x_min = attr(tag, "xMin");
        w.y_min = attr(tag, "yMin");
        w.x_max = attr(tag, "xMax");
        w.y_max = attr(tag, "yMax");
        w.text = html.substr(tag_end + 1, close - tag_end - 1);
        words.push_back(w);
        pos = close;
    }
    return words;
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli)

// ---------------------------------------------------------------------------------------------------------
// 1. Usage

BOOST_AUTO_TEST_CASE(help_prints_usage_and_exits_0) {
    const Result r = run_saraban({"--help"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(r.out.find("usage: saraban run") != std::string::npos, "stdout: " << r.out);
    BOOST_TEST(r.out.find("saraban typeset") != std::string::npos, "stdout: " << r.out);
}

BOOST_AUTO_TEST_CASE(version_prints_the_program_name_and_version) {
    const Result r = run_saraban({"--version"});
    BOOST_TEST(r.status == 0);
    BOOST_TEST(starts_with(r.out, "saraban "), "stdout: " << r.out);
    BOOST_TEST(trim(r.out).size() > std::string("saraban ").size(), "no version after the name: " << r.out);
}

BOOST_AUTO_TEST_CASE(unknown_command_or_option_is_a_usage_error) {
    TempDir out;
    for (const std::vector<std::string>& args : std::vector<std::vector<std::string>>{
             {"frobnicate"},
             {"--frobnicate"},
             {"run", "--frobnicate", "-o", out.path().string()},
             {"typeset", "--frobnicate"},
             {}}) {
        std::string joined;
        for (const auto& a : args) joined += " " + a;
        const Result r = run_saraban(args);
        BOOST_TEST(r.status == 2, "saraban" << joined << " exited " << r.status << "; stderr: " << r.err);
        BOOST_TEST(r.err.find("usage:") != std::string::npos, "saraban" << joined << " printed no usage: " << r.err);
    }
    BOOST_TEST(fs::is_empty(out.path()), "a usage error wrote " << file_names(out.path()));
}

// ---------------------------------------------------------------------------------------------------------
// 2. The main job

BOOST_AUTO_TEST_CASE(run_writes_a_pdf_and_a_tracking_workbook_per_agency_and_ends_with_a_summary_line) {
    const MainJob& job = main_job();
    BOOST_TEST(job.result.status == 0);
    BOOST_TEST(fs::file_size(job.pdf) > 1000u);
    BOOST_TEST(starts_with(read_file(job.pdf), "%PDF-"));
    // The memo, the tracking workbook and the run's findings (none); no temporary files from the atomic writes.
    BOOST_TEST(file_names(job.dir.path()) ==
               ".manifest.json.lock, findings.txt, manifest.json, overview.xlsx, sample.docx, sample.pdf, sample.xlsx");
    BOOST_TEST(fs::file_size(job.dir / "findings.txt") == 0u);
    const std::string summary = last_line(job.result.err);
    BOOST_TEST(starts_with(summary, "saraban: "), "last stderr line: " << summary);
    BOOST_TEST(summary.find("1 input(s), 1 document(s) written to " + job.dir.path().string()) != std::string::npos,
               "last stderr line: " << summary);
    BOOST_TEST(summary.find(" 0 failed") != std::string::npos, "last stderr line: " << summary);
    BOOST_TEST(job.result.out.empty(), "stdout: " << job.result.out);
}

// ---------------------------------------------------------------------------------------------------------
// 3. The text of the memo is the seed's first memo

BOOST_AUTO_TEST_CASE(pdf_text_has_every_header_field_and_paragraph_of_the_seed_memo) {
    const MainJob& job = main_job();
    for (const std::string mode : {"", "-raw"}) {
        const std::string what = mode.empty() ? "pdftotext (default mode)" : "pdftotext " + mode;
        const std::string text = strip_ws(body_text(pdf_text(job.pdf, mode)));
        for (const auto& field : kHeader) check_contains(text, field, what + ", header");
        // the header fields are in this order
        std::size_t at = 0;
        for (const auto& field : kHeader) {
            if (text.find(strip_ws(field)) == std::string::npos) continue;  // reported missing above
            const std::size_t found = text.find(strip_ws(field), at);
            BOOST_TEST(found != std::string::npos, what << ": header field out of order: " << field);
            if (found != std::string::npos) at = found;
        }
        for (const auto& p : kParagraphs) check_contains(text, p, what + ", body paragraph");
        // and the paragraphs are in the seed's order
        at = 0;
        for (const auto& p : kParagraphs) {
            if (text.find(strip_ws(p)) == std::string::npos) continue;  // reported missing above
            const std::size_t found = text.find(strip_ws(p), at);
            BOOST_TEST(found != std::string::npos, what << ": paragraph out of order: " << p);
            if (found != std::string::npos) at = found;
        }
    }
}

BOOST_AUTO_TEST_CASE(pdf_text_has_every_row_of_both_tables) {
    // Table rows are checked in -raw mode (content-stream order: a row's cells one after the other); the default
    // mode reads the columns of a table as separate blocks.
    const MainJob& job = main_job();
    const std::string text = strip_ws(body_text(pdf_text(job.pdf, "-raw")));
    for (const auto& row : kScoreRows) check_contains(text, row, "score table row");
    for (const auto& row : kStatusRows) check_contains(text, row, "status table row");
}

BOOST_AUTO_TEST_CASE(status_marks_sit_in_the_right_columns) {
    const MainJob& job = main_job();
    // -raw: each step is followed by its one ✓
    const std::string text = strip_ws(body_text(pdf_text(job.pdf, "-raw")));
    for (const auto& row : kStatusRows) {
        if (starts_with(row, "มาตรการ/") || starts_with(row, "ขั้นตอน/")) continue;
        check_contains(text, row + "✓", "status step followed by its ✓");
    }
    // -bbox: each ✓'s column, found by the nearest column heading of the same page
    const std::vector<Word> words = bbox_words(job.pdf);
    std::vector<int> columns;
    for (const Word& w : words) {
        if (w.text != "✓") continue;
        const double x = (w.x_min + w.x_max) / 2;
        int best = -1;
        double best_d = 1e9;
        for (const Word& h : words) {
            if (h.page != w.page) continue;
            int col = -1;
            if (h.text == "การแล้ว") col = 0;        // ดำเนิน/การแล้ว
            else if (h.text == "ระหว่าง") col = 1;   // อยู่/ระหว่าง/ดำเนิน/การ
            else if (h.text == "ยังไม่ได้") col = 2;
            if (col < 0) continue;
            const double d = std::abs((h.x_min + h.x_max) / 2 - x);
            if (d < best_d) best_d = d, best = col;
        }
        columns.push_back(best);
    }
    BOOST_TEST(columns == kMarkColumns, boost::test_tools::per_element());
}

BOOST_AUTO_TEST_CASE(score_table_numbers_and_words_are_not_split_inside) {
    // A line may break only between words: a score ("๑๐๐.๐๐") on one line, the heading "ปีงบประมาณ" whole or
    // broken between its words (ปีงบ|ประมาณ), never inside a syllable.
    const MainJob& job = main_job();
    const std::string raw = pdf_text(job.pdf, "-raw");
    for (const char* score : {"๖๗.๗๕", "๘๒.๕๘", "๙๖.๒๙", "๙๕.๒๐", "๑๐๐.๐๐", "๙๗.๔๕", "๘๘.๐๔"}) {
        BOOST_TEST(raw.find(score) != std::string::npos, "score " << score << " is split over lines in the table");
    }
    // The first heading cell of the score table: between the end of paragraph ๑. ("… ดังนี้") and "คะแนน IIT".
    const std::size_t iit = raw.find("คะแนน\nIIT");
    BOOST_TEST_REQUIRE(iit != std::string::npos, "no score table heading in the -raw text");
    const std::size_t para_end = raw.rfind("ดังนี้\n", iit);
    BOOST_TEST_REQUIRE(para_end != std::string::npos);
    const std::size_t from = para_end + std::string("ดังนี้\n").size();
    const std::string heading = trim(raw.substr(from, iit - from));
    BOOST_TEST((heading == "ปีงบประมาณ" || heading == "ปีงบ\nประมาณ"),
               "the heading ปีงบประมาณ is broken inside a word: \"" << heading << "\"");
}

// ---------------------------------------------------------------------------------------------------------
// 4. Fonts

BOOST_AUTO_TEST_CASE(every_font_is_embedded_subset_and_has_unicode_map) {
    const MainJob& job = main_job();
    const Result r = run_program("pdffonts", {job.pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "pdffonts failed: " << r.err);
    BOOST_TEST(r.err.empty(), "pdffonts stderr: " << r.err);
    const std::vector<std::string> lines = split(r.out, '\n');
    BOOST_TEST_REQUIRE(lines.size() >= 3u, "pdffonts output: " << r.out);
    // The column heads and the dashes line under them give the columns.
    const std::string& head = lines[0];
    const std::string& dashes = lines[1];
    std::vector<std::pair<std::size_t, std::size_t>> cols;  // [begin, end)
    for (std::size_t i = 0; i < dashes.size();) {
        if (dashes[i] != '-') {
            ++i;
            continue;
        }
        std::size_t j = i;
        while (j < dashes.size() && dashes[j] == '-') ++j;
        cols.emplace_back(i, j);
        i = j;
    }
    auto cell = [](const std::string& line, std::pair<std::size_t, std::size_t> c) {
        return c.first >= line.size() ? std::string() : trim(line.substr(c.first, c.second - c.first));
    };
    int emb = -1, sub = -1, uni = -1;
    for (std::size_t c = 0; c < cols.size(); ++c) {
        const std::string h = cell(head, cols[c]);
        if (h == "emb") emb = static_cast<int>(c);
        if (h == "sub") sub = static_cast<int>(c);
        if (h == "uni") uni = static_cast<int>(c);
    }
    BOOST_TEST_REQUIRE((emb >= 0 && sub >= 0 && uni >= 0), "no emb/sub/uni columns in: " << head);
    int fonts = 0;
    bool laksaman = false, dejavu = false;
    for (std::size_t i = 2; i < lines.size(); ++i) {
        if (trim(lines[i]).empty()) continue;
        ++fonts;
        const std::string name = cell(lines[i], cols[0]);
        BOOST_TEST(cell(lines[i], cols[emb]) == "yes", "not embedded: " << lines[i]);
        BOOST_TEST(cell(lines[i], cols[sub]) == "yes", "not subset: " << lines[i]);
        BOOST_TEST(cell(lines[i], cols[uni]) == "yes", "no ToUnicode: " << lines[i]);
        if (name.find("Laksaman") != std::string::npos) laksaman = true;
        if (name.find("DejaVu") != std::string::npos) dejavu = true;
    }
    BOOST_TEST(fonts >= 2, "pdffonts lists " << fonts << " font(s):\n" << r.out);
    BOOST_TEST(laksaman, "no Laksaman font:\n" << r.out);
    BOOST_TEST(dejavu, "no DejaVu fallback font (for ✓):\n" << r.out);
}

// ---------------------------------------------------------------------------------------------------------
// 5. Structure

BOOST_AUTO_TEST_CASE(qpdf_check_finds_no_errors_and_pdftotext_no_warnings) {
    const MainJob& job = main_job();
    const Result r = run_program("qpdf", {"--check", job.pdf.string()});
    BOOST_TEST(r.status == 0, "qpdf --check exited " << r.status << ":\n" << r.out << r.err);
    BOOST_TEST(r.out.find("No syntax or stream encoding errors") != std::string::npos, "qpdf --check:\n" << r.out << r.err);
    // pdf_text checks that pdftotext printed nothing on stderr
    for (const std::string mode : {"", "-raw", "-layout"}) BOOST_TEST(!pdf_text(job.pdf, mode).empty());
}

// ---------------------------------------------------------------------------------------------------------
// 6. Page numbers and continuation markers

// Whether each page is landscape, from pdfinfo.
std::vector<bool> landscape_pages(const fs::path& pdf, int pages) {
    const Result r = run_program("pdfinfo", {"-f", "1", "-l", std::to_string(pages), pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, r.err);
    std::vector<bool> out;
    for (const std::string& line : split(r.out, '\n')) {
        double w = 0, h = 0;
        int page = 0;
        if (std::sscanf(line.c_str(), "Page %d size: %lf x %lf", &page, &w, &h) == 3) out.push_back(w > h);
    }
    BOOST_TEST_REQUIRE(static_cast<int>(out.size()) == pages);
    return out;
}

BOOST_AUTO_TEST_CASE(pages_after_the_first_are_numbered_and_each_page_but_the_last_says_what_follows) {
    const MainJob& job = main_job();
    const std::string all = pdf_text(job.pdf);
    const int pages = static_cast<int>(std::count(all.begin(), all.end(), '\f'));
    BOOST_TEST_REQUIRE(pages >= 2, "the memo should run over several pages, has " << pages);

    // The PDF holds the memo, then its attachment (the analysis memo, from a page with its own บันทึกข้อความ
    // head) and the measures plan (landscape). Each part numbers its own pages and ends without a marker.
    const std::vector<bool> landscape = landscape_pages(job.pdf, pages);
    std::vector<int> part_start(pages + 1, 1);  // part_start[p]: the first page of p's part
    for (int p = 2; p <= pages; ++p) {
        const bool new_memo = starts_with(strip_ws(pdf_text(job.pdf, "-raw", p, p)), "บันทึกข้อความ");
        part_start[p] = (new_memo || landscape[p - 1] != landscape[p - 2]) ? p : part_start[p - 1];
    }
    BOOST_TEST(part_start[pages] > 1, "the memo should carry its attachment");
    auto last_of_part = [&](int p) { return p == pages || part_start[p + 1] == p + 1; };

    // The first page of a part has no number; its page k ≥ 2 has "- k -" (the landscape plan too). Read in every mode
    // of pdftotext; in the default mode (reading order, which dehyphenates: a line ending in "-" is joined to the next)
    // the number must be a line of its own, as it is to a reader.
    for (const std::string mode : {"", "-layout", "-raw"}) {
        for (int p = 1; p <= pages; ++p) {
            const int k = p - part_start[p] + 1;
            const std::string number = "-" + thai_number(k) + "-";
            const std::string page_text = pdf_text(job.pdf, mode, p, p);
            const std::string text = strip_ws(page_text);
            if (k == 1) {
                BOOST_TEST(text.find(number) == std::string::npos, mode << ": page " << p << " is numbered");
                continue;
            }
            BOOST_TEST(text.find(number) != std::string::npos, mode << ": page " << p << " has no " << number);
            if (mode != "") continue;
            const auto lines = split(page_text, '\n');
            BOOST_TEST(std::count_if(lines.begin(), lines.end(),
                                     [&](const std::string& l) { return strip_ws(l) == number; }) == 1,
                       "page " << p << ": " << number << " is not a line of its own in pdftotext's default mode");
        }
    }

    // Every page but the last of its part ends with "/<first words of the next page>..."; the last has none.
    for (int p = 1; p <= pages; ++p) {
        const std::string text = pdf_text(job.pdf, "", p, p);
        std::string marker;
        for (const std::string& line : split(text, '\n')) {
            const std::string t = trim(line);
            if (t.size() > 4 && starts_with(t, "/") && ends_with(t, "...")) marker = t;
        }
        if (last_of_part(p)) {
            BOOST_TEST(marker.empty(), "page " << p << " ends its part but has a continuation marker: " << marker);
            continue;
        }
        BOOST_TEST(!marker.empty(), "page " << p << " has no continuation marker (\"/… ...\")");
        if (marker.empty()) continue;
        // The marker quotes the next page's text (its first body line; a repeated table header comes before it).
        const std::string quoted = strip_ws(marker.substr(1, marker.size() - 4));
        const std::string next = strip_ws(body_text(std::string(p, '\f') + pdf_text(job.pdf, "-raw", p + 1, p + 1)));
        BOOST_TEST(next.find(quoted) != std::string::npos,
                   "page " << p << "'s marker " << marker << " does not quote page " << p + 1 << ": "
                           << next.substr(0, utf8_floor(next, std::min<std::size_t>(next.size(), 60))));
        BOOST_TEST(next.find(quoted) < 400u, "page " << p << "'s marker quotes text far down page " << p + 1);
    }
}

// ---------------------------------------------------------------------------------------------------------
// 7. Determinism

BOOST_AUTO_TEST_CASE(running_twice_gives_byte_identical_outputs) {
    TempDir a, b;
    const Result ra = run_saraban({"run", "inputs", "-o", a.path().string()});
    const Result rb = run_saraban({"run", "inputs", "-o", b.path().string()});
    BOOST_TEST_REQUIRE(ra.status == 0, ra.err);
    BOOST_TEST_REQUIRE(rb.status == 0, rb.err);
    const std::string pa = read_file(a / "sample.pdf");
    const std::string pb = read_file(b / "sample.pdf");
    BOOST_TEST_REQUIRE(!pa.empty());
    BOOST_TEST(pa.size() == pb.size());
    BOOST_TEST((pa == pb), "the two runs' PDFs differ (first difference at byte "
                               << (std::mismatch(pa.begin(), pa.end(), pb.begin(), pb.end()).first - pa.begin())
                               << ")");
    BOOST_TEST((read_file(a / "sample.xlsx") == read_file(b / "sample.xlsx")), "the two runs' workbooks differ");
}

// ---------------------------------------------------------------------------------------------------------
// 8. Broken input

BOOST_AUTO_TEST_CASE(a_broken_workbook_fails_alone_and_the_good_one_is_still_written) {
    TempDir in, out;
    write_file(in / "bad.xlsx", "this is a text file, not a workbook\n");
    fs::copy_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx", in / "sample.xlsx");
    const Result r = run_saraban({"run", in.path().string(), "-o", out.path().string()});
    BOOST_TEST(r.status == 1, "exit status " << r.status << "; stderr: " << r.err);
    BOOST_TEST(r.err.find("bad.xlsx") != std::string::npos, "stderr does not name bad.xlsx: " << r.err);
    BOOST_TEST(fs::exists(out / "sample.pdf"), "the good workbook's PDF was not written");
    BOOST_TEST(!fs::exists(out / "bad.pdf"), "a PDF was written for the broken workbook");
    BOOST_TEST(file_names(out.path()) ==
               ".manifest.json.lock, findings.txt, manifest.json, overview.xlsx, sample.docx, sample.pdf, sample.xlsx");
    // The findings file holds the error that stopped bad.xlsx, as stderr said it.
    const std::string findings = read_file(out / "findings.txt");
    BOOST_TEST(findings.find("bad.xlsx") != std::string::npos, findings);
    BOOST_TEST(r.err.find(findings.substr(0, findings.find('\n'))) != std::string::npos);
    const std::string summary = last_line(r.err);
    BOOST_TEST(summary.find(" 1 failed") != std::string::npos, "last stderr line: " << summary);
}

BOOST_AUTO_TEST_CASE(a_nonexistent_input_is_a_usage_error) {
    TempDir out;
    const std::string missing = (out / "no-such-folder").string();
    const Result r = run_saraban({"run", missing, "-o", (out / "pdfs").string()});
    BOOST_TEST(r.status == 2, "exit status " << r.status << "; stderr: " << r.err);
    BOOST_TEST(r.err.find(missing) != std::string::npos, "stderr does not name the missing input: " << r.err);
}

// ---------------------------------------------------------------------------------------------------------
// 9. typeset

BOOST_AUTO_TEST_CASE(typeset_sets_each_paragraph_of_a_text_file) {
    TempDir dir;
    const std::vector<std::string> paragraphs = {
        "ตามที่สำนักงานบริหารหนี้สาธารณะ (สบน.) ได้เห็นชอบมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใส ปีงบประมาณ พ.ศ. ๒๕๖๔ เมื่อวันที่ ๑๖ กุมภาพันธ์ ๒๕๖๔ นั้น",
        "ผู้ใหญ่หาผ้าใหม่ให้สะใภ้ใช้คล้องคอ ใฝ่ใจเอาใส่ห่อ มิหลงใหลใครขอดู น้ำใสใจจริง ฯลฯ กำกับ ดูแล ผู้มีส่วนได้ส่วนเสีย ๙๕.๒ คะแนน",
        "จึงเรียนมาเพื่อโปรดทราบ (Integrity and Transparency Assessment : ITA) https://itas.nacc.go.th",
    };
    std::string file;
    for (const auto& p : paragraphs) file += p + "\n";
    write_file(dir / "memo.txt", file);
    const fs::path pdf = dir / "memo.pdf";
    const Result r = run_saraban({"typeset", (dir / "memo.txt").string(), "-o", pdf.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "typeset exited " << r.status << ": " << r.err);
    BOOST_TEST_REQUIRE(fs::exists(pdf));
    BOOST_TEST(file_names(dir.path()) == "memo.pdf, memo.txt");
    for (const std::string mode : {"", "-raw"}) {
        const std::string text = strip_ws(body_text(pdf_text(pdf, mode)));
        for (const auto& p : paragraphs) check_contains(text, p, "typeset, pdftotext " + mode);
        // each paragraph exactly once, in order, nothing else
        std::string all;
        for (const auto& p : paragraphs) all += strip_ws(p);
        BOOST_TEST(text == all, "typeset text has more than the paragraphs: " << text);
    }
}

BOOST_AUTO_TEST_CASE(typeset_of_a_missing_file_fails_and_names_it) {
    TempDir dir;
    const std::string missing = (dir / "missing.txt").string();
    const Result r = run_saraban({"typeset", missing, "-o", (dir / "out.pdf").string()});
    BOOST_TEST(r.status == 1, "exit status " << r.status << "; stderr: " << r.err);
    BOOST_TEST(r.err.find(missing) != std::string::npos, "stderr does not name the missing file: " << r.err);
    BOOST_TEST(!fs::exists(dir / "out.pdf"));
}

// ---------------------------------------------------------------------------------------------------------
// 10. The sample workbook's recipe

BOOST_AUTO_TEST_CASE(sample_workbook_recipe_reproduces_inputs_sample_xlsx_byte_for_byte) {
    TempDir dir;
    const fs::path made = dir / "x.xlsx";
    const Result r = run_program(SARABAN_BINARY_DIR "/make_sample_workbook", {made.string()});
    BOOST_TEST_REQUIRE(r.status == 0, "make_sample_workbook exited " << r.status << ": " << r.err);
    const std::string a = read_file(made);
    const std::string b = read_file(fs::path(SARABAN_SOURCE_DIR) / "inputs" / "sample.xlsx");
    BOOST_TEST_REQUIRE(!a.empty());
    BOOST_TEST(a.size() == b.size());
    BOOST_TEST((a == b), "make_sample_workbook's output differs from inputs/sample.xlsx (first difference at byte "
                             << (std::mismatch(a.begin(), a.end(), b.begin(), b.end()).first - a.begin()) << ")");
}

BOOST_AUTO_TEST_SUITE_END()
