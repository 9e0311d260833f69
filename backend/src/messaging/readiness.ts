/**
 * The readiness of a messaging process (relay, mail worker, or in-process delivery) as checks
 * like the API's: `ok …` or `failing: why`. Pure: `service.ts` gathers the facts.
 *
 * Unready when it cannot do its work now: no broker connection, no channel, paused because the
 * mail server or the database is away, or messages wait and none was handled for `stallMs`.
 */
export interface MessagingFacts {
  now: number;
  stallMs: number;
  broker?: { connected: boolean; lastError?: string };
  worker?: {
    channel: boolean;
    consuming: boolean;
    paused: Record<string, string>;
    waiting: number | undefined;
    lastProgressAt: number;
  };
  relay?: { queuedRows: number | undefined; lastRelayAt: number };
  /** In-process delivery (no broker): the gate's state and the due rows. */
  local?: { smtp: 'closed' | 'open' | 'half-open'; reason?: string };
}

export function messagingChecks(f: MessagingFacts): Record<string, string> {
  const checks: Record<string, string> = {};
  const idle = (since: number) => Math.round((f.now - since) / 1000);
  if (f.broker) {
    checks.broker = f.broker.connected ? 'ok' : `failing: ${f.broker.lastError ?? 'not connected'}`;
  }
  if (f.worker) {
    const w = f.worker;
    const paused = Object.entries(w.paused);
    if (paused.length > 0) {
      checks.worker = `failing: paused, ${paused
        .map(([dep, why]) => `${dep === 'smtp' ? 'mail server' : dep} away (${why})`)
        .join('; ')}`;
    } else if (!w.channel) {
      checks.worker = 'failing: no channel to the broker';
    } else if (!w.consuming) {
      checks.worker = 'failing: not consuming';
    } else if ((w.waiting ?? 0) > 0 && f.now - w.lastProgressAt > f.stallMs) {
      checks.worker = `failing: ${w.waiting} messages wait and none was handled for ${idle(w.lastProgressAt)} s`;
    } else {
      checks.worker = `ok (consuming${w.waiting === undefined ? '' : `, ${w.waiting} waiting`})`;
    }
  }
  if (f.relay) {
    const r = f.relay;
    checks.relay =
      (r.queuedRows ?? 0) > 0 && f.now - r.lastRelayAt > f.stallMs
        ? `failing: ${r.queuedRows} outbox rows wait and nothing was published for ${idle(r.lastRelayAt)} s`
        : `ok${r.queuedRows === undefined ? '' : ` (${r.queuedRows} queued)`}`;
  }
  if (f.local) {
    checks.delivery =
      f.local.smtp === 'closed'
        ? 'ok (in-process)'
        : `failing: mail server away (${f.local.reason})`;
  }
  return checks;
}
