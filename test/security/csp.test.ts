/**
 * Promise 3: every element works on a page with a strict Content Security Policy and Trusted Types.
 *
 * The test runner's page runs inline scripts, so the elements run in a same-origin iframe served
 * with the policy (test/server/csp-page-middleware.mjs). That page registers its own copy of every
 * element and records each `securitypolicyviolation` from its first script on; the test drives the
 * elements there with real input and reads the record.
 */
import { expect } from '@open-wc/testing';
import { resetMouse, sendKeys, sendMouse, setViewport } from '@web/test-runner-commands';
import type * as Kits from './kit/element-kits.js';
import type * as Panels from './kit/panels.js';
import type { ElementKind, KitElement } from './kit/element-kits.js';
import type { InputDriver, MouseCommand } from './kit/input.js';
import type { ViolationRecord } from './csp/violations.js';

const POLICY =
  "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' blob: data:; media-src 'self' blob:; " +
  "connect-src 'self'; worker-src 'self' blob:; font-src 'self'; require-trusted-types-for 'script'";

interface CspWindow extends Window {
  lkCsp: typeof Kits & typeof Panels;
  lkCspViolations: ViolationRecord[];
  eval(source: string): unknown;
}

let iframe: HTMLIFrameElement;
let page: CspWindow;

async function openCspPage(): Promise<CspWindow> {
  iframe = document.createElement('iframe');
  iframe.title = 'strict CSP page';
  iframe.style.cssText = 'position: fixed; left: 0; top: 0; width: 1100px; height: 760px; border: 0; background: white';
  const loaded = new Promise((resolve) => iframe.addEventListener('load', resolve, { once: true }));
  iframe.src = '/__lk-csp/page.html';
  document.body.append(iframe);
  await loaded;
  const win = iframe.contentWindow as CspWindow;
  const started = performance.now();
  while (!win.lkCsp) {
    if (performance.now() - started > 30000) throw new Error('the CSP page did not load its modules');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return win;
}

/** Real input into the iframe: the same commands, moved by where the iframe sits on the test page. */
function iframeInput(): InputDriver {
  return {
    mouse(command: MouseCommand) {
      if (!('position' in command)) return sendMouse(command);
      const rect = iframe.getBoundingClientRect();
      return sendMouse({ ...command, position: [Math.round(command.position[0] + rect.left), Math.round(command.position[1] + rect.top)] });
    },
    keys: (command) => sendKeys(command as Parameters<typeof sendKeys>[0]),
  };
}

function describeViolations(violations: readonly ViolationRecord[]): string {
  return violations.map((v) => `${v.directive} ${v.blockedURI} at ${v.sourceFile}:${v.line} ${v.sample}`).join('\n') || 'none';
}

/** A polyline for the 2D elements: DICOM shows its length as a label, video a timeline row. */
function lineFor(kind: ElementKind): unknown {
  const onPlane = kind === 'image' ? {} : { page: 0, ...(kind === 'video' ? { keyframe: true } : {}) };
  const scale = kind === 'dicom' ? 0.2 : 1;
  return { objectId: 'line', schemaId: 't-line', polyline: [[20 * scale, 300 * scale], [300 * scale, 320 * scale]], ...onPlane };
}

describe('strict CSP and Trusted Types', function () {
  this.timeout(120000);

  before(async () => {
    // The iframe and the elements in it must lie inside the viewport for real clicks to reach them.
    await setViewport({ width: 1120, height: 780 });
    page = await openCspPage();
  });

  after(() => iframe.remove());

  afterEach(async () => {
    await resetMouse();
  });

  it('serves the page with exactly the policy hosts are told to use', async () => {
    const response = await fetch('/__lk-csp/page.html');
    expect(response.headers.get('content-security-policy')).to.equal(POLICY);
    const html = await response.text();
    expect(html, 'no inline script on the page itself').not.to.match(/<script(?![^>]*\bsrc=)[^>]*>/);
  });

  it('enforces it: eval, an innerHTML string and an inline style are refused and reported', async () => {
    const violations = page.lkCspViolations;
    violations.length = 0;
    const probe = page.document.createElement('div');
    page.document.body.append(probe);
    expect(() => page.eval('1 + 1'), 'eval').to.throw();
    expect(() => {
      probe.innerHTML = '<b>bold</b>';
    }, 'innerHTML needs TrustedHTML').to.throw(/TrustedHTML/);
    probe.setAttribute('style', 'color: red');
    await new Promise((resolve) => setTimeout(resolve, 50));
    probe.remove();
    expect(probe.style.color, 'the inline style was not applied').to.equal('');
    const directives = violations.map((v) => v.directive);
    expect(directives, describeViolations(violations)).to.include('style-src-attr');
    expect(violations.filter((v) => v.directive === 'require-trusted-types-for').map((v) => v.sample.split('|')[0])).to.include.members([
      'eval',
      'Element innerHTML',
    ]);
    violations.length = 0;
  });

  for (const kind of ['image', 'video', 'pdf', 'dicom', 'text'] as const) {
    it(`<lk-${kind}> loads, labels, answers, shows its help and panels, reviews and exports with no violation`, async () => {
      const { KITS, mountKit, nextEvent, toolsOf, taskForm, radioFor, clickControl, buttonNamed, panelsSettled, objectRow } = page.lkCsp;
      const violations = page.lkCspViolations;
      violations.length = 0;
      const kit = KITS[kind];
      const input = iframeInput();
      const element: KitElement = await mountKit(kit, { annotations: kit.prelabels, width: 1080, height: 600 });
      if (kind !== 'pdf' && kind !== 'text') element.import({ objects: [lineFor(kind)] } as never);
      const id = await kit.label(element, input);

      // Select the new object: its answers, the object list row and (video) the timeline row render.
      await clickControl(input, objectRow(element, id));
      element.focus();
      await input.keys({ press: '?' });
      await panelsSettled(element);
      await input.keys({ press: 'Escape' });
      await clickControl(input, radioFor(taskForm(element), 'Poor'));

      element.setAttribute('mode', 'review');
      await panelsSettled(element);
      const reviewed = nextEvent<CustomEvent>(element, 'lk-review', 5000);
      await clickControl(input, buttonNamed(element, 'Accept'));
      expect((await reviewed).detail.verdict).to.equal('accept');

      // A review issue on the selected object: the lazily loaded panel and its pin, placed through the CSSOM.
      element.focus();
      await input.keys({ press: 'i' });
      await page.customElements.whenDefined('lk-issues-panel');
      await panelsSettled(element);
      await input.keys({ type: 'Check this' });
      const raised = nextEvent<CustomEvent>(element, 'lk-issue', 5000);
      await input.keys({ press: 'Control+Enter' });
      expect((await raised).detail.issue.objectId).to.equal(id);
      await panelsSettled(element);
      const pins = [...element.shadowRoot!.querySelectorAll('lk-issue-pins')].flatMap((layer) => [...layer.shadowRoot!.querySelectorAll<HTMLElement>('.pin')]);
      expect(pins.length, 'pins shown').to.be.greaterThan(0);
      expect(pins.every((pin) => pin.style.left !== '' && getComputedStyle(pin).position === 'absolute'), 'pins placed').to.equal(true);

      const record = element.export();
      expect(new Set(toolsOf(element).map((tool) => tool.objectId))).to.include.keys(['free', 'locked', id]);
      expect(record.task.classifications.map((answer) => answer.answer)).to.deep.equal(['Poor']);
      expect(element.submit(), 'submit').not.to.equal(undefined);
      await panelsSettled(element);
      element.remove();
      expect(violations, describeViolations(violations)).to.deep.equal([]);
    });
  }

  // Smart tools (issue 20): their lazily loaded chunk, the picture read in bands and the draft overlay canvas.
  it('<lk-image> draws with the magic wand and the magnetic lasso with no violation', async () => {
    const { KITS, mountKit, toolsOf } = page.lkCsp;
    const violations = page.lkCspViolations;
    violations.length = 0;
    const kit = KITS.image;
    const input = iframeInput();
    const ontology = { tools: [{ schemaId: 't-seg', tool: 'segmentation', title: 'Area', color: '#43a047', shortcutKey: '1' }], classifications: [], relations: [] };
    const element: KitElement = await mountKit(kit, { ontology, width: 1080, height: 600 });
    const overlay = () => element.shadowRoot!.querySelector('canvas[data-layer="draft-overlay"]');
    element.focus();
    await input.keys({ press: '1' });
    await input.keys({ press: 'Shift+W' });
    await element.settled();
    const [x, y] = kit.emptyPoint(element);
    await input.mouse({ type: 'click', position: [x, y] });
    await element.settled();
    expect(overlay(), 'the wand draft on the overlay').not.to.equal(null);
    await input.keys({ press: 'Enter' });
    await input.keys({ press: 'Shift+L' });
    await element.settled();
    for (const [dx, dy] of [
      [0, 0],
      [80, 10],
      [40, 70],
    ] as const) {
      await input.mouse({ type: 'click', position: [x + dx, y + dy] });
    }
    await input.mouse({ type: 'move', position: [x + 10, y + 40] });
    expect(overlay(), 'the lasso wire on the overlay').not.to.equal(null);
    await input.keys({ press: 'Enter' });
    await element.settled();
    expect(toolsOf(element).filter((tool) => tool.schemaId === 't-seg')).to.have.length(2);
    element.remove();
    expect(violations, describeViolations(violations)).to.deep.equal([]);
  });

  // Review (issue 22): the lazily loaded compare UI, its overlay or text marks and a Keep all.
  for (const kind of ['image', 'text'] as const) {
    it(`<lk-${kind}> compares versions and keeps one with no violation`, async () => {
      const { KITS, mountKit, toolsOf, clickControl, buttonNamed, panelsSettled, deepElements } = page.lkCsp;
      const violations = page.lkCspViolations;
      violations.length = 0;
      const kit = KITS[kind];
      const input = iframeInput();
      const element: KitElement = await mountKit(kit, { width: 1080, height: 600 });
      element.compare = [
        { label: 'Pre-labels', record: kit.prelabels as never },
        { label: 'Nothing', record: { objects: [] }, baseline: true },
      ];
      const started = performance.now();
      const scored = () => deepElements(element.shadowRoot!).some((node) => node.matches('[data-agreement]'));
      while (!scored()) {
        if (performance.now() - started > 30000) throw new Error('the compare panel did not show its scores');
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      await panelsSettled(element);
      await clickControl(input, buttonNamed(element, 'Keep all of Pre-labels'));
      await panelsSettled(element);
      expect(toolsOf(element).length).to.be.greaterThan(0);
      element.remove();
      expect(violations, describeViolations(violations)).to.deep.equal([]);
    });
  }
});
