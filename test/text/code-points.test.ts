import { expect } from '@open-wc/testing';
import { createCodePointIndex } from '../../src/text/code-points.js';

/** Reference: code point offsets by iterating the string. */
function codePointSlice(text: string, start: number, end: number): string {
  return [...text].slice(start, end).join('');
}

describe('code points ↔ UTF-16', () => {
  const samples = [
    'plain ascii',
    'emoji 😀 and 👩‍👩‍👧 family',
    'e\u0301 combining and a\u0308\u0304 stacked',
    '漢字とかな 中文',
    'עברית and العربية mixed',
    'line\r\nbreak\tand tab',
    '𝒳𝒴𝒵 astral math at the end 𝒜',
    '',
  ];

  it('maps every code point offset to the UTF-16 offset of the same character', () => {
    for (const text of samples) {
      const index = createCodePointIndex(text);
      const points = [...text];
      expect(index.length, text).to.equal(points.length);
      expect(index.utf16Length).to.equal(text.length);
      let utf16 = 0;
      for (let cp = 0; cp <= points.length; cp++) {
        expect(index.toUtf16(cp), `${text} @${cp}`).to.equal(utf16);
        expect(index.toCodePoint(utf16), `${text} @u${utf16}`).to.equal(cp);
        utf16 += points[cp]?.length ?? 0;
      }
    }
  });

  it('slices by code points like Python', () => {
    for (const text of samples) {
      const index = createCodePointIndex(text);
      for (let start = 0; start <= index.length; start += 2) {
        for (let end = start; end <= index.length; end += 3) {
          const expected = codePointSlice(text, start, end);
          expect(index.slice(start, end)).to.equal(expected);
          expect(index.sliceEquals(start, end, expected)).to.equal(true);
          if (expected) expect(index.sliceEquals(start, end, `${expected.slice(0, -1)}#`)).to.equal(expected.endsWith('#'));
          expect(index.sliceEquals(start, end + 1, expected)).to.equal(end >= index.length);
        }
      }
    }
  });

  it('rounds an offset inside a surrogate pair down to the pair start and clamps out-of-range offsets', () => {
    const index = createCodePointIndex('a😀b');
    expect(index.toCodePoint(2)).to.equal(1);
    expect(index.toCodePoint(3)).to.equal(2);
    expect(index.toUtf16(-5)).to.equal(0);
    expect(index.toUtf16(99)).to.equal(4);
    expect(index.toCodePoint(99)).to.equal(3);
  });

  it('treats a lone surrogate as one code point, as Python and JS iteration do', () => {
    const text = 'a\ud800b\udc00c';
    const index = createCodePointIndex(text);
    expect(index.length).to.equal([...text].length);
    expect(index.slice(1, 2)).to.equal('\ud800');
  });
});
