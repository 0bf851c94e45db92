// Validates XML documents against the official HealthVault method schemas (xmllint-wasm, Node).
// The schemas are never copied into this repo: they are read from $HV_XSD_DIR (default ../shared/healthvault/xsd).
import { existsSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { validateXML } from 'xmllint-wasm';

export const xsdDir = resolve(process.env.HV_XSD_DIR ?? '../shared/healthvault/xsd');

/** True when the schema folder is there; the conformance tests skip loudly (or fail under CI) when it is not. */
export function schemasAvailable() {
  return existsSync(resolve(xsdDir, 'types.xsd'));
}

const cache = new Map();
function load(fileName) {
  if (!cache.has(fileName))
    cache.set(fileName, { fileName, contents: readFileSync(resolve(xsdDir, fileName), 'utf8') });
  return cache.get(fileName);
}

/** Every schema that `root` imports or includes, transitively, by schemaLocation. */
function imports(root) {
  const seen = new Set();
  const todo = [root];
  while (todo.length) {
    const file = todo.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    for (const match of load(file).contents.matchAll(/schemaLocation="([^"]+)"/g)) todo.push(match[1]);
  }
  seen.delete(root);
  return [...seen];
}

/**
 * @param {string} schema file name such as `response-getpersoninfo.xsd`
 * @param {string} xml the `<info>` / `<wc:info>` document in the method's namespace
 * @returns {Promise<{ valid: boolean, errors: string[] }>}
 */
export async function validateAgainstSchema(schema, xml) {
  const result = await validateXML({
    xml: [{ fileName: 'document.xml', contents: xml }],
    schema: [load(schema)],
    preload: imports(schema).map(load),
  });
  return { valid: result.valid, errors: result.errors.map((e) => e.message ?? e.rawMessage ?? String(e)) };
}
