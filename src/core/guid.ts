const GUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** True for a GUID in its usual 8-4-4-4-12 hexadecimal form (any letter case, no braces), as `wc-types:guid`. */
export function isGuid(value: string): boolean {
  return GUID.test(value);
}
