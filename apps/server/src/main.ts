import { existsSync } from 'fs';
import * as path from 'path';
import { configFromEnv } from './core/config';
import { buildApp } from './app';
import { METHODS } from './methods';

/** The demo app built in this checkout (apps/demo/dist), served at / unless SEG_DEMO_DIR says otherwise. */
const BUILT_DEMO = path.join(__dirname, '..', '..', 'demo', 'dist');

async function main(): Promise<void> {
  const config = configFromEnv(process.env, { demoDir: process.env.SEG_DEMO_DIR ?? (existsSync(path.join(BUILT_DEMO, 'index.html')) ? BUILT_DEMO : null) });
  const { app } = await buildApp(config, METHODS, { logger: true });
  const shutdown = async (signal: string): Promise<void> => {
    app.log.info(`${signal}: closing (running jobs resume at next start)`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
  const addr = app.server.address();
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${typeof addr === 'object' && addr ? addr.port : config.port}/`;
  process.stdout.write(`\nseg server ready: ${config.demoDir ? `demo at ${url}, ` : ''}API docs at ${url}docs\n\n`);
}

main().catch((e: Error) => {
  process.stderr.write(`seg server: ${e.message}\n`);
  process.exit(1);
});
