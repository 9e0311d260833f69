import amqp from 'amqplib';
import type { KyselyPlugin, PluginTransformQueryArgs, PluginTransformResultArgs } from 'kysely';
import type { QueryId, QueryResult, RootOperationNode, UnknownRow } from 'kysely';
import { sql } from 'kysely';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { once } from 'node:events';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { SMTPServer } from 'smtp-server';
import { parseConfig, type Config } from '../config/config';
import { openDatabase, type DatabaseHandle } from '../db/connect';
import { migrate } from '../db/migrate';
import { createLogger } from '../logger';
import { Broker } from '../messaging/broker';
import { toMessage } from '../messaging/delivery';
import { createMailSender, messageId, type MailSender } from '../messaging/mail-sender';
import { enqueueMail } from '../messaging/outbox';
import { startMessaging } from '../messaging/service';
import { sampleMailData } from '../messaging/templates';

/**
 * npm run bench:mail [-- --count 10000 --prefetch 10 --parse --raw-queue quorum|classic]
 * (or BENCH_MAIL_COUNT, MAIL_PREFETCH; DATABASE_POOL_MAX and LOG_LEVEL=warn as for the app)
 *
 * A. Pipeline: queues N mails in the outbox of a fresh database, starts the outbox relay and the
 *    mail worker on RabbitMQ (AMQP_URL) with an SMTP sink as SMTP_URL, and times until the sink
 *    holds N distinct mails; then waits 2 s for late duplicates.
 * B. Raw: N persistent messages of the same size published on a confirm channel to a temporary
 *    queue of the same broker and consumed (acks, same prefetch) with amqplib alone.
 * Prints both throughputs, the ratio, lost and duplicated counts (exit 1 unless both are 0) and
 * where the pipeline's time went. DATABASE_URL = a PostgreSQL server (a database is created for
 * the run and dropped after), unset = PGlite in a temporary directory.
 *
 * The SMTP sink runs in a child process of its own (this file with --sink-child), so its CPU
 * is told apart from the relay's and the worker's. By default it only reads each mail's
 * Message-ID; --parse parses every mail with mailparser, as the tests' SmtpSink does. (The
 * build leaves out src/test-support, so the tests' SmtpSink cannot be imported from here.)
 */
const argv = process.argv.slice(2);
const flag = (name: string) => argv.includes(`--${name}`);
const option = (name: string, env: string | undefined, fallback: string): string => {
  const i = argv.indexOf(`--${name}`);
  if (i >= 0 && argv[i + 1] !== undefined) return argv[i + 1]!;
  return env !== undefined && env !== '' ? env : fallback;
};

/**
 * The application's default. On the development VM 5, 10, 20, 50 and 100 gave the same pipeline
 * throughput within the noise (the worker's process is the limit) while each mail's wait grew
 * with the prefetch; 10 was best or level (docs/benchmarks.md).
 */
const DEFAULT_PREFETCH = 10;
const LATE_DUPLICATES_MS = 2000;
const INSERT_BATCH = 500;
const RAW_PUBLISH_WINDOW = 200; // the relay's batch: publish 200, wait for their confirms

// ─── The SMTP sink (child process) ─────────────────────────────────────────────────────────

type ToSink = { cmd: 'expect'; count: number } | { cmd: 'stats' } | { cmd: 'dump' };
type FromSink =
  | { type: 'ready'; url: string }
  | { type: 'reached' }
  | { type: 'stats'; received: number; distinct: number; busyMs: number; cpuMs: number }
  | { type: 'dump'; counts: [string, number][] };

