// Where the tests find the three engines (Debian's builds), and how each is started on this kind of machine
// (root, no display, closed network). Only Node built-ins here: .ci/run uses it before `npm ci`.
import { existsSync } from 'node:fs';
import { arch } from 'node:os';

export const chromiumArgs = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-quic',
  '--no-first-run',
];

const multiarch = { x64: 'x86_64', arm64: 'aarch64' };
const firstExisting = (paths) => paths.find((path) => path && existsSync(path));

/**
 * Each engine: what it needs on disk, the Debian packages that provide it, and the variable that points elsewhere.
 * WebKit is WebKitGTK's MiniBrowser driven by WebKitWebDriver; it has no headless mode, so it runs under Xvfb.
 */
export const engines = {
  chromium: {
    packages: ['chromium', 'fonts-liberation'],
    variable: 'CHROME_PATH',
    find: () => firstExisting([process.env.CHROME_PATH, '/usr/bin/chromium', '/usr/bin/chromium-browser']),
  },
  firefox: {
    packages: ['firefox-esr'],
    variable: 'FIREFOX_PATH',
    find: () => firstExisting([process.env.FIREFOX_PATH, '/usr/bin/firefox-esr', '/usr/bin/firefox']),
  },
  webkit: {
    packages: ['webkit2gtk-driver', 'xvfb', 'xauth'],
    variable: 'MINIBROWSER_PATH',
    find: () =>
      existsSync('/usr/bin/WebKitWebDriver') && (process.env.DISPLAY || existsSync('/usr/bin/Xvfb'))
        ? firstExisting([
            process.env.MINIBROWSER_PATH,
            `/usr/lib/${multiarch[arch()] ?? arch()}-linux-gnu/webkit2gtk-4.1/MiniBrowser`,
          ])
        : undefined,
  },
};

/** @param {keyof typeof engines} name @returns {string} the engine's browser binary; throws saying what is missing */
export function browserPath(name) {
  const found = engines[name].find();
  if (!found) {
    throw new Error(
      `No ${name} found. On Debian/Ubuntu: \`sudo apt-get install ${engines[name].packages.join(' ')}\`, ` +
        `or set ${engines[name].variable}.`,
    );
  }
  return found;
}

export const chromiumPath = () => browserPath('chromium');
