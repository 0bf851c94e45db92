// What GetPersonInfo answers, as types: shared by the request side and the decoder, which loads apart.
import type { RecordInfo } from './get-authorized-records.js';
import type { ThingTypePermission } from './query-permissions.js';

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
