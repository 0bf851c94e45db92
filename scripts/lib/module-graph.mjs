// Which files an ES module of the cdn build loads, read from the minified code as Rolldown writes it: static
// imports hoisted to the top (`import{t as e}from"./chunks/x.js";`, `import"./x.js";`), dynamic ones as
// import(`./chunks/y.js`).
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const staticImport = /\b(?:import|export)\s*(?:[\w$*{}\s,]+?\s*from\s*)?["'](\.{1,2}\/[^"']+)["']/g;
const dynamicImport = /\bimport\(\s*["'`](\.{1,2}\/[^"'`]+)["'`]\s*\)/g;

/**
 * @param {string} dir the build's folder
 * @param {string} entry the entry file, relative to `dir`
 * @returns {{ eager: string[], lazy: string[] }} files relative to `dir`: `eager` (the entry first) load before the
 *   entry runs; `lazy` only once a dynamic import() runs. Throws when an imported file is missing.
 */
export function moduleGraph(dir, entry) {
  const imports = new Map();
  const importsOf = (file, importer) => {
    if (!imports.has(file)) {
      if (!existsSync(join(dir, file))) throw new Error(`${file}, imported by ${importer}, is missing from ${dir}`);
      const code = readFileSync(join(dir, file), 'utf8');
      const resolved = (pattern) => [...code.matchAll(pattern)].map(([, specifier]) => join(dirname(file), specifier));
      imports.set(file, { static: resolved(staticImport), dynamic: resolved(dynamicImport) });
    }
    return imports.get(file);
  };
  /** `roots` ([file, importer] pairs) and everything they import statically. */
  const staticClosure = (roots) => {
    const files = [];
    const visit = (file, importer) => {
      if (files.includes(file)) return;
      files.push(file);
      for (const imported of importsOf(file, importer).static) visit(imported, file);
    };
    for (const [file, importer] of roots) visit(file, importer);
    return files;
  };

  const eager = staticClosure([[entry, 'the page']]);
  const lazy = [];
  for (let reached = eager; reached.length;) {
    const roots = reached.flatMap((file) => imports.get(file).dynamic.map((imported) => [imported, file]));
    reached = staticClosure(roots).filter((file) => !eager.includes(file) && !lazy.includes(file));
    lazy.push(...reached);
  }
  return { eager, lazy };
}
