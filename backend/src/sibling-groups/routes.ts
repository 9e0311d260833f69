/**
 * sibling-groups/: brothers and sisters (brāļi un māsas) kept as one group, to be adopted together
 * unless an orphan court decided to separate them (the decision is kept with the group); members,
 * routes and the group's writer. Each child's card is children/; a proposed separation comes as a
 * change request (change-requests/).
 */
import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import { idParams } from '../http/ids';
import { listQueries, listQueryDoc, parseListQuery, setContentRange } from '../http/list';
import { deletedChanges } from '../audit/diff';
import {
  groupColumns,
  membersInput,
  siblingGroupInput,
  siblingGroupList,
  siblingGroupRecord,
  siblingGroupUpdate,
} from './schema';
import { applyGroupScope, replaceMembers, selectGroups, withMembers } from './members';
import { findGroup, notFound, siblingGroupWriter } from './writer';

const resource = 'sibling-groups';
const base = `/api/${resource}`;
const tags = ['Sibling groups'];
const columns = [...groupColumns];

/**
 * Sibling groups at `/api/sibling-groups`: brothers and sisters kept together unless an orphan
 * court decided they may be separated. Specialists keep them; care institutions and orphan courts
 * read the groups with one of their children, and see only those members. Reads are audited.
 */
export const siblingGroupRoutes = (maxPage: number): RouteDef[] =>
  [
    defineRoute({
      method: 'get',
      path: base,
      summary: 'List sibling groups',
      tags,
      access: `${resource}:read`,
      query: listQueryDoc,
      response: {
        description: 'One page of groups, each with its visible members',
        schema: z.array(siblingGroupRecord),
        headers: { 'Content-Range': `\`${resource} first-last/total\`` },
      },
      handler: async ({ db, ctx, actor, audit }) => {
        const q = parseListQuery(ctx.query, siblingGroupList, maxPage);
        const { page, count } = listQueries(
          db,
          'siblingGroups',
          columns,
          siblingGroupList,
          q,
          (qb) => applyGroupScope(qb, actor),
        );
        const [rows, total] = await Promise.all([page.execute(), count.executeTakeFirstOrThrow()]);
        setContentRange(ctx, resource, q.range, rows.length, Number(total.total));
        const groups = await withMembers(db, actor, rows);
        await audit({
          action: 'list',
          resource,
          recordIds: rows.map((r) => r.id as number),
          detail: {
            filter: q.filter,
            sort: q.sort,
            range: q.range,
            total: Number(total.total),
            childIds: groups.flatMap((g) => g.children.map((c) => c.id as number)),
          },
        });
        return groups;
      },
    }),
    defineRoute({
      method: 'get',
      path: `${base}/:id`,
      summary: 'Show a sibling group with its members',
      tags,
      access: `${resource}:read`,
      params: idParams,
      response: { description: 'The group', schema: siblingGroupRecord },
      handler: async ({ db, params, actor, audit }) => {
        const found = (await findGroup(db, actor, params.id)) ?? notFound(params.id);
        const [group] = await withMembers(db, actor, [found]);
        await audit({
          action: 'read',
          resource,
          recordId: params.id,
          detail: { childIds: group!.children.map((c) => c.id as number) },
        });
        return group;
      },
    }),
    defineRoute({
      method: 'post',
      path: base,
      summary: 'Create a sibling group (members follow with PUT …/members)',
      tags,
      access: `${resource}:write`,
      body: siblingGroupInput.strict(),
      response: { status: 201, description: 'The created group', schema: siblingGroupRecord },
      handler: async ({ db, body, actor, audit, onCommit }) => ({
        ...(await siblingGroupWriter.create({ db, actor, audit, onCommit }, body)),
        children: [],
      }),
    }),
    defineRoute({
      method: 'put',
      path: `${base}/:id`,
      summary: 'Update a sibling group',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: siblingGroupUpdate,
      response: {
        description: 'The updated group (version incremented)',
        schema: siblingGroupRecord,
      },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const updated = await siblingGroupWriter.update(
          { db, actor, audit, onCommit },
          params.id,
          body,
        );
        return (await withMembers(db, actor, [updated]))[0];
      },
    }),
    defineRoute({
      method: 'put',
      path: `${base}/:id/members`,
      summary: 'Replace the members of a sibling group',
      tags,
      access: `${resource}:write`,
      params: idParams,
      body: membersInput,
      response: {
        description: 'The group with its new members (version incremented)',
        schema: siblingGroupRecord,
      },
      handler: async ({ db, params, body, actor, audit, onCommit }) => {
        const w = { db, actor, audit, onCommit };
        const updated = await siblingGroupWriter.write(
          w,
          params.id,
          body.version,
          async (current) => {
            // The members asked for replace the ones the editor saw: a stale editor gets 409 first.
            await siblingGroupWriter.refuseStale(w, body.version, current);
            const members = await replaceMembers(db, actor, params.id, body.childIds);
            // The group's version moves with its members, so a stale members editor gets 409.
            return {
              action: 'update',
              set: { updatedAt: new Date() },
              changes: { members: { old: members.old, new: members.new } },
              source: 'update',
            };
          },
        );
        return (await withMembers(db, actor, [updated]))[0];
      },
    }),
    defineRoute({
      method: 'delete',
      path: `${base}/:id`,
      summary: 'Delete a sibling group (its children are unlinked)',
      tags,
      access: `${resource}:write`,
      params: idParams,
      response: { description: 'The deleted group', schema: siblingGroupRecord },
      handler: async ({ db, params, actor, audit }) => {
        const current =
          (await selectGroups(db, actor)
            .where('id', '=', params.id)
            .forUpdate()
            .executeTakeFirst()) ?? notFound(params.id);
        const [shown] = await withMembers(db, actor, [current]);
        const memberIds = (
          await db
            .selectFrom('children')
            .select('id')
            .where('siblingGroupId', '=', params.id)
            .orderBy('id')
            .execute()
        ).map((c) => c.id);
        // The foreign key (on delete set null) unlinks the children.
        await db.deleteFrom('siblingGroups').where('id', '=', params.id).execute();
        await audit({
          action: 'delete',
          resource,
          recordId: params.id,
          changes: { ...deletedChanges(current), members: { old: memberIds } },
        });
        return shown;
      },
    }),
  ] as RouteDef[];