async function sinkChild(parse: boolean): Promise<void> {
  const send = (m: FromSink) => process.send!(m);
  const counts = new Map<string, number>();
  let received = 0;
  let busyMs = 0;
  let expect = Number.POSITIVE_INFINITY;
  const { simpleParser } = parse ? await import('mailparser') : { simpleParser: undefined };
  const record = (id: string, startedAt: number) => {
    busyMs += performance.now() - startedAt;
    received += 1;
    const n = (counts.get(id) ?? 0) + 1;
    counts.set(id, n);
    if (n === 1 && counts.size === expect) send({ type: 'reached' });
  };
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS', 'AUTH'],
    disableReverseLookup: true,
    logger: false,
    size: 5 * 1024 * 1024,
    onData(stream, _session, done) {
      const startedAt = performance.now();
      if (simpleParser) {
        simpleParser(stream)
          .then((mail) => {
            record(mail.messageId ?? '(none)', startedAt);
            done();
          })
          .catch(done);
        return;
      }
      // Count only: the Message-ID header, nothing parsed.
      const chunks: Buffer[] = [];
      stream.on('data', (c: Buffer) => chunks.push(c));
      stream.on('end', () => {
        const text = Buffer.concat(chunks).toString('latin1');
        const head = text.slice(0, Math.max(0, text.indexOf('\r\n\r\n')) || text.length);
        const id = /^message-id:[ \t]*(<[^>\r\n]*>)/im.exec(head)?.[1] ?? '(none)';
        record(id, startedAt);
        done();
      });
    },
  });
  await new Promise<void>((ok) => server.listen(0, '127.0.0.1', ok));
  const { port } = server.server.address() as AddressInfo;
  process.on('message', (m: ToSink) => {
    if (m.cmd === 'expect') {
      expect = m.count;
      if (counts.size >= expect) send({ type: 'reached' });
    } else if (m.cmd === 'stats') {
      const cpu = process.cpuUsage();
      send({
        type: 'stats',
        received,
        distinct: counts.size,
        busyMs,
        cpuMs: (cpu.user + cpu.system) / 1000,
      });
    } else if (m.cmd === 'dump') send({ type: 'dump', counts: [...counts] });
  });
  process.on('disconnect', () => server.close(() => process.exit(0)));
  send({ type: 'ready', url: `smtp://127.0.0.1:${port}` });
}

class SinkProcess {
  private constructor(
    private readonly child: ChildProcess,
    readonly url: string,
  ) {}

  static async start(parse: boolean): Promise<SinkProcess> {
    const child = fork(__filename, ['--sink-child', ...(parse ? ['--parse'] : [])], {
      stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
    });
    const ready = await SinkProcess.next(child, 'ready');
    return new SinkProcess(child, ready.url);
  }

  get pid(): number {
    return this.child.pid!;
  }

  private static next<T extends FromSink['type']>(
    child: ChildProcess,
    type: T,
  ): Promise<Extract<FromSink, { type: T }>> {
    return new Promise((resolve, reject) => {
      const onMessage = (m: FromSink) => {
        if (m.type !== type) return;
        child.off('message', onMessage);
        child.off('exit', onExit);
        resolve(m as Extract<FromSink, { type: T }>);
      };
      const onExit = (code: number) => reject(new Error(`the SMTP sink exited (${code})`));
      child.on('message', onMessage);
      child.once('exit', onExit);
    });
  }

  private ask<T extends FromSink['type']>(cmd: ToSink, type: T) {
    const answer = SinkProcess.next(this.child, type);
    this.child.send(cmd);
    return answer;
  }

  /** Resolves when the sink holds `count` distinct mails. */
  reached(count: number): Promise<unknown> {
    return this.ask({ cmd: 'expect', count }, 'reached');
  }

  stats() {
    return this.ask({ cmd: 'stats' }, 'stats');
  }

  async counts(): Promise<Map<string, number>> {
    return new Map((await this.ask({ cmd: 'dump' }, 'dump')).counts);
  }

  async close(): Promise<void> {
    const exited = once(this.child, 'exit');
    this.child.disconnect();
    await exited;
  }
}

// ─── Measuring ─────────────────────────────────────────────────────────────────────────────

/** Times every query from compilation (so pool waits count) to its result, by kind. */
class QueryTimer implements KyselyPlugin {
  private readonly started = new WeakMap<QueryId, { label: string; at: number }>();
  readonly samples = new Map<string, number[]>();
  /** When the relay last marked rows published (ms, performance.now()). */
  lastRelayUpdateAt = 0;

  transformQuery(args: PluginTransformQueryArgs): RootOperationNode {
    this.started.set(args.queryId, { label: labelOf(args.node), at: performance.now() });
    return args.node;
  }

