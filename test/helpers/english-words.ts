import { expect, waitUntil } from '@open-wc/testing';
import { en } from '../../src/strings/en.js';
import { detailsWords } from '../../src/strings/en-details.js';
import { strings as englishFailures } from '../../src/strings/en-errors.js';
import { pickupWords } from '../../src/strings/en-pickup.js';
import { pickupProblemWords } from '../../src/strings/en-pickup-problems.js';
import { promptWords } from '../../src/strings/en-prompt.js';
import { promptSignIn } from '../../src/strings/en-prompt-sign-in.js';
import { recordWords } from '../../src/strings/en-records.js';
import { staffWords } from '../../src/strings/en-staff.js';
import { statusWords } from '../../src/strings/en-status.js';

/** Every English table of the kit, as one: the table each other language must match key for key. */
export const english = {
  ...en,
  ...statusWords,
  ...recordWords,
  ...detailsWords,
  ...promptWords,
  ...pickupWords,
  ...pickupProblemWords,
  ...staffWords,
  promptSignIn,
  ...englishFailures,
};

/** Stands for a function string's values, so that what a function says around them can be told apart. */
const VALUE = '\u0000';

/** What a string of a table says: itself, or each fixed piece a function string puts around its values. */
export function fixedPieces(word: unknown): string[] {
  if (typeof word === 'string') return [word];
  if (typeof word === 'function') {
    const said = [(word as (...values: string[]) => string)(VALUE, VALUE), (word as () => string)()];
    return said.flatMap((text) => text.split(VALUE));
  }
  return Object.values(word as object).flatMap(fixedPieces);
}

/** Each piece of English the kit can say that is a word at least ("." and ", " are not). */
const ENGLISH_PIECES = [...new Set(fixedPieces(english).map((piece) => piece.trim()))].filter((piece) =>
  /\p{L}/u.test(piece),
);

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
/** A piece found as itself: "read" is not the "read" of "creada". */
const asWhole = (piece: string) =>
  new RegExp(
    `${/^[\p{L}\p{N}]/u.test(piece) ? '(?<![\\p{L}\\p{N}])' : ''}${escape(piece)}${
      /[\p{L}\p{N}]$/u.test(piece) ? '(?![\\p{L}\\p{N}])' : ''
    }`,
    'u',
  );
const ENGLISH_PATTERNS = ENGLISH_PIECES.map((piece) => [piece, asWhole(piece)] as const);

/** Attributes whose text a person hears or sees as much as an element's own text. */
const SAID_ATTRIBUTES = ['aria-label', 'aria-description', 'aria-valuetext', 'title', 'placeholder', 'alt'];

/**
 * All that `el` shows or says: the text and spoken attributes of its shadow tree, through every element inside it
 * that has a shadow root of its own (the badge's buttons, the prompt's "Allow").
 */
export function saidBy(el: Element): string[] {
  const said: string[] = [];
  const visit = (node: Node) => {
    if (node instanceof Text) said.push(node.data);
    if (!(node instanceof Element)) return;
    if (node.localName === 'style') return;
    for (const name of SAID_ATTRIBUTES) if (node.hasAttribute(name)) said.push(node.getAttribute(name)!);
    if (node.shadowRoot) node.shadowRoot.childNodes.forEach(visit);
    node.childNodes.forEach(visit);
  };
  el.shadowRoot!.childNodes.forEach(visit);
  return said.map((text) => text.replace(/\s+/g, ' ').trim()).filter(Boolean);
}

/** The English pieces `el` shows or says (none, in another language). */
export function englishSaidBy(el: Element): string[] {
  const said = saidBy(el).join('\n');
  return ENGLISH_PATTERNS.filter(([, pattern]) => pattern.test(said)).map(([piece]) => piece);
}

/**
 * Fails when `el`, in `state`, shows or says any English of the kit's tables once its words have loaded (other
 * languages and some English parts load on first use), or says nothing at all.
 */
export async function expectNoEnglish(el: Element, state: string): Promise<void> {
  await waitUntil(() => englishSaidBy(el).length === 0, '', { timeout: 2000 }).catch(() => undefined);
  expect(englishSaidBy(el), `${state}: English shown`).to.deep.equal([]);
  expect(saidBy(el), `${state}: says nothing`).to.not.deep.equal([]);
}
