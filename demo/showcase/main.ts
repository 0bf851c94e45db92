// The showcase (index.html): every element and its stories in a sidebar; for the open story the live element, its
// controls (from custom-elements.json), the event log, the HTML to copy, and one reset for the controls and the
// simulated HealthVault. The simulated platform starts before the elements are defined, so that a Shell return to
// this page finds its proxy answering.
import { html, nothing, render } from 'lit';
import { getSession, SHELL_PRESETS } from '../../src/index.js';
import { createSimulator, DEMO_APP_ID, type ScenarioName } from '../../src/mock/index.js';
import { startDemoBackend } from '../backend.js';
import { EventLog } from '../event-log.js';
import { mountPlatformControls } from '../platform-controls.js';
import { renderControls, type ControlGroup, type StoryValues } from './controls.js';
import { ALL_EVENT_NAMES, elementDoc } from './manifest.js';
import { previewProxy } from './preview-proxy.js';
import { formatRoute, parseRoute, type ViewToggles } from './route.js';
import { npmSnippet, scriptTagSnippet, type SnippetElement } from './snippet.js';
import { ELEMENT_STORIES, findStory, type ElementStories, type Story } from './stories.js';
import { forgetValues, initialValues, loadValues, saveValues } from './story-values.js';
import { applyToggles, loadToggles, renderToggles } from './toggles.js';

/** The story open last in this tab: where the Shell's return (to this page, without the hash) comes back to. */
const LAST_STORY_KEY = 'hv-demo:last-story';
/** The native `input` fires per keystroke; the log keeps committed changes (`change`) only. */
const LOGGED_EVENTS = [...ALL_EVENT_NAMES].filter((name) => name !== 'input');

const byId = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const backend = await startDemoBackend();
const pageUrl = `${location.origin}${location.pathname}`;
/** The demo application's optional rules, as its registration on the simulated platform has them. */
const optionalRules = createSimulator()
  .shell.application(DEMO_APP_ID)!
  .rules.filter((rule) => rule.optional);
const ruleNames = (scope?: 'online' | 'offline') =>
  optionalRules.filter((rule) => !scope || rule.scope === scope).map((rule) => rule.name);

const frame = byId('story-frame');
const log = new EventLog(byId<HTMLOListElement>('log'), 'hv-demo:log:showcase');
log.listen(document, LOGGED_EVENTS);
byId('clear-log').addEventListener('click', () => log.clear());

let toggles = loadToggles();

/** The story on show, with its values and element. */
interface OpenStory {
  stories: ElementStories;
  story: Story;
  values: StoryValues;
  element: HTMLElement;
}
let open: OpenStory | undefined;

const isStaffElement = (tagName: string) => tagName.startsWith('hv-connect-request-');

/** What every live story of an element starts with: the demo's simulated configuration, and a way back here. */
function baseAttributes(tagName: string): Record<string, string | boolean> {
  if (tagName === 'hv-config') return configAttributes(tagName);
  if (tagName === 'hv-connect-button') return { 'redirect-url': pageUrl, action: 'demo-return' };
  return {};
}

function configAttributes(tagName: string): Record<string, string> {
  const proxyUrl = isStaffElement(tagName) ? backend.staffProxyUrl : backend.proxyUrl;
  return { 'app-id': DEMO_APP_ID, shell: backend.shell, 'proxy-url': proxyUrl };
}

/** Sets the element's attributes, slots and CSS custom properties to `values`. */
function applyValues(element: HTMLElement, { attributes, slots, cssProperties }: StoryValues, holdsElements: boolean) {
  for (const [name, value] of Object.entries(attributes)) {
    if (value === true) element.setAttribute(name, '');
    else if (value === false || value === '') element.removeAttribute(name);
    else element.setAttribute(name, value);
  }
  if (!holdsElements) {
    const named = Object.entries(slots)
      .filter(([name, text]) => name && text)
      .map(([name, text]) => Object.assign(document.createElement('span'), { slot: name, textContent: text }));
    // No empty text: a slot with any node assigned, even an empty one, hides its default content.
    element.replaceChildren(...(slots[''] ? [slots['']] : []), ...named);
  }
  for (const [name, value] of Object.entries(cssProperties)) {
    if (value) element.style.setProperty(name, value);
    else element.style.removeProperty(name);
  }
}

