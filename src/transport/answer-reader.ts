// What reads a proxy's answer, loaded with the first answer there is to read: a first visit, which the proxy
// answers "signed out" (HTTP 401), never downloads it.
export { parseXmlWithDom } from './dom-xml.js';
export { successInfo } from '../core/platform/response.js';
