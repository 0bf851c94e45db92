// Makes sure a Chromium is there for the browser tests: installs Debian's package when running as root, otherwise
// says exactly what to install. Used by scripts/test.mjs and, as `node scripts/lib/ensure-chromium.mjs`, by .ci/run.
// Only Node built-ins here: .ci/run calls it before `npm ci`.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { chromiumPath } from './chromium.mjs';

const packages = ['chromium', 'fonts-liberation'];
export const installCommand = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;

/** @returns {string} the Chromium executable; throws with the install instructions when there is none. */
export function ensureChromium() {
  try {
    return chromiumPath();
  } catch (missing) {
    if (process.getuid?.() !== 0) {
      throw new Error(`${missing.message}\nOn Debian/Ubuntu, as root: ${installCommand}`);
    }
  }
  console.log(`No Chromium found; installing it: ${installCommand}`);
  const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
  execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
  execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], { stdio: 'inherit', env });
  return chromiumPath();
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    console.log(`Chromium: ${ensureChromium()}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
