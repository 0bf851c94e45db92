import { HvError } from '../../src/core/errors.js';
import type { XmlNode } from '../../src/core/platform/xml-node.js';
import type { HvProxy, ProxyCallOptions, ShellSignIn } from '../../src/transport/proxy.js';

/** Builds an XmlNode: `xml('name', [children])`, `xml('name', 'text')`, with optional attributes. */
export function xml(name: string, content: XmlNode[] | string = [], attributes: Record<string, string> = {}): XmlNode {
  return typeof content === 'string'
    ? { name, attributes, children: [], text: content }
    : { name, attributes, children: content, text: '' };
}

export const PERSON_ID = '6f2b0a44-1b7c-4e8a-9d61-2f3e4a5b6c7d';
export const RECORD_ID = '0c1d2e3f-4a5b-4c6d-8e7f-9a0b1c2d3e4f';

/** The `<wc:info>` of a GetPersonInfo answer for one person with one record. */
export function personInfoNode(name = 'Jane Doe'): XmlNode {
  return xml('info', [
    xml('person-info', [
      xml('person-id', PERSON_ID),
      xml('name', name),
      xml('selected-record-id', RECORD_ID),
      xml('record', name, {
        id: RECORD_ID,
        'record-custodian': 'true',
        'rel-type': '1',
        'rel-name': 'Self',
        'auth-expires': '9999-12-31T23:59:59.999Z',
        'auth-expired': 'false',
        'display-name': name.split(' ')[0],
        state: 'Active',
        'app-record-auth-action': 'NoActionRequired',
      }),
    ]),
  ]);
}

/**
 * A proxy that records what it is asked and answers from a script, as a backend does: until a token is handed to
 * it (or `signedIn` is set), nobody is signed in and every call is refused as the contract says (HTTP 204, no content).
 */
export class FakeProxy implements HvProxy {
  readonly signIns: ShellSignIn[] = [];
  readonly calls: { method: string; info: string; options?: ProxyCallOptions }[] = [];
  failSignIn?: Error;
  signedIn = false;

  constructor(private readonly answer: (method: string) => XmlNode | undefined = () => personInfoNode()) {}

  async signIn(token: ShellSignIn): Promise<void> {
    if (this.failSignIn) throw this.failSignIn;
    this.signIns.push(token);
    this.signedIn = true;
  }

  async call(method: string, info: string, options?: ProxyCallOptions): Promise<XmlNode | undefined> {
    this.calls.push({ method, info, options });
    if (!this.signedIn) throw new HvError('signed-out', 'The fake proxy holds no sign-in (HTTP 204, no content).');
    return this.answer(method);
  }
}
