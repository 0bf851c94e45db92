import js from '@eslint/js';
import tseslint from 'typescript-eslint';
import lit from 'eslint-plugin-lit';
import litA11y from 'eslint-plugin-lit-a11y';
import globals from 'globals';
import { defineConfig } from 'eslint/config';

export default defineConfig(
  { ignores: ['dist/', 'node_modules/', '.ci-artifacts/', 'public/mockServiceWorker.js'] },
  js.configs.recommended,
  tseslint.configs.recommended,
  lit.configs['flat/recommended'],
  litA11y.configs.recommended,
  {
    rules: {
      // `interface HTMLElementEventMap extends HvEventMap {}` is how TypeScript merges into global interfaces.
      '@typescript-eslint/no-empty-object-type': ['error', { allowInterfaces: 'with-single-extends' }],
    },
  },
  // The kit, its tests and the demo run in the browser.
  { files: ['src/**', 'test/**', 'demo/**'], languageOptions: { globals: globals.browser } },
  // Tooling, the proxy (hv-elements/proxy) and the simulator server (hv-elements/sim-server) run in Node.
  { files: ['src/proxy/**', 'src/sim-server/**'], languageOptions: { globals: globals.node } },
  { files: ['**/*.{js,mjs,cjs}', '*.config.ts'], languageOptions: { globals: globals.node } },
  // e2e tests and the bench also hand functions to the page (page.evaluate).
  {
    files: ['test/e2e/**', 'scripts/e2e.mjs', 'scripts/bench.mjs', 'scripts/lib/engine-page.mjs'],
    languageOptions: { globals: { ...globals.node, ...globals.browser } },
  },
);
