import { expect } from '@open-wc/testing';
import { createDocumentView } from '../../src/text/document-view.js';
import { createTextDocument } from '../../src/text/text-document.js';
import { createTextHighlights } from '../../src/text/highlights.js';
import { layoutArrows, drawArrows } from '../../src/text/relation-arrows.js';

function mountContainer(): HTMLDivElement {
  const container = document.createElement('div');
  document.body.append(container);
  return container;
}

describe('document view', () => {
  it('renders markup as text, one paragraph per line, and maps offsets both ways', () => {
    const text = '<b>one</b>\r\n<img src=x onerror="window.__lkViewPwned=1">\n\ttab 😀';
    const container = mountContainer();
    const view = createDocumentView({ container, document: createTextDocument(text) });
    expect(container.querySelectorAll('p')).to.have.length(0, 'blocks start empty');
    expect(view.fillSome(100)).to.equal(false, 'nothing left to fill');
    expect(container.querySelectorAll('p')).to.have.length(3);
    expect(container.querySelectorAll('b, img')).to.have.length(0);
    expect([...container.querySelectorAll('p')].map((p) => p.textContent)).to.deep.equal(['<b>one</b>', '<img src=x onerror="window.__lkViewPwned=1">', '\ttab 😀']);
    const start = text.indexOf('tab');
    const position = view.positionOf(start);
    expect(position.node.data.slice(position.offset, position.offset + 3)).to.equal('tab');
    expect(view.offsetOf(position.node, position.offset)).to.equal(start);
    // A position inside the CRLF maps to the end of its line.
    expect(view.positionOf(11).offset).to.equal(10);
    // Boundaries between paragraphs (in their block) and between blocks map to paragraph starts.
    const block = container.querySelector('.block')!;
    expect(view.blocks).to.deep.equal([{ first: 0, last: 2 }]);
    expect(view.offsetOf(block, 1)).to.equal(12);
    expect(view.offsetOf(block, 3)).to.equal(text.length);
    expect(view.offsetOf(container, 0)).to.equal(0);
    expect(view.offsetOf(container, 1)).to.equal(text.length);
    expect(view.range(0, text.length).toString().replace(/\r?\n/g, '')).to.contain('tab 😀');
    expect(view.offsetOf(document.body, 0)).to.equal(undefined);
    expect((window as unknown as { __lkViewPwned?: number }).__lkViewPwned).to.equal(undefined);
    container.remove();
  });

  it('fills blocks on demand and a few at a time, each at its estimated height until then', () => {
    const line = 'x'.repeat(99);
    const text = Array.from({ length: 600 }, () => line).join('\n');
    const container = mountContainer();
    container.style.font = '10px/20px monospace';
    const view = createDocumentView({ container, document: createTextDocument(text) });
    const blocks = [...container.querySelectorAll<HTMLElement>('.block')];
    expect(blocks.length).to.equal(view.blocks.length);
    expect(blocks.length).to.be.greaterThan(5);
    expect(blocks.every((block) => block.childElementCount === 0 && block.style.minBlockSize !== '')).to.equal(true);
    // An offset in the sixth block fills that block alone.
    const [start] = view.blockSpan(5);
    const position = view.positionOf(start + 3);
    expect(position.node.data).to.equal(line);
    expect(blocks.map((block) => block.childElementCount > 0)).to.deep.equal(blocks.map((_, i) => i === 5));
    expect(blocks[5]!.style.minBlockSize).to.equal('');
    expect(view.offsetOf(position.node, position.offset)).to.equal(start + 3);
    expect(view.paragraphElement(0)?.textContent).to.equal(line);
    expect(blocks[0]!.childElementCount).to.be.greaterThan(0);
    // No time left: nothing more is filled; then the rest, in order.
    expect(view.fillSome(0)).to.equal(true);
    expect(view.fillSome(1000)).to.equal(false);
    expect(container.querySelectorAll('p')).to.have.length(600);
    expect([...container.querySelectorAll('p')].every((p, i) => view.paragraphIndexOf(p.firstChild!) === i)).to.equal(true);
    expect(blocks.every((block) => block.style.minBlockSize === '')).to.equal(true);
    view.destroy();
    container.remove();
  });
});

