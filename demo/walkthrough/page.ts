// What every page of the walk-through starts with: its steps, the demo's simulated HealthVault (and the controls of
// its scenario), the configuration of its elements, and its event log.
import { getSession } from '../../src/index.js';
import { DEMO_APP_ID } from '../../src/mock/index.js';
import { startDemoBackend, type DemoBackend } from '../backend.js';
import { EventLog } from '../event-log.js';
import { mountPlatformControls } from '../platform-controls.js';
import { ALL_EVENT_NAMES } from '../showcase/manifest.js';
import { renderSteps } from './steps.js';

export interface WalkthroughPage {
  backend: DemoBackend;
  log: EventLog;
  /** The proxy this page's elements use. */
  proxyUrl: string;
}

export interface WalkthroughOptions {
  /** Staff pages use the staff proxy, and follow no person's session. */
  staff?: boolean;
  /** Told when the simulated platform starts over or fails: what the page shows must be asked again. */
  platformChanged?: () => Promise<unknown>;
}

/** Starts the page named `name`. */
export async function startWalkthroughPage(
  name: string,
  { staff = false, platformChanged }: WalkthroughOptions = {},
): Promise<WalkthroughPage> {
  renderSteps(document.getElementById('steps')!);
  const backend = await startDemoBackend();
  const proxyUrl = staff ? backend.staffProxyUrl : backend.proxyUrl;
  const config = document.getElementById('config')!;
  config.setAttribute('app-id', DEMO_APP_ID);
  config.setAttribute('shell', backend.shell);
  config.setAttribute('proxy-url', proxyUrl);

  const log = new EventLog(document.getElementById('log') as HTMLOListElement, `hv-demo:log:${name}`);
  // The native `input` fires per keystroke; `change` says what was committed.
  log.listen(
    document,
    [...ALL_EVENT_NAMES].filter((type) => type !== 'input'),
  );
  document.getElementById('clear-log')?.addEventListener('click', () => log.clear());
  mountPlatformControls(document.getElementById('platform')!, backend, async (what) => {
    log.note(what);
    await platformChanged?.();
    // The proxy's sign-in went with the old state: ask it again now, not at the next reload.
    if (!staff) await getSession(DEMO_APP_ID, proxyUrl)?.refresh(true);
  });
  return { backend, log, proxyUrl };
}
