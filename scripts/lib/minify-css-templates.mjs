// Bundlers keep template literals as written, so the kit's `css` blocks would ship with their indentation and
// comments. This plugin collapses them in the cdn build (and the bench, which mirrors it): only whitespace that
// CSS ignores, and never the space before a colon, which can be a descendant combinator (`:host :focus`).

/** `css` template bodies without comments and needless whitespace. */
export function minifyCssTemplates(code) {
  return code.replace(/\bcss`([^`]*)`/g, (_, body) => {
    const minified = body
      .replace(/\/\*[\s\S]*?\*\//g, '')
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,>])\s*/g, '$1')
      .replace(/:\s+/g, ':')
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
