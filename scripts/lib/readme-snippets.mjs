// Snippets README.md gives partners, read from README itself so that what the tests and the bench use is what a
// partner copies.
import { readFileSync } from 'node:fs';

const readme = () => readFileSync(new URL('../../README.md', import.meta.url), 'utf8');

/** README's CSS that reserves the elements' boxes until the script has run (its `:not(:defined)` rules). */
export function reserveBoxRules() {
  const block = [...readme().matchAll(/```css\n([\s\S]*?)```/g)]
    .map(([, css]) => css)
    .find((css) => css.includes(':not(:defined)'));
  if (!block) throw new Error('README.md has no CSS block with the :not(:defined) rules');
  return block;
}
