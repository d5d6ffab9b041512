// Self time per function of a V8 .cpuprofile, heaviest first:
//   node scripts/bench/profileSummary.mjs FILE.cpuprofile [N]
import { existsSync, readFileSync } from 'node:fs';
import { SourceMap } from 'node:module';
import { fileURLToPath } from 'node:url';

/** Maps bundle locations (dist/server.js:LINE) back to source files with the bundle's source map. */
const sourceMaps = new Map();
function original(url, line, column) {
  const file = url.startsWith('file:') ? fileURLToPath(url) : url;
  if (!sourceMaps.has(file)) {
    sourceMaps.set(file, existsSync(`${file}.map`) ? new SourceMap(JSON.parse(readFileSync(`${file}.map`, 'utf8'))) : undefined);
  }
  const entry = sourceMaps.get(file)?.findEntry(line, column);
  if (!entry?.originalSource) {
    return `${url.split('/').slice(-2).join('/')}:${line + 1}`;
  }
  const source = entry.originalSource.replace(/^.*?\/(server|client|node_modules)\//, '$1/');
  return `${source.startsWith('node_modules/') ? source.split('/').slice(0, 2).join('/') : source}:${entry.originalLine + 1}`;
}

export function summarizeProfile(file, top = 20) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const self = new Map();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const dt = profile.timeDeltas[i] ?? 0;
    const { functionName, url, lineNumber, columnNumber } = nodes.get(id).callFrame;
    const key = `${functionName || '(anonymous)'} ${url ? original(url, lineNumber, columnNumber) : ''}`.trim();
    self.set(key, (self.get(key) ?? 0) + dt);
    total += dt;
  });
  const rows = [...self].sort((a, b) => b[1] - a[1]).slice(0, top);
  return [
    `${file}: ${Math.round(total / 1000)} ms sampled`,
    ...rows.map(([k, us]) => `${(us / 1000).toFixed(1).padStart(9)} ms  ${((100 * us) / total).toFixed(1).padStart(5)}%  ${k}`),
  ].join('\n');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  console.log(summarizeProfile(process.argv[2], Number(process.argv[3] ?? 20)));
}
