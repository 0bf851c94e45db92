import { defineConfig, type Plugin } from 'vite';

/** Where the simulated Shell's page is built from, and where the Shell URLs the kit builds find it. */
const SHELL_PAGE_SOURCE = 'demo/shell/index.html';
/**
 * `{shell}/redirect.aspx?target=…` as a folder's index page: any static host answers it (after its redirect to
 * `redirect.aspx/`, query kept) with HTML, where a file named `.aspx` would go out as a download.
 */
const SHELL_PAGE_OUTPUT = 'shell/redirect.aspx/index.html';

/**
 * Moves the simulated Shell's page to where Shell URLs point. Both places are two folders deep, so the relative
 * paths Vite wrote into the page still reach its script and styles.
 */
function simulatedShellPage(): Plugin {
  return {
    name: 'hv-demo-shell-page',
    // After Vite's own HTML plugin has written the pages into the bundle.
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        const page = bundle[SHELL_PAGE_SOURCE];
        if (page?.type !== 'asset') this.error(`${SHELL_PAGE_SOURCE} is not in the demo build`);
        delete bundle[SHELL_PAGE_SOURCE];
        this.emitFile({ type: 'asset', fileName: SHELL_PAGE_OUTPUT, source: page.source });
      },
    },
  };
}

/** What Vite 8.3 leaves between a dynamic import's preload list and `import.meta.url` with a relative base. */
const STRAY_PRELOAD_MARKER = /([\])])[0-9a-f]{32}(\s*,\s*import\.meta\.url\))/g;

/**
 * Takes out the marker Vite 8.3 leaves in `__vitePreload(() => import(…), deps<marker>, import.meta.url)` when the
 * base is relative: as it is, every chunk with a dynamic import is a syntax error.
 */
function strayPreloadMarker(): Plugin {
  return {
    name: 'hv-demo-stray-preload-marker',
    enforce: 'post',
    generateBundle: {
      order: 'post',
      handler(_options, bundle) {
        for (const chunk of Object.values(bundle)) {
          if (chunk.type === 'chunk') chunk.code = chunk.code.replace(STRAY_PRELOAD_MARKER, '$1$2');
        }
      },
    },
  };
}

// `npm run build:demo`: the showcase, the walk-through and the simulated Shell as a static site in dist/demo, with
// relative paths so that it can be hosted under any path, and the MSW worker (public/) at its root.
export default defineConfig({
  base: './',
  plugins: [simulatedShellPage(), strayPreloadMarker()],
  build: {
    target: 'es2022',
    outDir: 'dist/demo',
    emptyOutDir: true,
    rolldownOptions: {
      input: ['index.html', 'walkthrough.html', 'staff.html', 'pickup.html', SHELL_PAGE_SOURCE],
    },
  },
});
