import { responseNamespace } from '../../../src/core/platform/methods.js';
import { decodeResponse } from '../../../src/core/platform/platform-error.js';
import type { XmlNode } from '../../../src/core/platform/xml-node.js';
import { parseXmlWithDom } from '../../../src/transport/dom-xml.js';

/** A response `<wc:info>` for `method` around `content`: the document the response schemas validate. */
export function responseInfo(method: string, content: string): string {
  return `<wc:info xmlns:wc="${responseNamespace(method)}">${content}</wc:info>`;
}

/** The whole response document as the proxy relays it: status 0 and the info. */
export function responseDocument(info: string): string {
  return `<response><status><code>0</code></status>${info}</response>`;
}

/** The `<info>` node a decoder receives for the response `info` of `method`. */
export function decodedInfo(method: string, info: string): XmlNode | undefined {
  return decodeResponse(method, parseXmlWithDom(responseDocument(info)));
}

/** Runs `run` and returns what it threw (fails when it throws nothing). */
export function thrown(run: () => unknown): Error {
  try {
    run();
  } catch (error) {
    return error as Error;
  }
  throw new Error('expected an error, none was thrown');
}
