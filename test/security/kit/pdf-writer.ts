/**
 * A minimal PDF writer for synthetic test files, independent of the code under test: one page per
 * entry, each line of text in Helvetica (a standard font pdf.js does not find embedded, so it loads
 * the package's standard font data) and, when asked, a line in a CID font with the predefined CMap
 * UniJIS-UCS2-H (pdf.js loads that CMap from the package's cmaps/).
 */
export interface PdfPage {
  /** Lines of Helvetica text; long lines should fit the page at `fontSize`. */
  lines: string[];
  /** Points (default 14). */
  fontSize?: number;
  /** Adds "日本語" in a non-embedded CID font with the UniJIS-UCS2-H CMap. */
  cjkLine?: boolean;
}

const WIDTH = 595;
const HEIGHT = 842;

function literal(text: string): string {
  return `(${text.replace(/[\\()]/g, (char) => `\\${char}`)})`;
}

function utf16Hex(text: string): string {
  return `<${[...text].map((char) => char.charCodeAt(0).toString(16).padStart(4, '0')).join('')}>`;
}

function content(page: PdfPage): string {
  const size = page.fontSize ?? 14;
  const leading = Math.round(size * 1.7);
  const ops = page.lines.map((line, index) => `BT /F1 ${size} Tf 36 ${HEIGHT - 60 - index * leading} Td ${literal(line)} Tj ET`);
  if (page.cjkLine) ops.push(`BT /F2 16 Tf 36 ${HEIGHT - 60 - page.lines.length * leading - 10} Td ${utf16Hex('日本語')} Tj ET`);
  return ops.join('\n');
}

export function writePdf(pages: PdfPage[]): Uint8Array {
  // Fixed objects: 1 catalog, 2 page tree, 3 Helvetica, 4-6 the CID font; then a page and its content per page.
  const pageIds = pages.map((_, index) => 7 + index * 2);
  const objects: string[] = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${pageIds.map((id) => `${id} 0 R`).join(' ')}] /Count ${pages.length} >>`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-H /DescendantFonts [5 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 6 0 R >>',
    '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 6 /FontBBox [0 -141 1000 859] /ItalicAngle 0 /Ascent 859 /Descent -141 /CapHeight 742 /StemV 80 >>',
  ];
  pages.forEach((page, index) => {
    const stream = content(page);
    objects.push(
      `<< /Type /Page /Parent 2 0 R /MediaBox [0 0 ${WIDTH} ${HEIGHT}] /Resources << /Font << /F1 3 0 R /F2 4 0 R >> >> /Contents ${pageIds[index]! + 1} 0 R >>`,
      `<< /Length ${new TextEncoder().encode(stream).length} >>\nstream\n${stream}\nendstream`,
    );
  });
  let body = '%PDF-1.7\n';
  const offsets: number[] = [];
  const encoder = new TextEncoder();
  objects.forEach((object, index) => {
    offsets.push(encoder.encode(body).length);
    body += `${index + 1} 0 obj\n${object}\nendobj\n`;
  });
  const xref = encoder.encode(body).length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((offset) => `${String(offset).padStart(10, '0')} 00000 n \n`).join('')}`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return encoder.encode(body);
}
