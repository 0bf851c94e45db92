// hv-elements/sim-server: the simulated HealthVault over HTTP (Node only; `npx hv-elements-sim`).
export { readEnvelope, type Envelope, type EnvelopeAuth, type EnvelopeReading } from './envelope.js';
export { createSimServer, parseFault, type PlatformFault, type SimServer, type SimServerOptions } from './server.js';
export { SHELL_PATH, shellPage, type ShellAnswer } from './shell-pages.js';
export {
  createWirePlatform,
  type RegisteredCredential,
  type SchemaCheck,
  type WirePlatform,
  type WirePlatformOptions,
} from './wire-platform.js';
export { hasSchemas, schemaCheck } from './xsd.js';
export { DEMO_APP_ID, SCENARIO_NAMES, type ScenarioName } from '../mock/scenarios.js';
