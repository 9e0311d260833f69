import autocannon from 'autocannon';
import { readFileSync } from 'node:fs';

// What the list benchmark measures, the same way for the API and for the raw SQL: latencies of
// every request over a fixed time at a fixed concurrency, and the CPU each process spent.

export interface Run {
  p50: number;
  p95: number;
  rps: number;
  /** CPU milliseconds per request: the database's backends, this process, the API process. */
  cpu: CpuUse;
}

/** The processes whose CPU a run counts, besides the bench itself. */
export interface Probe {
  apiPid: number;
  /** The PostgreSQL backends of the bench's database (pg_stat_activity), not the whole server's. */
  pgPids(): Promise<number[]>;
}
export interface RunOptions {
  connections: number;
  seconds: number;
  probe: Probe;
}

/** Drives `url` with autocannon; fails on any answer that is not 2xx. */
export async function runHttp(
  url: string,
  headers: Record<string, string>,
  opts: RunOptions,
): Promise<Run> {
  const latencies: number[] = [];
  const before = await cpuNow(opts.probe);
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const run = autocannon(
      { url, connections: opts.connections, duration: opts.seconds, headers },
      (err, r) => (err ? reject(err) : resolve(r)),
    );
    run.on('response', (_client, _status, _bytes, ms) => latencies.push(ms));
  });
  if (result.non2xx) throw new Error(`${result.non2xx} non-2xx answers from ${url}`);
  return summary(
    latencies,
    opts.seconds,
    cpuSince(before, await cpuNow(opts.probe), latencies.length),
  );
}

/** Runs `once` from `concurrency` loops for `seconds`, timing each call. */
export async function runLoops(once: () => Promise<unknown>, opts: RunOptions): Promise<Run> {
  const latencies: number[] = [];
  const before = await cpuNow(opts.probe);
  const until = Date.now() + opts.seconds * 1000;
  await Promise.all(
    Array.from({ length: opts.connections }, async () => {
      while (Date.now() < until) {
        const t0 = process.hrtime.bigint();
        await once();
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  return summary(
    latencies,
    opts.seconds,
    cpuSince(before, await cpuNow(opts.probe), latencies.length),
  );
}

function summary(latencies: number[], seconds: number, cpu: CpuUse): Run {
  return {
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    rps: Math.round(latencies.length / seconds),
    cpu,
  };
}

interface CpuSample {
  postgres: Map<number, number>;
  bench: number;
  api: number;
  machine: { busy: number; total: number };
}
/** CPU milliseconds per request, and the share of the machine other work took meanwhile. */
export interface CpuUse {
  postgres: number;
  bench: number;
  api: number;
  /** Busy share of both cores spent outside the bench, its database backends and the API. */
  otherLoad: number;
}

const USER_HZ = 100;
/** utime + stime of a process in seconds; undefined once it has ended. */
export function processSeconds(pid: number): number | undefined {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / USER_HZ;
  } catch {
    return undefined;
  }
}

/** Busy and total CPU seconds of the whole machine (all cores), from /proc/stat. */
export function machineSeconds(): { busy: number; total: number } {
  const cpu = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.split(/\s+/).slice(1).map(Number);
  const total = cpu.reduce((a, b) => a + b, 0);
  const idle = cpu[3]! + cpu[4]!; // idle + iowait
  return { busy: (total - idle) / USER_HZ, total: total / USER_HZ };
}

async function cpuNow(probe: Probe): Promise<CpuSample> {
  const postgres = new Map<number, number>();
  for (const pid of await probe.pgPids()) {
    const s = processSeconds(pid);
    if (s !== undefined) postgres.set(pid, s);
  }
  const self = process.cpuUsage();
  return {
    postgres,
    bench: (self.user + self.system) / 1e6,
    api: processSeconds(probe.apiPid) ?? 0,
    machine: machineSeconds(),
  };
}

/** Per request between two samples; a backend that ended meanwhile is lost (rare: pools stay). */
function cpuSince(a: CpuSample, b: CpuSample, requests: number): CpuUse {
  let postgres = 0;
  for (const [pid, s] of b.postgres) postgres += s - (a.postgres.get(pid) ?? 0);
  const bench = b.bench - a.bench;
  const api = b.api - a.api;
  const busy = b.machine.busy - a.machine.busy;
  const total = b.machine.total - a.machine.total;
  const per = (x: number) => Math.round((x / requests) * 1000 * 100) / 100;
  return {
    postgres: per(postgres),
    bench: per(bench),
    api: per(api),
    otherLoad: Math.max(0, Math.round(((busy - postgres - bench - api) / total) * 100) / 100),
  };
}

/**
 * Waits until the machine has been under `threshold` busy for `window` seconds in a row (other
 * sessions' test runs share it), at most `maxSeconds`. Answers whether it got quiet.
 */
export async function waitForQuiet(threshold = 0.15, window = 3, maxSeconds = 90) {
  let quiet = 0;
  for (let waited = 0; waited < maxSeconds; waited++) {
    const a = machineSeconds();
    await new Promise((r) => setTimeout(r, 1000));
    const b = machineSeconds();
    quiet = (b.busy - a.busy) / (b.total - a.total) < threshold ? quiet + 1 : 0;
    if (quiet >= window) return true;
  }
  return false;
}

/** Nearest-rank percentile, computed the same way for both sides. */
export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  const v = sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
  return Math.round(v * 100) / 100;
}