  async transformResult(args: PluginTransformResultArgs): Promise<QueryResult<UnknownRow>> {
    const s = this.started.get(args.queryId);
    if (s) {
      const now = performance.now();
      let list = this.samples.get(s.label);
      if (!list) this.samples.set(s.label, (list = []));
      list.push(now - s.at);
      if (s.label === 'relay: mark published') this.lastRelayUpdateAt = now;
    }
    return args.result;
  }
}

function labelOf(node: RootOperationNode): string {
  if (node.kind === 'SelectQueryNode')
    return node.limit ? 'relay: select batch for update' : 'worker: already sent?';
  if (node.kind === 'UpdateQueryNode')
    return JSON.stringify(node.updates ?? []).includes('published')
      ? 'relay: mark published'
      : 'worker: record outcome';
  return node.kind;
}

/** The mail sender, with the time of every SMTP send (pool wait included). */
function timedSender(inner: MailSender, samples: number[]): MailSender {
  return {
    kind: inner.kind,
    close: () => inner.close(),
    verify: () => inner.verify(),
    async send(mail) {
      const at = performance.now();
      await inner.send(mail);
      samples.push(performance.now() - at);
    },
  };
}

interface CpuSample {
  /** Whole machine (/proc/stat, all CPUs): busy and stolen jiffies, and all jiffies. */
  machine: { busy: number; steal: number; total: number };
  self: number;
  sink: number;
  postgres: number;
  rabbitmq: number;
}

/** CPU seconds of a process (utime + stime, Linux /proc, USER_HZ = 100). */
function cpuOf(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return 0; // ended meanwhile, or not Linux
  }
}

function cpuOfNamed(names: string[]): number {
  let total = 0;
  let pids: string[];
  try {
    pids = readdirSync('/proc').filter((p) => /^\d+$/.test(p));
  } catch {
    return 0;
  }
  for (const pid of pids) {
    try {
      if (names.includes(readFileSync(`/proc/${pid}/comm`, 'utf8').trim())) total += cpuOf(pid);
    } catch {
      /* ended meanwhile */
    }
  }
  return total;
}

function machineNow(): CpuSample['machine'] {
  try {
    // cpu  user nice system idle iowait irq softirq steal …
    const f = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1, 9);
    const [user, nice, system, idle, iowait, irq, softirq, steal] = f.map(Number) as number[];
    const busy = user! + nice! + system! + irq! + softirq!;
    return { busy, steal: steal!, total: busy + idle! + iowait! + steal! };
  } catch {
    return { busy: 0, steal: 0, total: 0 };
  }
}

/** Share of the machine's CPU time that was busy (and stolen by the hypervisor) between samples. */
function machineBusy(a: CpuSample, b: CpuSample) {
  const total = b.machine.total - a.machine.total || 1;
  return {
    busy: (b.machine.busy - a.machine.busy) / total,
    steal: (b.machine.steal - a.machine.steal) / total,
  };
}

function cpuNow(sinkPid?: number): CpuSample {
  const self = process.cpuUsage();
  return {
    machine: machineNow(),
    self: (self.user + self.system) / 1e6,
    sink: sinkPid ? cpuOf(sinkPid) : 0,
    postgres: cpuOfNamed(['postgres']),
    rabbitmq: cpuOfNamed(['beam.smp']),
  };
}

/** CPU milliseconds per message between two samples. */
function cpuPer(a: CpuSample, b: CpuSample, n: number): Omit<CpuSample, 'machine'> {
  const per = (x: number) => round((x / n) * 1000, 2);
  return {
    self: per(b.self - a.self),
    sink: per(b.sink - a.sink),
    postgres: per(b.postgres - a.postgres),
    rabbitmq: per(b.rabbitmq - a.rabbitmq),
  };
}

const round = (x: number, digits = 1) => Math.round(x * 10 ** digits) / 10 ** digits;
const sleep = (ms: number) => new Promise((ok) => setTimeout(ok, ms));

/** Nearest-rank percentile. */
/** Upper bound (ms) of the histogram bucket holding quantile `q` of prom-client's values. */
function bucketBound(values: { value: number; labels: { le?: string | number } }[], q: number) {
  const buckets = values.filter((v) => v.labels.le !== undefined);
  const total = buckets.find((v) => v.labels.le === '+Inf')?.value ?? 0;
  const hit = buckets.find((v) => v.value >= q * total && v.value > 0);
  return hit === undefined || hit.labels.le === '+Inf' ? '∞' : Number(hit.labels.le) * 1000;
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
}
const mean = (values: number[]) => values.reduce((a, b) => a + b, 0) / (values.length || 1);

