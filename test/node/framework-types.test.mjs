// dist/frameworks/ (scripts/generate-framework-types.mjs, run by `npm run build`): the JSX declarations of React 19,
// Preact and Solid and Vue's GlobalComponents compile against a typed usage each, which rejects what the manifest
// rules out; the VS Code and JetBrains custom-data files list every element and attribute of custom-elements.json.
// The frameworks' own types are not installed here: test/node/framework-types/stubs/ stands in for them, with the
// shapes the declarations meet. Runs against dist/ (`npm run build` first).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { frameworkFiles } from '../../scripts/generate-framework-types.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const fixtures = join(repoRoot, 'test/node/framework-types');
const outputDir = join(repoRoot, 'dist/frameworks');
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const manifest = JSON.parse(readFileSync(join(repoRoot, 'custom-elements.json'), 'utf8'));

/** The manifest's elements, read here rather than by the generator: attributes without Lit's internal state. */
const elements = manifest.modules
  .flatMap((module) => module.declarations ?? [])
  .filter((declaration) => declaration.customElement && declaration.tagName)
  .map((declaration) => ({
    tagName: declaration.tagName,
    className: declaration.name,
    attributes: (declaration.attributes ?? []).filter((attribute) => !attribute.name.startsWith('_')),
    events: (declaration.events ?? []).filter((event) => event.name.startsWith('hv-')),
    slots: declaration.slots ?? [],
    cssParts: declaration.cssParts ?? [],
  }))
  .sort((a, b) => a.tagName.localeCompare(b.tagName));

/** The diagnostics of compiling `usage` (with `stub` standing in for the framework's types), as readable lines. */
function compile(usage, stub) {
  const usageFile = join(fixtures, usage);
  const program = ts.createProgram([usageFile, join(fixtures, 'stubs', stub)], {
    target: ts.ScriptTarget.ES2022,
    module: ts.ModuleKind.ESNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    lib: ['lib.es2022.d.ts', 'lib.dom.d.ts', 'lib.dom.iterable.d.ts'],
    jsx: ts.JsxEmit.ReactJSX,
    strict: true,
    noEmit: true,
    types: [],
    // The kit's own declarations (dist/, lit) are checked by the build; the declaration under test is not skipped:
    // its diagnostics are asked for by file below.
    skipLibCheck: false,
  });
  const declaration = program.getSourceFiles().find((file) => file.fileName.startsWith(outputDir));
  assert.ok(declaration, `${usage} does not bring in a declaration file of dist/frameworks/`);
  const checked = [program.getSourceFile(usageFile), declaration];
  const diagnostics = [
    ...program.getOptionsDiagnostics(),
    ...checked.flatMap((file) => [...program.getSyntacticDiagnostics(file), ...program.getSemanticDiagnostics(file)]),
  ];
  return diagnostics.map((diagnostic) => {
    const where = diagnostic.file
      ? `${diagnostic.file.fileName.slice(repoRoot.length)}:${diagnostic.file.getLineAndCharacterOfPosition(diagnostic.start).line + 1}`
      : '';
    return `${where} ${ts.flattenDiagnosticMessageText(diagnostic.messageText, '\n')}`;
  });
}

describe('dist/frameworks/', () => {
  it('is what the generator writes from custom-elements.json (npm run build)', () => {
    for (const [name, text] of Object.entries(frameworkFiles())) {
      assert.equal(readFileSync(join(outputDir, name), 'utf8'), text, `dist/frameworks/${name} is stale`);
    }
  });

  it('is in the package: exports map and web-types field', () => {
    assert.equal(packageJson.exports['./frameworks/*'], './dist/frameworks/*');
    assert.equal(packageJson['web-types'], './dist/frameworks/web-types.json');
    assert.ok(packageJson.files.includes('dist'));
  });

  for (const [framework, usage, stub] of [
    ['React 19', 'react.tsx', 'react.d.ts'],
    ['Preact', 'preact.tsx', 'preact.d.ts'],
    ['Solid', 'solid.tsx', 'solid.d.ts'],
    ['Vue', 'vue.ts', 'vue.d.ts'],
  ]) {
    it(`${framework}: a typed usage compiles, and each @ts-expect-error line is an error`, () => {
      assert.deepEqual(compile(usage, stub), []);
    });
  }

  for (const declaration of ['react.d.ts', 'preact.d.ts', 'solid.d.ts', 'vue.d.ts']) {
    it(`${declaration} types every element of the manifest with its attributes and custom events`, () => {
      const text = readFileSync(join(outputDir, declaration), 'utf8');
      for (const element of elements) {
        assert.match(text, new RegExp(`'${element.tagName}': `), `${element.tagName} is missing`);
        const props = text.slice(text.indexOf(`export type ${element.className}`));
        const body = props.slice(0, props.indexOf('\n};\n'));
        for (const attribute of element.attributes) {
          assert.match(body, new RegExp(`^  '?${attribute.name}'?\\?: `, 'm'), `${element.tagName} ${attribute.name}`);
        }
        for (const event of element.events) {
          assert.ok(body.includes(`(event: ${event.type.text}) => void`), `${element.tagName} ${event.name}`);
        }
      }
    });
  }

  it('vscode.html-custom-data.json: every element, its attributes and their values (VS Code html.customData)', () => {
    const data = JSON.parse(readFileSync(join(outputDir, 'vscode.html-custom-data.json'), 'utf8'));
    assert.equal(data.version, 1.1);
    assert.deepEqual(
      data.tags.map((tag) => tag.name),
      elements.map((element) => element.tagName),
    );
    for (const element of elements) {
      const tag = data.tags.find((candidate) => candidate.name === element.tagName);
      assert.ok(tag.description.length > 0, `${element.tagName} has no description`);
      assert.deepEqual(
        tag.attributes.map((attribute) => attribute.name),
        element.attributes.map((attribute) => attribute.name),
      );
      assert.ok(!tag.attributes.some((attribute) => attribute.name.startsWith('_')), 'an internal state is listed');
    }
    const mode = data.tags.find((tag) => tag.name === 'hv-connect-button').attributes.find((a) => a.name === 'mode');
    assert.deepEqual(mode.values, [{ name: 'redirect' }, { name: 'popup' }]);
  });

  it('web-types.json: every element, its attributes, events, slots and parts (JetBrains web-types)', () => {
    const data = JSON.parse(readFileSync(join(outputDir, 'web-types.json'), 'utf8'));
    assert.equal(data.name, packageJson.name);
    assert.equal(data.version, packageJson.version);
    const listed = data.contributions.html.elements;
    assert.deepEqual(
      listed.map((element) => element.name),
      elements.map((element) => element.tagName),
    );
    for (const element of elements) {
      const entry = listed.find((candidate) => candidate.name === element.tagName);
      assert.deepEqual(
        entry.attributes.map((attribute) => attribute.name),
        element.attributes.map((attribute) => attribute.name),
      );
      assert.deepEqual(
        entry.js.events.map((event) => event.name),
        element.events.map((event) => event.name),
      );
      assert.equal(entry.slots.length, element.slots.length);
      assert.equal(entry.css.parts.length, element.cssParts.length);
    }
  });
});
