// Custom Elements Manifest: generated from the elements' JSDoc, committed at the repo root (`npm run manifest`).
// test/node/manifest.test.mjs fails when the committed file no longer matches the sources.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite it on every run.
  packagejson: false,
  // Package-link plugins run after the analyzer's own (inheritance included), so they see every member.
  plugins: [
    {
      // Private and protected members are not an element's API; the analyzer lists them all the same.
      name: 'hv-public-members-only',
      packageLinkPhase({ customElementsManifest }) {
        for (const declaration of customElementsManifest.modules.flatMap((module) => module.declarations ?? [])) {
          declaration.members = declaration.members?.filter(
            (member) => !['private', 'protected'].includes(member.privacy) && !member.name.startsWith('#'),
          );
          // Lit's internal reactive state (`_busy: { state: true }`) is no attribute, though the analyzer lists it.
          declaration.attributes = declaration.attributes?.filter(
            (attribute) => !(attribute.fieldName ?? attribute.name).startsWith('_'),
          );
        }
      },
    },
    {
      // The package ships dist/…/*.js (tsc, same layout as src/), not the sources the analyzer reads. The analyzer
      // writes a module as `src/x.ts`, and a superclass by its import, `/src/x.js`.
      name: 'hv-shipped-module-paths',
      packageLinkPhase({ customElementsManifest }) {
        rewriteModulePaths(customElementsManifest, (path) => path.replace(/^\/?src\/(.*)\.[jt]s$/, 'dist/$1.js'));
      },
    },
    {
      // The analyzer lists modules in the order its file search returns them, which varies with the machine's
      // load; sorted, the committed file and the freshness test do not depend on it.
      name: 'hv-sort-modules',
      packageLinkPhase({ customElementsManifest }) {
        customElementsManifest.modules.sort((a, b) => a.path.localeCompare(b.path));
      },
    },
  ],
};

/** Applies `rename` to every module path in the manifest: modules' `path` and every reference's `module`. */
function rewriteModulePaths(node, rename) {
  if (Array.isArray(node)) return node.forEach((item) => rewriteModulePaths(item, rename));
  if (typeof node !== 'object' || node === null) return;
  for (const [key, value] of Object.entries(node)) {
    if ((key === 'path' || key === 'module') && typeof value === 'string') node[key] = rename(value);
    else rewriteModulePaths(value, rename);
  }
}
