import { platformInfo } from './info-document.js';
import type { PlatformClient } from './platform.js';

export interface OfflineCall {
  method: string;
  /** The method's `<wc:info>` document, as the kit's request builders make it (`getPersonInfoRequest()`). */
  info: string;
  /** The person's id for this application: from an authorized connect request or a connection. */
  offlinePersonId: string;
  recordId?: string;
  version?: number;
}

/**
 * Calls a method for a person who is not signed in (HealthVault's "offline" access: the application's session
 * with `offline-person-info`), as a host's background job does. Resolves with the platform's response document;
 * read it with the kit's decoders and `parseXmlWithoutDom`.
 */
export function callAsOfflinePerson(platform: PlatformClient, call: OfflineCall): Promise<string> {
  return platform.call({
    method: call.method,
    version: call.version,
    recordId: call.recordId,
    info: platformInfo(call.method, call.info),
    for: { offlinePersonId: call.offlinePersonId },
  });
}
