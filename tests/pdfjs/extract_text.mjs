// Prints the text pdf.js finds on each page of a PDF, one line per text line, a form feed after each page.
// Usage: node extract_text.mjs FILE.pdf
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";
import { readFileSync } from "node:fs";

const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, verbosity: 0, useSystemFonts: false }).promise;
let out = "";
for (let i = 1; i <= doc.numPages; i++) {
  const content = await (await doc.getPage(i)).getTextContent();
  for (const item of content.items) out += item.str + (item.hasEOL ? "\n" : "");
  out += "\n\f";
}
process.stdout.write(out);
