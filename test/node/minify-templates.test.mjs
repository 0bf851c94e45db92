// The cdn build's template minifier: what it collapses, and what it must leave as written.
import assert from 'node:assert/strict';
import { it } from 'node:test';
import { minifyCssTemplates, minifyHtmlTemplates } from '../../scripts/lib/minify-templates.mjs';

it('collapses each line break of html and svg templates, with its indentation, into one space', () => {
  const source =
    'const a = html`<a\n    part="button"\n    href=${href}\n  >${label}</a\n>`;\nsvg`<g>\n  <path></path>\n</g>`;';
  assert.equal(
    minifyHtmlTemplates(source),
    'const a = html`<a part="button" href=${href} >${label}</a >`;\nsvg`<g> <path></path> </g>`;',
  );
});

it('leaves expressions, other templates and code outside templates as written, nested html templates collapsed', () => {
  const source =
    'const b = `not\n  html`;\nconst c = html`<p>\n  ${ok ? html`<b>\n  yes</b>` : `plain\n  text`}\n</p>`;\nfoo(\n  1,\n);';
  assert.equal(
    minifyHtmlTemplates(source),
    'const b = `not\n  html`;\nconst c = html`<p> ${ok ? html`<b> yes</b>` : `plain\n  text`} </p>`;\nfoo(\n  1,\n);',
  );
});

it('keeps the space before a colon in css, which can be a descendant combinator', () => {
  assert.equal(
    minifyCssTemplates('css`\n  :host :focus-visible {\n    outline: 0.1875rem solid;\n  }\n`'),
    'css`:host :focus-visible{outline:.1875rem solid}`',
  );
});
