// Bundlers keep template literals as written, so the kit's `css` and `html` templates would ship with their
// indentation and comments. This plugin collapses them in the cdn build (and the bench, which mirrors it):
// - in `css`, whitespace that CSS ignores (never the space before a colon, which can be a descendant combinator:
//   `:host :focus`), a block's last semicolon and the zero before a fraction;
// - in `html` and `svg`, each line break with the indentation around it becomes one space, which renders the same
//   (no template of the kit has preformatted text), never touching the `${…}` expressions.
import ts from 'typescript';

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

/** The static text of `html` and `svg` templates with each line break and its indentation as one space. */
export function minifyHtmlTemplates(code, fileName = 'module.ts') {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, false, ts.ScriptKind.TS);
  /** [start, end] of each piece of static template text, in source order. */
  const pieces = [];
  const visit = (node) => {
    if (ts.isTaggedTemplateExpression(node) && ['html', 'svg'].includes(node.tag.getText(source))) {
      const { template } = node;
      const literals = ts.isNoSubstitutionTemplateLiteral(template)
        ? [template]
        : [template.head, ...template.templateSpans.map((span) => span.literal)];
      // Each literal's text lies between its delimiters: ` or } before, ` or ${ after.
      for (const literal of literals) {
        const end = literal.getEnd() - (literal.kind === ts.SyntaxKind.TemplateTail || literal === template ? 1 : 2);
        pieces.push([literal.getStart(source) + 1, end]);
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  let minified = '';
  let copied = 0;
  for (const [start, end] of pieces.sort(([a], [b]) => a - b)) {
    minified += code.slice(copied, start) + code.slice(start, end).replace(/[ \t]*\n\s*/g, ' ');
    copied = end;
  }
  return minified + code.slice(copied);
}

/** A Vite (Rolldown) plugin applying {@link minifyCssTemplates} and {@link minifyHtmlTemplates} to the kit's modules. */
export function minifyTemplatesPlugin() {
  return {
    name: 'hv-minify-templates',
    apply: 'build',
    transform(code, id) {
      if (/\.styles\.ts$/.test(id)) return { code: minifyCssTemplates(code), map: null };
      if (/\/src\/elements\/.*\.ts$/.test(id) && /\b(html|svg)`/.test(code)) {
        return { code: minifyHtmlTemplates(code, id), map: null };
      }
      return undefined;
    },
  };
}
