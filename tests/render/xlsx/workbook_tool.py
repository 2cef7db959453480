#!/usr/bin/python3
"""openpyxl helpers for round_trip_test.cpp and overview_workbook_test.cpp.

  workbook_tool.py edit IN.xlsx OUT.xlsx SHEET NO COLUMN VALUE [NO COLUMN VALUE ...]
      sets COLUMN (a letter) of the row whose column A is NO ("5.1") to VALUE, as staff would type it; saves OUT
  workbook_tool.py set IN.xlsx OUT.xlsx SHEET CELL VALUE
      sets CELL ("G2") to VALUE; saves OUT
  workbook_tool.py column IN.xlsx SHEET COLUMN
      prints "A|COLUMN" for every row below the header rows whose column A is set (line breaks as \\n)
  workbook_tool.py overview IN.xlsx
      prints what the overview workbook holds, one "key=value" line each

Exit status 3 when openpyxl is missing (Debian: python3-openpyxl).
"""
import sys

try:
    import openpyxl
except ImportError as error:
    print(f"openpyxl is missing ({error}): install the Debian package python3-openpyxl", file=sys.stderr)
    sys.exit(3)


def text(value):
    return "" if value is None else str(value).replace("\n", "\\n")


# Column A of a header row: the tracking workbook's hidden key row and Thai header row, a key | value sheet's header.
HEADERS = {"no", "ลำดับ", "key", "คีย์", "fiscal_year", "ปีงบประมาณ"}


def data_rows(ws):
    """The rows under the header rows whose column A is set."""
    return [row for row in ws.iter_rows() if row[0].value is not None and str(row[0].value) not in HEADERS]


def edit(source, target, sheet, triples):
    wb = openpyxl.load_workbook(source)
    ws = wb[sheet]
    rows = {str(row[0].value): row[0].row for row in data_rows(ws)}
    for i in range(0, len(triples), 3):
        no, column, value = triples[i:i + 3]
        if no not in rows:
            print(f"no row {no} in sheet {sheet}", file=sys.stderr)
            sys.exit(1)
        ws[f"{column}{rows[no]}"] = value
    wb.save(target)


def set_cell(source, target, sheet, cell, value):
    wb = openpyxl.load_workbook(source)
    wb[sheet][cell] = value
    wb.save(target)


def column(source, sheet, letter):
    ws = openpyxl.load_workbook(source)[sheet]
    for row in data_rows(ws):
        print(f"{text(row[0].value)}|{text(ws[f'{letter}{row[0].row}'].value)}")


def overview(source):
    wb = openpyxl.load_workbook(source)
    print("sheets=" + "|".join(wb.sheetnames))
    ws = wb.active
    print(f"active={ws.title}")
    print(f"freeze={ws.freeze_panes}")
    print(f"autofilter={ws.auto_filter.ref}")
    print(f"orientation={ws.page_setup.orientation}")
    print(f"max_row={ws.max_row}")
    print(f"max_column={ws.max_column}")
    for row in ws.iter_rows():
        for cell in row:
            if cell.value is None and not cell.font.b:
                continue
            kind = "formula" if isinstance(cell.value, str) and cell.value.startswith("=") else type(cell.value).__name__
            print(f"cell={cell.coordinate}|{kind}|{text(cell.value)}|{cell.number_format}|{cell.font.name}|"
                  f"{cell.font.sz}|{cell.font.b}")
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            print(f"conditional={cf.sqref}|{rule.type}|{rule.operator}|{'|'.join(rule.formula)}")
    for sheet in wb.worksheets:
        print(f"print={sheet.title}|{sheet.page_setup.orientation}|{sheet.page_setup.paperSize}|"
              f"{sheet.page_setup.scale}|{sheet.print_title_rows}|{sheet.print_title_cols}|{sheet.auto_filter.ref}|"
              f"{sheet.freeze_panes}")
    if "ผลการตรวจสอบ" in wb.sheetnames:
        for row in wb["ผลการตรวจสอบ"].iter_rows(values_only=True):
            print("finding=" + "|".join(text(v) for v in row))


def main(argv):
    if len(argv) >= 6 and argv[1] == "edit" and (len(argv) - 5) % 3 == 0:
        edit(argv[2], argv[3], argv[4], argv[5:])
    elif len(argv) == 7 and argv[1] == "set":
        set_cell(argv[2], argv[3], argv[4], argv[5], argv[6])
    elif len(argv) == 5 and argv[1] == "column":
        column(argv[2], argv[3], argv[4])
    elif len(argv) == 3 and argv[1] == "overview":
        overview(argv[2])
    else:
        print(__doc__, file=sys.stderr)
        sys.exit(2)


if __name__ == "__main__":
    main(sys.argv)
