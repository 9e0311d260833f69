import type { Adopter, Child, SiblingGroup } from '@adoption/model';
import type { z } from 'zod';
import { adopterRecord } from '../adopters/schema';
import { childRecord } from '../children/schema';
import { siblingGroupRecord } from '../sibling-groups/schema';

// The console types its records with the model's types (admin/src/types.ts): they must be what the
// API answers. Checked when the tests compile; a field added on one side only fails the typecheck.
type Same<A, B> = [A] extends [B]
  ? [B] extends [A]
    ? [keyof A] extends [keyof B]
      ? [keyof B] extends [keyof A]
        ? true
        : false
      : false
    : false
  : false;

const sameShape: [
  Same<z.output<typeof childRecord>, Child>,
  Same<z.output<typeof adopterRecord>, Adopter>,
  Same<z.output<typeof siblingGroupRecord>, SiblingGroup>,
  Same<Child['healthConditions'], z.output<typeof childRecord>['healthConditions']>,
] = [true, true, true, true];

describe("the model's record types", () => {
  it('are the API answers’ shapes (a compile-time check)', () => {
    expect(sameShape).toEqual([true, true, true, true]);
  });
});
