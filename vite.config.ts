import { defineConfig, type Plugin } from 'vite';
import { minifyTemplatesPlugin } from './scripts/lib/minify-templates.mjs';
import { servedOutput } from './scripts/lib/served-output.mjs';

/**
 * Sent by the dev server so that the demo stays free of inline scripts. Without `require-trusted-types-for
 * 'script'`: MSW registers its service worker with a plain string, which Trusted Types block, and a default policy
 * to let it through would hide the kit's own violations. test/e2e/csp.e2e.mjs holds the cdn bundles to the full policy.
 */
export const devCsp = "script-src 'self'";

/**
 * The demo's `shell` points at this dev server, so the Shell URLs the kit builds (`{shell}/redirect.aspx?target=…`)
 * must land on the simulated Shell page, with their query string intact.
 */
function simulatedShell(): Plugin {
  return {
    name: 'hv-simulated-shell',
    configureServer(server) {
      server.middlewares.use((req, res, next) => {
        const [path, query] = splitUrl(req.url ?? '/');
        if (path === '/shell/redirect.aspx') req.url = `/demo/shell/index.html${query}`;
        res.setHeader('Content-Security-Policy', devCsp);
        next();
      });
    },
  };
}

function splitUrl(url: string): [path: string, query: string] {
  const queryStart = url.indexOf('?');
  return queryStart < 0 ? [url, ''] : [url.slice(0, queryStart), url.slice(queryStart)];
}

// `npm start`: the demo (index.html) with public/ (the MSW worker) at "/".
// `vite build`: the cdn ES module (with its lazily loaded chunks); `vite build --mode classic`: the classic-script
// entry that loads it. The npm build (dist/*.js + .d.ts) comes from `tsc -p tsconfig.build.json`.
export default defineConfig(({ mode }) => {
  const classic = mode === 'classic';
  return {
    server: { host: '127.0.0.1', port: 5173 },
    // The demo's pages, not a built copy of them (dist/demo, from build:demo), are what the dev server serves.
    optimizeDeps: { entries: ['*.html', 'demo/**/*.html'] },
    plugins: [simulatedShell(), minifyTemplatesPlugin()],
    build: {
      target: 'es2022',
      outDir: 'dist/cdn',
      emptyOutDir: !classic,
      copyPublicDir: false,
      lib: {
        entry: classic ? 'src/cdn-classic.ts' : 'src/cdn.ts',
        name: 'HvElementsLoader',
        formats: [classic ? 'iife' : 'es'],
        fileName: () => (classic ? 'hv-elements.iife.js' : 'hv-elements.js'),
      },
      rolldownOptions: {
        // Lets modules shared by the entry and a lazy chunk live in the entry instead of a chunk of their own
        // (one request and ~0.5 KB gzip less on every page); the entry may then export a few internals too.
        preserveEntrySignatures: 'allow-extension',
        // Lib mode leaves ES output unminified for re-bundling; these files are served as they are.
        output: {
          ...servedOutput,
          chunkFileNames: 'chunks/[name]-[hash].js',
          // No manual chunk groups: with any, rolldown moves the modules that the entry shares with elements loaded
          // on first use (Lit among them) out of the entry into chunks of their own, costing every page.
          codeSplitting: !classic,
        },
      },
    },
  };
});
