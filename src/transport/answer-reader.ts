// What reads a proxy's answer, loaded with the first answer there is to read: a first visit, which the proxy
// answers "signed out" (HTTP 204, no content), never downloads it. Every page's first answer is GetPersonInfo's: its decoder
// comes in the same file (GetPersonInfo's `decode` imports it), instead of after this one.
export { parseXmlWithDom } from './dom-xml.js';
export { successInfo } from '../core/platform/response.js';
export { decodePersonInfo } from '../core/platform/methods/person-info-decode.js';
// Imported by the decoder too: named here so that it comes beside this file instead of after the decoder.
export { decodeThingTypePermission } from '../core/platform/methods/thing-type-permission.js';
