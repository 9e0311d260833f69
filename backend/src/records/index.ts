/**
 * records/: writing a register's records, whoever writes (their CRUD routes, a status move, an
 * accepted change request, later matching and offers). One write path with one set of guarantees:
 * the record's rules, the writer's record scope, optimistic locking, one audit event, the field
 * history, and `onCommit` for what must wait until the change is durable. HTTP serves records
 * (`http/crud.ts`); it does not decide how they are written.
 */
export type { RecordSpec } from './spec';
export {
  recordWriter,
  type Change,
  type RecordWriter,
  type Row,
  type WriteContext,
  type WriteOrigin,
} from './writer';
