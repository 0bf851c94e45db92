// Light and dark: every text the elements show and every focus ring meet WCAG AA contrast against what is behind
// them, on a page of each color scheme (its canvas), measured in each engine rather than judged by eye.
import { expect, fixture, html, oneEvent, waitUntil } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/auth-status.js';
import '../../src/define/connect-button.js';
import '../../src/define/connect-request-form.js';
import '../../src/define/connect-request-list.js';
import '../../src/define/optional-rule-prompt.js';
import '../../src/define/pickup-code-entry.js';
import { HvError } from '../../src/core/errors.js';
import type { HvAuthStatus } from '../../src/elements/auth-status/auth-status.js';
import { DEMO_APP_ID, type ScenarioName } from '../../src/mock/scenarios.js';
import type { HvProxy } from '../../src/transport/proxy.js';
import { channels, contrast } from '../helpers/contrast.js';
import { simulatedProxy } from '../helpers/simulated-proxy.js';
import { scenarioPlatform } from '../mock/helpers.js';

type Scheme = 'light' | 'dark';

/** A proxy that cannot be reached: the badge's "HealthVault cannot be reached". */
const unreachable: HvProxy = {
  signIn: () => Promise.reject(new HvError('network', 'Failed to fetch')),
  call: () => Promise.reject(new HvError('network', 'Failed to fetch')),
};

/** A page area of `scheme`: the canvas and text colors the browser gives a page of that scheme. */
async function page(scheme: Scheme): Promise<HTMLElement> {
  const area = await fixture<HTMLElement>(html`<main></main>`);
  area.style.cssText = `color-scheme: ${scheme}; background: Canvas; color: CanvasText; padding: 1rem`;
  return area;
}

function add<T extends HTMLElement>(
  area: HTMLElement,
  tag: string,
  attributes: Record<string, string>,
  proxy?: HvProxy,
) {
  const element = document.createElement(tag) as T & { proxy?: HvProxy };
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, value);
  if (proxy) element.proxy = proxy;
  area.append(element);
  return element;
}

/** The element a node is drawn in, up through slots and shadow roots. */
function parentInFlatTree(node: Element): Element | null {
  return node.assignedSlot ?? node.parentElement ?? ((node.getRootNode() as ShadowRoot).host || null);
}

const opaque = (color: string) => channels(color)[3] !== 0 && color !== 'transparent';

/** What is behind `element`: the first background that is not transparent, up through shadow roots and slots. */
function backgroundBehind(element: Element): string {
  for (let node: Element | null = element; node; node = parentInFlatTree(node)) {
    const { backgroundColor } = getComputedStyle(node);
    if (opaque(backgroundColor)) return backgroundColor;
  }
  throw new Error(`nothing is painted behind ${element.localName}`);
}

/** Every text node under `root`, shadow roots included. */
function* textsIn(root: Node): Generator<Text> {
  for (const child of root.childNodes) {
    if (child instanceof Text) yield child;
    else if (child instanceof Element) {
      if (child.shadowRoot) yield* textsIn(child.shadowRoot);
      yield* textsIn(child);
    }
  }
}

/** Shown to the eye: laid out, not clipped away as text only screen readers get. */
function isShown(text: Text, element: Element): boolean {
  const range = document.createRange();
  range.selectNodeContents(text);
  const { width, height } = range.getBoundingClientRect();
  if (width < 1 || height < 1) return false;
  for (let node: Element | null = element; node; node = parentInFlatTree(node)) {
    if (getComputedStyle(node).clipPath !== 'none') return false;
  }
  return true;
}

/** The texts under `area` below AA: 4.5:1, or 3:1 for large text (24px, or 18.66px bold). */
function textsBelowAA(area: HTMLElement): string[] {
  const failures: string[] = [];
  let checked = 0;
  for (const text of textsIn(area)) {
    const words = text.data.trim();
    const element = text.parentElement ?? (text.parentNode as ShadowRoot).host;
    if (!words || !isShown(text, element)) continue;
    checked += 1;
    const style = getComputedStyle(element);
    const size = parseFloat(style.fontSize);
    const large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
    const ratio = contrast(style.color, backgroundBehind(element));
    if (ratio < (large ? 3 : 4.5))
      failures.push(`"${words}": ${style.color} on ${backgroundBehind(element)}, ${ratio.toFixed(2)}:1`);
  }
  expect(checked, 'no text was checked').to.be.greaterThan(2);
  return failures;
}

