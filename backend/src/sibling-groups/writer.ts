import type { z } from 'zod';
import type { Actor } from '../auth/actor';
import type { Db } from '../db/database';
import { Problem } from '../http/problem';
import { recordWriter } from '../records';
import { siblingGroupInput } from './schema';
import { selectGroups } from './members';
import { siblingGroupSpec } from './spec';

const resource = 'sibling-groups';

/** The fields a group is written with (the input schema's, nothing else). */
export const groupFields = Object.keys(siblingGroupInput.shape) as (keyof z.output<
  typeof siblingGroupInput
>)[];

/** The group if the actor sees it (a member in its children scope), else undefined. */
export const findGroup = (db: Db, actor: Actor | undefined, id: number) =>
  selectGroups(db, actor).where('id', '=', id).executeTakeFirst();

/**
 * Writing a sibling group with its rules, the writer's scope, optimistic locking and the audit
 * event: the record writer (records/) over the group's spec, as the person registers have it. The
 * sibling-group routes and an accepted change request (an orphan court's separation decision)
 * both write through here.
 */
export const siblingGroupWriter = recordWriter(siblingGroupSpec);

export function notFound(id: number): never {
  throw Problem.noRecord(resource, id);
}
