// The demo's staff desk: the connect-request form and list on the simulated HealthVault the demo page uses (its
// state is shared through localStorage), and a log of their events that never shows an identity code.
import { DEMO_APP_ID } from '../src/mock/index.js';
import { startDemoBackend } from './backend.js';

const backend = await startDemoBackend();

const config = document.getElementById('config')!;
config.setAttribute('app-id', DEMO_APP_ID);
config.setAttribute('shell', backend.shell);
config.setAttribute('proxy-url', backend.staffProxyUrl);

const log = document.getElementById('log')!;
function logEntry(type: string, text: string): void {
  const item = document.createElement('li');
  item.dataset.type = type;
  item.textContent = `${new Date().toLocaleTimeString()} ${type} — ${text}`;
  log.append(item);
}
document.addEventListener('hv-connect-request-created', ({ detail }) =>
  logEntry(
    'hv-connect-request-created',
    `request for ${detail.externalId}, until ${detail.expires.toLocaleDateString()}`,
  ),
);
document.addEventListener('hv-connect-request-authorized', ({ detail }) =>
  logEntry(
    'hv-connect-request-authorized',
    `${detail.externalId} → person ${detail.personId}, record ${detail.recordId}`,
  ),
);
document.addEventListener('hv-error', ({ detail }) =>
  logEntry('hv-error', `${detail.error.code}: ${detail.error.message}`),
);

await Promise.all([
  import('../src/define/config.js'),
  import('../src/define/connect-request-form.js'),
  import('../src/define/connect-request-list.js'),
]);