/** The focused element, inside shadow roots. */
function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Tabs through `area` from the top of the page: each control's focus ring under 3:1 against what is around it. */
async function focusRingsBelowAA(area: HTMLElement): Promise<string[]> {
  const failures: string[] = [];
  const seen = new Set<Element>();
  // From the keyboard only: a focus() call first would leave some engines without :focus-visible.
  (document.activeElement as HTMLElement | null)?.blur();
  // Where the Tab out of the area lands: past the page's last control, Firefox moves the focus to its own window
  // controls, and the page (every later test file of the run too) has no focus any more.
  const end = document.createElement('button');
  end.textContent = 'End of the area';
  area.after(end);
  try {
    for (let step = 0; step < 60; step += 1) {
      await sendKeys({ press: 'Tab' });
      // Some drivers return before the engine has moved the focus and restyled.
      await new Promise(requestAnimationFrame);
      const focused = deepActiveElement();
      if (focused === end) break;
      if (!focused || !area.contains(hostIn(area, focused)) || seen.has(focused)) continue;
      seen.add(focused);
      const style = getComputedStyle(focused);
      const around = backgroundBehind(parentInFlatTree(focused)!);
      const ratio = contrast(style.outlineColor, around);
      if (style.outlineStyle === 'none' || parseFloat(style.outlineWidth) < 2 || ratio < 3) {
        failures.push(
          `${focused.localName}: ${style.outlineStyle} ${style.outlineColor} around ${around}, ${ratio.toFixed(2)}:1`,
        );
      }
    }
  } finally {
    end.remove();
  }
  expect(seen.size, 'no control took the focus').to.be.greaterThan(0);
  return failures;
}

/** The element of `area`'s own tree that holds `node`, however deep in shadow roots. */
function hostIn(area: HTMLElement, node: Element): Element {
  let current: Element = node;
  while (current.getRootNode() !== area.getRootNode() && (current.getRootNode() as ShadowRoot).host) {
    current = (current.getRootNode() as ShadowRoot).host;
  }
  return current;
}

async function settled(badge: HvAuthStatus, label = '') {
  await waitUntil(() => badge.status !== 'checking', `${label}: the badge kept checking`, { timeout: 3000 });
  await waitUntil(() => badge.shadowRoot!.querySelector('[part~="label"]'), `${label}: no label`);
}

