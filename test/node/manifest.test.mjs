// custom-elements.json is generated from the elements' JSDoc and committed; it must match the sources.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const committed = JSON.parse(readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'));

it('custom-elements.json is up to date with the sources (else: npm run manifest)', async () => {
  // Same configuration as `npm run manifest` (custom-elements-manifest.config.mjs), without writing anything.
  const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: repoRoot, noWrite: true });
  assert.deepEqual(committed, JSON.parse(JSON.stringify(fresh)));
});

it('declares every element a define entry registers, under its tag name (JSDoc @tagname)', () => {
  const declared = committed.modules
    .flatMap((module) => module.declarations ?? [])
    .filter((declaration) => declaration.customElement)
    .map((declaration) => `${declaration.tagName} = ${declaration.name}`);
  const defined = readdirSync(new URL('../../src/define/', import.meta.url)).map((file) => {
    const source = readFileSync(new URL(`../../src/define/${file}`, import.meta.url), 'utf8');
    const [, tagName, className] = source.match(/define\('([a-z0-9-]+)', (\w+)\)/) ?? [];
    assert.ok(tagName, `src/define/${file} has no define('tag-name', Class) call`);
    return `${tagName} = ${className}`;
  });
  for (const element of defined) assert.ok(declared.includes(element), `${element} is not in custom-elements.json`);
});
