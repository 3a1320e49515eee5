/** A PDF of `objects` (object n is `objects[n - 1]`; 1 is the catalog), with its cross-reference table. */
function pdfOf(objects: readonly string[]): Uint8Array {
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((body, index) => {
    offsets.push(out.length);
    out += `${index + 1} 0 obj\n${body}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const offset of offsets) out += `${String(offset).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return new TextEncoder().encode(out);
}

const escapePdfString = (text: string) => text.replace(/[\\()]/g, (c) => `\\${c}`);

/**
 * A one-page PDF whose text uses Helvetica without embedding it, so pdf.js must load the standard
 * font data it ships: the real fixtures all embed their fonts and never ask for a data file.
 */
export function helveticaPdf(text: string): Uint8Array {
  const content = `BT /F1 24 Tf 72 700 Td (${escapePdfString(text)}) Tj ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
  ]);
}

/**
 * A one-page PDF with a line in Helvetica (standard font data) and a line in a Japanese font that
 * is not embedded and is encoded with Adobe's predefined `UniJIS-UCS2-HW-H` CMap: pdf.js must
 * load that cMap (119 bytes: small files are what bundlers inline as data: URLs), the
 * `UniJIS-UCS2-H` it builds on (25 kB) and `Adobe-Japan1-UCS2` for the text's Unicode, from the
 * files the package ships. `japanese` must be in the Basic Multilingual Plane (UCS-2).
 */
export function cMapPdf(latin: string, japanese: string): Uint8Array {
  const ucs2 = [...japanese].map((c) => c.charCodeAt(0).toString(16).padStart(4, '0')).join('');
  const content = `BT /F1 24 Tf 72 700 Td (${escapePdfString(latin)}) Tj ET BT /F2 24 Tf 72 650 Td <${ucs2}> Tj ET`;
  return pdfOf([
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Count 1 /Kids [3 0 R] >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Resources << /Font << /F1 4 0 R /F2 6 0 R >> >> /Contents 5 0 R >>',
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>',
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type0 /BaseFont /KozMinPr6N-Regular /Encoding /UniJIS-UCS2-HW-H /DescendantFonts [7 0 R] >>',
    '<< /Type /Font /Subtype /CIDFontType0 /BaseFont /KozMinPr6N-Regular /CIDSystemInfo << /Registry (Adobe) /Ordering (Japan1) /Supplement 6 >> /FontDescriptor 8 0 R /DW 1000 >>',
    '<< /Type /FontDescriptor /FontName /KozMinPr6N-Regular /Flags 4 /FontBBox [0 -120 1000 880] /ItalicAngle 0 /Ascent 880 /Descent -120 /CapHeight 700 /StemV 80 >>',
  ]);
}

export interface GeneratedPage {
  /** MediaBox size in points. */
  width: number;
  height: number;
  rotate?: 0 | 90 | 180 | 270;
}

export interface PagedPdf {
  bytes: Uint8Array;
  /** Byte ranges `[begin, end)` of each page's dictionary and of its content stream. */
  pages: { dict: [number, number]; content: [number, number] }[];
}

/**
 * A PDF of `pages` (Helvetica text "Page n" near the top-left corner of each) laid out so that a
 * reader by ranges meets each page's objects in a part of the file of their own: the catalog,
 * the page tree and page 1 at the start, then per page its dictionary, `padBytes` of an unused
 * stream, its content stream and `padBytes` more; the cross-reference table alone at the end.
 * The page tree has one level of groups of `groupSize` pages with their counts, as writers of
 * long documents make it, so pdf.js finds page n without reading the pages before it; `flat`
 * puts every page straight under the root instead (as some writers do).
 */
export function pagedPdf(pages: readonly GeneratedPage[], { padBytes = 70_000, groupSize = 6, flat = false } = {}): PagedPdf {
  const parts: string[] = [];
  let length = 0;
  const offsets: number[] = [];
  const write = (text: string) => {
    parts.push(text);
    length += text.length;
  };
  let nextId = 1;
  const object = (body: string, id = nextId++) => {
    offsets[id] = length;
    write(`${id} 0 obj\n${body}\nendobj\n`);
    return id;
  };
  const pad = () => object(`<< /Length ${padBytes} >>\nstream\n${' '.repeat(padBytes)}\nendstream`);
  const groups = flat ? [] : Array.from({ length: Math.ceil(pages.length / groupSize) }, (_, index) => index);
  // Ids: 1 catalog, 2 root, 3 font, then one per group, then the pages' objects.
  const groupId = (group: number) => 4 + group;
  let id = 4 + groups.length;
  const pageIds = pages.map(() => {
    const ids = { page: id, content: id + 1 };
    id += 2;
    return ids;
  });
  write('%PDF-1.4\n');
  object('<< /Type /Catalog /Pages 2 0 R >>', 1);
  const rootKids = flat ? pageIds.map((ids) => `${ids.page} 0 R`) : groups.map((group) => `${groupId(group)} 0 R`);
  object(`<< /Type /Pages /Count ${pages.length} /Kids [${rootKids.join(' ')}] >>`, 2);
  object('<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>', 3);
  for (const group of groups) {
    const kids = pageIds.slice(group * groupSize, (group + 1) * groupSize);
    object(`<< /Type /Pages /Parent 2 0 R /Count ${kids.length} /Kids [${kids.map((ids) => `${ids.page} 0 R`).join(' ')}] >>`, groupId(group));
  }
  nextId = id;
  const regions = pages.map((page, index) => {
    const ids = pageIds[index]!;
    const group = flat ? 2 : groupId(Math.floor(index / groupSize));
    const dictBegin = length;
    object(
      `<< /Type /Page /Parent ${group} 0 R /MediaBox [0 0 ${page.width} ${page.height}]${page.rotate ? ` /Rotate ${page.rotate}` : ''} /Resources << /Font << /F1 3 0 R >> >> /Contents ${ids.content} 0 R >>`,
      ids.page,
    );
    const dict: [number, number] = [dictBegin, length];
    if (index > 0) pad();
    const contentBegin = length;
    const content = `BT /F1 36 Tf 40 ${page.height - 80} Td (Page ${index + 1}) Tj ET`;
    object(`<< /Length ${content.length} >>\nstream\n${content}\nendstream`, ids.content);
    const region = { dict, content: [contentBegin, length] as [number, number] };
    pad();
    return region;
  });
  const xref = length;
  const size = nextId;
  write(`xref\n0 ${size}\n0000000000 65535 f \n`);
  for (let n = 1; n < size; n++) write(`${String(offsets[n]).padStart(10, '0')} 00000 n \n`);
  write(`trailer\n<< /Size ${size} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`);
  return { bytes: new TextEncoder().encode(parts.join('')), pages: regions };
}
