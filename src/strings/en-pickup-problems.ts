/**
 * What `<hv-pickup-code-entry>` says of a code it cannot use, in English. Apart from its other words: they load
 * with the code reading, once a person starts entering a code.
 */
export const pickupProblemWords = {
  'code.not-a-letter': (character: string) => `An identity code has letters only: “${character}” is not one.`,
  'code.too-short': (count: number) => `That is ${count} of the 20 letters of an identity code.`,
  'code.too-long': (count: number) => `That is ${count} letters: an identity code has 20.`,
  'code.link-without-code': 'This link has no identity code in it. Paste the whole link, or type the 20 letters.',
};
