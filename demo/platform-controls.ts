// The simulated HealthVault's controls on a demo page: which scenario it plays (choosing one starts it over at once)
// and, over HTTP (`npm run demo:server`), a fault to make it fail on demand.
import { html, render } from 'lit';
import { SCENARIOS, SCENARIO_NAMES, isScenarioName, type ScenarioName } from '../src/mock/index.js';
import type { DemoBackend } from './backend.js';

/** hv-elements-sim's faults, as the fault menu offers them. */
const FAULTS = {
  none: 'answers',
  down: 'is down',
  slow: 'is slow (3 s)',
  malformed: 'answers a broken document',
  'http-error': 'answers HTTP 500',
} as const;

export interface PlatformControls {
  /** Starts the simulated platform over from scenario `name` and shows it chosen. */
  start(name: ScenarioName): Promise<void>;
}

/**
 * Renders the controls into `container`. `started` is told after the platform starts over from a scenario or a
 * fault is set: whatever the page shows of the connection must be asked again, and is settled when it resolves.
 * Until then `container` is `aria-busy`.
 */
export function mountPlatformControls(
  container: HTMLElement,
  backend: DemoBackend,
  started: (what: string) => Promise<unknown>,
): PlatformControls {
  const whileBusy = async (change: () => Promise<unknown>) => {
    container.setAttribute('aria-busy', 'true');
    try {
      await change();
    } finally {
      container.removeAttribute('aria-busy');
    }
  };
  const start = (name: ScenarioName) =>
    whileBusy(async () => {
      await backend.reset(name);
      show();
      await started(`simulated platform reset to "${name}"`);
    });
  const onScenario = (event: Event) => {
    const { value } = event.target as HTMLSelectElement;
    if (isScenarioName(value)) void start(value);
  };
  const { setFault } = backend;
  const onFault = (event: Event) => {
    const { value } = event.target as HTMLSelectElement;
    if (setFault) void whileBusy(() => setFault(value).then(() => started(`hv-elements-sim: fault ${value}`)));
  };
  const show = () =>
    render(
      html`<div class="row">
          <label for="scenario">Scenario</label>
          <select id="scenario" aria-describedby="scenario-description" @change=${onScenario}>
            ${SCENARIO_NAMES.map(
              (name) => html`<option value=${name} .selected=${name === backend.scenario}>${name}</option>`,
            )}
          </select>
        </div>
        <p id="scenario-description" class="hint">
          ${isScenarioName(backend.scenario) ? SCENARIOS[backend.scenario] : ''} Choosing a scenario starts it at once:
          its people, sign-ins and authorizations replace the current ones.
        </p>
        ${
          setFault
            ? html`<div class="row">
                <label for="fault">HealthVault (hv-elements-sim)</label>
                <select id="fault" @change=${onFault}>
                  ${Object.entries(FAULTS).map(([kind, label]) => html`<option value=${kind}>${label}</option>`)}
                </select>
              </div>`
            : ''
        }`,
      container,
    );
  show();
  return { start };
}
