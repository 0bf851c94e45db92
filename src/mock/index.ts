/**
 * `hv-elements/mock`: a simulated HealthVault platform for demos and tests. It runs in the browser and in Node;
 * the browser-only parts (localStorage, the MSW service worker) are in `hv-elements/mock/browser`.
 */
export { createClock, type Clock } from './clock.js';
export { authAction, supportsRecordLocation, type SimAppRecordAuthAction } from './authorization.js';
export {
  ANSWER_ATTEMPTS,
  PICKUP_PERIOD_MS,
  VALIDATED_RETENTION_MS,
  type CodeProblem,
  type CodeRefusal,
  type SimConnectRequestStatus,
  type SimPackageStatus,
  type WrongAnswer,
} from './connect-requests.js';
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
  acceptStep,
  answerStep,
  codeFailureUrl,
  codeRejectUrl,
  connectedUrl,
  openCode,
  pickedUpUrl,
  pickUpStep,
  type AnswerStep,
  type CodeError,
  type CodeStep,
  type DoneStep,
  type OpenedCode,
  type WrongAnswerStep,
} from './shell-code-flow.js';
export {
  afterSignIn,
  appPageLinks,
  approve,
  authorizationPage,
  errorReturnUrl,
  failureUrl,
  INSTANCE_ID,
  INSTANCE_ID_PARAM,
  invalidRecordUrl,
  isAllowedReturnUrl,
  isCodeRequest,
  openShellRequest,
  parseShellRequest,
  rejectUrl,
  selectedRecordChangedUrl,
  shellWordsFor,
  successUrl,
  tokenPost,
  type AppPageLinks,
  type Approval,
  type AuthorizationPage,
  type NextStep,
  type OpenedRequest,
  type SimCodeRequest,
  type SimShellRequest,
  type TokenPost,
} from './shell-flow.js';
export { SHELL_WORDS, shellLanguageOf, type ShellLanguage, type ShellWords } from './shell-words.js';
export {
  createSimulator,
  DEFAULT_USER_TOKEN_LIFETIME_MS,
  type AcceptConnectRequest,
  type ApplicationSummary,
  type AuthorizeRequest,
  type PersonSummary,
  type PickUpPackage,
  type SimAnswerCheck,
  type SimAnsweredCode,
  type SimCodeCheck,
  type SimCodeQuestion,
  type SimConnectRequestSummary,
  type SimPackageSummary,
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
  type SimThing,
  type SimProxyCondition,
  type SimulatorState,
  type SimStateStore,
} from './state.js';
