// `npm start`: shows the extension on the sample notes in a real VS Code (code-server) that you
// open in your browser. Installs what is missing on the first run; Ctrl+C stops everything.
import { join } from 'node:path';
import { logger, prepare, probePort, SAMPLES_DIR, startCodeServer, TOOLS_DIR } from './codeServer.mjs';

const log = logger('start');
const seconds = (since) => `${((performance.now() - since) / 1000).toFixed(1)} s`;

async function main() {
  const port = Number(process.env.PORT ?? 8080);
  if (!Number.isInteger(port) || port <= 0 || port > 65535) {
    throw new Error(`PORT must be a port number, not "${process.env.PORT}"`);
  }
  await probePort(port).catch(() => {
    throw new Error(`port ${port} is in use: stop what listens there or run with another, e.g. PORT=8081 npm start`);
  });

  let since = performance.now();
  prepare({ browser: false, log });
  log(`setup done in ${seconds(since)}`);

  since = performance.now();
  // Settings and opened editors persist across runs in .e2e/start/ (git-ignored).
  const server = await startCodeServer({ port, workspace: SAMPLES_DIR, stateDir: join(TOOLS_DIR, 'start') });
  log(`code-server is up in ${seconds(since)} (log: ${server.logFile})`);
  console.log(
    `\n  Open this address in your browser (it loads the extension and the samples/ folder):\n\n  ${server.url}\n\n  Press Ctrl+C to stop.\n`,
  );

  let stopping = false;
  const shutdown = async (signal) => {
    if (stopping) {
      return;
    }
    stopping = true;
    log(`${signal}: stopping code-server`);
    await server.stop();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  const code = await server.exited;
  if (!stopping) {
    await server.stop();
    throw new Error(`code-server exited on its own (${code}); see ${server.logFile}`);
  }
}

main().catch((err) => {
  console.error(`[start] failed: ${err.message}`);
  process.exit(1);
});
