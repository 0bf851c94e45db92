// The demo as a newcomer first sees it after `npm start`: the showcase, its first story the connect button.
import assert from 'node:assert/strict';

export async function demoLoadsWithoutErrors({ page, baseUrl, problems }) {
  await page.goto(`${baseUrl}/`, { waitUntil: 'networkidle' });
  await page.locator('hv-connect-button a[href]').first().waitFor();
  // Chromium asks for the icon some time after load, and a 404 is a console error: check it directly.
  const icon = await page.evaluate(() => document.querySelector('link[rel~="icon"]')?.href ?? '/favicon.ico');
  if (!icon.startsWith('data:')) {
    const status = (await page.request.get(new URL(icon, baseUrl).href)).status();
    assert.equal(status, 200, `the demo's icon ${icon} answers ${status}: add <link rel="icon" …> to the page`);
  }
  assert.deepEqual(problems, []);
}

export async function demoIsServedWithoutInlineScripts({ page, baseUrl }) {
  const response = await page.goto(`${baseUrl}/`);
  assert.equal(response.headers()['content-security-policy'], "script-src 'self'");
}

export async function mockServiceWorkerControlsTheDemo({ page, baseUrl }) {
  await page.goto(`${baseUrl}/`);
  const controller = await page.waitForFunction(() => navigator.serviceWorker.controller?.scriptURL);
  assert.equal(new URL(await controller.jsonValue()).pathname, '/mockServiceWorker.js');
}

export async function connectButtonLinksToTheSimulatedShell({ page, baseUrl }) {
  await page.goto(`${baseUrl}/`);
  const link = new URL(await page.locator('hv-connect-button a[href]').first().getAttribute('href'));
  assert.equal(await page.evaluate(() => customElements.get('hv-connect-button') !== undefined), true);
  assert.equal(link.origin + link.pathname, `${baseUrl}/shell/redirect.aspx`);
  assert.equal(link.searchParams.get('target'), 'AUTH');

  // The dev server answers the Shell URL with the simulated Shell page.
  const shell = await page.request.get(link.href);
  assert.equal(shell.status(), 200);
  assert.match(shell.headers()['content-type'], /^text\/html/);
  assert.equal(await shell.text(), await (await page.request.get(`${baseUrl}/demo/shell/index.html`)).text());
}
