#!/usr/bin/python3
"""Prints what openpyxl finds in a tracking workbook, one "key=value" line each, for openpyxl_test.cpp.

Usage: inspect_workbook.py WORKBOOK.xlsx. Exit status 3 when openpyxl is missing (Debian: python3-openpyxl).
"""
import sys

try:
    import openpyxl
    from openpyxl.utils.cell import range_boundaries, get_column_letter
except ImportError as error:
    print(f"openpyxl is missing ({error}): install the Debian package python3-openpyxl", file=sys.stderr)
    sys.exit(3)


def cells(sqref):
    """'G3:G4 G6' -> ['G3', 'G4', 'G6']"""
    out = []
    for part in str(sqref).split():
        min_col, min_row, max_col, max_row = range_boundaries(part)
        for row in range(min_row, max_row + 1):
            for col in range(min_col, max_col + 1):
                out.append(f"{get_column_letter(col)}{row}")
    return out


def main(path):
    wb = openpyxl.load_workbook(path)
    print("sheets=" + "|".join(wb.sheetnames))
    print("hidden=" + "|".join(ws.title for ws in wb.worksheets if ws.sheet_state != "visible"))
    print("active=" + wb.active.title)

    ws = wb["มาตรการ"]
    for dv in ws.data_validations.dataValidation:
        print(f"validation={dv.type}|{dv.formula1}|{dv.showDropDown}|{dv.errorStyle}|{' '.join(cells(dv.sqref))}")
    for cf in ws.conditional_formatting:
        for rule in cf.rules:
            # a solid differential fill keeps its colour in bgColor (fgColor when written the other way round)
            fill = ""
            if rule.dxf and rule.dxf.fill:
                fill = rule.dxf.fill.fgColor.rgb
                if rule.dxf.fill.bgColor is not None and rule.dxf.fill.bgColor.rgb != "00000000":
                    fill = rule.dxf.fill.bgColor.rgb
            print(f"conditional={cf.sqref}|{rule.type}|{rule.operator}|{'|'.join(rule.formula)}|{fill}")
    print(f"freeze={ws.freeze_panes}")
    print(f"autofilter={ws.auto_filter.ref}")
    print(f"orientation={ws.page_setup.orientation}")
    print(f"paper={ws.page_setup.paperSize}")
    print(f"print_titles={ws.print_title_rows}")
    print(f"width_A={ws.column_dimensions['A'].width}")
    print(f"width_G={ws.column_dimensions['G'].width}")
    print("key_row=" + "|".join(str(c.value) for c in ws[1] if c.value is not None))
    print(f"key_row_hidden={ws.row_dimensions[1].hidden}")
    print("header_row=" + "|".join(str(c.value) for c in ws[2] if c.value is not None))
    for row in ws.iter_rows(min_row=3):
        no = row[0]
        if no.value is None:
            continue
        item = row[1]
        print(f"row={no.value}|{no.data_type}|{item.font.b}|{item.font.name}|{item.font.sz}|{item.alignment.wrap_text}")

    memo = wb["หนังสือ"]
    print(f"memo_english_hidden={memo.column_dimensions['C'].hidden}")
    print("memo_english=" + "|".join(str(row[2].value) for row in memo.iter_rows(min_row=2) if row[2].value))
    print("memo_thai=" + "|".join(str(row[0].value) for row in memo.iter_rows(min_row=2) if row[0].value))
    for row in memo.iter_rows(min_row=2):
        key, value = row[0], row[1]
        if key.value and (key.value.startswith("วันที่") or key.value.startswith("ปีงบประมาณ")):
            kind = type(value.value).__name__
            print(f"memo={key.value}|{kind}|{value.number_format}|{value.font.name}|{value.font.sz}")

    scores = wb["คะแนน"]
    print("score_keys=" + "|".join(str(c.value) for c in scores[1] if c.value is not None))
    print(f"score_keys_hidden={scores.row_dimensions[1].hidden}")
    print("score_headers=" + "|".join(str(c.value) for c in scores[2] if c.value is not None))
    c = scores["B3"]
    print(f"score={type(c.value).__name__}|{c.number_format}|{c.font.name}")

    summary = wb["สรุป"]
    for row in summary.iter_rows():
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                print(f"formula={cell.coordinate}|{cell.value}|{cell.number_format}")
    for chart in summary._charts:
        refs = []
        for s in chart.series:
            cat = s.cat.numRef.f if s.cat and s.cat.numRef else (s.cat.strRef.f if s.cat and s.cat.strRef else "")
            refs.append(f"{s.tx.strRef.f if s.tx and s.tx.strRef else ''}>{cat}>{s.val.numRef.f}")
        print(f"chart={chart.tagname}|{len(chart.series)}|{';'.join(refs)}")
        for name, axis in (("x", chart.x_axis), ("y", chart.y_axis)):
            title = "".join(r.t for p in axis.title.tx.rich.p for r in (p.r or []))
            print(f"chart_axis={name}|{axis.numFmt.formatCode}|{axis.numFmt.sourceLinked}|{title}")
        print("chart_title=" + "".join(r.t for p in chart.title.tx.rich.p for r in (p.r or [])))

    # Every visible sheet: its print set-up, and any cell that still carries an English "[key]" (none should).
    for sheet in wb.worksheets:
        if sheet.sheet_state != "visible":
            continue
        setup = sheet.page_setup
        print(f"print={sheet.title}|{setup.orientation}|{setup.paperSize}|{setup.scale}|"
              f"{sheet.sheet_properties.pageSetUpPr.fitToPage if sheet.sheet_properties.pageSetUpPr else None}|"
              f"{sheet.oddHeader.left.text}|{sheet.oddHeader.right.text}|{sheet.oddFooter.left.text}|"
              f"{sheet.oddFooter.right.text}|{sheet.oddFooter.right.size}")
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and "[" in cell.value and not sheet.row_dimensions[cell.row].hidden:
                    print(f"bracket={sheet.title}!{cell.coordinate}|{cell.value}")

    findings = wb["ผลการตรวจสอบ"]
    for row in findings.iter_rows(min_row=2, values_only=True):
        print("finding=" + "|".join("" if v is None else str(v) for v in row))

    meta = wb["_saraban"]
    for row in meta.iter_rows(min_row=2, values_only=True):
        print(f"meta={row[0]}|{row[1]}")
    print(f"meta_protected={meta.protection.sheet}")


if __name__ == "__main__":
    main(sys.argv[1])
