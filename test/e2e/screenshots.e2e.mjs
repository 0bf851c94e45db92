// README's screenshots: the script makes each from its story (a story that stops rendering fails here), and README
// shows every one of them, opening with the first.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SHOTS, screenshotsDir, takeScreenshots } from '../../scripts/screenshots.mjs';

const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
const PNG_SIGNATURE = '89504e470d0a1a0a';

export async function theScriptMakesEveryScreenshotReadmeShows({ browser, baseUrl }) {
  const outDir = mkdtempSync(join(tmpdir(), 'hv-screenshots-'));
  try {
    const written = await takeScreenshots(browser, baseUrl, outDir);
    assert.deepEqual(
      written.map((path) => path.slice(outDir.length + 1)),
      SHOTS.map(({ file }) => file),
    );
    for (const path of written) {
      assert.equal(readFileSync(path).subarray(0, 8).toString('hex'), PNG_SIGNATURE, `${path} is a PNG`);
      assert.ok(statSync(path).size > 10_000, `${path} shows more than a blank page`);
    }
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
  const [first, ...rest] = SHOTS.map(({ file }) => `docs/screenshots/${file}`);
  assert.match(
    readme,
    new RegExp(`^# hv-elements\\n\\n!\\[[^\\]]+\\]\\(${first}\\)`),
    'README opens with a screenshot',
  );
  for (const image of rest) assert.ok(readme.includes(`](${image})`), `README shows ${image}`);
  for (const { file } of SHOTS) assert.ok(statSync(join(screenshotsDir, file)).size > 10_000, `${file} is committed`);
}
