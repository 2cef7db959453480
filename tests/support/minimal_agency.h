// An agency that is not the sample's, with only the required data of docs/input-workbook.md, as a CSV folder:
// for end-to-end tests that must not lean on the sample workbook.
#pragma once

#include <string>

#include "support/process.h"

namespace saraban::testing {

// Sheet หนังสือ with the required keys only (no phone, ที่, วันที่, ผ่าน, no ตัวแปร), and extra key rows appended.
inline std::string minimal_memo_csv(int round = 12, const std::string& extra = "") {
    return "คีย์,ค่า\n"
           "หน่วยงาน,กรมส่งเสริมสหกรณ์\n"
           "ชื่อย่อ,กสส.\n"
           "ส่วนราชการ,กองการเจ้าหน้าที่ กลุ่มงานจริยธรรม\n"
           "เรื่อง,รายงานผลการดำเนินงานตามมาตรการส่งเสริมคุณธรรมและความโปร่งใส\n"
           "เรียน,อธิบดีกรมส่งเสริมสหกรณ์\n"
           "ผู้ลงนาม,นายสมมติ ทดสอบดี\n"
           "ตำแหน่ง,ผู้อำนวยการกองการเจ้าหน้าที่\n"
           "ปีงบประมาณ,2567\n"
           "รอบรายงาน," + std::to_string(round) + "\n" + extra;
}

// One year of scores, the memo's own: 0.3 × 90 + 0.3 × 85 + 0.4 × 80 = 84.5, band B. No optional column.
inline const char* const minimal_scores_csv = "ปีงบประมาณ,IIT,EIT,OIT,ITA,ระดับ\n2567,90,85,80,84.5,B\n";

// Writes the agency folder dir/name with its three sheets; returns its path.
inline fs::path write_csv_agency(const fs::path& dir, const std::string& name, const std::string& memo,
                                 const std::string& measures) {
    const fs::path folder = dir / name;
    fs::create_directories(folder);
    write_file(folder / "หนังสือ.csv", memo);
    write_file(folder / "คะแนน.csv", minimal_scores_csv);
    write_file(folder / "มาตรการ.csv", measures);
    return folder;
}

}  // namespace saraban::testing
