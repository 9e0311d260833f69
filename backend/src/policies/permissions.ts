/**
 * policies/: who may do what with the register — role permissions (this file), record scopes (the
 * children and adopters an orphan court or care institution sees) and field rules (which parts of
 * a record); the field groups and proposal tables themselves are the model's. Sign-in is auth/.
 *
 * This file: the one declarative table every route is checked against.
 * A route names one permission (or is explicitly public); a role not listed for it gets 403.
 * `read` covers list and show; `write` covers create, update and delete.
 * The auditor reads the audit trail and nothing else (not even reference data). The system
 * administrator keeps accounts and classifiers but reads no child or adopter (least privilege);
 * the analyst gets aggregates only (`statistics`).
 * On top of this table: record scopes (./scopes.ts: which rows) and field rules (./fields.ts:
 * which parts of a row).
 */
import type { Role } from './roles';
import { fieldPermissions } from './fields';

const R = 'read';
const W = 'write';
type Level = typeof R | typeof W;

//                              administrator adoption_spec. head_of_dept care_inst. orphan_court analyst auditor
// prettier-ignore
const table = {
  territories:            row([R, W],     [R],           [R],         [R],       [R],         [R],    []),
  'orphan-courts':        row([R, W],     [R],           [R],         [R],       [R],         [R],    []),
  'care-providers':       row([R, W],     [R],           [R],         [R],       [R],         [R],    []),
  countries:              row([R, W],     [R],           [R],         [R],       [R],         [R],    []),
  users:                  row([R, W],     [],            [R],         [],        [],          [],     []),
  'audit-events':         row([R],        [],            [],          [],        [],          [],     [R]),
  'outgoing-mail':        row([R, W],     [],            [],          [],        [],          [],     []),
  children:               row([],         [R, W],        [R, W],      [R],       [R],         [],     []),
  adopters:               row([],         [R, W],        [R, W],      [],        [R],         [],     []),
  'sibling-groups':       row([],         [R, W],        [R, W],      [R],       [R],         [],     []),
  statistics:             row([],         [R],           [R],         [],        [],          [R],    []),
  // Proposals of care institutions and orphan courts (write = propose, withdraw) …
  'change-requests':      row([],         [R],           [R],         [R, W],    [R, W],      [],     []),
  // … and the specialist's decision on them (accept, return).
  'change-request-decisions': row([],     [W],           [],          [],        [],          [],     []),
  // Selection and the adoption process. Runs (read: stored runs; write: run a selection) …
  selections:             row([],         [R, W],        [R, W],      [],        [],          [],     []),
  // … their rules' parameters (versioned; the administrator keeps them) …
  'selection-parameters': row([R, W],     [R],           [R],         [],        [],          [],     []),
  // … offers with their timeline and deadlines …
  offers:                 row([],         [R, W],        [R, W],      [],        [],          [],     []),
  // … proposing outside the result (write = ask) and the head of department's decision on it.
  'override-requests':    row([],         [R, W],        [R, W],      [],        [],          [],     []),
  'override-decisions':   row([],         [],            [W],         [],        [],          [],     []),
  // Notify adopters (mail campaigns), the dashboard, the fairness report, long jobs.
  'mail-campaigns':       row([],         [R, W],        [R, W],      [],        [],          [],     []),
  dashboard:              row([],         [R],           [R],         [],        [],          [],     []),
  'fairness-report':      row([],         [],            [R],         [],        [],          [R],    []),
  jobs:                   row([R, W],     [R],           [R],         [],        [],          [],     []),
  // The nightly reconciliation's work queue of differences from PMLP and VDEĀVK.
  'register-differences': row([],         [R, W],        [R, W],      [],        [],          [],     []),
};

function row(...levels: Level[][]): Level[][] {
  return levels;
}

const roleOrder: Role[] = [
  'administrator',
  'adoption_specialist',
  'head_of_department',
  'care_institution',
  'orphan_court',
  'analyst',
  'auditor',
];

export type PermissionResource = keyof typeof table;
export type Permission = `${PermissionResource}:${Level}`;

export const permissionsByRole: Record<Role, readonly Permission[]> = Object.fromEntries(
  roleOrder.map((role, i) => [
    role,
    Object.entries(table).flatMap(([resource, levels]) =>
      (levels[i] ?? []).map((level) => `${resource}:${level}` as Permission),
    ),
  ]),
) as Record<Role, Permission[]>;

export function can(role: Role, permission: Permission): boolean {
  return permissionsByRole[role].includes(permission);
}

/** What `GET /api/auth/me` tells the console: route permissions and the field groups it sees. */
export function consolePermissions(role: Role): string[] {
  return [...permissionsByRole[role], ...fieldPermissions(role)];
}
