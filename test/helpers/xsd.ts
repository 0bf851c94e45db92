import { executeServerCommand } from '@web/test-runner-commands';
import { expect } from '@open-wc/testing';

interface SchemaProbe {
  available: boolean;
  dir: string;
  ci: boolean;
}

let probe: Promise<SchemaProbe> | undefined;

/**
 * Resolves true when the official schemas can be read. When they are absent it says so loudly, and under CI
 * it fails: a conformance test that silently passes without its schemas proves nothing.
 */
export async function schemasReady(context: Mocha.Context): Promise<boolean> {
  probe ??= executeServerCommand<SchemaProbe, { probe: true }>('hv-xsd', { probe: true }) as Promise<SchemaProbe>;
  const { available, dir, ci } = await probe;
  if (available) return true;
  const message = `HealthVault schemas not found in ${dir}: set HV_XSD_DIR to the folder of the official XSDs`;
  console.warn(`\n!!! ${message} — XSD conformance NOT checked !!!\n`);
  if (ci) throw new Error(message);
  context.skip();
  return false;
}

/** Asserts that `xml` validates against `schema` (a file name such as `response-getpersoninfo.xsd`). */
export async function expectValid(schema: string, xml: string): Promise<void> {
  const result = (await executeServerCommand('hv-xsd', { schema, xml })) as { valid: boolean; errors: string[] };
  expect(result.errors, `${schema}:\n${xml}`).to.deep.equal([]);
  expect(result.valid).to.equal(true);
}
