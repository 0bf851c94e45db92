// WebKit for the tests: WebKitGTK's MiniBrowser, driven over WebDriver by WebKitWebDriver. MiniBrowser has no
// headless mode, so without a DISPLAY it gets a private virtual one (Xvfb). Everything started here stops with
// the process that started it.
import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { browserPath } from './browsers.mjs';

const children = new Set();
const stopAll = () => children.forEach((child) => child.kill());
process.once('exit', stopAll);
for (const signal of ['SIGINT', 'SIGTERM']) process.once(signal, () => (stopAll(), process.exit(130)));

function start(command, args, env) {
  const child = spawn(command, args, { stdio: ['ignore', 'ignore', 'pipe'], env });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/** Starts Xvfb on the first free display; resolves to its name (":N"). */
function startVirtualDisplay() {
  const xvfb = spawn('Xvfb', ['-displayfd', '3', '-screen', '0', '1280x1024x24', '-nolisten', 'tcp'], {
    stdio: ['ignore', 'ignore', 'ignore', 'pipe'],
  });
  children.add(xvfb);
  return new Promise((resolve, reject) => {
    xvfb.stdio[3].once('data', (number) => resolve(`:${String(number).trim()}`));
    xvfb.once('exit', (code) => reject(new Error(`Xvfb exited (${code}) before it had a display`)));
  });
}

const freePort = () =>
  new Promise((resolve) => {
    const server = createServer().listen(0, '127.0.0.1', () => {
      const { port } = server.address();
      server.close(() => resolve(port));
    });
  });

async function waitUntilReady(port, driver) {
  const deadline = Date.now() + 10_000;
  while (Date.now() < deadline) {
    if (driver.exitCode !== null) throw new Error(`WebKitWebDriver exited (${driver.exitCode})`);
    try {
      const status = await fetch(`http://127.0.0.1:${port}/status`);
      if (status.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((wait) => setTimeout(wait, 100));
  }
  throw new Error('WebKitWebDriver did not answer within 10 s');
}

/**
 * Starts a WebKitWebDriver (and a virtual display when there is none).
 * @param {{ popupsWithoutGesture?: boolean }} options `popupsWithoutGesture`: let `window.open` work without a
 *   person's click, as Chromium does under automation (element tests click with script; a blocked popup is tested
 *   on its own)
 * @returns {Promise<{ port: number, capabilities: object, stop: () => void }>} where it listens, the capabilities
 *   for a session, and how to stop it (and its display) before the process ends
 */
export async function startWebKitDriver({ popupsWithoutGesture = false } = {}) {
  const binary = browserPath('webkit');
  const display = process.env.DISPLAY || (await startVirtualDisplay());
  const port = await freePort();
  const driver = start('WebKitWebDriver', [`--port=${port}`], { ...process.env, DISPLAY: display });
  await waitUntilReady(port, driver);
  return {
    port,
    stop: stopAll,
    capabilities: {
      browserName: 'MiniBrowser',
      // WebKitWebDriver speaks classic WebDriver only; asked for BiDi it refuses to match.
      'wdio:enforceWebDriverClassic': true,
      'webkitgtk:browserOptions': {
        binary,
        args: ['--automation', ...(popupsWithoutGesture ? ['--javascript-can-open-windows-automatically=true'] : [])],
      },
    },
  };
}
