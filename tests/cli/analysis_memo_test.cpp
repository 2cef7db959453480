// The seed's second memo (the analysis memo and its measures plan), carried as the progress report's attachment:
// its paragraphs come back from the PDF as the seed has them. Differences, each a slip of the seed's OCR or a
// normalisation of the inputs: "สบн." (Cyrillic н) → "สบน."; the signer's title is the same as in the first memo
// (เลขานุการกรม; the seed's OCR reads เลขาธิการกรม here); the approver's name as in the first memo (แพทรีเซีย).
#include <boost/test/unit_test.hpp>

#include "support/process.h"

using namespace saraban::testing;

namespace {

// The text without page furniture, so a paragraph split over a page break reads on: continuation markers
// ("/ให้นำไป...") and page numbers ("- ๒ -", a line of its own in -raw mode; each part numbers its own pages).
std::string without_page_furniture(const std::string& raw) {
    std::string out;
    std::size_t start = 0;
    while (start < raw.size()) {
        std::size_t end = raw.find('\n', start);
        if (end == std::string::npos) end = raw.size();
        const std::string line = raw.substr(start, end - start);
        start = end + 1;
        const std::string s = strip_ws(line);
        const bool marker = s.size() > 4 && s[0] == '/' && s.compare(s.size() - 3, 3, "...") == 0;
        bool number = s.size() > 2 && s.front() == '-' && s.back() == '-';
        for (std::size_t i = 1; number && i + 1 < s.size(); i += 3)  // Thai digits: E0 B9 90..99
            number = i + 3 < s.size() + 1 && (unsigned char)s[i] == 0xE0 && (unsigned char)s[i + 1] == 0xB9;
        if (!marker && !number) out += line + "\n";
    }
    return out;
}

struct Produced {
    TempDir dir;
    std::string text;  // whitespace removed, -raw order
    Produced() {
        const Result r = run_saraban({"run", "inputs", "-o", dir.path().string()});
        BOOST_TEST_REQUIRE(r.status == 0, r.err);
        text = strip_ws(without_page_furniture(pdf_text(dir / "sample.pdf", "-raw")));
    }
};

const Produced& produced() {
    static const Produced p;
    return p;
}

void expect(const std::string& paragraph) {
    BOOST_TEST(produced().text.find(strip_ws(paragraph)) != std::string::npos, "not in the PDF: " << paragraph);
}

}  // namespace

BOOST_AUTO_TEST_SUITE(cli_analysis_memo)

