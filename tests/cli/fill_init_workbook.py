#!/usr/bin/python3
"""Fills a blank workbook from `saraban init` as a user would in a spreadsheet program, for init_test.cpp.

Usage: fill_init_workbook.py BLANK.xlsx FILLED.xlsx. Writes values into the หนังสือ sheet's value column (found by
key), and adds data rows under the example rows of คะแนน and มาตรการ, which stay where they are.
Exit status 3 when openpyxl is missing (Debian: python3-openpyxl).
"""
import sys

try:
    import openpyxl
except ImportError as error:
    print(f"openpyxl is missing ({error}): install the Debian package python3-openpyxl", file=sys.stderr)
    sys.exit(3)

MEMO = {
    "agency": "กรมตรวจบัญชีสหกรณ์",
    "agency_abbr": "กตส.",
    "division": "สำนักงานเลขานุการกรม",
    "sender_abbr": "สลก.กตส.",
    "subject": "รายงานผลการดำเนินการตามมาตรการ รอบ ๖ เดือน",
    "to": "อธิบดีกรมตรวจบัญชีสหกรณ์",
    "signer": "นางสาวทดลอง กรอกครบ",
    "signer_title": "เลขานุการกรม",
    "fiscal_year": "2568",
    "round": "6",
    "date": "17/3/2568",
}
SCORES = [["2567", "91.5", "88", "95", "92", "A"]]
MEASURES = [
    ["1", "ส่งเสริมความโปร่งใสในการจัดซื้อจัดจ้าง", "", "", "", "", "", "", ""],
    ["1.1", "เผยแพร่แผนการจัดซื้อจัดจ้าง", "", "", "", "", "ดำเนินการแล้ว", "", ""],
    ["1.2", "รายงานผลการจัดซื้อจัดจ้างรายเดือน", "", "", "", "", "อยู่ระหว่างดำเนินการ", "รายงานแล้ว ๓ เดือน", ""],
]


def main(blank, filled):
    wb = openpyxl.load_workbook(blank)
    memo = wb["หนังสือ"]
    for row in memo.iter_rows(min_row=2):
        label = str(row[0].value or "")
        key = label[label.rfind("[") + 1:-1] if label.endswith("]") else label
        if key in MEMO:
            row[1].value = MEMO[key]
    for sheet, rows in (("คะแนน", SCORES), ("มาตรการ", MEASURES)):
        ws = wb[sheet]
        for values in rows:
            ws.append(values)
    wb.save(filled)


if __name__ == "__main__":
    main(sys.argv[1], sys.argv[2])
