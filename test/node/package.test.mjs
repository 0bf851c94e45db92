// What `npm run build` publishes: the exports map points at real files, the class exports are free of side
// effects while the define entries register their element, and the cdn bundles are what partner pages need.
// Runs against dist/ (`npm run build` first).
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, it } from 'node:test';
import ts from 'typescript';
import { build } from 'vite';
import { moduleGraph } from '../../scripts/lib/module-graph.mjs';

const repoRoot = fileURLToPath(new URL('../..', import.meta.url));
const packageJson = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8'));
const defineEntries = readdirSync(join(repoRoot, 'dist/define')).filter((file) => file.endsWith('.js'));
const cdnDir = join(repoRoot, 'dist/cdn');

/** Every file the exports map promises, wildcards expanded over what the build produced. */
function exportedFiles() {
  const targets = Object.values(packageJson.exports).flatMap((target) =>
    typeof target === 'string' ? [target] : Object.values(target),
  );
  return targets.flatMap((target) => {
    if (!target.includes('*')) return [target];
    const [prefix, suffix] = target.split('*');
    return readdirSync(join(repoRoot, dirname(`${prefix}x`)))
      .filter((file) => file.endsWith(suffix))
      .map((file) => `${prefix}${file.slice(0, file.length - suffix.length)}${suffix}`);
  });
}

/** The names a declaration file exports, read from its own export statements (no import is resolved). */
function declaredExports(file) {
  const program = ts.createProgram([join(repoRoot, file)], { noEmit: true, noResolve: true, types: [] });
  const checker = program.getTypeChecker();
  const module = checker.getSymbolAtLocation(program.getSourceFile(join(repoRoot, file)));
  return checker.getExportsOfModule(module).map((symbol) => symbol.name);
}

/** What a partner's bundler keeps of `import '<file>'` (nothing at all when the module is free of side effects). */
async function bundleKeeps(file) {
  const output = await build({
    configFile: false,
    logLevel: 'silent',
    root: repoRoot,
    build: { write: false, target: 'es2022', rolldownOptions: { input: 'partner-entry' } },
    plugins: [
      {
        name: 'partner-entry',
        resolveId: (id) => (id === 'partner-entry' ? id : null),
        load: (id) => (id === 'partner-entry' ? `import ${JSON.stringify(join(repoRoot, file))};` : null),
      },
    ],
  });
  return (Array.isArray(output) ? output[0] : output).output
    .filter((item) => item.type === 'chunk')
    .map((chunk) => chunk.code)
    .join('')
    .trim();
}

describe('npm package', () => {
  it('has every file its exports map and fields name', () => {
    const files = [
      ...exportedFiles(),
      packageJson.types,
      packageJson.customElements,
      packageJson.unpkg,
      packageJson['web-types'],
    ];
    assert.ok(
      files.some((file) => file.startsWith('./dist/define/')),
      'the define entries are exported',
    );
    for (const file of files) assert.ok(existsSync(join(repoRoot, file)), `${file} is missing`);
  });

  it('msw and fast-xml-parser are optional peers: only hv-elements/mock imports them', () => {
    for (const name of ['msw', 'fast-xml-parser']) {
      assert.equal(packageJson.dependencies?.[name], undefined, `${name} is a dependency`);
      assert.ok(packageJson.peerDependencies?.[name], `${name} is not a peer dependency`);
      assert.equal(packageJson.peerDependenciesMeta?.[name]?.optional, true, `${name} is a required peer`);
      assert.equal(packageJson.devDependencies?.[name], packageJson.peerDependencies[name], `the repo lacks ${name}`);
    }
    const importsAPeer = /\b(?:from|import)\s*\(?\s*['"](?:msw|fast-xml-parser)\b/;
    const importers = readdirSync(join(repoRoot, 'dist'), { recursive: true }).filter(
      (file) => /\.(js|d\.ts)$/.test(file) && importsAPeer.test(readFileSync(join(repoRoot, 'dist', file), 'utf8')),
    );
    for (const file of importers) assert.match(file, /^mock\//, `dist/${file} imports a peer`);
  });

  it('main entry: lists its public names one by one, and no internal one', () => {
    const source = readFileSync(join(repoRoot, 'src/index.ts'), 'utf8');
    assert.doesNotMatch(source, /^export (type )?\*/m, 'src/index.ts re-exports a whole module');
    const exported = declaredExports('dist/index.d.ts');
    const internals = [
      'dispatchHvEvent',
      'invalidState',
      'storeOf',
      'readLedger',
      'writeLedger',
      'STATE_PARAM',
      'ParamKind',
      'ParamContext',
    ];
    for (const name of internals) assert.ok(!exported.includes(name), `${name} is internal`);
  });

  it('hv-elements/mock names no type or value as the main entry does (simulator types carry a Sim prefix)', () => {
    const main = declaredExports('dist/index.d.ts');
    for (const entry of ['dist/mock/index.d.ts', 'dist/mock/browser.d.ts']) {
      assert.deepEqual(
        declaredExports(entry).filter((name) => main.includes(name)),
        [],
        `${entry} shares names with the main entry`,
      );
    }
  });

  it('main entry: importing it keeps nothing in a bundle (side-effect free)', async () => {
    assert.equal(await bundleKeeps('dist/index.js'), '');
  });

  for (const entry of defineEntries) {
    it(`define/${entry}: importing it registers its element`, async () => {
      assert.match(await bundleKeeps(`dist/define/${entry}`), /customElements\.define\(/);
    });
  }
});

describe('cdn bundles', () => {
  const esModule = readFileSync(join(cdnDir, 'hv-elements.js'), 'utf8');
  const classic = readFileSync(join(cdnDir, 'hv-elements.iife.js'), 'utf8');

  for (const [name, code] of [
    ['hv-elements.js', esModule],
    ['hv-elements.iife.js', classic],
  ]) {
    it(`${name}: Lit's production build, minified, no eval`, () => {
      assert.doesNotMatch(code, /Lit is in dev mode/);
      assert.doesNotMatch(code, /\beval\(|new Function\(/);
      assert.doesNotMatch(code, /^\s+(?:return|const|let|var|if \()/m, 'looks unminified');
    });
  }

  it('hv-elements.iife.js is a classic script that loads hv-elements.js beside it, and nothing else', () => {
    assert.doesNotMatch(classic, /\bimport\s*[{"'`]|\bimport\s+[\w{*]|^export\s/m);
    assert.deepEqual([...classic.matchAll(/\bimport\(/g)].length, 1);
    assert.match(classic, /new URL\(`hv-elements\.js`,\w+\.src\)/);
  });

  it('hv-elements.js: every chunk it imports, statically or not, is there', () => {
    assert.doesNotThrow(() => moduleGraph(cdnDir, 'hv-elements.js'));
  });
});
