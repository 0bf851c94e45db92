// fxp-xml.ts is deliberately not re-exported: it pulls fast-xml-parser into browser bundles, which use the
// DOMParser. Node callers import it from its own module.
export type { HvProxy, ProxyCallOptions, ShellSignIn } from './proxy.js';
export { FetchProxy, type FetchProxyOptions } from './fetch-proxy.js';
export { parseXmlWithDom } from './dom-xml.js';
