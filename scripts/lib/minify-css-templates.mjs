// Bundlers keep template literals as written, so the kit's `css` blocks would ship with their indentation and
// comments. This plugin collapses them in the cdn build (and the bench, which mirrors it): whitespace that CSS
// ignores (never the space before a colon, which can be a descendant combinator: `:host :focus`), a block's last
// semicolon and the zero before a fraction.

/** `css` template bodies without comments and needless whitespace. */
export function minifyCssTemplates(code) {
  return code.replace(/\bcss`([^`]*)`/g, (_, body) => {
    const minified = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      // The last declaration of a block needs no semicolon, and a fraction no leading zero (0.5rem is .5rem).
      .replace(/;}/g, '}')
      .replace(/([\s:(,])0\.(\d)/g, '$1.$2')
      .trim();
    return `css\`${minified}\``;
  });
}

/** A Vite (Rolldown) plugin applying {@link minifyCssTemplates} to the kit's style modules. */
export function minifyCssTemplatesPlugin() {
  return {
    name: 'hv-minify-css-templates',
    apply: 'build',
    transform(code, id) {
      return /\.styles\.ts$/.test(id) ? { code: minifyCssTemplates(code), map: null } : undefined;
    },
  };
}
