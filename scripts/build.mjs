// Bundles the extension client, the language server, the CLI and the webview scripts (the quiz, the
// knowledge map with cytoscape) into dist/.
import { build } from 'esbuild';
import { existsSync } from 'node:fs';

const production = process.argv.includes('--production');
const common = {
  bundle: true,
  sourcemap: !production,
  minify: production,
  logLevel: 'warning',
  target: 'node20',
};
// ES module builds first: jsonc-parser's `main` is a UMD build whose dynamic requires esbuild cannot follow.
const node = { platform: 'node', format: 'cjs', mainFields: ['module', 'main'] };

const builds = [
  { ...node, entryPoints: ['client/src/extension.ts'], outfile: 'dist/extension.js', external: ['vscode'] },
  { ...node, entryPoints: ['server/src/server.ts'], outfile: 'dist/server.js' },
  { ...node, entryPoints: ['server/src/cli.ts'], outfile: 'dist/cli.js', banner: { js: '#!/usr/bin/env node' } },
  {
    entryPoints: ['client/src/quiz/webview/main.ts'],
    outfile: 'dist/quizWebview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
  {
    entryPoints: ['client/src/map/webview/main.ts'],
    outfile: 'dist/mapWebview.js',
    platform: 'browser',
    format: 'iife',
    target: 'es2022',
  },
];

await Promise.all(builds.filter((b) => existsSync(b.entryPoints[0])).map((b) => build({ ...common, ...b })));
