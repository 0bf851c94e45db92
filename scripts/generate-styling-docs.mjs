// README's styling reference per element (CSS custom properties with their defaults, parts, custom states, slots),
// generated from custom-elements.json between `<!-- styling hv-… -->` and `<!-- /styling -->`.
// `npm run manifest` rewrites it; `--check` (test/node/manifest.test.mjs) fails when README no longer matches.
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import prettier from 'prettier';

const readmePath = fileURLToPath(new URL('../README.md', import.meta.url));
const manifestPath = fileURLToPath(new URL('../custom-elements.json', import.meta.url));
const block = /(<!-- styling (hv-[a-z-]+) -->\n)[\s\S]*?(<!-- \/styling -->)/g;

const code = (text) => `\`${text}\``;
const cell = (text = '') => text.replace(/\s+/g, ' ').replace(/\|/g, '\\|');

function table(heading, rows) {
  if (rows.length === 0) return '';
  const columns = rows[0].length;
  return [
    `| ${heading.join(' | ')} |`,
    `| ${Array(columns).fill('---').join(' | ')} |`,
    ...rows.map((row) => `| ${row.map(cell).join(' | ')} |`),
    '',
  ].join('\n');
}

/** The styling reference of one element, as Markdown. */
export function stylingReference(declaration) {
  const properties = declaration.cssProperties ?? [];
  return [
    table(
      ['CSS custom property', 'Default', 'Styles'],
      properties.map((p) => [code(p.name), p.default ? code(p.default) : '', p.description]),
    ),
    table(
      ['Part', 'Is'],
      (declaration.cssParts ?? []).map((p) => [code(p.name), p.description]),
    ),
    table(
      ['Custom state', 'When'],
      (declaration.cssStates ?? []).map((s) => [code(`:state(${s.name})`), s.description]),
    ),
    table(
      ['Slot', 'Holds'],
      (declaration.slots ?? []).map((s) => [s.name ? code(s.name) : '(default)', s.description]),
    ),
  ]
    .filter(Boolean)
    .join('\n');
}

/** README with every styling block rewritten from the manifest, formatted as `npm run lint` wants. */
export async function readmeWithStyling(readme, manifest) {
  const declarations = new Map(
    manifest.modules.flatMap((module) => module.declarations ?? []).map((d) => [d.tagName, d]),
  );
  const rewritten = readme.replace(block, (_, start, tag, end) => {
    const declaration = declarations.get(tag);
    if (!declaration) throw new Error(`README has a styling block for ${tag}, which the manifest does not know`);
    return `${start}\n${stylingReference(declaration)}\n${end}`;
  });
  return prettier.format(rewritten, { ...(await prettier.resolveConfig(readmePath)), filepath: readmePath });
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const readme = readFileSync(readmePath, 'utf8');
  const fresh = await readmeWithStyling(readme, JSON.parse(readFileSync(manifestPath, 'utf8')));
  if (process.argv.includes('--check')) {
    if (fresh !== readme) {
      console.error('README.md: the styling tables differ from custom-elements.json; run `npm run manifest`.');
      process.exit(1);
    }
  } else if (fresh !== readme) {
    writeFileSync(readmePath, fresh);
  }
}
