// Compiles the CLI (scripts/, TypeScript) into one ES module, lib/coursemark.mjs, so that a build
// does not pay for compiling TypeScript at start-up. Dependencies stay external (node_modules).
// Runs on `npm install`/`npm ci` (the "prepare" script); bin/coursemark.js falls back to the sources
// through tsx whenever this file is missing or older than a source file.
import { build } from 'vite';

await build({
  configFile: false,
  logLevel: 'warn',
  build: {
    ssr: true,
    outDir: 'lib',
    emptyOutDir: true,
    target: 'node20',
    minify: false,
    sourcemap: false,
    rollupOptions: { input: 'scripts/cli/main.ts', output: { format: 'es', entryFileNames: 'coursemark.mjs' } },
  },
});
