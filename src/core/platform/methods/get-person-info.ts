import { codeLoadFailure } from '../../errors.js';
import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml, xmlElement, type XmlFragment } from '../xml-write.js';
import type { PersonInfo } from './person-info.js';

export interface GetPersonInfoOptions {
  /** Also return the groups the person belongs to. */
  groupMembership?: boolean;
  /** Also return the application's effective permissions on each record. */
  effectiveRecordPermissions?: boolean;
}

export type { Culture, EffectiveRecordPermission, PersonGroup, PersonInfo } from './person-info.js';

/** The `<info>` of GetPersonInfo. */
export function getPersonInfoRequest(options: GetPersonInfoOptions = {}): string {
  const flags: XmlFragment[] = [];
  if (options.groupMembership !== undefined) {
    flags.push(xmlElement('group-membership', String(options.groupMembership)));
  }
  if (options.effectiveRecordPermissions !== undefined) {
    flags.push(xmlElement('effective-record-permissions', String(options.effectiveRecordPermissions)));
  }
  return infoXml(Methods.GetPersonInfo, flags);
}

/** The signed-in person and their records as this application sees them. */
export const getPersonInfo: MethodDescriptor<GetPersonInfoOptions | undefined, PersonInfo> = {
  name: Methods.GetPersonInfo,
  version: 1,
  readOnly: true,
  buildInfo: (options) => getPersonInfoRequest(options),
  // Every page asks this on load, and a first visit is answered "signed out": the decoder loads with an answer.
  decode: (info) =>
    import('./person-info-decode.js').then(
      ({ decodePersonInfo }) => decodePersonInfo(info),
      (cause: unknown) => {
        throw codeLoadFailure(cause);
      },
    ),
};
