/**
 * Schema validation for the simulator server, with the official HealthVault schemas from a folder (they are never
 * shipped: `$HV_XSD_DIR`, or `--xsd-dir`). Uses xmllint-wasm, a development dependency, loaded only when asked for.
 */
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { SchemaCheck } from './wire-platform.js';

/** Whether `dir` holds the official schemas (it has types.xsd). */
export function hasSchemas(dir: string): boolean {
  return existsSync(resolve(dir, 'types.xsd'));
}

/**
 * A {@link SchemaCheck} over the schemas in `dir`. A schema missing from the folder (a method without a response
 * schema) checks nothing. Needs the `xmllint-wasm` package.
 */
export async function schemaCheck(dir: string): Promise<SchemaCheck> {
  const { validateXML } = await import('xmllint-wasm');
  const files = new Map<string, { fileName: string; contents: string } | undefined>();
  const load = (fileName: string) => {
    if (!files.has(fileName)) {
      const path = resolve(dir, fileName);
      files.set(fileName, existsSync(path) ? { fileName, contents: readFileSync(path, 'utf8') } : undefined);
    }
    return files.get(fileName);
  };
  const imports = (root: string) => {
    const seen = new Set<string>();
    const todo = [root];
    while (todo.length) {
      const file = todo.pop()!;
      if (seen.has(file)) continue;
      seen.add(file);
      for (const match of (load(file)?.contents ?? '').matchAll(/schemaLocation="([^"]+)"/g)) todo.push(match[1]!);
    }
    seen.delete(root);
    return [...seen].flatMap((file) => load(file) ?? []);
  };
  return async (schema, xml) => {
    const root = load(schema);
    if (!root) return [];
    const result = await validateXML({
      xml: [{ fileName: 'document.xml', contents: xml }],
      schema: [root],
      preload: imports(schema),
    });
    return result.valid ? [] : result.errors.map((error) => error.message ?? error.rawMessage ?? String(error));
  };
}
