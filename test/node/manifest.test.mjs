// custom-elements.json is generated from the elements' JSDoc and committed; it must match the sources, describe
// what the elements do (custom states, typed events) and point at what the package ships (`npm run build` first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { it } from 'node:test';
import { cli } from '@custom-elements-manifest/analyzer/cli.js';
import { readmeWithStyling } from '../../scripts/generate-styling-docs.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const committed = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const declarations = committed.modules.flatMap((module) => module.declarations ?? []);

/** Each element source file (src/elements/…/x.ts) with its text and the manifest module it ships as. */
const elementSources = readdirSync(join(repoRoot, 'src/elements'), { recursive: true })
  .filter((file) => file.endsWith('.ts') && !file.endsWith('.styles.ts'))
  .map((file) => ({
    file: `src/elements/${file}`,
    source: readFileSync(join(repoRoot, 'src/elements', file), 'utf8'),
    module: committed.modules.find((module) => module.path === `dist/elements/${file.replace(/\.ts$/, '.js')}`),
  }));

/** The first capture group of every match of `pattern` in `source`. */
function captures(source, pattern) {
  return [...source.matchAll(pattern)].map((match) => match[1]);
}

/** The classes a source file declares, as the manifest lists them. */
function classesOf({ file, module }) {
  const classes = (module?.declarations ?? []).filter((declaration) => declaration.kind === 'class');
  assert.ok(classes.length > 0, `${file} dispatches or toggles for an element, but declares no class in the manifest`);
  return classes;
}

/** Every module path the manifest names: each module's own and every reference's (`inheritedFrom`, `superclass`…). */
function modulePaths(node) {
  if (Array.isArray(node)) return node.flatMap(modulePaths);
  if (typeof node !== 'object' || node === null) return [];
  return Object.entries(node).flatMap(([key, value]) =>
    (key === 'path' || key === 'module') && typeof value === 'string' ? [value] : modulePaths(value),
  );
}

it('custom-elements.json is up to date with the sources (else: npm run manifest)', async () => {
  // Same configuration as `npm run manifest` (custom-elements-manifest.config.mjs), without writing anything.
  const fresh = await cli({ argv: ['analyze', '--quiet'], cwd: repoRoot, noWrite: true });
  assert.deepEqual(committed, JSON.parse(JSON.stringify(fresh)));
});

it('declares every element a define entry registers, under its tag name (JSDoc @tagname)', () => {
  const declared = declarations
    .filter((declaration) => declaration.customElement)
    .map((declaration) => `${declaration.tagName} = ${declaration.name}`);
  const defined = readdirSync(join(repoRoot, 'src/define')).map((file) => {
    const source = readFileSync(join(repoRoot, 'src/define', file), 'utf8');
    const [, tagName, className] = source.match(/define\('([a-z0-9-]+)', (\w+)\)/) ?? [];
    assert.ok(tagName, `src/define/${file} has no define('tag-name', Class) call`);
    return `${tagName} = ${className}`;
  });
  for (const element of defined) assert.ok(declared.includes(element), `${element} is not in custom-elements.json`);
});

it('lists every custom state an element toggles (JSDoc @cssState name - …)', () => {
  // A state a shared controller toggles is that of every element built on HvElement.
  const extendsHvElement = (declaration) =>
    declaration?.superclass?.name === 'HvElement' ||
    (declaration?.superclass !== undefined &&
      extendsHvElement(declarations.find((d) => d.name === declaration.superclass.name)));
  const elements = declarations.filter(extendsHvElement);
  for (const element of elementSources) {
    const shared = element.file.startsWith('src/elements/internal/') && element.file.endsWith('-controller.ts');
    for (const state of captures(element.source, /\btoggleState\(\s*'([\w-]+)'/g)) {
      for (const declaration of shared ? elements : classesOf(element)) {
        const listed = (declaration.cssStates ?? []).map((cssState) => cssState.name);
        assert.ok(listed.includes(state), `${declaration.name} toggles :state(${state}) but does not list it`);
      }
    }
  }
});

const DOM_EVENT_TYPES = new Set(['Event', 'InputEvent']);

it('lists every hv- event an element dispatches, with its public event type (JSDoc @event {Type} name - …)', () => {
  const publicTypes = readFileSync(join(repoRoot, 'dist/index.d.ts'), 'utf8');
  for (const element of elementSources) {
    for (const name of captures(element.source, /\bdispatchHvEvent\(\s*this,\s*'(hv-[\w-]+)'/g)) {
      for (const declaration of classesOf(element)) {
        const event = declaration.events?.find((listed) => listed.name === name);
        assert.ok(event, `${declaration.name} dispatches ${name} but does not list it`);
      }
    }
  }
  for (const declaration of declarations) {
    for (const event of declaration.events ?? []) {
      const type = event.type?.text ?? '';
      assert.ok(type, `${declaration.name}'s ${event.name} has no type`);
      // Native events (a form control's input and change) have the platform's own types.
      if (DOM_EVENT_TYPES.has(type)) continue;
      assert.match(publicTypes, new RegExp(`\\b${type}\\b`), `${type} (${event.name}) is not exported by the package`);
    }
  }
});

it('points at modules the package ships, never at the sources', () => {
  const shipped = packageJson.files.map((entry) => `${entry}/`);
  for (const path of new Set(modulePaths(committed))) {
    assert.ok(
      shipped.some((folder) => path.startsWith(folder)),
      `${path} is outside package.json "files"`,
    );
    assert.ok(existsSync(join(repoRoot, path)), `${path} is not built`);
  }
});

it('lists no private or protected member', () => {
  for (const declaration of declarations) {
    for (const member of declaration.members ?? []) {
      const hidden = ['private', 'protected'].includes(member.privacy) || member.name.startsWith('#');
      assert.ok(!hidden, `${declaration.name}.${member.name} is ${member.privacy ?? 'private'}`);
    }
  }
});

it('lists every part an element renders (JSDoc @csspart name - …)', () => {
  // An element's folder holds its lazily loaded views too (record lines, the prompt's view): their parts are its own.
  for (const { file, source } of elementSources) {
    const tagName = `hv-${file.split('/')[2]}`;
    const declaration = declarations.find((d) => d.tagName === tagName);
    if (!declaration) continue;
    const documented = new Set((declaration.cssParts ?? []).map((part) => part.name));
    for (const part of captures(source, /\spart="([\w -]+)"/g).flatMap((parts) => parts.split(' '))) {
      assert.ok(documented.has(part), `${file} renders part "${part}", which ${tagName} does not list`);
    }
  }
});

it("README's styling tables are those of custom-elements.json, for every element (else: npm run manifest)", async () => {
  const readme = readFileSync(join(repoRoot, 'README.md'), 'utf8');
  assert.equal(await readmeWithStyling(readme, committed), readme);
  for (const { tagName } of declarations.filter((d) => d.tagName && d.tagName !== 'hv-config')) {
    assert.ok(readme.includes(`<!-- styling ${tagName} -->`), `README has no styling tables for ${tagName}`);
  }
});

it("lists no element's internal state as an attribute", () => {
  for (const declaration of declarations) {
    for (const attribute of declaration.attributes ?? []) {
      assert.ok(
        !attribute.name.startsWith('_'),
        `${declaration.name} lists its state ${attribute.name} as an attribute`,
      );
    }
  }
});
