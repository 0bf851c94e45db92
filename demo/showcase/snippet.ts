// The HTML a partner copies for the story as the controls have it now: with the cdn `<script>` tag, or the imports
// of an npm build. The configuration goes on <hv-config> with placeholders: the demo's own values (its simulated
// Shell and proxy) mean nothing on a partner's site.
import { version } from '../../package.json';

export interface SnippetElement {
  tagName: string;
  /** Attribute name → value; `true` for a boolean attribute that is set. */
  attributes: Readonly<Record<string, string | true>>;
  /** Slot name ('' for the default slot) → its text. */
  slots: Readonly<Record<string, string>>;
  /** CSS custom property → value, for a style rule of the partner's own. */
  cssProperties: Readonly<Record<string, string>>;
  /** A child element it holds (what an <hv-config> configures). */
  child?: string;
}

const CONFIG_PLACEHOLDER = 'app-id="YOUR-APP-GUID" shell="us" proxy-url="/hv"';

const escapeText = (text: string) => text.replaceAll('&', '&amp;').replaceAll('<', '&lt;');
const escapeAttribute = (text: string) => escapeText(text).replaceAll('"', '&quot;');

function attributeList(attributes: SnippetElement['attributes']): string {
  return Object.entries(attributes)
    .map(([name, value]) => (value === true ? ` ${name}` : ` ${name}="${escapeAttribute(value)}"`))
    .join('');
}

function elementMarkup({ tagName, attributes, slots, child }: SnippetElement, indent: string): string {
  const named = Object.entries(slots)
    .filter(([name, text]) => name !== '' && text)
    .map(([name, text]) => `\n${indent}  <span slot="${escapeAttribute(name)}">${escapeText(text)}</span>`)
    .join('');
  const inner = child ? `\n${indent}  <${child}></${child}>\n${indent}` : escapeText(slots[''] ?? '');
  const close = named ? `\n${indent}` : '';
  return `${indent}<${tagName}${attributeList(attributes)}>${inner}${named}${close}</${tagName}>`;
}

function markup(element: SnippetElement): string {
  const style = Object.entries(element.cssProperties).filter(([, value]) => value);
  const rule = style.length
    ? `<style>\n  ${element.tagName} {\n${style.map(([name, value]) => `    ${name}: ${value};\n`).join('')}  }\n</style>\n`
    : '';
  if (element.tagName === 'hv-config') {
    const attributes = attributeList(element.attributes);
    return `${rule}<hv-config${attributes || ` ${CONFIG_PLACEHOLDER}`}>\n  <${element.child}></${element.child}>\n</hv-config>`;
  }
  return `${rule}<hv-config ${CONFIG_PLACEHOLDER}>\n${elementMarkup(element, '  ')}\n</hv-config>`;
}

/** The define module of a tag in the npm package (`hv-connect-button` → `define/connect-button.js`). */
const defineModule = (tagName: string) => `hv-elements/define/${tagName.replace(/^hv-/, '')}.js`;

/** With the cdn module, version-pinned (`npm run -s cdn-tag` prints the same tag with its integrity hash). */
export function scriptTagSnippet(element: SnippetElement): string {
  return (
    `<script type="module" src="https://cdn.jsdelivr.net/npm/hv-elements@${version}/dist/cdn/hv-elements.js"></script>\n\n` +
    markup(element)
  );
}

/** With `npm install hv-elements`: the define modules of the elements used, then the same markup. */
export function npmSnippet(element: SnippetElement): string {
  const tags = [...new Set(['hv-config', element.tagName, ...(element.child ? [element.child] : [])])];
  const imports = tags.map((tag) => `import '${defineModule(tag)}';`).join('\n');
  return `// npm install hv-elements\n${imports}\n\n<!-- in your page -->\n${markup(element)}`;
}
