/**
 * The kit sends a method's parameters as `<wc:info xmlns:wc="urn:com.microsoft.wc.methods.{Method}">…</wc:info>`
 * (src/core/platform/xml-write.ts); the platform request carries them in an unqualified `<info>`. Only the root
 * is in the method's namespace (the schemas leave elementFormDefault unqualified), so re-rooting keeps the
 * parameters' bytes as they came.
 */
import { requestNamespace } from '../core/platform/methods.js';
import { parseXmlWithoutDom } from '../transport/xml-reader.js';
import { requestInfo } from './wire.js';

/** The body is not the `<wc:info>` document of the method it was sent to. */
export class InvalidInfo extends Error {
  override readonly name = 'InvalidInfo';
}

const INFO_DOCUMENT =
  /^\s*(?:<\?xml[^?]*\?>\s*)?<([A-Za-z_][\w.-]*):info\s+xmlns:\1="([^"]*)"\s*(?:\/>|>([\s\S]*)<\/\1:info\s*>)\s*$/;

function wellFormed(xml: string): boolean {
  try {
    parseXmlWithoutDom(xml);
    return true;
  } catch {
    return false;
  }
}

/** The platform `<info>` element for `method`, from the kit's `<wc:info>` document. */
export function platformInfo(method: string, document: string): string {
  if (!wellFormed(document)) throw new InvalidInfo('The body is not well-formed XML.');
  const match = INFO_DOCUMENT.exec(document);
  if (!match || match[2] !== requestNamespace(method)) {
    throw new InvalidInfo(`The body must be one <wc:info xmlns:wc="${requestNamespace(method)}"> element.`);
  }
  const info = requestInfo(match[3] ?? '');
  // Parameters that used the root's prefix would lose its declaration here.
  if (!wellFormed(info)) throw new InvalidInfo("The parameters must not be in the method's namespace.");
  return info;
}
