import { randomGuid } from './ids.js';
import type { Pseudonyms, SimulatorState } from './state.js';

/**
 * Per-application pseudonymous ids (reference §4): the same person or record seen through two applications has
 * two unrelated GUIDs, so applications cannot correlate people. Each is handed out the first time an application
 * sees the person or record and stays the same afterwards.
 */

function pseudonymsOf(state: SimulatorState, appId: string): Pseudonyms {
  return (state.pseudonyms[appId] ??= { people: {}, records: {} });
}

/** The person id application `appId` knows `personId` by. */
export function appPersonId(state: SimulatorState, appId: string, personId: string): string {
  return (pseudonymsOf(state, appId).people[personId] ??= randomGuid());
}

/** The record id application `appId` knows `recordId` by. */
export function appRecordId(state: SimulatorState, appId: string, recordId: string): string {
  return (pseudonymsOf(state, appId).records[recordId] ??= randomGuid());
}

/** The internal record behind the id `appFacingId` that application `appId` was given, if it was given one. */
export function internalRecordId(state: SimulatorState, appId: string, appFacingId: string): string | undefined {
  const wanted = appFacingId.toLowerCase();
  const records = state.pseudonyms[appId]?.records ?? {};
  return Object.keys(records).find((recordId) => records[recordId]!.toLowerCase() === wanted);
}
