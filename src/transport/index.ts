// xml-reader.ts is deliberately not re-exported: browsers parse with their DOMParser, and bundles need not carry
// a second parser. Node callers import it from its own module.
export { KIT_REQUEST_HEADER, type HvProxy, type ProxyCallOptions, type ShellSignIn } from './proxy.js';
export { FetchProxy, type FetchProxyOptions } from './fetch-proxy.js';
export { parseXmlWithDom } from './dom-xml.js';
