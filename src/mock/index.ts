/**
 * `hv-elements/mock`: a simulated HealthVault platform for demos and tests. It runs in the browser and in Node;
 * the browser-only parts (localStorage, the MSW service worker) are in `hv-elements/mock/browser`.
 */
export { createClock, type Clock } from './clock.js';
export { authAction, supportsRecordLocation, type SimAppRecordAuthAction } from './authorization.js';
export { createHandlers, type HandlerOptions } from './handlers.js';
export { NEVER_EXPIRES } from './platform-methods.js';
export {
  buildScenario,
  DEMO_ACTION_URL,
  DEMO_APP_ID,
  isScenarioName,
  OTHER_APP_ID,
  SCENARIO_NAMES,
  SCENARIOS,
  THING_TYPE_NAMES,
  ThingType,
  type ScenarioName,
  type ScenarioOptions,
} from './scenarios.js';
export {
  afterSignIn,
  approve,
  INSTANCE_ID,
  invalidRecordUrl,
  isAllowedReturnUrl,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  selectedRecordChangedUrl,
  successUrl,
  type Approval,
  type AuthorizationPage,
  type NextStep,
  type OpenedRequest,
  type SimShellRequest,
} from './shell-flow.js';
export {
  createSimulator,
  DEFAULT_USER_TOKEN_LIFETIME_MS,
  type ApplicationSummary,
  type AuthorizeRequest,
  type PersonSummary,
  type SimPlatformCall,
  type RecordChoice,
  type ShellApi,
  type Simulator,
  type SimulatorOptions,
} from './simulator.js';
export {
  DisplayFlag,
  memoryStore,
  type SimLocation,
  type SimProxyCondition,
  type SimulatorState,
  type SimStateStore,
} from './state.js';
