/**
 * Writes test/fixtures/pdf/two-column.pdf: one A4 page set like a two-column paper (a title across
 * the page, then two columns of 10 pt Times-Roman with an 18 pt gap at their widest lines), for the text-selection tests
 * that drag from the gap between columns. Every text run is its own line, as pdflatex writes them.
 * Run: node scripts/make-two-column-pdf.mjs
 */
import { writeFileSync } from 'node:fs';

const LEFT = [
  'Labeling a scanned paper starts with the',
  'reader finding the passage that matters.',
  'A claim often sits at the end of a long',
  'paragraph, and the annotator drags from',
  'its first word to its final full stop.',
  'People overshoot the end of a line all',
  'the time, and they start drags in the',
  'white space between the columns too.',
  'The tool has to keep such a selection in',
  'the column where it began, and export',
  'exactly the words between its two ends.',
  'Anything more would teach a model the',
  'wrong span and cost the reviewer time.',
  'Short phrases like alpha beta gamma are',
  'easy to find again in a test, which is',
  'why this page repeats none of its lines.',
];
const RIGHT = [
  'The second column begins at the top of',
  'the page again, beside the first one.',
  'In the text layer its lines come after',
  'every line of the left column, so a drag',
  'that wanders into the gap can reach far',
  'back in document order if the browser',
  'places the caret on the layer itself.',
  'Delta epsilon zeta marks this line for',
  'the tests that start a drag right here.',
  'A figure caption would sit below this',
  'paragraph in a real paper, set smaller',
  'and centred under its drawing, while',
  'footnotes gather at the foot of a page.',
  'Omega closes the right column neatly.',
];

const escape = (text) => text.replace(/[\\()]/g, (c) => `\\${c}`);
const lines = ['BT', '/F2 16 Tf', '1 0 0 1 150 770 Tm', `(${escape('Two columns of text for selection tests')}) Tj`, 'ET'];
const column = (texts, x) => texts.forEach((text, i) => lines.push('BT', '/F1 10 Tf', `1 0 0 1 ${x} ${730 - i * 12} Tm`, `(${escape(text)}) Tj`, 'ET'));
column(LEFT, 60);
column(RIGHT, 240);
const content = lines.join('\n');

const objects = [
  '<< /Type /Catalog /Pages 2 0 R >>',
  '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
  '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.28 841.89] /Resources << /Font << /F1 4 0 R /F2 5 0 R >> >> /Contents 6 0 R >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Roman /Encoding /WinAnsiEncoding >>',
  '<< /Type /Font /Subtype /Type1 /BaseFont /Times-Bold /Encoding /WinAnsiEncoding >>',
  `<< /Length ${Buffer.byteLength(content, 'latin1')} >>\nstream\n${content}\nendstream`,
];
let pdf = '%PDF-1.4\n';
const offsets = objects.map((body, i) => {
  const offset = Buffer.byteLength(pdf, 'latin1');
  pdf += `${i + 1} 0 obj\n${body}\nendobj\n`;
  return offset;
});
const xref = Buffer.byteLength(pdf, 'latin1');
pdf += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
pdf += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
writeFileSync(new URL('../test/fixtures/pdf/two-column.pdf', import.meta.url), pdf, 'latin1');
