// `npm run -s cdn-tag`: the <script> tag for this version of the cdn module on jsDelivr, pinned and with its
// Subresource Integrity hash, computed from dist/cdn (run `npm run build` first). The chunks it loads on first use
// come from the same pinned, immutable folder.
import { createHash } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = new URL('..', import.meta.url);
const entry = fileURLToPath(new URL('dist/cdn/hv-elements.js', root));
if (!existsSync(entry)) {
  console.error('cdn-tag: dist/cdn/hv-elements.js is missing: run npm run build first.');
  process.exit(1);
}
const { name, version } = JSON.parse(readFileSync(new URL('package.json', root), 'utf8'));
const integrity = `sha384-${createHash('sha384').update(readFileSync(entry)).digest('base64')}`;
const src = `https://cdn.jsdelivr.net/npm/${name}@${version}/dist/cdn/hv-elements.js`;
console.log(`<script type="module" src="${src}" integrity="${integrity}" crossorigin="anonymous"></script>`);
