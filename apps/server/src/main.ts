import { configFromEnv } from './core/config';
import { buildApp } from './app';
import { METHODS } from './methods';

async function main(): Promise<void> {
  const config = configFromEnv();
  const { app } = await buildApp(config, METHODS, { logger: true });
  const shutdown = async (signal: string): Promise<void> => {
    app.log.info(`${signal}: closing (running jobs resume at next start)`);
    await app.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  await app.listen({ host: config.host, port: config.port });
}

main().catch((e: Error) => {
  process.stderr.write(`seg server: ${e.message}\n`);
  process.exit(1);
});
