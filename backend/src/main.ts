import { loadConfig } from './config/config';
import { startServer } from './server';

// `npm start`: API + console + outbox relay and mail worker in one process (RUN_MESSAGING).
async function main() {
  const config = loadConfig();
  const running = await startServer(config);
  const lines = [
    ``,
    `Adopcijas reģistrs is running at ${running.url}  (API docs: ${running.url}/api/docs)`,
  ];
  if (running.bootstrap) {
    const { username, password, demoUsers } = running.bootstrap;
    lines.push(
      password
        ? `Sign in as "${username}" with password ${password}  — shown only this once; set BOOTSTRAP_ADMIN_PASSWORD to choose it.`
        : `Sign in as "${username}" with the password from BOOTSTRAP_ADMIN_PASSWORD.`,
    );
    if (demoUsers.length) lines.push(`Demo users with the same password: ${demoUsers.join(', ')}`);
  }
  // Printed to the terminal, not the log: the one-time password must not reach a log collector.
  process.stdout.write(`${lines.join('\n')}\n\n`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    process.stdout.write(`${signal}: shutting down\n`);
    await running.close();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
}

main().catch((err: Error) => {
  process.stderr.write(`Start-up failed: ${err.message}\n`);
  process.exit(1);
});
