// hv-elements/proxy: the backend the elements call, for Node. Never imported by the browser entries.
export {
  createProxyHandler,
  PATIENT_METHODS,
  STAFF_METHODS,
  type ProxyHandler,
  type ProxyHandlerOptions,
  type ProxyMethod,
} from './handler.js';
export {
  createPlatformClient,
  UpstreamFailure,
  UpstreamTimeout,
  type CallFor,
  type PlatformCall,
  type PlatformClient,
  type PlatformOptions,
} from './platform.js';
export { callAsOfflinePerson, type OfflineCall } from './offline.js';
export { InvalidInfo, platformInfo } from './info-document.js';
export { RedisSessionStore, RedisError, type RedisStoreOptions } from './redis-store.js';
export { seal, sealingKey, unseal, type SessionData, type SessionStore } from './sessions.js';
export { appSessionFromResponse, responseStatus, UnreadableResponse, type AppSession } from './platform-response.js';
export {
  certificateThumbprint,
  credentialContent,
  headerHmac,
  infoHash,
  requestEnvelope,
  requestHeader,
  requestInfo,
  sessionTokenInfo,
  signContent,
  type AppCredential,
  type RequestAuth,
  type RequestHeader,
} from './wire.js';
