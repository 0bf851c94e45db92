/** Identifiers and secrets of the simulated platform, from WebCrypto (present in browsers and in Node ≥ 19). */

export { isGuid } from '../core/guid.js';

export function randomGuid(): string {
  return crypto.randomUUID();
}

/**
 * A new user auth token. Standard base64 on purpose: real `wctoken`s contain `+`, `/` and `=`, so whoever carries
 * it through URLs has to encode it properly.
 */
export function randomUserToken(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(64));
  return btoa(String.fromCharCode(...bytes));
}

/** Lower-case hex SHA-256 of `value`: how the simulator remembers a token without keeping the token. */
export async function sha256Hex(value: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(value));
  return Array.from(new Uint8Array(digest), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/** A random reference in the same shape as a token hash, for sessions whose token nobody holds (scenarios). */
export function randomTokenReference(): string {
  return Array.from(crypto.getRandomValues(new Uint8Array(32)), (byte) => byte.toString(16).padStart(2, '0')).join('');
}

/**
 * Consonants only, Y included: the documented codes (`JKYZ-QNMN-VHRX-ZGNR-GZNH`, `JKXF-JRMX-ZKZM-KGZM-RKKX`) have
 * no vowel, which also keeps a random code from spelling words. The real alphabet is undocumented (reference §6.2).
 */
const IDENTITY_CODE_LETTERS = 'BCDFGHJKLMNPQRSTVWXYZ';

/** A new identity code of `length` letters, without dashes. */
export function randomIdentityCode(length: number): string {
  let code = '';
  // Bytes from 252 up are dropped so that every letter is equally likely (252 = 12 × 21).
  const limit = 256 - (256 % IDENTITY_CODE_LETTERS.length);
  while (code.length < length) {
    for (const byte of crypto.getRandomValues(new Uint8Array(length))) {
      if (byte < limit && code.length < length) code += IDENTITY_CODE_LETTERS[byte % IDENTITY_CODE_LETTERS.length];
    }
  }
  return code;
}
