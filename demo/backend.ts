// Where the demo's HealthVault runs: in this browser (the MSW simulator, `npm start` and the static `build:demo`), or
// behind a real Node proxy and the simulator over HTTP (`npm run demo:server`, which says so in a
// <meta name="hv-demo-backend"> it adds). Every demo page sits at the site's root, so a path relative to the page is
// one on the site wherever it is hosted.

export interface DemoBackend {
  /** `http` behind the Node proxy and hv-elements-sim; `browser` with the MSW simulator in this page. */
  kind: 'browser' | 'http';
  /** The patients' proxy (`proxy-url`). */
  proxyUrl: string;
  /** The staff elements' proxy. */
  staffProxyUrl: string;
  /** The simulated Shell (`shell`). */
  shell: string;
  /** The demo application's action URL: the clinic's page, where the Shell returns after CONNECT and its own links. */
  actionUrl: string;
  /** The scenario the simulated platform plays now. */
  scenario: string;
  /** Starts the simulated platform over from scenario `name`. */
  reset(name: string): Promise<void>;
  /** Over HTTP only: makes hv-elements-sim fail on demand (`none`, `down`, `slow`, `malformed`, `http-error`). */
  setFault?(kind: string): Promise<void>;
}

/** The clinic's page of the walk-through: the demo application's registered action URL. */
export const DEMO_ACTION_PAGE = 'walkthrough.html';

/** `path` on the demo's site, wherever the site is hosted. */
export const siteUrl = (path: string): string => new URL(path, document.baseURI).href;

interface HttpBackendMeta {
  proxyUrl: string;
  staffProxyUrl: string;
  shell: string;
}

function httpMeta(): HttpBackendMeta | undefined {
  const content = document.querySelector<HTMLMetaElement>('meta[name="hv-demo-backend"]')?.content;
  return content ? (JSON.parse(content) as HttpBackendMeta) : undefined;
}

/** Starts (or finds) the demo's simulated HealthVault. */
export async function startDemoBackend(): Promise<DemoBackend> {
  const meta = httpMeta();
  if (meta) {
    // The demo server passes /sim/* on to hv-elements-sim's control API (JSON only: no form can reach it).
    const state = (await (await fetch('/sim/state')).json()) as { scenario: string };
    const backend: DemoBackend = {
      kind: 'http',
      ...meta,
      actionUrl: siteUrl(DEMO_ACTION_PAGE),
      scenario: state.scenario,
      async reset(name) {
        const response = await fetch('/sim/scenario', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ name }),
        });
        if (!response.ok) throw new Error(`The simulator refused scenario ${name}: HTTP ${response.status}`);
        backend.scenario = name;
      },
      async setFault(kind) {
        const fault = kind === 'slow' ? { kind, delayMs: 3000 } : { kind };
        const response = await fetch('/sim/fault', {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify(fault),
        });
        if (!response.ok) throw new Error(`The simulator refused the fault ${kind}: HTTP ${response.status}`);
      },
    };
    return backend;
  }
  const { startSimulatedPlatform } = await import('../src/mock/browser.js');
  const actionUrl = siteUrl(DEMO_ACTION_PAGE);
  const simulator = await startSimulatedPlatform({
    proxyUrl: '/hv-proxy',
    actionUrl,
    // At the site's root, so that the worker controls every page of the demo, the simulated Shell's included.
    serviceWorkerUrl: siteUrl('mockServiceWorker.js'),
  });
  return {
    kind: 'browser',
    proxyUrl: '/hv-proxy',
    staffProxyUrl: '/hv-proxy',
    shell: siteUrl('shell'),
    actionUrl,
    get scenario() {
      return simulator.scenario;
    },
    async reset(name) {
      simulator.reset(name as Parameters<typeof simulator.reset>[0]);
    },
  };
}
