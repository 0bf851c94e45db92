// The showcase (index.html) as a partner developer tries it: stories in a sidebar with deep links, controls made
// from custom-elements.json, the event log, the HTML to copy, the reset, the previews, and a phone's width.
import assert from 'node:assert/strict';
import { chooseScenario, logEntries, openStory, signInOnTheShell } from './demo-page.mjs';
import { manifest, showStory, storyRoutes, typeOver, untilThePreviewShowsItsState } from './showcase-page.mjs';

const logCount = (page, type) => page.locator(`#log li[data-type="${type}"]`).count();
const snippet = (page) => page.locator('#snippet-script').textContent();
const attributeOf = (page, tag, name) => page.locator(`#story-frame ${tag}`).getAttribute(name);

export async function aDeepLinkOpensItsStoryAndAReloadKeepsIt({ page, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-auth-status/revoked');
  await page.getByRole('heading', { level: 2, name: /^revoked/ }).waitFor();
  assert.equal(await page.locator('#stories a[aria-current="page"]').getAttribute('href'), '#/hv-auth-status/revoked');
  await page.reload();
  await page.locator('#story-frame[data-story="hv-auth-status/revoked"]').waitFor();

  // Picked in the sidebar: the address names it, and a reload shows it again.
  await page
    .getByRole('navigation', { name: 'Elements and their stories' })
    .getByRole('link', { name: 'Connect in a popup' })
    .click();
  await page.locator('#story-frame[data-story="hv-connect-button/popup"]').waitFor();
  assert.equal(new URL(page.url()).hash, '#/hv-connect-button/popup');
  await page.reload();
  await page.locator('#story-frame[data-story="hv-connect-button/popup"]').waitFor();
  assert.equal(await attributeOf(page, 'hv-connect-button', 'mode'), 'popup');

  // The view toggles are part of the address too.
  await page.goto(`${baseUrl}/#/hv-auth-status/expired?theme=dark&lang=es&dir=rtl&viewport=360`);
  await page.locator('#story-frame[data-story="hv-auth-status/expired"]').waitFor();
  assert.equal(await page.evaluate(() => getComputedStyle(document.documentElement).colorScheme), 'dark');
  const frame = page.locator('#story-frame');
  assert.deepEqual(
    [await frame.getAttribute('lang'), await frame.getAttribute('dir'), (await frame.boundingBox()).width],
    ['ar', 'rtl', 360],
  );
  await page.selectOption('#toggle-theme', 'light');
  assert.equal(new URL(page.url()).hash, '#/hv-auth-status/expired?theme=light&lang=es&dir=rtl&viewport=360');
  assert.deepEqual(problems, []);
}

export async function controlsAreMadeFromTheManifest({ page, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-connect-button/redirect');
  const button = manifest.modules
    .flatMap((module) => module.declarations ?? [])
    .find((declaration) => declaration.tagName === 'hv-connect-button');
  for (const { name, type } of button.attributes) {
    const control = page.locator(`#control-${name}`);
    const tag = await control.evaluate((element) => `${element.localName}:${element.type}`);
    if (type.text === 'boolean') assert.equal(tag, 'input:checkbox', name);
    else if (/^'/.test(type.text)) assert.equal(tag, 'select:select-one', name);
    else if (/-rules$/.test(name)) assert.equal(tag, 'fieldset:fieldset', name);
    else assert.equal(tag, 'input:text', name);
  }
  // An enumeration offers its values; a text attribute with known values (the Shell presets) offers them.
  const options = (select) => page.locator(`${select} option`).evaluateAll((all) => all.map((option) => option.value));
  assert.deepEqual(await options('#control-mode'), ['redirect', 'popup']);
  assert.deepEqual(await options('#control-trm'), ['', 'Get', 'Post']);
  assert.deepEqual((await options('#control-shell-known')).slice(0, 4), ['us', 'us-ppe', 'eu', 'eu-ppe']);

  // A change reaches the element and the HTML to copy.
  await page.selectOption('#control-mode', 'popup');
  assert.equal(await attributeOf(page, 'hv-connect-button', 'mode'), 'popup');
  assert.match(await snippet(page), /<hv-connect-button [^>]*mode="popup"/);
  await page.getByRole('checkbox', { name: 'multi-record' }).check();
  assert.equal(await attributeOf(page, 'hv-connect-button', 'multi-record'), '');
  assert.match(await snippet(page), /<hv-connect-button [^>]* multi-record[ >]/);
  // The application's rule names are offered as such.
  await page.locator('#control-optional-online-rules-blood-pressure').check();
  assert.equal(await attributeOf(page, 'hv-connect-button', 'optional-online-rules'), 'blood-pressure');
  await page.locator('#css--hv-connect-button-background').fill('rebeccapurple');
  await page.locator('#css--hv-connect-button-background').press('Enter');
  assert.match(await snippet(page), /--hv-connect-button-background: rebeccapurple;/);
  assert.match(await page.locator('#snippet-npm').textContent(), /import 'hv-elements\/define\/connect-button\.js';/);
  assert.deepEqual(problems, []);
}

export async function aTextControlLogsOncePerCommittedChange({ page, baseUrl }) {
  await openStory(page, baseUrl, 'hv-connect-button/redirect');
  await typeOver(page, '#control-action', 'typed-return');
  assert.equal(await logCount(page, 'demo'), 0, 'logged before the change was committed');
  assert.equal(await attributeOf(page, 'hv-connect-button', 'action'), 'demo-return');
  await page.keyboard.press('Tab');
  const [entry, ...more] = await logEntries(page, 'demo');
  assert.match(entry, /demo — action="typed-return"$/);
  assert.deepEqual(more, []);
  assert.equal(await attributeOf(page, 'hv-connect-button', 'action'), 'typed-return');

  // An invalid value, typed key by key and committed with Enter: one change, one error, shown on the button.
  await typeOver(page, '#control-app-id', 'not-a-guid');
  await page.keyboard.press('Enter');
  const errors = await logEntries(page, 'hv-error');
  assert.equal(errors.length, 1, errors.join('\n'));
  assert.match(errors[0], /not-a-guid/);
  assert.equal(await logCount(page, 'demo'), 2);
  await page.locator('hv-connect-button [part="error"]', { hasText: 'not-a-guid' }).waitFor();
}

export async function theLogExpandsDetailsKeepsItsTimesAndNeverAnIdentityCode({ page, baseUrl }) {
  await openStory(page, baseUrl, 'hv-auth-status/not-connected');
  const entry = page.locator('#log li[data-type="hv-status-change"]', { hasText: 'not-connected' });
  await entry.waitFor();
  const detail = entry.locator('pre');
  assert.equal(await detail.isVisible(), false);
  await entry.locator('summary').click();
  assert.match(await detail.textContent(), /"status": "not-connected"/);

  await showStory(page, 'hv-connect-request-form/created');
  await logEntries(page, 'hv-connect-request-created');
  const code = (await page.locator('hv-connect-request-form [part="code"]').textContent()).trim();
  const times = () =>
    page.locator('#log time').evaluateAll((all) => all.map((time) => `${time.dateTime} ${time.textContent}`));
  const before = await times();
  await page.waitForTimeout(1100); // a second later, a time taken anew would differ
  await page.reload();
  await page.locator('#story-frame[data-story="hv-connect-request-form/created"]').waitFor();
  assert.deepEqual((await times()).slice(0, before.length), before);
  const kept = await page.evaluate(() => document.querySelector('#log').textContent + JSON.stringify(sessionStorage));
  assert.ok(!kept.includes(code) && !kept.includes(code.replaceAll('-', '')), 'the identity code is in the log');
}

export async function resetStartsTheControlsAndTheSimulatedPlatformOver({ page, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-connect-button/redirect');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).click();
  await signInOnTheShell(page, 'Avery Quinn');
  await page.getByRole('button', { name: 'Approve and continue' }).click();
  await page.locator('hv-connect-button [part="connected"]', { hasText: 'Avery Quinn' }).waitFor();
  await page.selectOption('#control-mode', 'popup');
  await chooseScenario(page, 'revoked');

  await page.getByRole('button', { name: 'Reset the controls and the simulated HealthVault' }).click();
  // The story is shown again once the platform has started over: its controls back to the story's values.
  await page.waitForFunction(() => document.getElementById('control-mode').value === 'redirect');
  await page.getByRole('link', { name: 'Connect to HealthVault' }).waitFor();
  assert.equal(await attributeOf(page, 'hv-connect-button', 'mode'), null);
  assert.equal(await page.locator('#scenario').inputValue(), 'new-user');
  assert.doesNotMatch(await snippet(page), /mode=/);
  assert.deepEqual(problems, []);
}

export async function everyPreviewShowsItsStateLabelledPreview({ page, baseUrl, problems }) {
  await openStory(page, baseUrl, 'hv-connect-button/redirect');
  const previews = await page
    .locator('#stories a', { has: page.locator('.preview-tag') })
    .evaluateAll((links) => links.map((link) => link.getAttribute('href').slice(2)));
  assert.ok(previews.length >= 20, `${previews.length} previews`);
  const shown = [];
  for (const route of previews) {
    await showStory(page, route);
    await page.locator('#story-title .preview-label', { hasText: 'Preview' }).waitFor();
    shown.push(`${route.split('/')[0]}:${await untilThePreviewShowsItsState(page)}`);
    assert.match(await page.locator('#preview-note').textContent(), /A preview of/);
  }
  // Among them, every state of the badge that a person can meet.
  for (const state of ['checking', 'not-connected', 'connected', 'revoked', 'expired', 'unreachable', 'suspended']) {
    assert.ok(shown.includes(`hv-auth-status:${state}`), state);
  }
  assert.ok(shown.includes('hv-connect-button:invalid') && shown.includes('hv-connect-button:authorized'));
  assert.deepEqual(problems, []);
}
everyPreviewShowsItsStateLabelledPreview.timeoutMs = 90_000;

export async function noStoryScrollsSidewaysAt360Px({ page, baseUrl, problems }) {
  await page.setViewportSize({ width: 360, height: 740 });
  await openStory(page, baseUrl, 'hv-connect-button/redirect');
  for (const route of await storyRoutes(page)) {
    await showStory(page, route);
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 360, `${route} is ${width} px wide`);
  }
  assert.deepEqual(problems, []);
}
noStoryScrollsSidewaysAt360Px.timeoutMs = 90_000;