BOOST_AUTO_TEST_CASE(the_analysis_memo_says_what_the_seed_says) {
    for (const char* p : {
             "ที่ ปค.๐๘๐๑/สลก./๑๕๘",
             "วันที่ ๑๑ กุมภาพันธ์ ๒๕๖๔",
             "เรื่อง รายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสสำนักงานบริหารหนี้สาธารณะ ปีงบประมาณ พ.ศ. ๒๕๖๓ และมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของสำนักงานบริหารหนี้สาธารณะ ปีงบประมาณ พ.ศ. ๒๕๖๔",
             "เรียน ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ (ผ่านรอง ผอ.สบน. (นายธีรลักษ์ แสงสนิท))",
             "ด้วยสำนักงานคณะกรรมการป้องกันและปราบปรามการทุจริตแห่งชาติ (สำนักงาน ป.ป.ช.) ได้จัดทำคู่มือการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment : ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๔ ทั้งนี้ ตามเกณฑ์การประเมินกำหนดให้มีแบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment : OIT) โดยตัวชี้วัดย่อยที่ ๑๐.๒ มาตรการภายในเพื่อป้องกันการทุจริต ข้อ ๐๔๒ มาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน กำหนดองค์ประกอบด้านข้อมูลที่จะพิจารณา ดังนี้",
             "(๑) แสดงการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐในปีงบประมาณ พ.ศ. ๒๕๖๓",
             "(๒) มีข้อมูลรายละเอียดการวิเคราะห์ เช่น ประเด็นที่เป็นข้อบกพร่องหรือจุดอ่อนที่จะต้องแก้ไข โดยเร่งด่วน ประเด็นที่จะต้องพัฒนาให้ดีขึ้น แนวทางการนำผลการวิเคราะห์ไปสู่การปฏิบัติของหน่วยงาน เป็นต้น",
             "(๓) มีมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงานให้ดีขึ้น ซึ่งสอดคล้องตามผลการวิเคราะห์ โดยมีรายละเอียดต่างๆ เช่น การกำหนดผู้รับผิดชอบหรือผู้ที่เกี่ยวข้อง การกำหนดขั้นตอนหรือวิธีการปฏิบัติ การกำหนดแนวทางการกำกับติดตามให้นำไปสู่การปฏิบัติและการรายงานผล เป็นต้น รายละเอียดปรากฏตามเอกสารแนบ ๑",
             "๑. สลก. ได้ศึกษา วิเคราะห์รายงานผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของสำนักงานบริหารหนี้สาธารณะ (สบน.) ในปีงบประมาณ พ.ศ. ๒๕๖๓ ที่สำนักงาน ป.ป.ช. ได้ตรวจประเมิน และมีข้อเสนอแนะ (เอกสารแนบ ๒) โดยได้จัดทำรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส สบน. ปีงบประมาณ พ.ศ. ๒๕๖๓ ทั้งนี้ ได้ระบุประเด็นที่เป็นข้อบกพร่องและต้องได้รับการแก้ไขเร่งด่วน รวมทั้งประเด็นในการพัฒนา ซึ่งเป็นตัวชี้วัดที่คะแนนไม่ผ่านเกณฑ์การประเมิน (ต่ำกว่าร้อยละ ๘๕) โดยมีรายละเอียดตามเอกสารแนบ ๓",
             "๒. ในการนี้ สลก. ได้จัดทำมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ โดยกำหนดวิธีการปฏิบัติ ผู้รับผิดชอบ และการกำกับติดตามและรายงานผลที่สอดคล้องตามผลการวิเคราะห์ในข้อ ๑ เรียบร้อยแล้วตามเอกสารแนบ ๔",
             "จึงเรียนมาเพื่อโปรดพิจารณา หากเห็นชอบ ขอให้โปรด",
             "๑. รับทราบรายงานการวิเคราะห์ผลการประเมินคุณธรรมและความโปร่งใส สบน. ปีงบประมาณ พ.ศ. ๒๕๖๓",
             "๒. เห็นชอบมาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของ สบน. ปีงบประมาณ พ.ศ. ๒๕๖๔ เพื่อ สลก. จะได้ดำเนินการในส่วนที่เกี่ยวข้องต่อไป",
             "(นางแพทรีเซีย มงคลวนิช)",
             "ผู้อำนวยการสำนักงานบริหารหนี้สาธารณะ",
         })
        expect(p);
}

BOOST_AUTO_TEST_CASE(the_measures_plan_has_the_seeds_title_header_and_cells) {
    expect("มาตรการเพื่อขับเคลื่อนการส่งเสริมคุณธรรมและความโปร่งใสของสำนักงานบริหารหนี้สาธารณะ ประจำปีงบประมาณ ๒๕๖๔");
    expect("มาตรการ/แนวทาง ขั้นตอน/วิธีการปฏิบัติ กลุ่มเป้าหมาย ตัวชี้วัด ผู้รับผิดชอบ การกำกับติดตาม");
    for (const char* cell : {
             "ร้อยละของบุคลากร สบน. อย่างน้อย ร้อยละ ๘๕ เข้าร่วมการอบรม",
             "ระดับความสำเร็จของการดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน ประจำปีงบประมาณ ๒๕๖๔",
             "ร้อยละของผลคะแนน ITA ด้านประสิทธิภาพการสื่อสาร",
             "สำนักงานเลขานุการกรม และศูนย์เทคโนโลยีสารสนเทศ",
             "ระดับความสำเร็จของการปรับปรุงช่องทางในการติดต่อสื่อสาร Q&A",
             "ระดับความสำเร็จของการจัดทำนโยบายการบริหารทรัพยากรบุคคล",
             "รายงานความก้าวหน้า รอบ ๖ เดือน และรายงานสรุปผล ณ สิ้นปี",
         })
        expect(cell);
}

BOOST_AUTO_TEST_SUITE_END()
