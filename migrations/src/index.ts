/**
 * migrations/src/: @adoption/migrations, the database schema's history — one Kysely migration per
 * file with up and down, numbered, listed here in order. The table types are
 * backend/src/db/tables/; reference and demo data are loaded by backend/src/demo/, not by
 * migrations.
 */
import type { Migration, MigrationProvider } from 'kysely';
import * as m0001 from './0001-classifiers';
import * as m0002 from './0002-users';
import * as m0003 from './0003-search-indexes';
import * as m0004 from './0004-audit-events';
import * as m0005 from './0005-sessions';
import * as m0006 from './0006-user-admin-and-outbox';
import * as m0007 from './0007-mfa';
import * as m0008 from './0008-children-and-adopters';
import * as m0009 from './0009-encrypted-totp-secrets';
import * as m0010 from './0010-mail-delivery';
import * as m0011 from './0011-status-history';
import * as m0012 from './0012-sibling-groups';
import * as m0013 from './0013-card-fields';
import * as m0014 from './0014-child-attachments';
import * as m0016 from './0016-record-changes';
import * as m0017 from './0017-change-requests';
import * as m0018 from './0018-list-indexes';
import * as m0019 from './0019-sibling-group-proposals';
import * as m0020 from './0020-selection-and-offers';
import * as m0021 from './0021-selection-runs-lz4';
import * as m0023 from './0023-job-run-version';
import * as m0024 from './0024-session-notify';
import * as m0025 from './0025-selection-runs-json';
import * as m0026 from './0026-register-answers';
import * as m0027 from './0027-register-checks';
import * as m0028 from './0028-register-differences';

/**
 * Every migration, in order. Names sort in the order they must run; add new ones at the end.
 * Migrations see snake_case SQL names (no CamelCasePlugin) and must run on PostgreSQL 15 and PGlite.
 */
export const migrations: Record<string, Migration> = {
  '0001-classifiers': m0001,
  '0002-users': m0002,
  '0003-search-indexes': m0003,
  '0004-audit-events': m0004,
  '0005-sessions': m0005,
  '0006-user-admin-and-outbox': m0006,
  '0007-mfa': m0007,
  '0008-children-and-adopters': m0008,
  '0009-encrypted-totp-secrets': m0009,
  '0010-mail-delivery': m0010,
  '0011-status-history': m0011,
  '0012-sibling-groups': m0012,
  '0013-card-fields': m0013,
  '0014-child-attachments': m0014,
  '0016-record-changes': m0016,
  '0017-change-requests': m0017,
  '0018-list-indexes': m0018,
  '0019-sibling-group-proposals': m0019,
  '0020-selection-and-offers': m0020,
  '0021-selection-runs-lz4': m0021,
  '0023-job-run-version': m0023,
  '0024-session-notify': m0024,
  '0025-selection-runs-json': m0025,
  '0026-register-answers': m0026,
  '0027-register-checks': m0027,
  '0028-register-differences': m0028,
};

export const migrationProvider: MigrationProvider = {
  getMigrations: async () => migrations,
};
