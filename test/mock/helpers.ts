import { requestNamespace } from '../../src/core/platform/methods.js';
import { createClock, type Clock } from '../../src/mock/clock.js';
import { DEMO_APP_ID, type ScenarioName } from '../../src/mock/scenarios.js';
import { createSimulator, type Simulator } from '../../src/mock/simulator.js';

/** Test helpers for the simulator: requests as the kit sends them, and answers read with the browser's DOMParser. */

/** The instant every test clock starts at. */
export const TEST_START = Date.UTC(2026, 10, 22, 12, 0, 0);

export function infoRequest(method: string, inner = ''): string {
  return `<wc:info xmlns:wc="${requestNamespace(method)}">${inner}</wc:info>`;
}

export function parseXml(xml: string): Document {
  const document = new DOMParser().parseFromString(xml, 'application/xml');
  if (document.querySelector('parsererror')) throw new Error(`not well-formed:\n${xml}`);
  return document;
}

/** The `<status><code>` of a response document. */
export function statusCode(xml: string): number {
  return Number(parseXml(xml).querySelector('response > status > code')?.textContent);
}

/** The response's `<wc:info>` as a document of its own (what the response XSD validates). */
export function infoDocument(xml: string): string {
  const info = parseXml(xml).documentElement.lastElementChild!;
  if (info.localName !== 'info') throw new Error(`no <wc:info> in:\n${xml}`);
  return new XMLSerializer().serializeToString(info);
}

/** Every `<record>` of a response, as attributes plus `name` (the element's text). */
export function records(xml: string): Record<string, string>[] {
  return [...parseXml(xml).getElementsByTagName('record')].map((record) => ({
    ...Object.fromEntries([...record.attributes].map((a) => [a.name, a.value])),
    name: record.textContent ?? '',
  }));
}

export interface SignedIn {
  simulator: Simulator;
  clock: Clock;
  token: string;
}

/**
 * A simulator on `scenario` whose demo-application backend holds a sign-in of the scenario's person: through the
 * Shell API as a real sign-in would go (authorizing the records that need it first, when `authorize` is set).
 */
export async function signedIn(
  scenario: ScenarioName,
  { authorize = false, appId = DEMO_APP_ID } = {},
): Promise<SignedIn> {
  const clock = createClock(TEST_START);
  const simulator = createSimulator({ scenario, clock });
  const person = simulator.shell.people()[0]!;
  const pending = simulator.shell
    .records(person.id, appId)
    .filter((r) => r.canAuthorize && r.authAction !== 'NoActionRequired');
  const token =
    authorize && pending.length > 0
      ? await simulator.shell.authorize({ personId: person.id, appId, recordIds: pending.map((r) => r.id) })
      : await simulator.shell.signIn(person.id, appId);
  await simulator.openProxySession(appId, token, '1');
  return { simulator, clock, token };
}

/**
 * A simulator on `scenario` as the scenario has it; where it leaves nobody signed in to the demo application, its
 * first person signed in as the Shell would sign them in (authorizing nothing), unless `signIn` is false.
 */
export async function scenarioPlatform(scenario: ScenarioName, signIn = true): Promise<Simulator> {
  const simulator = createSimulator({ scenario, clock: createClock(TEST_START) });
  if (signIn && !simulator.snapshot().proxySessions[DEMO_APP_ID]) {
    const person = simulator.shell.people()[0]!;
    await simulator.openProxySession(DEMO_APP_ID, await simulator.shell.signIn(person.id, DEMO_APP_ID), '1');
  }
  return simulator;
}

export function call(
  simulator: Simulator,
  method: string,
  inner = '',
  extra: { recordId?: string; version?: number; appId?: string } = {},
): string {
  return simulator.call({ appId: extra.appId ?? DEMO_APP_ID, method, body: infoRequest(method, inner), ...extra });
}
