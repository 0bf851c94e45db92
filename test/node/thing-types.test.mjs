// src/core/platform/thing-types.ts is generated from the official HealthVault schemas (`npm run thing-types`) and
// committed, since the schemas are not. It must be what the schemas give today, and its lookup must find the
// types the kit names. Reads the committed module itself (compiled here), so no build is needed.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { it } from 'node:test';
import ts from 'typescript';
import { generateThingTypes, outputFile } from '../../scripts/generate-thing-types.mjs';
import { schemasAvailable, xsdDir } from '../../scripts/lib/xsd.mjs';

const committed = readFileSync(outputFile, 'utf8');

/** The committed module, compiled to JavaScript and imported. */
async function importCommitted() {
  const { outputText } = ts.transpileModule(committed, {
    compilerOptions: { module: ts.ModuleKind.ESNext, target: ts.ScriptTarget.ES2022 },
  });
  return import(`data:text/javascript;base64,${Buffer.from(outputText).toString('base64')}`);
}

it('thing-types.ts is what the schemas give (else: npm run thing-types)', async () => {
  if (!schemasAvailable()) {
    // Without the schemas freshness is unknown: fail under CI, say so loudly elsewhere.
    assert.ok(!process.env.CI, `HealthVault schemas not found in ${xsdDir}: set HV_XSD_DIR`);
    console.warn(`!!! schemas not found in ${xsdDir}: thing-types.ts NOT checked against them (set HV_XSD_DIR)`);
    return;
  }
  assert.equal(committed, await generateThingTypes());
});

it('names well-known thing types as their schemas do, whatever the case of the id', async () => {
  const { THING_TYPE_NAMES, thingTypeName } = await importCommitted();
  const wellKnown = {
    '30cafccc-047d-4288-94ef-643571f7919d': 'Medication',
    '52bf9104-2c5e-4f1f-a66d-552ebcc53df7': 'Allergy',
    '3d34d87e-7fc1-4153-800f-f56592cb0d17': 'Weight',
    '40750a6a-89b2-455c-bd8d-b420a4cb500b': 'Height',
    'ca3c57f4-f4c1-4e15-be67-0a3caf5414ed': 'Blood pressure',
    '7ea7a1f9-880b-4bd4-b593-f5660f20eda8': 'Condition',
  };
  for (const [id, name] of Object.entries(wellKnown)) {
    assert.equal(thingTypeName(id), name, id);
    assert.equal(thingTypeName(id.toUpperCase()), name, id.toUpperCase());
  }
  // Schemas spell some ids in upper case (Sleep session's); the table's keys are all lower case.
  assert.equal(thingTypeName('11c52484-7f1a-11db-aeac-87d355d89593'), 'Sleep session');
  assert.ok(Object.keys(THING_TYPE_NAMES).every((id) => id === id.toLowerCase()));
  assert.ok(Object.isFrozen(THING_TYPE_NAMES));
});

it('knows nothing of ids the schemas do not document, nor of Object.prototype', async () => {
  const { thingTypeName } = await importCommitted();
  assert.equal(thingTypeName('00000000-0000-0000-0000-000000000000'), undefined);
  assert.equal(thingTypeName('constructor'), undefined);
  assert.equal(thingTypeName('__proto__'), undefined);
});
