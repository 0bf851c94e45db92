// One page in any of the three engines, with the few things a person does in the cross-engine end-to-end tests.
// Each engine is driven by what it offers: Chromium by Playwright (CDP), Firefox by puppeteer (WebDriver BiDi),
// WebKit by webdriverio (classic WebDriver, WebKitWebDriver). Clicks are the driver's own (real input events), so
// the page sees a person's click, with its user activation.
import { chromium } from 'playwright-core';
import puppeteer from 'puppeteer-core';
import { remote } from 'webdriverio';
import { browserPath, chromiumArgs } from './browsers.mjs';
import { startWebKitDriver } from './webkit-driver.mjs';

const waitTimeoutMs = 10_000;

/**
 * Runs in the page: the elements matching `selector` ("a >>> b" looks for b in the shadow roots of the a's) whose
 * text (an input's: its label's) matches `text` (a string it contains, or a { source, flags } pattern).
 */
function findInPage(selector, text) {
  let found = [document];
  for (const [index, part] of selector.split('>>>').entries()) {
    const roots = index === 0 ? found : found.map((host) => host.shadowRoot).filter(Boolean);
    found = roots.flatMap((root) => Array.from(root.querySelectorAll(part.trim())));
  }
  if (text == null) return found;
  const matches =
    typeof text === 'string'
      ? (value) => value.includes(text)
      : (value) => new RegExp(text.source, text.flags).test(value);
  return found.filter((element) => matches((element.labels?.[0] ?? element).textContent.replace(/\s+/g, ' ').trim()));
}

const asPattern = (text) => (text instanceof RegExp ? { source: text.source, flags: text.flags } : text);
const describe = (selector, text) => (text === undefined ? selector : `${selector} with text ${text}`);

/**
 * What the tests use of a page, the same in every engine. Subclasses supply `run`, `handle`, `clickHandle`, `goto`,
 * `reload`, `url` and `screenshot({ path })` (for the runner, when a test fails).
 */
class EnginePage {
  /** Resolves to the text of the first element matching, once there is one (the page may be navigating). */
  async waitFor(selector, text) {
    const deadline = Date.now() + waitTimeoutMs;
    for (;;) {
      try {
        const texts = await this.texts(selector, text);
        if (texts.length) return texts[0];
      } catch {
        // between two documents
      }
      if (Date.now() > deadline) throw new Error(`nothing matched ${describe(selector, text)} in ${waitTimeoutMs} ms`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }

  /** The text of every element matching, now. */
  texts(selector, text) {
    return this.run(
      `return (${findInPage})(arguments[0], arguments[1]).map((element) => element.textContent.trim());`,
      selector,
      asPattern(text),
    );
  }

  /** Clicks the first element matching, as a person does, once there is one. */
  async click(selector, text) {
    await this.waitFor(selector, text);
    await this.clickHandle(await this.handle(selector, asPattern(text)));
  }

  /** Chooses `value` in a <select> of the page's own controls (the demo's, not the kit's). */
  async select(selector, value) {
    await this.waitFor(selector);
    await this.run(
      `const select = document.querySelector(arguments[0]); select.value = arguments[1];
       for (const type of ['input', 'change']) select.dispatchEvent(new Event(type, { bubbles: true }));`,
      selector,
      value,
    );
  }

  /** Runs `body` (a function body; its arguments as `arguments[i]`) in the page and resolves to what it returns. */
  evaluate(body, ...args) {
    return this.run(body, ...args);
  }

  /** The page's address, once it matches `pattern`. */
  async waitForUrl(pattern) {
    const deadline = Date.now() + waitTimeoutMs;
    while (!pattern.test(await this.url())) {
      if (Date.now() > deadline) throw new Error(`the page did not reach ${pattern} in ${waitTimeoutMs} ms`);
      await new Promise((wait) => setTimeout(wait, 100));
    }
  }
}

/**
 * Adds to `problems` what goes wrong on a Playwright or puppeteer `page`: console errors (with the address of the
 * resource: a failed load's says which) and uncaught exceptions.
 */
export function reportProblems(page, problems) {
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const resource = message.location()?.url;
    problems.push(`console error: ${message.text()}${resource ? ` (${resource})` : ''}`);
  });
  page.on('pageerror', (error) => problems.push(`uncaught: ${error.message}`));
}

/** Playwright's and puppeteer's pages have the same shape for what is used here. */
class CdpOrBidiPage extends EnginePage {
  constructor(page, problems) {
    super();
    this.page = page;
    reportProblems(page, problems);
  }
  run(body, ...args) {
    return this.page.evaluate(`(function () { ${body} }).apply(null, ${JSON.stringify(args)})`);
  }
  async handle(selector, text) {
    const found = await this.page.evaluateHandle(
      `(${findInPage})(${JSON.stringify(selector)}, ${JSON.stringify(text)})[0]`,
    );
    return found.asElement();
  }
  clickHandle(handle) {
    return handle.click();
  }
  goto(url) {
    return this.page.goto(url);
  }
  reload() {
    return this.page.reload();
  }
  url() {
    return this.page.url();
  }
  screenshot({ path }) {
    return this.page.screenshot({ path, fullPage: true });
  }
}

class WebDriverPage extends EnginePage {
  constructor(session) {
    super();
    this.session = session;
  }
  run(body, ...args) {
    return this.session.execute(body, ...args);
  }
  async handle(selector, text) {
    return this.session.$(
      await this.session.execute(`return (${findInPage})(arguments[0], arguments[1])[0];`, selector, text),
    );
  }
  clickHandle(element) {
    return element.click();
  }
  goto(url) {
    return this.session.url(url);
  }
  reload() {
    return this.session.refresh();
  }
  url() {
    return this.session.getUrl();
  }
  screenshot({ path }) {
    return this.session.saveScreenshot(path);
  }
}

/**
 * Starts `engine`; `open(problems)` gives a page in a fresh profile (its own storage), `close()` ends it all.
 * WebKit's console is out of reach over classic WebDriver: its pages report no problems.
 */
export async function launchEngine(engine) {
  if (engine === 'chromium' || engine === 'firefox') {
    const browser =
      engine === 'chromium'
        ? await chromium.launch({ executablePath: browserPath('chromium'), args: chromiumArgs })
        : await puppeteer.launch({ browser: 'firefox', executablePath: browserPath('firefox'), headless: true });
    return {
      async open(problems) {
        const context = engine === 'chromium' ? await browser.newContext() : await browser.createBrowserContext();
        const page = await context.newPage();
        return { page: new CdpOrBidiPage(page, problems), close: () => context.close() };
      },
      close: () => browser.close(),
    };
  }
  const { port, capabilities, stop } = await startWebKitDriver();
  return {
    async open() {
      const session = await remote({ hostname: '127.0.0.1', port, path: '/', capabilities, logLevel: 'error' });
      return { page: new WebDriverPage(session), close: () => session.deleteSession() };
    },
    close: async () => stop(),
  };
}
