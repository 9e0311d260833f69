import { openDatabase } from '../../db/connect';
import { createLogger } from '../../logger';
import { databaseSources, demoSources, simulatedPeople } from './people';
import { startRegisterSimulator } from './server';

// npm run registers-sim: the population and disability registers' simulator on
// REGISTERS_SIM_PORT (default 3400). With DATABASE_URL it knows that register's children and
// adopters; without, the demo register's (the same generators, so a fresh demo matches). Point
// REGISTER_POPULATION_URL and REGISTER_DISABILITY_URL at it; switches: docs/integrations.md.
async function main() {
  const log = createLogger(process.env.LOG_LEVEL ?? 'info');
  let sources;
  if (process.env.DATABASE_URL) {
    const database = await openDatabase({ url: process.env.DATABASE_URL, poolMax: 1 });
    try {
      sources = await databaseSources(database.db);
    } finally {
      await database.close();
    }
  } else {
    sources = demoSources();
  }
  const { people } = simulatedPeople(sources);
  const sim = await startRegisterSimulator({
    port: Number(process.env.REGISTERS_SIM_PORT ?? 3400),
    host: process.env.REGISTERS_SIM_HOST ?? '127.0.0.1',
    token: process.env.REGISTERS_SIM_TOKEN || undefined,
    people,
  });
  // Counts only: the people are synthetic, but the rule is no personal codes in logs.
  log.info(
    { event: 'registers_sim_started', url: sim.url, people: people.length },
    'register simulator listening',
  );
  const stop = () => void sim.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

main().catch((err: Error) => {
  process.stderr.write(`${err.message}\n`);
  process.exit(1);
});
