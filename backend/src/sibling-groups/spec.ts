import type { RecordSpec } from '../records';
import {
  checkSiblingGroup,
  siblingGroupInput,
  siblingGroupList,
  siblingGroupRecord,
} from './schema';
import { applyGroupScope, withMembers } from './members';

/** A group's own columns as stored (members are not fields: `PUT …/members` sets them). */
export const groupRow = siblingGroupRecord.omit({ children: true });

/**
 * A sibling group as a record: its routes and an accepted change request (an orphan court's
 * separation decision) write it through this spec. It has no scope column: the actor sees a
 * group through its members, and a stale write answers the group with the members it may see.
 */
export const siblingGroupSpec = {
  resource: 'sibling-groups',
  table: 'siblingGroups',
  record: groupRow,
  input: siblingGroupInput,
  list: siblingGroupList,
  check: checkSiblingGroup,
  scope: applyGroupScope,
  showCurrent: async (db, actor, row) => (await withMembers(db, actor, [row]))[0],
} satisfies RecordSpec<'siblingGroups', typeof groupRow.shape>;
