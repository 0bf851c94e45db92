import { codeLoadFailure } from '../../errors.js';
import type { MethodDescriptor } from '../method-descriptor.js';
import { Methods } from '../methods.js';
import { infoXml, xmlElement, type XmlFragment } from '../xml-write.js';
import type { RecordInfo } from './get-authorized-records.js';
import type { ThingTypePermission } from './query-permissions.js';

export interface GetPersonInfoOptions {
  /** Also return the groups the person belongs to. */
  groupMembership?: boolean;
  /** Also return the application's effective permissions on each record. */
  effectiveRecordPermissions?: boolean;
}

/** `wc-types:Culture`: `language` holds `en-US` in some answers, `en` plus a separate `country` in others. */
export interface Culture {
  language?: string;
  country?: string;
}

export interface PersonGroup {
  id: string;
  name: string;
  contactEmail: string;
}

export interface EffectiveRecordPermission {
  recordId: string;
  permissions: ThingTypePermission[];
}

/** The signed-in person as the application sees them (`wc-types:PersonInfo`), ids pseudonymous per application. */
export interface PersonInfo {
  personId: string;
  name: string;
  /** The record the person picked for this application at sign-in. */
  selectedRecordId?: string;
  /** True when the person has more authorized records than the response lists. */
  moreRecords: boolean;
  records: RecordInfo[];
  groups: PersonGroup[];
  preferredCulture?: Culture;
  preferredUiCulture?: Culture;
  location?: { country: string; stateProvince?: string };
  effectiveRecordPermissions: EffectiveRecordPermission[];
}

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
