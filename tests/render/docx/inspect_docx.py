# Reads a .docx with python-docx and prints, in body order, one line per item: "P<TAB>jc<TAB>text" for a
# paragraph (jc: its w:jc value, "-" when none), "T<TAB>rows<TAB>header rows" where a table starts (header rows:
# rows marked w:tblHeader), "C<TAB>text" for each paragraph of a table cell (a cell continued by vMerge is not
# printed again), and "H<TAB>text" for each paragraph of each section's first-page header.
import sys

import docx
from docx.table import Table
from docx.text.paragraph import Paragraph
from docx.oxml.ns import qn


def jc_of(p):
    values = p._p.xpath("./w:pPr/w:jc/@w:val")
    return values[0] if values else "-"


def table_lines(table):
    rows = table._tbl.tr_lst
    header = sum(1 for tr in rows if tr.xpath("./w:trPr/w:tblHeader"))
    yield "T\t%d\t%d" % (len(rows), header)
    for tr in rows:
        for tc in tr.tc_lst:
            if tc.xpath("./w:tcPr/w:vMerge[@w:val='continue']"):
                continue
            for p in tc.xpath("./w:p"):
                yield "C\t" + Paragraph(p, table).text


def main(path):
    document = docx.Document(path)
    for child in document.element.body.iterchildren():
        if child.tag == qn("w:p"):
            p = Paragraph(child, document)
            print("P\t%s\t%s" % (jc_of(p), p.text))
        elif child.tag == qn("w:tbl"):
            for line in table_lines(Table(child, document)):
                print(line)
    for section in document.sections:
        if section.different_first_page_header_footer:
            for p in section.first_page_header.paragraphs:
                print("H\t" + p.text)


main(sys.argv[1])
