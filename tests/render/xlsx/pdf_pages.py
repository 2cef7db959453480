#!/usr/bin/python3
"""Prints, for each page of a PDF, the sizes its text is set in on paper and its text, for print_test.cpp.

Usage: pdf_pages.py FILE.pdf. One line per page: "page=N|min=12.16|max=16.00|text=…" where a size is the font
size times the vertical scale of the text and graphics matrices (what the eye sees: LibreOffice prints a sheet at
78 % as 16 pt × 0.78, written either way), and text is pdftotext -raw's (in drawing order: -layout moves Thai
marks onto lines of their own), line breaks as "\\n". Needs qpdf and pdftotext (poppler-utils).
"""
import math
import re
import subprocess
import sys

TOKEN = re.compile(rb"""
    (?P<string>\((?:\\.|[^\\()]|\((?:\\.|[^\\()])*\))*\))
  | (?P<hex><[0-9A-Fa-f\s]*>)
  | (?P<dict><<|>>)
  | (?P<array>[\[\]])
  | (?P<name>/[^\s/\[\]()<>{}%]*)
  | (?P<number>[+-]?(?:\d+\.?\d*|\.\d+))
  | (?P<op>[A-Za-z'"*]+\d?)
  | (?P<space>\s+|%[^\r\n]*)
""", re.VERBOSE | re.DOTALL)


def multiply(a, b):
    """3x3 affine matrices as (a, b, c, d, e, f): a then b."""
    return (a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3],
            a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
            a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5])


def text_sizes(content):
    identity = (1, 0, 0, 1, 0, 0)
    ctm, stack, tm, size, operands, sizes = identity, [], identity, 0, [], []
    for match in TOKEN.finditer(content):
        kind, value = match.lastgroup, match.group()
        if kind == "space":
            continue
        if kind != "op":
            operands.append(value)
            continue
        op = value.decode()
        numbers = [float(v) for v in operands if re.fullmatch(rb"[+-]?(?:\d+\.?\d*|\.\d+)", v)]
        if op == "q":
            stack.append(ctm)
        elif op == "Q" and stack:
            ctm = stack.pop()
        elif op == "cm" and len(numbers) == 6:
            ctm = multiply(tuple(numbers), ctm)
        elif op == "BT":
            tm = identity
        elif op == "Tm" and len(numbers) == 6:
            tm = tuple(numbers)
        elif op == "Tf" and numbers:
            size = numbers[-1]
        elif op in ("Tj", "TJ", "'", '"'):
            m = multiply(tm, ctm)
            sizes.append(abs(size) * math.sqrt(abs(m[0] * m[3] - m[1] * m[2])))
        operands = []
    return sizes


def page_contents(path):
    """Content stream object numbers of each page, in order."""
    shown = subprocess.run(["qpdf", "--show-pages", path], check=True, capture_output=True, text=True).stdout
    pages = []
    for line in shown.splitlines():
        if line.startswith("page "):
            pages.append([])
        elif re.fullmatch(r"\s+\d+ 0 R", line) and pages:
            pages[-1].append(line.split()[0])
    return pages


def main(path):
    for number, objects in enumerate(page_contents(path), start=1):
        sizes = []
        for obj in objects:
            content = subprocess.run(["qpdf", f"--show-object={obj}", "--filtered-stream-data", path],
                                     check=True, capture_output=True).stdout
            sizes += text_sizes(content)
        text = subprocess.run(["pdftotext", "-f", str(number), "-l", str(number), "-raw", path, "-"],
                              check=True, capture_output=True, text=True).stdout
        low = min(sizes) if sizes else 0
        high = max(sizes) if sizes else 0
        print(f"page={number}|min={low:.2f}|max={high:.2f}|text={text.replace(chr(10), chr(92) + 'n')}")


if __name__ == "__main__":
    main(sys.argv[1])
