import type { DatabaseHandle } from '../db/connect';
import type { Unlisten } from '../db/listen';
import type { SessionRow } from './sessions';

/** The channel of migration 0024's triggers: `s:<session id>` or `u:<user id>`. */
export const SESSION_CHANNEL = 'session_changed';

/** Most sessions one process keeps (a few hundred users sign in to the register). */
const MAX_ENTRIES = 10_000;

/**
 * A per-process cache of the sessions `authenticate` found live, so that a request costs no
 * session look-up in the database (one query and one round trip less; docs/benchmarks.md).
 *
 * Revocation stays effective in every process: migration 0024's triggers NOTIFY on
 * `session_changed` in the transaction that revokes a session (sign-out, sign-out everywhere,
 * refresh-token reuse, password change or reset, role change, deactivation, an administrator's
 * revocation) or changes its user, and every process LISTENs (`DatabaseHandle.listen`: a client of
 * its own on PostgreSQL; PGlite's listen in the one process that holds a PGlite database). A
 * notification drops the session, or all of the user's sessions, and a look-up that was under way
 * when a notification arrived is not cached (it may have read the row before the change committed).
 *
 * The cache is used only while the LISTEN is up: when its connection is lost the cache is emptied
 * and every request looks its session up again until the listener is back (and, being back, it
 * empties the cache once more, for what it may have missed). Each entry also ages out after
 * `ttlSeconds` (SESSION_CACHE_SECONDS), a bound for a listener that hangs without noticing. So a
 * revoked session is refused by every process as soon as the notification arrives (milliseconds),
 * and at the latest after `ttlSeconds`. Expiry is checked against the request's clock on every use.
 */
export class SessionCache {
  private readonly entries = new Map<string, { row: SessionRow; until: number }>();
  /** Bumped by every notification and every change of the listener's state. */
  private epoch = 0;
  private listening = false;
  private unlisten?: Unlisten;

  constructor(
    private readonly ttlSeconds: number,
    private readonly clock: () => number = () => performance.now(),
  ) {}

  /** Starts listening on the database (no cache when `ttlSeconds` is 0). */
  listenOn(database: Pick<DatabaseHandle, 'listen'>): this {
    if (this.ttlSeconds <= 0) return this;
    this.unlisten = database.listen(SESSION_CHANNEL, {
      notify: (payload) => this.changed(payload),
      up: () => this.state(true),
      down: () => this.state(false),
    });
    return this;
  }

  /** The session's row from the cache, else from `load` (cached when live and nothing changed meanwhile). */
  async get(
    sessionId: string,
    load: () => Promise<SessionRow | undefined>,
    isLive: (row: SessionRow) => boolean,
  ): Promise<SessionRow | undefined> {
    if (this.listening) {
      const hit = this.entries.get(sessionId);
      if (hit && hit.until > this.clock()) return hit.row;
      if (hit) this.entries.delete(sessionId);
    }
    const epoch = this.epoch;
    const row = await load();
    if (row && this.listening && epoch === this.epoch && isLive(row)) {
      if (this.entries.size >= MAX_ENTRIES) this.evict();
      this.entries.set(sessionId, { row, until: this.clock() + this.ttlSeconds * 1000 });
    }
    return row;
  }

  /** A notification: `s:<session id>` or `u:<user id>`; anything else empties the cache. */
  changed(payload: string) {
    this.epoch++;
    const [kind, id] = [payload.slice(0, 2), payload.slice(2)];
    if (kind === 's:') this.entries.delete(id);
    else if (kind === 'u:') {
      for (const [key, e] of this.entries)
        if (String(e.row.userId) === id) this.entries.delete(key);
    } else this.entries.clear();
  }

  /** Whether the cache answers at all (the LISTEN is up); for tests and metrics. */
  get active() {
    return this.listening;
  }

  get size() {
    return this.entries.size;
  }

  async close() {
    this.state(false);
    await this.unlisten?.();
  }

  private state(listening: boolean) {
    this.epoch++;
    this.entries.clear();
    this.listening = listening;
  }

  /** Drops the expired entries, and the oldest tenth when that frees too little. */
  private evict() {
    const now = this.clock();
    for (const [key, e] of this.entries) if (e.until <= now) this.entries.delete(key);
    if (this.entries.size < MAX_ENTRIES * 0.9) return;
    let drop = Math.ceil(MAX_ENTRIES / 10);
    for (const key of this.entries.keys()) {
      if (drop-- <= 0) break;
      this.entries.delete(key);
    }
  }
}
