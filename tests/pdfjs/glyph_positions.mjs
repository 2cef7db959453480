// Prints every glyph pdf.js would draw, one a line: "page span code x y width text" (span: the number of the
// marked-content span it is in, counted over the document, saraban writes one a word; code: the glyph's code in the
// content stream; x, y: its origin in points from the page's bottom-left; width: its advance in points as pdf.js
// reads /W; text: what pdf.js reads it as, as hex UTF-16).
// It replays the text operators saraban writes (BT, Td, Tf, Ts, TJ) from pdf.js's operator list, so the widths
// are pdf.js's own reading of /W. Usage: node glyph_positions.mjs FILE.pdf
import { getDocument, OPS } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
const hex = (s) => [...s].map((c) => c.charCodeAt(0).toString(16).padStart(4, "0")).join("");
let out = "";
let span = 0;
for (let p = 1; p <= doc.numPages; p++) {
  const list = await (await doc.getPage(p)).getOperatorList();
  let lineX = 0, lineY = 0, x = 0, size = 0, rise = 0;
  for (let i = 0; i < list.fnArray.length; i++) {
    const args = list.argsArray[i];
    switch (list.fnArray[i]) {
      case OPS.beginText: lineX = lineY = x = 0; break;
      case OPS.beginMarkedContentProps: span++; break;
      case OPS.moveText: lineX += args[0]; lineY += args[1]; x = lineX; break;
      case OPS.setFont: size = args[1]; break;
      case OPS.setTextRise: rise = args[0]; break;
      case OPS.showText:
        for (const g of args[0]) {
          if (typeof g === "number") { x -= (g * size) / 1000; continue; }
          const width = (g.width * size) / 1000;
          out += `${p} ${span} ${g.originalCharCode} ${x.toFixed(3)} ${(lineY + rise).toFixed(3)} ${width.toFixed(3)}`;
          out += ` ${hex(g.unicode)}\n`;
          x += width;
        }
        break;
    }
  }
}
process.stdout.write(out);
