import { expect } from '@open-wc/testing';
import { strings as spanish } from '../../src/strings/es.js';
import { english, fixedPieces } from '../helpers/english-words.js';

/** Every key of a table, a failure word as `errors.<code>`. */
function keysOf(table: object): string[] {
  return Object.entries(table)
    .flatMap(([key, word]) =>
      typeof word === 'object' ? Object.keys(word as object).map((code) => `${key}.${code}`) : [key],
    )
    .sort();
}

const wordOf = (table: object, key: string): unknown =>
  key.startsWith('errors.')
    ? (table as { errors: Record<string, unknown> }).errors[key.slice('errors.'.length)]
    : (table as Record<string, unknown>)[key];

describe('string tables', () => {
  it('Spanish has every string English has, and no other', () => {
    expect(keysOf(spanish)).to.deep.equal(keysOf(english));
  });

  it('each Spanish string is of the same kind as its English one, and says something else', () => {
    for (const key of keysOf(english)) {
      const inEnglish = wordOf(english, key);
      const inSpanish = wordOf(spanish, key);
      expect(typeof inSpanish, key).to.equal(typeof inEnglish);
      if (typeof inEnglish === 'function') {
        expect((inSpanish as () => string).length, `${key} takes as many values`).to.equal(inEnglish.length);
      }
      const englishPieces = fixedPieces(inEnglish).join('|');
      expect(fixedPieces(inSpanish).join('|'), `${key} is translated`).to.not.equal(englishPieces);
    }
  });
});