/** Each element in the states it shows in color, on a page area of `scheme`, once they have settled. */
const galleries: Record<string, (scheme: Scheme) => Promise<HTMLElement>> = {
  'the connect button: its link, connected, an invalid configuration': async (scheme) => {
    const area = await page(scheme);
    add(
      area,
      'hv-connect-button',
      { 'app-id': DEMO_APP_ID, shell: 'us' },
      simulatedProxy(await scenarioPlatform('new-user', false)),
    );
    const connected = add(
      area,
      'hv-connect-button',
      { 'app-id': DEMO_APP_ID, shell: 'us' },
      simulatedProxy(await scenarioPlatform('returning-user')),
    );
    add(area, 'hv-connect-button', { shell: 'us' });
    await waitUntil(() => connected.shadowRoot?.querySelector('[part="connected"]'), 'never connected');
    return area;
  },

  'the status badge in each state it signals with a color': async (scheme) => {
    const area = await page(scheme);
    const scenarios: [ScenarioName, boolean][] = [
      ['new-user', false],
      ['returning-user', true],
      ['reauth-required', true],
      ['suspended-record', true],
      ['deleted-record', true],
      ['read-only-record', true],
      ['revoked', true],
      ['token-expired', true],
      ['location-not-supported', true],
      ['offline-granted', true],
    ];
    const badges: [string, HvAuthStatus][] = [];
    for (const [scenario, signIn] of scenarios) {
      const proxy = simulatedProxy(await scenarioPlatform(scenario, signIn));
      badges.push([scenario, add<HvAuthStatus>(area, 'hv-auth-status', { 'app-id': DEMO_APP_ID, shell: 'us' }, proxy)]);
    }
    badges.push([
      'unreachable',
      add<HvAuthStatus>(area, 'hv-auth-status', { 'app-id': DEMO_APP_ID, shell: 'us' }, unreachable),
    ]);
    for (const [label, badge] of badges) await settled(badge, label);
    expect(new Set(badges.map(([, badge]) => badge.status)).size).to.be.greaterThan(7);
    return area;
  },

  'the optional-rule prompt asking': async (scheme) => {
    const area = await page(scheme);
    const prompt = add(
      area,
      'hv-optional-rule-prompt',
      { 'app-id': DEMO_APP_ID, shell: 'us', rule: 'offline-sync blood-pressure lab-results' },
      simulatedProxy(await scenarioPlatform('offline-granted')),
    );
    await waitUntil(() => prompt.matches(':state(asking)'), 'the prompt never asked', { timeout: 3000 });
    return area;
  },

  'the code field saying what is wrong with a code': async (scheme) => {
    const area = await page(scheme);
    const entry = add(area, 'hv-pickup-code-entry', { shell: 'us' });
    await (entry as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
    const field = entry.shadowRoot!.querySelector('input')!;
    field.focus();
    field.value = 'JKYZ-QNMN-VHRX-ZGN0';
    field.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
    const changed = oneEvent(entry, 'change');
    field.dispatchEvent(new Event('change', { bubbles: true }));
    await changed;
    await waitUntil(() => entry.shadowRoot!.querySelector('[part="message"]')?.textContent?.trim(), 'no message');
    return area;
  },

  'the staff desk: a refused request, a created one, the list of connections': async (scheme) => {
    const area = await page(scheme);
    const simulator = await scenarioPlatform('connect-request', false);
    const proxy = simulatedProxy(simulator);
    const [refused, created] = [0, 1].map(() =>
      add(area, 'hv-connect-request-form', { 'app-id': DEMO_APP_ID, shell: 'us' }, proxy),
    );
    const morgan = simulator.shell.people()[0]!;
    simulator.shell.acceptConnectRequest({
      identityCode: 'KZTR-MVNP-QDWX-HLBC-JRSF',
      answer: 'biscuit',
      personId: morgan.id,
      recordId: simulator.shell.records(morgan.id, DEMO_APP_ID)[0]!.id,
    });
    const list = add(area, 'hv-connect-request-list', { 'app-id': DEMO_APP_ID }, proxy);
    const fill = async (form: HTMLElement, values: Record<string, string>) => {
      await (form as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
      for (const [name, value] of Object.entries(values)) {
        const input = form.shadowRoot!.querySelector<HTMLInputElement>(`#${name}`)!;
        input.value = value;
        input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
      }
      form.shadowRoot!.querySelector<HTMLButtonElement>('[part="submit"]')!.click();
    };
    await fill(refused!, { friendlyName: 'Dana Whitfield', externalId: 'MRN-2', question: '   ', answer: 'Lisbon' });
    const done = oneEvent(created!, 'hv-connect-request-created');
    await fill(created!, {
      friendlyName: 'Sam Rivera',
      externalId: 'MRN-3',
      question: 'First pet?',
      answer: 'Biscuit',
    });
    await done;
    await waitUntil(() => refused!.shadowRoot!.querySelector('[part="message"]')?.textContent?.trim(), 'no refusal');
    await waitUntil(() => list.shadowRoot!.querySelector('[part~="row"]'), 'no connection listed', { timeout: 3000 });
    return area;
  },
};

for (const scheme of ['light', 'dark'] as const) {
  describe(`themes: the ${scheme} scheme`, function () {
    this.timeout(20_000);
    for (const [name, gallery] of Object.entries(galleries)) {
      it(`${name}: every text at AA contrast`, async () => {
        expect(textsBelowAA(await gallery(scheme))).to.deep.equal([]);
      });

      it(`${name}: every focus ring at 3:1`, async () => {
        expect(await focusRingsBelowAA(await gallery(scheme))).to.deep.equal([]);
      });
    }
  });
}
