// Makes sure the three engines are there for the browser and end-to-end tests: installs Debian's packages when
// running as root, otherwise says exactly what to install. Used by scripts/test.mjs and, as
// `node scripts/lib/ensure-browsers.mjs`, by .ci/run. Only Node built-ins here: .ci/run calls it before `npm ci`.
import { execFileSync } from 'node:child_process';
import { pathToFileURL } from 'node:url';
import { browserPath, engines } from './browsers.mjs';

/** @returns {Record<string, string>} each engine's browser binary; throws with the install command when one is missing */
export function ensureBrowsers() {
  const missing = Object.keys(engines).filter((name) => !engines[name].find());
  if (missing.length) {
    const packages = missing.flatMap((name) => engines[name].packages);
    const install = `apt-get update && apt-get install -y --no-install-recommends ${packages.join(' ')}`;
    if (process.getuid?.() !== 0) {
      throw new Error(`Missing browsers for the tests: ${missing.join(', ')}.\nOn Debian/Ubuntu, as root: ${install}`);
    }
    console.log(`Installing the missing browsers (${missing.join(', ')}): ${install}`);
    const env = { ...process.env, DEBIAN_FRONTEND: 'noninteractive' };
    execFileSync('apt-get', ['update', '-qq'], { stdio: 'inherit', env });
    execFileSync('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...packages], {
      stdio: 'inherit',
      env,
    });
  }
  return Object.fromEntries(Object.keys(engines).map((name) => [name, browserPath(name)]));
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  try {
    for (const [name, path] of Object.entries(ensureBrowsers())) console.log(`${name}: ${path}`);
  } catch (error) {
    console.error(error.message);
    process.exit(1);
  }
}
