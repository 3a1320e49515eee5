import { expect } from '@open-wc/testing';
import { createTextCaret } from '../../src/text/caret.js';
import { createTextDocument } from '../../src/text/text-document.js';

const caretOver = (text: string) => createTextCaret(createTextDocument(text));

describe('text document and caret', () => {
  it('splits lines on CRLF, LF and CR and keeps terminators in the offsets', () => {
    const doc = createTextDocument('one\r\ntwo\nthree\rfour');
    expect(doc.layout.paragraphs.map((p) => [p.start, p.text])).to.deep.equal([
      [0, 'one'],
      [5, 'two'],
      [9, 'three'],
      [15, 'four'],
    ]);
    expect(doc.layout.paragraphAt(3)).to.equal(0, 'the CR belongs to the line it ends');
    expect(doc.layout.paragraphAt(4)).to.equal(0);
    expect(doc.layout.paragraphAt(5)).to.equal(1);
    expect(doc.layout.paragraphAt(100)).to.equal(3);
  });

  it('moves the caret by grapheme without splitting emoji or combining sequences', () => {
    const text = 'a😀e\u0301👩‍👩‍👧z';
    const doc = caretOver(text);
    const stops = [0];
    for (let at = 0; at < text.length; ) stops.push((at = doc.moveCaret(at, 1, 'grapheme')));
    expect(stops).to.deep.equal([0, 1, 3, 5, 13, 14]);
    const back = [text.length];
    for (let at = text.length; at > 0; ) back.push((at = doc.moveCaret(at, -1, 'grapheme')));
    expect(back).to.deep.equal([14, 13, 5, 3, 1, 0]);
  });

  it('crosses a CRLF as one caret step', () => {
    const doc = caretOver('ab\r\ncd');
    expect(doc.moveCaret(2, 1, 'grapheme')).to.equal(4);
    expect(doc.moveCaret(4, -1, 'grapheme')).to.equal(2);
  });

  it('moves by word', () => {
    const doc = caretOver('It is a truth universally acknowledged');
    expect(doc.moveCaret(0, 1, 'word')).to.equal(2);
    expect(doc.moveCaret(2, 1, 'word')).to.equal(5);
    expect(doc.moveCaret(8, -1, 'word')).to.equal(6);
  });

  it('snaps a span to whole words and trims edge whitespace', () => {
    const text = 'It is a truth universally acknowledged';
    const doc = caretOver(text);
    const [start, end] = doc.snapToWords(10, 16);
    expect(text.slice(start, end)).to.equal('truth universally');
    const [s2, e2] = doc.snapToWords(5, 8);
    expect(text.slice(s2, e2)).to.equal('a');
  });

  it('knows which lines read right to left by their first letter', () => {
    const doc = caretOver('שלום world\n123 مرحبا\nHello שלום\n\t');
    expect([0, 1, 2, 3].map((i) => doc.isRightToLeft(i))).to.deep.equal([true, true, false, false]);
  });

  it('trims line terminators from span edges', () => {
    const text = 'first\r\nsecond\r\n';
    const doc = caretOver(text);
    const [start, end] = doc.trimLineEnds(5, 15);
    expect(text.slice(start, end)).to.equal('second');
  });
});
