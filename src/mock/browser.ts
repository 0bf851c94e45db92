import { setupWorker, type SetupWorker } from 'msw/browser';
import type { Clock } from './clock.js';
import { createHandlers } from './handlers.js';
import type { ScenarioName } from './scenarios.js';
import { createSimulator, type Simulator } from './simulator.js';
import type { SimulatorState, SimStateStore } from './state.js';

/**
 * The simulator in a browser: its state lives in localStorage, so it survives the trip to the simulated Shell
 * page and back. This is the simulated *server's* state (HealthVault's and the partner backend's), never the kit's;
 * it holds token hashes, never a token. Nothing here touches the DOM or storage until a function is called.
 */

/** The localStorage key of the simulated platform's state. */
export const SIM_STATE_STORAGE_KEY = 'hv-mock:state';

/** A store in localStorage under {@link SIM_STATE_STORAGE_KEY}. */
export function localStorageStore(key: string = SIM_STATE_STORAGE_KEY): SimStateStore {
  return {
    read() {
      const saved = localStorage.getItem(key);
      if (saved === null) return undefined;
      try {
        return JSON.parse(saved) as SimulatorState;
      } catch {
        return undefined; // unreadable: the simulator starts over from a scenario
      }
    },
    write(state) {
      localStorage.setItem(key, JSON.stringify(state));
    },
  };
}

export interface BrowserSimulatorOptions {
  /** The scenario to start from when nothing is saved yet (a saved state always wins); `new-user` when absent. */
  scenario?: ScenarioName;
  clock?: Clock;
  /**
   * The demo application's action URL (where the Shell returns when a request names no redirect) in scenarios built
   * from now on; this page's origin when absent. A demo hosted under a path names its own page.
   */
  actionUrl?: string;
}

/** The simulator over the state saved in this browser. */
export function openBrowserSimulator(options: BrowserSimulatorOptions = {}): Simulator {
  const { actionUrl = new URL('/', location.href).href, ...simulatorOptions } = options;
  return createSimulator({ ...simulatorOptions, store: localStorageStore(), demoActionUrl: actionUrl });
}

/** Replaces the saved state with scenario `name` (every sign-in and authorization is forgotten). */
export function resetScenario(name: ScenarioName): Simulator {
  const simulator = openBrowserSimulator();
  simulator.reset(name);
  return simulator;
}

export interface SimulatedPlatformOptions extends BrowserSimulatorOptions {
  /** The proxy URL the kit is configured with; `/hv-proxy` when absent. */
  proxyUrl?: string;
  /** The application the simulated backend acts for; the demo application when absent. */
  appId?: string;
  /** Where MSW's worker script is served (at the site root, so that it controls every page). */
  serviceWorkerUrl?: string;
}

export interface SimulatedPlatform extends Simulator {
  readonly worker: SetupWorker;
  /** Stops answering requests; the saved state stays. */
  stop(): void;
}

/**
 * Starts answering the proxy URL in this page with the simulated platform (an MSW service worker) and resolves
 * once requests are intercepted.
 */
export async function startSimulatedPlatform(options: SimulatedPlatformOptions = {}): Promise<SimulatedPlatform> {
  const { proxyUrl = '/hv-proxy', appId, serviceWorkerUrl = '/mockServiceWorker.js', ...simulatorOptions } = options;
  const simulator = openBrowserSimulator(simulatorOptions);
  const worker = setupWorker(...createHandlers(simulator, { proxyUrl, ...(appId ? { appId } : {}) }));
  await worker.start({ serviceWorker: { url: serviceWorkerUrl }, onUnhandledRequest: 'bypass', quiet: true });
  return Object.assign(simulator, { worker, stop: () => worker.stop() });
}
