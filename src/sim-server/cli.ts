#!/usr/bin/env node
/**
 * `npx hv-elements-sim`: the simulated HealthVault (platform and Shell) on loopback, for a proxy to talk to.
 *
 *   hv-elements-sim [--port 8091] [--scenario new-user] [--action-url http://127.0.0.1:8080/]
 *                   [--public-key app-public.pem --thumbprint HEX | --write-key app-key.pem]
 *                   [--xsd-dir DIR | --no-xsd] [--app-session-minutes 240]
 *
 * Without --public-key it makes a key pair for the demo application and writes its private key (PEM, mode 0600)
 * where --write-key says (a file in the system's temporary folder by default), for the proxy to sign with.
 */
import { createHash, createPublicKey, generateKeyPairSync } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { DEMO_APP_ID, isScenarioName, SCENARIO_NAMES } from '../mock/scenarios.js';
import { createSimServer } from './server.js';
import { hasSchemas, schemaCheck } from './xsd.js';

/** A thumbprint for a bare public key: SHA-1 of its SubjectPublicKeyInfo (a certificate's would cover the whole DER). */
export function publicKeyThumbprint(publicKeyPem: string): string {
  const der = createPublicKey(publicKeyPem).export({ type: 'spki', format: 'der' });
  return createHash('sha1').update(der).digest('hex').toUpperCase();
}

const { values } = parseArgs({
  options: {
    port: { type: 'string', default: '8091' },
    host: { type: 'string', default: '127.0.0.1' },
    scenario: { type: 'string', default: 'new-user' },
    'action-url': { type: 'string' },
    'app-id': { type: 'string', default: DEMO_APP_ID },
    'public-key': { type: 'string' },
    thumbprint: { type: 'string' },
    'write-key': { type: 'string' },
    'xsd-dir': { type: 'string' },
    'no-xsd': { type: 'boolean', default: false },
    'app-session-minutes': { type: 'string' },
    quiet: { type: 'boolean', default: false },
    help: { type: 'boolean', default: false },
  },
});

if (values.help) {
  console.log(`hv-elements-sim: the simulated HealthVault on loopback.
  --port N                 (8091; 0 for any free port)
  --scenario NAME          one of: ${SCENARIO_NAMES.join(', ')}
  --action-url URL         the demo application's registered action URL
  --public-key FILE        the application's public key (PEM), with --thumbprint HEX
  --write-key FILE         where to write the generated private key (without --public-key)
  --xsd-dir DIR            validate every <info> in and out against the official schemas ($HV_XSD_DIR)
  --no-xsd                 do not validate
  --app-session-minutes N  app session lifetime (240)`);
  process.exit(0);
}

if (!isScenarioName(values.scenario)) {
  console.error(`Unknown scenario "${values.scenario}"; one of ${SCENARIO_NAMES.join(', ')}.`);
  process.exit(2);
}

const appId = values['app-id'];
let publicKey: string;
let thumbprint: string;
let keyFile: string | undefined;
if (values['public-key']) {
  publicKey = readFileSync(values['public-key'], 'utf8');
  thumbprint = values.thumbprint ?? publicKeyThumbprint(publicKey);
} else {
  const pair = generateKeyPairSync('rsa', { modulusLength: 2048 });
  publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }) as string;
  thumbprint = publicKeyThumbprint(publicKey);
  keyFile = resolve(values['write-key'] ?? resolve(tmpdir(), `hv-elements-sim-${appId}.pem`));
  writeFileSync(keyFile, pair.privateKey.export({ type: 'pkcs8', format: 'pem' }) as string, { mode: 0o600 });
}

const xsdDir = values['xsd-dir'] ?? process.env['HV_XSD_DIR'] ?? '../shared/healthvault/xsd';
const validate = !values['no-xsd'] && hasSchemas(xsdDir);
const minutes = values['app-session-minutes'] === undefined ? undefined : Number(values['app-session-minutes']);

const sim = createSimServer({
  scenario: values.scenario,
  credentials: [{ appId, publicKey, thumbprint }],
  ...(values['action-url'] ? { demoActionUrl: values['action-url'] } : {}),
  ...(minutes === undefined ? {} : { appSessionLifetimeMs: minutes * 60_000 }),
  ...(validate ? { schemas: await schemaCheck(xsdDir) } : {}),
  log: values.quiet ? () => {} : (line) => console.log(line),
});
const origin = await sim.listen(Number(values.port), values.host);
console.log(`hv-elements-sim on ${origin} (scenario ${values.scenario})
  platform:  ${origin}/platform/wildcat.ashx
  Shell:     ${origin}/shell   (hv-config shell="${origin}/shell")
  control:   GET ${origin}/sim/state; POST JSON to /sim/scenario, /sim/fault, /sim/expire-app-sessions, /sim/advance-clock
  app:       ${appId}, thumbprint ${thumbprint}${keyFile ? `\n  key:       ${keyFile} (the private key for createPlatformClient)` : ''}
  schemas:   ${validate ? `every <info> checked against ${resolve(xsdDir)}` : 'not checked (no --xsd-dir)'}`);

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => void sim.close().then(() => process.exit(0)));
}
