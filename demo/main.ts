// The demo page: the connect button on a simulated HealthVault, live controls for its attributes, a panel that
// follows the page's HealthVault session, and an event log.
// The simulator starts before the elements are defined, so a Shell return on this page finds its proxy answering.
import { getSession, type HvConnectButton, type HvError, type HvSession, type SessionState } from '../src/index.js';
import { DEMO_APP_ID, SCENARIOS, SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../src/mock/index.js';
import { startDemoBackend } from './backend.js';

const SETTINGS_KEY = 'hv-demo:settings';
const LOG_KEY = 'hv-demo:log';
const LOGGED_EVENTS = [
  'hv-connect',
  'hv-authorized',
  'hv-denied',
  'hv-status-change',
  'hv-rule-granted',
  'hv-rule-declined',
  'hv-rule-dismissed',
  'hv-code-submit',
  'hv-error',
] as const;
/** The attributes the status badge and the rule prompt share with the button: the configuration, and multi-record. */
const SHARED_ATTRIBUTES = ['app-id', 'shell', 'lang', 'multi-record'];
/** The failures that keep the button from making its link: the page's configuration is wrong. */
const CONFIG_ERROR_CODES: readonly string[] = ['invalid-config', 'invalid-shell-request'];

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const backend = await startDemoBackend();
document.getElementById('config')!.setAttribute('proxy-url', backend.proxyUrl);

const button = byId<HvConnectButton>('connect');
const badge = byId('status');
const prompt = byId('prompt');
/** The patient's code field: configured like the rest. */
const codeEntry = byId('code-entry');
const proxyUrl = byId('config').getAttribute('proxy-url')!;
const panel = byId<HTMLParagraphElement>('person');
const attributes = byId<HTMLFormElement>('attributes');
const shellUrl = byId<HTMLOutputElement>('shell-url');
const log = byId<HTMLOListElement>('log');

/** The attribute values the demo starts with: the simulated app, the simulated Shell, back to this page. */
function defaults(): Record<string, string> {
  return {
    'app-id': DEMO_APP_ID,
    shell: backend.shell,
    'redirect-url': `${location.origin}${location.pathname}`,
    action: 'demo-return',
    'optional-online-rules': '',
    'optional-offline-rules': '',
    lang: 'en-US',
    mode: 'redirect',
    trm: '',
  };
}

/** Settings survive the trip to the Shell and back in this tab (they hold nothing secret). */
function loadSettings(): Record<string, string | boolean> {
  try {
    return { ...defaults(), ...JSON.parse(sessionStorage.getItem(SETTINGS_KEY) ?? '{}') };
  } catch {
    return defaults();
  }
}

function applySettings(settings: Record<string, string | boolean>): void {
  for (const [name, value] of Object.entries(settings)) {
    const control = attributes.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement | null;
    if (!control) continue;
    if (control instanceof HTMLInputElement && control.type === 'checkbox') control.checked = value === true;
    else control.value = String(value);
    for (const element of SHARED_ATTRIBUTES.includes(name) ? [button, badge, prompt, codeEntry] : [button]) {
      if (value === true) element.setAttribute(name, '');
      else if (value === false || value === '') element.removeAttribute(name);
      else element.setAttribute(name, String(value));
    }
  }
}

function readSettings(): Record<string, string | boolean> {
  const settings: Record<string, string | boolean> = {};
  for (const control of attributes.elements) {
    if (!(control instanceof HTMLInputElement || control instanceof HTMLSelectElement)) continue;
    settings[control.name] =
      control instanceof HTMLInputElement && control.type === 'checkbox' ? control.checked : control.value;
  }
  return settings;
}

/** One attribute's committed change, as the log tells it. */
function describeChange(name: string, value: string | boolean): string {
  if (value === true) return `${name} set`;
  if (value === false || value === '') return `${name} removed`;
  return `${name}="${value}"`;
}

// `change`, not `input`: a value typed key by key reaches the button (and the log) once, when it is committed.
attributes.addEventListener('change', (event) => {
  const { name, value } = event.target as HTMLInputElement | HTMLSelectElement;
  if (name === 'trm') {
    // The Shell posts the token to the proxy's action URL, which sends the browser back here without it.
    const redirect = attributes.elements.namedItem('redirect-url') as HTMLInputElement;
    redirect.value =
      value === 'Post'
        ? `${location.origin}${backend.proxyUrl}/shell-return`
        : `${location.origin}${location.pathname}`;
  }
  const settings = readSettings();
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  logEntry('demo', describeChange(name, settings[name]!));
  applySettings(settings);
  followSettings(settings);
});
attributes.addEventListener('submit', (event) => event.preventDefault());

// The event log: kept across the round trip so the story of one connection reads top to bottom.
function describeEvent(event: CustomEvent): string {
  const detail = event.detail as Record<string, unknown> & { error?: { code: string; message: string } };
  switch (event.type) {
    case 'hv-connect':
      return `leaving for the Shell (${String(detail.mode)})`;
    case 'hv-authorized': {
      const person = detail.person as { name: string; records: { name: string }[] };
      return `${String(detail.target)}: ${person.name}, records: ${person.records.map((r) => r.name).join(', ')}; action=${String(detail.action)}`;
    }
    case 'hv-denied':
      return `${String(detail.reason)}; action=${String(detail.action)}`;
    case 'hv-rule-granted':
    case 'hv-rule-declined':
      return (detail.rules as string[]).join(', ');
    case 'hv-rule-dismissed':
      return `${(detail.rules as string[]).join(', ')} until ${(detail.until as Date).toLocaleDateString()}`;
    // The identity code is the patient's secret: the log says what happened without it.
    case 'hv-code-submit':
      return `a code sent to the Shell's ${String(detail.kind).toUpperCase()}`;
    case 'hv-status-change': {
      const records = detail.records as { name?: string; status: string }[];
      const stale = detail.stale ? ' (last known)' : '';
      return `${String(detail.status)}${stale}${records.map((r) => `; ${r.name ?? 'record'}: ${r.status}`).join('')}`;
    }
    default:
      return `${detail.error?.code}: ${detail.error?.message}`;
  }
}

function appendLogEntry(type: string, text: string): void {
  const item = document.createElement('li');
  item.dataset.type = type;
  item.textContent = `${new Date().toLocaleTimeString()} ${type} — ${text}`;
  log.append(item);
}

function logEntry(type: string, text: string): void {
  appendLogEntry(type, text);
  const entries = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as [string, string][];
  sessionStorage.setItem(LOG_KEY, JSON.stringify([...entries, [type, text]].slice(-50)));
}

/** Why the button cannot make its link, as it last reported it. */
let configError: HvError | undefined;

for (const entry of JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as [string, string][]) appendLogEntry(...entry);
for (const type of LOGGED_EVENTS) {
  document.addEventListener(type, (event) => {
    logEntry(type, describeEvent(event as CustomEvent));
    const { error } = (event as CustomEvent<{ error?: HvError }>).detail;
    if (error && CONFIG_ERROR_CODES.includes(error.code)) configError = error;
  });
}
byId('clear-log').addEventListener('click', () => {
  log.replaceChildren();
  sessionStorage.removeItem(LOG_KEY);
});

// The panel follows the session of the button's application (it changes with the app-id): every state, whatever
// caused it (a Shell return, a reload, another tab, a scenario change).
let followed: HvSession | undefined;
let unfollow: (() => void) | undefined;

function follow(session: HvSession | undefined): void {
  if (session === followed) return;
  unfollow?.();
  followed = session;
  // In a microtask: once every listener, the button's too, has heard of the change.
  unfollow = session?.subscribe(() => queueMicrotask(() => void showButtonState()));
}

/** Follows the page's session for the app-id of `settings`, and shows the button as it renders them. */
function followSettings(settings: Record<string, string | boolean>): void {
  const appId = String(settings['app-id']);
  // The very session the button follows (one per app id and proxy per page), known before the button has it: the
  // button takes its proxy from <hv-config> and its session only at a later update.
  follow(appId ? getSession(appId, proxyUrl) : undefined);
  void showButtonState();
}

/** Once the button has rendered its latest settings and session: its link, and where the page stands. */
async function showButtonState(): Promise<void> {
  await button.updateComplete;
  const invalid = button.matches(':state(invalid)');
  const link = button.shadowRoot?.querySelector<HTMLAnchorElement>('a[part="button"]');
  shellUrl.value =
    link?.href ?? (invalid ? '(no link: see the message on the button)' : '(no link: the person is connected)');
  if (invalid) {
    panel.dataset.status = 'invalid-config';
    panel.textContent = `Configuration problem: ${configError?.message ?? 'see the message on the button.'}`;
  } else {
    const state = followed?.state ?? { status: 'unknown', records: [] };
    panel.dataset.status = state.status;
    panel.textContent = describeSession(state);
  }
}

/** What the page tells the person about their connection. */
function describeSession({ status, person, records, error, declined }: SessionState): string {
  switch (status) {
    case 'connected':
      return `Connected: ${person?.name} authorized ${records.length} record(s): ${records.map((r) => r.name).join(', ')}.`;
    case 'connecting':
      return 'Connecting: completing the sign-in…';
    case 'signed-out':
      if (declined) return 'Not connected: access was declined on HealthVault.';
      return error ? `Not connected: ${error.message}` : 'Not connected: nobody is signed in.';
    case 'expired':
      return 'Not connected: the HealthVault sign-in expired; connect again.';
    case 'revoked':
      return 'Not connected: access to every record was revoked on HealthVault; connect again to authorize.';
    case 'error':
      return `The connection could not be checked: ${error?.message}`;
    default:
      return 'Checking the connection…';
  }
}

// Scenarios: which simulated person signs in on the simulated Shell.
const scenario = byId<HTMLSelectElement>('scenario');
const scenarioDescription = byId<HTMLParagraphElement>('scenario-description');
for (const name of SCENARIO_NAMES) scenario.add(new Option(name, name));
scenario.value = backend.scenario;
const describeScenario = () => {
  scenarioDescription.textContent = SCENARIOS[scenario.value as ScenarioName];
};
describeScenario();

async function startScenario(): Promise<void> {
  if (!isScenarioName(scenario.value)) return;
  await backend.reset(scenario.value);
  logEntry('demo', `simulated platform reset to "${scenario.value}"`);
  // The proxy's sign-in went with the old state: ask it again now, not at the next reload.
  void followed?.refresh(true);
}
scenario.addEventListener('change', () => {
  describeScenario();
  void startScenario();
});
byId<HTMLFormElement>('scenario-form').addEventListener('submit', (event) => {
  event.preventDefault();
  void startScenario();
});

// trm=Post needs a proxy that serves the action URL: the Node proxy of demo:server, not the in-browser one.
byId<HTMLSelectElement>('attr-trm').querySelector<HTMLOptionElement>('option[value="Post"]')!.disabled =
  backend.kind !== 'http';

// Over HTTP, the simulated platform fails on demand: the badge and the prompt show how the kit copes.
const { setFault } = backend;
if (setFault) {
  const faultForm = byId<HTMLFormElement>('fault-form');
  faultForm.hidden = false;
  faultForm.addEventListener('submit', (event) => event.preventDefault());
  byId<HTMLSelectElement>('fault').addEventListener('change', ({ target }) => {
    const kind = (target as HTMLSelectElement).value;
    void setFault(kind).then(() => {
      logEntry('demo', `hv-elements-sim: fault ${kind}`);
      void followed?.refresh(true);
    });
  });
}

const settings = loadSettings();
applySettings(settings);
// Defined last, so that the listeners above hear what the button reports about a Shell return.
await import('../src/cdn.js');
followSettings(settings);
// The patient's code field is not in the cdn entry yet: the demo defines it itself, after the page follows its
// session (a scenario chosen meanwhile must reach it).
await import('../src/define/pickup-code-entry.js');
