// fxp-xml.ts is deliberately not re-exported: it pulls fast-xml-parser into browser bundles, which use the
// DOMParser. Node callers import it from its own module.
export { KIT_REQUEST_HEADER, type HvProxy, type ProxyCallOptions, type ShellSignIn } from './proxy.js';
export { FetchProxy, type FetchProxyOptions } from './fetch-proxy.js';
export { parseXmlWithDom } from './dom-xml.js';
