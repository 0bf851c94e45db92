// The demo page: the connect button on a simulated HealthVault, live controls for its attributes, an event log.
// The simulator starts before the elements are defined, so a Shell return on this page finds its proxy answering.
import { DEMO_APP_ID, SCENARIOS, SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../src/mock/index.js';
import { startSimulatedPlatform } from '../src/mock/browser.js';

const SETTINGS_KEY = 'hv-demo:settings';
const LOG_KEY = 'hv-demo:log';
const LOGGED_EVENTS = ['hv-connect', 'hv-authorized', 'hv-denied', 'hv-error'] as const;

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const simulator = await startSimulatedPlatform({ proxyUrl: '/hv-proxy' });

const button = byId<HTMLElement>('connect');
const attributes = byId<HTMLFormElement>('attributes');
const shellUrl = byId<HTMLOutputElement>('shell-url');
const log = byId<HTMLOListElement>('log');

/** The attribute values the demo starts with: the simulated app, the simulated Shell, back to this page. */
function defaults(): Record<string, string> {
  return {
    'app-id': DEMO_APP_ID,
    shell: `${location.origin}/shell`,
    'redirect-url': `${location.origin}${location.pathname}`,
    action: 'demo-return',
    'optional-online-rules': '',
    'optional-offline-rules': '',
    lang: 'en-US',
    mode: 'redirect',
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
    if (value === true) button.setAttribute(name, '');
    else if (value === false || value === '') button.removeAttribute(name);
    else button.setAttribute(name, String(value));
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

async function showShellUrl(): Promise<void> {
  await (button as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  shellUrl.value = button.shadowRoot?.querySelector('a')?.href ?? '(no link: see the message on the button)';
}

attributes.addEventListener('input', () => {
  const settings = readSettings();
  sessionStorage.setItem(SETTINGS_KEY, JSON.stringify(settings));
  applySettings(settings);
  void showShellUrl();
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

for (const entry of JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as [string, string][]) appendLogEntry(...entry);
for (const type of LOGGED_EVENTS) {
  document.addEventListener(type, (event) => {
    const text = describeEvent(event as CustomEvent);
    appendLogEntry(type, text);
    const entries = JSON.parse(sessionStorage.getItem(LOG_KEY) ?? '[]') as [string, string][];
    sessionStorage.setItem(LOG_KEY, JSON.stringify([...entries, [type, text]].slice(-50)));
    showOutcome(event as CustomEvent);
  });
}
byId('clear-log').addEventListener('click', () => {
  log.replaceChildren();
  sessionStorage.removeItem(LOG_KEY);
});

/** What the page tells the person after the Shell: connected, declined, or what went wrong. */
function showOutcome(event: CustomEvent): void {
  const panel = byId<HTMLParagraphElement>('person');
  const detail = event.detail as {
    person?: { name: string; records: { name: string }[] };
    reason?: string;
    error?: { message: string };
  };
  if (event.type === 'hv-authorized' && detail.person) {
    const { name, records } = detail.person;
    panel.textContent = `Connected: ${name} authorized ${records.length} record(s): ${records.map((r) => r.name).join(', ')}.`;
  } else if (event.type === 'hv-denied') {
    panel.textContent =
      detail.reason === 'popup-closed'
        ? 'Not connected: the HealthVault window was closed.'
        : 'Not connected: access was declined on HealthVault.';
  } else if (event.type === 'hv-error' && detail.error) {
    panel.textContent = `Not connected: ${detail.error.message}`;
  } else {
    return;
  }
  panel.dataset.outcome = event.type;
  panel.hidden = false;
}

// Scenarios: which simulated person signs in on the simulated Shell.
const scenario = byId<HTMLSelectElement>('scenario');
const scenarioDescription = byId<HTMLParagraphElement>('scenario-description');
for (const name of SCENARIO_NAMES) scenario.add(new Option(name, name));
scenario.value = simulator.scenario;
const describeScenario = () => {
  scenarioDescription.textContent = SCENARIOS[scenario.value as ScenarioName];
};
describeScenario();
scenario.addEventListener('change', describeScenario);
byId<HTMLFormElement>('scenario-form').addEventListener('submit', (event) => {
  event.preventDefault();
  if (!isScenarioName(scenario.value)) return;
  simulator.reset(scenario.value);
  appendLogEntry('demo', `simulated platform reset to "${scenario.value}"`);
});

applySettings(loadSettings());
// Defined last, so that the listeners above hear what the button reports about a Shell return.
await import('../src/cdn.js');
void showShellUrl();