describe('text highlights', () => {
  it('uses per-instance names, validates colours and removes only its own names', () => {
    const container = mountContainer();
    const view = createDocumentView({ container, document: createTextDocument('alpha beta gamma') });
    const a = createTextHighlights({ instanceId: 'lk1' });
    const b = createTextHighlights({ instanceId: 'lk1' });
    expect(a.prefix).not.to.equal(b.prefix, 'two library copies with the same counter still differ');
    a.setPalette(['#ff0000', 'red;} body{display:none', '#00FF00']);
    const css = [...a.styleSheet.cssRules].map((rule) => rule.cssText).join('\n');
    expect(css).not.to.contain('display:none');
    expect(css).to.contain('rgb(110, 119, 129)', 'an invalid colour paints grey');
    a.paint('e1', { classIndex: 0, lane: 0, range: view.staticRange(0, 5) });
    a.paint('e2', { classIndex: 0, lane: 1, range: view.staticRange(1, 3) });
    a.paint('e3', { classIndex: 2, lane: 9, range: view.staticRange(6, 10) });
    b.paint('e1', { classIndex: 0, lane: 0, range: view.staticRange(11, 16) });
    a.setMark('selected', [view.staticRange(0, 5)]);
    const aNames = a.names();
    expect(aNames).to.have.length(4);
    expect(aNames.every((name) => name.startsWith(a.prefix))).to.equal(true);
    expect(aNames.some((name) => name.endsWith('-c2-l4')), 'deep lanes share the last distinct lane').to.equal(true);
    expect(CSS.highlights.get(`${a.prefix}-c0-l0`)?.size).to.equal(1);
    expect([...a.paintedIds()]).to.deep.equal(['e1', 'e2', 'e3']);
    // Repainting moves an entity between highlights; unpainting drops a highlight left empty.
    a.paint('e2', { classIndex: 0, lane: 0, range: view.staticRange(1, 3) });
    expect(CSS.highlights.get(`${a.prefix}-c0-l0`)?.size).to.equal(2);
    expect(CSS.highlights.has(`${a.prefix}-c0-l1`)).to.equal(false);
    a.paint('e3', undefined);
    expect(CSS.highlights.has(`${a.prefix}-c2-l4`)).to.equal(false);
    expect([...a.paintedIds()]).to.deep.equal(['e1', 'e2']);
    const foreign = new Highlight();
    CSS.highlights.set('not-ours', foreign);
    a.destroy();
    for (const name of aNames) expect(CSS.highlights.has(name)).to.equal(false);
    expect(b.names().every((name) => CSS.highlights.has(name))).to.equal(true);
    expect(CSS.highlights.get('not-ours')).to.equal(foreign);
    CSS.highlights.delete('not-ours');
    b.destroy();
    container.remove();
  });
});

describe('relation arrows', () => {
  it('lifts arcs so that labels of overlapping relations do not cover each other', () => {
    const specs = Array.from({ length: 6 }, (_, i) => ({
      id: `r${i}`,
      label: 'Knows',
      color: '#8e24aa',
      kind: 'single' as const,
      points: [
        { x: 100, y: 200 },
        { x: 300, y: 200 },
      ],
      bidirectional: i === 0,
      selected: false,
    }));
    const layouts = layoutArrows(specs);
    expect(layouts).to.have.length(6);
    const labelYs = layouts.map((l) => l.labelY);
    for (let i = 0; i < labelYs.length; i++) {
      for (let j = i + 1; j < labelYs.length; j++) expect(Math.abs(labelYs[i]! - labelYs[j]!), `${i} vs ${j}`).to.be.at.least(11);
    }
    expect(layouts[0]!.heads.match(/M/g)).to.have.length(2, 'bidirectional: a head at both ends');
    expect(layouts[1]!.heads.match(/M/g)).to.have.length(1);
  });

  it('draws labels as text, never markup', () => {
    const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
    document.body.append(svg);
    drawArrows(
      svg,
      layoutArrows([
        {
          id: 'g1',
          label: '<img src=x onerror="window.__lkArrowPwned=1">',
          color: '#00897b',
          kind: 'group',
          points: [
            { x: 10, y: 50 },
            { x: 90, y: 50 },
            { x: 40, y: 80 },
          ],
          bidirectional: false,
          selected: true,
        },
      ]),
    );
    expect(svg.querySelector('img')).to.equal(null);
    expect(svg.querySelector('text')?.textContent).to.equal('<img src=x onerror="window.__lkArrowPwned=1">');
    expect(svg.querySelector('g')?.getAttribute('data-relation-id')).to.equal('g1');
    expect(svg.querySelector('path')?.getAttribute('stroke-dasharray')).to.equal('4 3');
    expect(svg.querySelector('path')?.getAttribute('d')?.match(/M/g)).to.have.length(2, 'three members, two arcs');
    svg.remove();
  });
});