/** Puts the story's element in the frame: inside an <hv-config> with the demo's (or the preview's) HealthVault. */
async function showElement(stories: ElementStories, story: Story, values: StoryValues): Promise<HTMLElement> {
  delete frame.dataset.story;
  const element = document.createElement(stories.tagName);
  applyValues(element, values, !!stories.children);
  if (stories.children) element.append(document.createElement(stories.children));
  if (stories.tagName === 'hv-config') {
    frame.replaceChildren(element);
  } else {
    const config = document.createElement('hv-config');
    const { 'proxy-url': proxyUrl, ...rest } = configAttributes(stories.tagName);
    for (const [name, value] of Object.entries(story.preview ? rest : { ...rest, 'proxy-url': proxyUrl })) {
      config.setAttribute(name, value);
    }
    if (story.preview) Object.assign(config, { proxy: previewProxy(story.preview.scenario, story.preview.prepare) });
    config.append(element);
    frame.replaceChildren(config);
  }
  await customElements.whenDefined(stories.tagName);
  await (element as HTMLElement & { updateComplete?: Promise<unknown> }).updateComplete;
  story.preview?.act?.(element);
  return element;
}

function snippetOf({ stories, values }: OpenStory): SnippetElement {
  const attributes: Record<string, string | true> = {};
  for (const [name, value] of Object.entries(values.attributes))
    if (value !== false && value !== '') attributes[name] = value;
  return {
    tagName: stories.tagName,
    attributes,
    slots: values.slots,
    cssProperties: values.cssProperties,
    ...(stories.children ? { child: stories.children } : {}),
  };
}

function showSnippets(): void {
  if (!open) return;
  byId('snippet-script').textContent = scriptTagSnippet(snippetOf(open));
  byId('snippet-npm').textContent = npmSnippet(snippetOf(open));
}

/** One committed change of a control, as the log tells it. */
function describeChange(group: ControlGroup, name: string, value: string | boolean): string {
  const what = group === 'attributes' ? `${name}` : group === 'slots' ? `slot ${name || '(default)'}` : name;
  if (value === true) return `${what} set`;
  if (value === false || value === '') return `${what} removed`;
  return `${what}="${value}"`;
}

function commit(group: ControlGroup, name: string, value: string | boolean): void {
  if (!open) return;
  const { stories, story, values, element } = open;
  (values[group] as Record<string, string | boolean>)[name] = value;
  if (group === 'attributes' && name === 'trm' && 'redirect-url' in values.attributes) {
    // With trm=Post the Shell posts the token to the proxy's action URL, which sends the browser back here.
    values.attributes['redirect-url'] =
      value === 'Post' ? `${location.origin}${backend.proxyUrl}/shell-return` : pageUrl;
  }
  saveValues(stories.tagName, story, values);
  log.note(describeChange(group, name, value));
  applyValues(element, values, !!stories.children);
  showControls();
  showSnippets();
}

function showControls(): void {
  if (!open) return;
  const { stories, values } = open;
  render(
    renderControls({
      doc: elementDoc(stories.tagName),
      values,
      known: {
        shell: [...Object.keys(SHELL_PRESETS), backend.shell],
        'app-id': [DEMO_APP_ID],
        lang: ['en', 'en-US', 'es', 'es-MX'],
        'redirect-url': [pageUrl],
      },
      ruleLists: {
        'optional-online-rules': ruleNames('online'),
        'optional-offline-rules': ruleNames('offline'),
        rule: ruleNames(),
      },
      unavailable:
        backend.kind === 'http'
          ? {}
          : {
              trm: { value: 'Post', why: 'Post needs the Node proxy (npm run demo:server), which has an action URL.' },
            },
      holdsElements: !!stories.children,
      commit,
    }),
    byId('controls-root'),
  );
}

