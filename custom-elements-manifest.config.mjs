// Custom Elements Manifest: generated from the elements' JSDoc, committed at the repo root (`npm run manifest`).
// test/node/manifest.test.mjs fails when the committed file no longer matches the sources.
export default {
  globs: ['src/elements/**/*.ts'],
  exclude: ['src/elements/**/*.styles.ts'],
  outdir: '.',
  litelement: true,
  // package.json already names the manifest; the analyzer must not rewrite it on every run.
  packagejson: false,
  plugins: [
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
