import { startTandem } from './app.js';
import { ConfigError, loadConfig } from './config.js';
import { DataDirLockedError } from './db/dataDirLock.js';
import { createLogger } from './log.js';

async function main(): Promise<void> {
  let config;
  try {
    config = loadConfig();
  } catch (error) {
    if (error instanceof ConfigError) {
      for (const problem of error.problems) process.stderr.write(`Invalid configuration: ${problem}\n`);
      process.exit(1);
    }
    throw error;
  }
  const log = createLogger(config);
  const started = Date.now();
  let tandem;
  try {
    tandem = await startTandem(config, log);
  } catch (error) {
    if (error instanceof DataDirLockedError) {
      process.stderr.write(`${error.message}\n`);
      process.exit(1);
    }
    throw error;
  }
  log.info(
    { port: tandem.http.port, store: tandem.database.store, startupMs: Date.now() - started, replica: tandem.owner },
    `Tandem is up: http://localhost:${tandem.http.port}/healthz`,
  );
  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    log.info({ signal }, 'shutting down');
    // Past the grace and a little more for closing, exit anyway: the orchestrator would kill us.
    setTimeout(() => {
      log.error({ signal }, 'shutdown took too long; exiting');
      process.exit(1);
    }, (config.SHUTDOWN_GRACE_SECONDS + 10) * 1000).unref();
    tandem.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGINT', () => shutdown('SIGINT'));
  process.on('SIGTERM', () => shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  process.stderr.write(`Tandem failed to start: ${error instanceof Error ? error.stack ?? error.message : String(error)}\n`);
  process.exit(1);
});
