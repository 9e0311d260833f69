import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import type { Client } from 'pg';

/**
 * `--db-cpus 0`: the database on CPUs of its own, the API, the load generator and the raw client on
 * the others — as on TEST and PROD, where PostgreSQL has its own server and the API's CPU does not
 * slow the queries it is compared with. Pins the local PostgreSQL server (the postmaster and every
 * process it has forked; backends forked later inherit it) and this process (the API it spawns
 * inherits it) with `taskset`; `restore()` gives both every CPU back. Needs the server on this
 * machine and the right to change its processes' affinity (root or the postgres user).
 */
export async function pinCpus(admin: Client, dbCpus: string) {
  const all = `0-${os.cpus().length - 1}`;
  const others = complement(dbCpus, os.cpus().length);
  if (!others) throw new Error(`--db-cpus ${dbCpus} leaves no CPU for the API`);
  const dir = (
    await admin.query<{ setting: string }>(
      "select setting from pg_settings where name = 'data_directory'",
    )
  ).rows[0]!.setting;
  const postmaster = Number(readFileSync(`${dir}/postmaster.pid`, 'utf8').split('\n')[0]);
  const serverPids = () => [
    postmaster,
    ...execFileSync('pgrep', ['-P', String(postmaster)], { encoding: 'utf8' })
      .split('\n')
      .filter(Boolean)
      .map(Number),
  ];
  const pin = (cpus: string, pids: number[]) => {
    for (const pid of pids) execFileSync('taskset', ['-a', '-p', '-c', cpus, String(pid)]);
  };
  pin(dbCpus, serverPids());
  pin(others, [process.pid]);
  return {
    describe: `PostgreSQL on CPU ${dbCpus}, API and load generator on CPU ${others}`,
    restore() {
      pin(all, serverPids());
      pin(all, [process.pid]);
    },
  };
}

/** The CPUs not in `list` ("0", "0-1", "0,2"), as a taskset list; empty when none are left. */
export function complement(list: string, count: number): string {
  const taken = new Set<number>();
  for (const part of list.split(',')) {
    const [from, to] = part.split('-').map(Number);
    for (let c = from!; c <= (to ?? from!); c++) taken.add(c);
  }
  return Array.from({ length: count }, (_, c) => c)
    .filter((c) => !taken.has(c))
    .join(',');
}