/** Lost = expected but never received; duplicated = received more than once; unexpected = not sent by us. */
function tally(expected: Iterable<string>, counts: Map<string, number>) {
  const want = new Set(expected);
  let lost = 0;
  let duplicated = 0;
  let extraCopies = 0;
  for (const id of want) if (!counts.has(id)) lost += 1;
  let unexpected = 0;
  for (const [id, n] of counts) {
    if (!want.has(id)) unexpected += n;
    if (n > 1) {
      duplicated += 1;
      extraCopies += n - 1;
    }
  }
  return { lost, duplicated, extraCopies, unexpected };
}

/** Waits for `p`, or gives up after `ms` (answers whether `p` settled first). */
async function within(p: Promise<unknown>, ms: number): Promise<boolean> {
  let timer: NodeJS.Timeout | undefined;
  const ok = await Promise.race([
    p.then(() => true),
    new Promise<boolean>((r) => (timer = setTimeout(() => r(false), ms))),
  ]);
  clearTimeout(timer);
  return ok;
}

// ─── The run ───────────────────────────────────────────────────────────────────────────────

interface Fresh {
  handle: DatabaseHandle;
  describe: string;
  drop(): Promise<void>;
}

/** A database of the run's own: created on the DATABASE_URL server, or PGlite in a temporary directory. */
async function freshDatabase(config: Config): Promise<Fresh> {
  if (config.DATABASE_URL) {
    const name = `adoption_mailbench_${randomBytes(4).toString('hex')}`;
    const admin = new Client({ connectionString: config.DATABASE_URL });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(config.DATABASE_URL);
    url.pathname = `/${name}`;
    const handle = await openDatabase({ url: url.toString(), poolMax: config.DATABASE_POOL_MAX });
    return {
      handle,
      describe: `PostgreSQL (pool ${config.DATABASE_POOL_MAX})`,
      async drop() {
        await handle.close();
        const c = new Client({ connectionString: config.DATABASE_URL });
        await c.connect();
        await c.query(`drop database if exists ${name} with (force)`);
        await c.end();
      },
    };
  }
  const dir = mkdtempSync(join(os.tmpdir(), 'adoption-mailbench-'));
  const handle = await openDatabase({ pgliteDir: dir });
  return {
    handle,
    describe: `PGlite (${dir})`,
    async drop() {
      await handle.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

async function main() {
  if (flag('sink-child')) return sinkChild(flag('parse'));
  const amqpUrl = process.env.AMQP_URL;
  if (!amqpUrl) {
    console.error(
      'npm run bench:mail needs RabbitMQ: set AMQP_URL (e.g. AMQP_URL=amqp://guest:guest@127.0.0.1:5672).',
    );
    process.exit(2);
  }
  const count = Number(option('count', process.env.BENCH_MAIL_COUNT, '10000'));
  const prefetch = Number(option('prefetch', process.env.MAIL_PREFETCH, String(DEFAULT_PREFETCH)));
  const rawQueueType = option('raw-queue', undefined, 'quorum');
  const parse = flag('parse');
  if (!Number.isInteger(count) || count < 1) throw new Error('--count must be a positive integer');
  if (rawQueueType !== 'quorum' && rawQueueType !== 'classic')
    throw new Error('--raw-queue must be quorum or classic');

  const prefix = `bench-mail-${randomBytes(4).toString('hex')}`;
  const sink = await SinkProcess.start(parse);
  const config = parseConfig({
    ...process.env,
    LOG_LEVEL: process.env.LOG_LEVEL ?? 'warn',
    AMQP_PREFIX: prefix,
    SMTP_URL: sink.url,
    MAIL_PREFETCH: String(prefetch),
  });
  const log = createLogger(config.LOG_LEVEL);
  const fresh = await freshDatabase(config);
  const { db } = fresh.handle;
  let failed: boolean;
  try {
    await migrate(db, 'latest');
    const dbVersion = (await sql<{ v: string }>`select version() as v`.execute(db)).rows[0]!.v;

    // ── Phase A: outbox → RabbitMQ → worker → SMTP ──
    process.stdout.write(`Queuing ${count} mails in the outbox… `);
    const runId = randomBytes(3).toString('hex');
    const keys = Array.from({ length: count }, (_, i) => `bench:${runId}:${i}`);
    const data = sampleMailData['set-password']; // `link` in plain data: nothing sealed here
    for (let i = 0; i < count; i += INSERT_BATCH) {
      await db.transaction().execute(async (trx) => {
        for (let j = i; j < Math.min(count, i + INSERT_BATCH); j += 1) {
          await enqueueMail(trx, {
            idempotencyKey: keys[j]!,
            recipient: `bench-${j}@example.lv`,
            template: 'set-password',
            language: j % 2 ? 'en' : 'lv',
            data,
          });
        }
      });
    }
    await sql`analyze outbox`.execute(db);
    process.stdout.write('done\n');

    // Other work on the machine skews every figure: say how busy it was just before.
    const idle0 = cpuNow();
    await sleep(1000);
    const background = machineBusy(idle0, cpuNow()).busy;

    const broker = new Broker(amqpUrl, log);
    await broker.start();
    if (!broker.connected) throw new Error(`RabbitMQ unreachable: ${broker.lastError}`);
    const timer = new QueryTimer();
    const smtpMs: number[] = [];
    const sender = timedSender(
      createMailSender({ smtpUrl: sink.url, mailDir: config.MAIL_DIR, from: config.MAIL_FROM }),
      smtpMs,
    );
    const reached = sink.reached(count);
    reached.catch(() => undefined);
    const sinkBefore = await sink.stats();
    process.stdout.write(`Pipeline: ${count} mails, prefetch ${prefetch}… `);
    const cpuA0 = cpuNow(sink.pid);
    const elu0 = performance.eventLoopUtilization();
    const t0 = performance.now();
    const messaging = await startMessaging({
      db: db.withPlugin(timer),
      config,
      log,
      broker,
      sender,
      openSealed: () => {
        throw new Error('the benchmark seals nothing');
      },
    });
    const timeoutMs = Math.max(120_000, count * 50);
    const complete = await within(reached, timeoutMs);
    const pipelineSeconds = (performance.now() - t0) / 1000;
    const cpuA1 = cpuNow(sink.pid);
    const elu = performance.eventLoopUtilization(elu0).utilization;
    const sinkAfter = await sink.stats();
    process.stdout.write(complete ? 'done\n' : `gave up after ${timeoutMs / 1000} s\n`);
    await sleep(LATE_DUPLICATES_MS);
    const pipeline = tally(keys.map(messageId), await sink.counts());
    const statuses = await db
      .selectFrom('outbox')
      .select(['status', sql<number>`count(*)::int`.as('n')])
      .groupBy('status')
      .execute();
    const notSent = statuses.filter((s) => s.status !== 'sent').reduce((a, s) => a + s.n, 0);
    const window = (await messaging.metrics.acceptToRecord.get()).values;
    await messaging.stop();
    await broker.stop();

    // ── Phase B: raw amqplib publish → consume ──
    process.stdout.write(`Raw amqplib: ${count} messages, prefetch ${prefetch}… `);
    const raw = await rawRoundTrips(amqpUrl, `${prefix}.raw`, rawQueueType, count, prefetch);
    process.stdout.write('done\n');

    // ── Report ──
    const pipelineRate = count / pipelineSeconds;
    const rawRate = count / raw.seconds;
    const cpuA = cpuPer(cpuA0, cpuA1, count);
    console.log(`\nMail benchmark — ${count} messages, prefetch ${prefetch}`);
    console.log(
      `Machine: ${os.cpus()[0]?.model} × ${os.cpus().length}, ${Math.round(os.totalmem() / 2 ** 30)} GiB, ` +
        `${os.type()} ${os.release()}, Node ${process.version}`,
    );
    console.log(`Database: ${fresh.handle.kind} — ${fresh.describe}; ${dbVersion.split(',')[0]}`);
    console.log(`RabbitMQ: ${raw.serverVersion}; SMTP sink: ${parse ? 'parses' : 'counts'}`);
    console.log(
      `Machine CPU busy in the second before the run: ${round(background * 100, 0)} %` +
        (background > 0.1 ? ' — other work is running; the figures are not comparable' : '') +
        '\n',
    );
    console.log('| path | messages | seconds | messages/s | lost | duplicated |');
    console.log('| --- | --- | --- | --- | --- | --- |');
    console.log(
      `| outbox → RabbitMQ → worker → SMTP | ${count} | ${round(pipelineSeconds, 2)} | ${Math.round(pipelineRate)} | ${pipeline.lost} | ${pipeline.duplicated} |`,
    );
    console.log(
      `| amqplib publish → consume (${rawQueueType}) | ${count} | ${round(raw.seconds, 2)} | ${Math.round(rawRate)} | ${raw.tally.lost} | ${raw.tally.duplicated} |`,
    );
    console.log(`\nratio raw/pipeline: ${round(rawRate / pipelineRate, 1)}`);

    console.log('\nWhere the pipeline time went (per mail unless said otherwise):');
    const relayDoneS = timer.lastRelayUpdateAt ? (timer.lastRelayUpdateAt - t0) / 1000 : NaN;
    console.log(
      `  relay: every row published ${round(relayDoneS, 2)} s after start (${round((relayDoneS / pipelineSeconds) * 100, 0)} % of the run)`,
    );
    const line = (label: string, v: number[]) =>
      `  ${label.padEnd(34)} n ${String(v.length).padStart(6)}  mean ${round(mean(v), 2)} ms  p50 ${round(percentile(v, 50), 2)} ms  p95 ${round(percentile(v, 95), 2)} ms`;
    for (const [label, v] of [...timer.samples].sort()) console.log(line(label, v));
    console.log(line('worker: SMTP send', smtpMs));
    const perMail =
      mean(timer.samples.get('worker: already sent?') ?? []) +
      mean(smtpMs) +
      mean(timer.samples.get('worker: record outcome') ?? []);
    console.log(
      `  worker latency per mail (select + SMTP + update) ${round(perMail, 2)} ms; ` +
        `mails in flight (Little) ${round(pipelineRate * (perMail / 1000), 1)} of prefetch ${prefetch}`,
    );
    // The duplicate window: a worker killed between the SMTP server's acceptance and the commit
    // of the outcome sends that mail again on redelivery (same Message-ID). Bucket bounds from
    // the worker's histogram; the record query itself exactly.
    const recordMs = timer.samples.get('worker: record outcome') ?? [];
    console.log(
      `  duplicate window (SMTP accepted → outcome committed): p50 ≤ ${bucketBound(window, 0.5)} ms, ` +
        `p99 ≤ ${bucketBound(window, 0.99)} ms, max ≤ ${bucketBound(window, 1)} ms; the record query p99 ` +
        `${round(percentile(recordMs, 99), 2)} ms, max ${round(Math.max(...recordMs), 2)} ms`,
    );
    const sinkMails = sinkAfter.received - sinkBefore.received;
    console.log(
      `  SMTP sink: ${round((sinkAfter.busyMs - sinkBefore.busyMs) / (sinkMails || 1), 2)} ms from DATA to stored, ` +
        `CPU ${round((sinkAfter.cpuMs - sinkBefore.cpuMs) / (sinkMails || 1), 2)} ms`,
    );
    console.log(
      `  CPU ms per mail: this process (relay, worker, nodemailer${fresh.handle.kind === 'pglite' ? ', PGlite' : ''}) ${cpuA.self}, ` +
        `SMTP sink ${cpuA.sink}, PostgreSQL ${cpuA.postgres}, RabbitMQ ${cpuA.rabbitmq}`,
    );
    const machine = machineBusy(cpuA0, cpuA1);
    console.log(
      `  event loop of this process busy ${round(elu * 100, 0)} % of the run (eventLoopUtilization); ` +
        `machine CPU busy ${round(machine.busy * 100, 0)} %, stolen ${round(machine.steal * 100, 0)} % (of ${os.cpus().length} CPUs)`,
    );
    const cpuB = raw.cpu;
    console.log(
      `  raw CPU ms per message: this process ${cpuB.self}, RabbitMQ ${cpuB.rabbitmq}, PostgreSQL ${cpuB.postgres}`,
    );
    console.log(
      `  outbox after the run: ${statuses.map((s) => `${s.status} ${s.n}`).join(', ')}` +
        (pipeline.unexpected ? `; ${pipeline.unexpected} unexpected mails in the sink` : '') +
        (pipeline.extraCopies ? `; ${pipeline.extraCopies} extra copies` : ''),
    );

    failed =
      !complete ||
      pipeline.lost + pipeline.duplicated + raw.tally.lost + raw.tally.duplicated > 0 ||
      notSent > 0;
    if (failed) console.error('\nFAILED: lost or duplicated messages, or outbox rows not sent');
  } finally {
    // The run's own exchange and queues, the database and the sink go whatever happened.
    const queues = [
      `${prefix}.mail`,
      `${prefix}.mail.dead`,
      ...config.MAIL_RETRY_DELAYS.map((ms) => `${prefix}.mail.retry.${ms}`),
      `${prefix}.raw`,
    ];
    await cleanUpBroker(amqpUrl, queues, prefix).catch((err: Error) =>
      console.error(`could not delete the queues of ${prefix}: ${err.message}`),
    );
    await fresh.drop();
    await sink.close();
  }
  // Exit code: any mail lost, duplicated or not recorded as sent fails the benchmark.
  process.exit(failed ? 1 : 0);
}

/** Phase B: persistent messages on a confirm channel, consumed with acks at the same prefetch. */
async function rawRoundTrips(
  url: string,
  queue: string,
  queueType: 'quorum' | 'classic',
  count: number,
  prefetch: number,
) {
  const connection = await amqp.connect(url);
  const serverVersion = `RabbitMQ ${String(connection.connection.serverProperties.version)}`;
  try {
    const pub = await connection.createConfirmChannel();
    const sub = await connection.createChannel();
    await pub.assertQueue(queue, {
      durable: true,
      arguments: { 'x-queue-type': queueType },
    });
    await sub.prefetch(prefetch);
    // A body of the pipeline's size: the message the relay publishes for an outbox row.
    const body = (i: number) =>
      Buffer.from(
        JSON.stringify(
          toMessage({
            id: i + 1,
            idempotencyKey: `raw:${i}`,
            recipient: `bench-${i}@example.lv`,
            template: 'set-password',
            language: 'lv',
            data: sampleMailData['set-password'],
            sealedData: null,
          }),
        ),
      );
    const ids = Array.from({ length: count }, (_, i) => `raw:${i}`);
    const counts = new Map<string, number>();
    let allIn: () => void = () => undefined;
    const arrived = new Promise<void>((ok) => (allIn = ok));
    await sub.consume(queue, (m) => {
      if (!m) return;
      const id = String(m.properties.messageId);
      const n = (counts.get(id) ?? 0) + 1;
      counts.set(id, n);
      if (n === 1 && counts.size === count) allIn();
      sub.ack(m);
    });
    const cpu0 = cpuNow();
    const t0 = performance.now();
    for (let i = 0; i < count; i += RAW_PUBLISH_WINDOW) {
      for (let j = i; j < Math.min(count, i + RAW_PUBLISH_WINDOW); j += 1) {
        const ok = pub.publish('', queue, body(j), {
          persistent: true,
          contentType: 'application/json',
          messageId: ids[j],
          headers: { 'x-attempt': 1 },
        });
        if (!ok) await once(pub, 'drain');
      }
      await pub.waitForConfirms();
    }
    const complete = await within(arrived, Math.max(60_000, count * 10));
    const seconds = (performance.now() - t0) / 1000;
    const cpu = cpuPer(cpu0, cpuNow(), count);
    await sleep(LATE_DUPLICATES_MS);
    if (!complete) console.error(`raw: only ${counts.size} of ${count} arrived`);
    return { seconds, tally: tally(ids, counts), cpu, serverVersion };
  } finally {
    await connection.close().catch(() => undefined);
  }
}

async function cleanUpBroker(url: string, queues: string[], exchange: string) {
  const c = await amqp.connect(url);
  try {
    const ch = await c.createChannel();
    ch.on('error', () => undefined);
    for (const q of queues) await ch.deleteQueue(q);
    await ch.deleteExchange(exchange);
    await ch.close();
  } finally {
    await c.close().catch(() => undefined);
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
