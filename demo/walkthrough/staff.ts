// The walk-through's staff desk (staff.html): the connect-request form and list on the demo's simulated HealthVault
// (its state is shared through localStorage with the other pages), and a log of their events without identity codes.
import { startWalkthroughPage } from './page.js';

const list = document.querySelector<HTMLElement & { poll(): Promise<void> }>('hv-connect-request-list')!;
// A scenario started over has other requests: the list asks at once instead of at its next poll.
await startWalkthroughPage('staff', { staff: true, platformChanged: () => list.poll() });
await import('../../src/cdn.js');
