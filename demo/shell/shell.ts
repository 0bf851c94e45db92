// The simulated HealthVault Shell (served at /shell/redirect.aspx): plays AUTH, APPAUTH, CONNECT and PICKUP over
// the simulated platform's saved state and returns to the application as the real Shell does.
import { openBrowserSimulator } from '../../src/mock/browser.js';
import { startShellPage } from './shell-page.js';

startShellPage({
  root: document.getElementById('shell')!,
  search: location.search,
  shell: openBrowserSimulator().shell,
  navigate: (url) => location.assign(url),
  back: () => history.back(),
});
