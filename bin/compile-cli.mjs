// Compiles the CLI (scripts/, TypeScript) into one ES module, lib/coursemark.mjs, so that a build
// does not pay for compiling TypeScript at start-up. Dependencies are bundled in too: Node resolves
// and reads every module file of a package on its own (the Markdown parser alone is a few hundred),
// which made start-up several times slower than loading one file. Vite (loaded only to build) and
// playwright-core (only to verify) stay in node_modules, and so does sharp (native image code).
// Runs on `npm install`/`npm ci` (the "prepare" script); bin/coursemark.js falls back to the sources
// through tsx whenever this file is missing or older than a source file.
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  ssr: { noExternal: true, external: ['vite', 'playwright-core', 'sharp'] },
  build: {
    ssr: true,
    outDir: 'lib',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    // The parse worker (scripts/parse/parse-pool.ts starts lib/parse-worker.mjs) is an entry of its own.
    rollupOptions: { input: { coursemark: 'scripts/cli/main.ts', 'parse-worker': 'scripts/parse/parse-worker.ts' }, output: { format: 'es', entryFileNames: '[name].mjs' } },
  },
});