function showHeader(stories: ElementStories, story: Story): void {
  const doc = elementDoc(stories.tagName);
  const { preview } = story;
  render(
    html`<p class="element-name"><code>&lt;${stories.tagName}&gt;</code> ${stories.summary}</p>
      <h2 id="story-title" tabindex="-1">
        ${story.title} ${preview ? html`<span class="preview-label">Preview</span>` : nothing}
      </h2>
      <p>${story.description}</p>
      ${
        preview
          ? html`<p class="hint" id="preview-note" data-state=${preview.state ?? nothing}>
              A preview of ${preview.state ? html`the state <code>:state(${preview.state})</code>` : 'the element'}, on
              a simulated HealthVault of its own playing “${preview.scenario}”: what happens here leaves the demo's
              HealthVault as it is.
            </p>`
          : html`<p class="hint">Live, on the demo's simulated HealthVault, which plays “${story.scenario}”.</p>`
      }
      <details class="about">
        <summary>About &lt;${stories.tagName}&gt;</summary>
        <p>${doc.description}</p>
        <p>Events: ${doc.events.map((event) => html`<code>${event.name}</code> `)}</p>
      </details>`,
    byId('story-header'),
  );
}

function showSidebar(): void {
  const current = open && `${open.stories.tagName}/${open.story.id}`;
  render(
    html`${ELEMENT_STORIES.map(
      (stories) =>
        html`<h2><code>&lt;${stories.tagName}&gt;</code></h2>
          <ul>
            ${stories.stories.map((story) => {
              const here = current === `${stories.tagName}/${story.id}`;
              return html`<li>
                <a href=${formatRoute(stories.tagName, story.id)} aria-current=${here ? 'page' : nothing}
                  >${story.title}${story.preview ? html` <span class="preview-tag">Preview</span>` : nothing}</a
                >
              </li>`;
            })}
          </ul>`,
    )}`,
    byId('stories'),
  );
}

/** The page's own session, which the live elements follow: asked again after the platform starts over. */
const refreshLiveSession = () => getSession(DEMO_APP_ID, backend.proxyUrl)?.refresh(true);

const platformControls = mountPlatformControls(byId('platform'), backend, async (what) => {
  log.note(what);
  await refreshLiveSession();
});

/** Shows a story; `startScenario` starts the simulated platform over from the story's scenario first. */
async function openStory(stories: ElementStories, story: Story, startScenario: boolean): Promise<void> {
  if (startScenario && story.scenario && backend.scenario !== story.scenario) {
    await platformControls.start(story.scenario as ScenarioName);
  }
  sessionStorage.setItem(LAST_STORY_KEY, `${stories.tagName}/${story.id}`);
  const values = loadValues(stories.tagName, story, initialValues(story, baseAttributes(stories.tagName)));
  document.title = `${story.title} · <${stories.tagName}> · hv-elements showcase`;
  byId('platform-section').hidden = !!story.preview;
  showHeader(stories, story);
  const element = await showElement(stories, story, values);
  open = { stories, story, values, element };
  showSidebar();
  showControls();
  showSnippets();
  // Says which story the page shows once all of it has rendered (the tests wait for it).
  frame.dataset.story = `${stories.tagName}/${story.id}`;
}

function changeToggles(next: ViewToggles): void {
  toggles = next;
  applyToggles(toggles, frame);
  renderToggles(byId('toggles'), toggles, changeToggles);
  if (open) history.replaceState(null, '', formatRoute(open.stories.tagName, open.story.id, toggles));
}

/** The story the address names, else the one open last in this tab, else the first. */
function routedStory() {
  const route = parseRoute(location.hash);
  if (route) toggles = { ...toggles, ...route.toggles };
  const [tagName, storyId] = route
    ? [route.tagName, route.storyId]
    : (sessionStorage.getItem(LAST_STORY_KEY) ?? '').split('/');
  return (
    findStory(tagName ?? '', storyId ?? '') ?? { element: ELEMENT_STORIES[0]!, story: ELEMENT_STORIES[0]!.stories[0]! }
  );
}

async function followAddress(initial: boolean): Promise<void> {
  const { element: stories, story } = routedStory();
  // A reload (the Shell's return among them) shows the story as it was; choosing a story starts its scenario.
  const reopening = initial && sessionStorage.getItem(LAST_STORY_KEY) === `${stories.tagName}/${story.id}`;
  await openStory(stories, story, !reopening);
  changeToggles(toggles);
  if (!initial) byId('story-title').focus();
}

byId('reset').addEventListener('click', () => {
  if (!open) return;
  const { stories, story } = open;
  forgetValues(stories.tagName, story);
  // The person's "Not now" answers are the prompt's memory in this browser: a reset forgets them too.
  for (const key of Object.keys(localStorage)) if (key.startsWith('hv-elements:not-now:')) localStorage.removeItem(key);
  void (async () => {
    if (story.scenario) await platformControls.start(story.scenario);
    log.note(`story reset: controls and simulated HealthVault back to the start`);
    await openStory(stories, story, false);
  })();
});

for (const button of document.querySelectorAll<HTMLButtonElement>('[data-copy]')) {
  button.addEventListener('click', () => {
    const source = byId(button.dataset.copy!);
    void navigator.clipboard.writeText(source.textContent ?? '').then(
      () => (byId('copy-status').textContent = 'Copied.'),
      () => (byId('copy-status').textContent = 'The browser refused: select the code and copy it.'),
    );
  });
}

// Only a story's address opens a story: the skip link's `#story-title` just moves the focus.
addEventListener('hashchange', () => parseRoute(location.hash) && void followAddress(false));
const opened = followAddress(true);
// Defined once the story's element and the log's listeners are in place, so they hear a Shell return's outcome.
await import('../../src/cdn.js');
await opened;
