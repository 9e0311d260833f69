import { z } from 'zod';
import { selectionDirections } from '@adoption/model';
import { equals, type ListSpec } from '../http/list';
import { isoDate, outDate } from '../people/fields';
import { reference } from '../classifiers/common';
import { selectionParameters } from './parameters';

/** `POST …/selections`: the selection date, Riga today when left out. */
export const runInput = z
  .object({
    runOn: isoDate.optional().meta({ description: 'Selection date (default: today in Riga)' }),
  })
  .strict();

/** A stored run, exactly as stored (the result's shape: docs/selection.md, "Stored runs"). */
export const selectionRun = z
  .object({
    id: z.number().int(),
    direction: z.enum(selectionDirections),
    adopterId: z.number().int().nullable(),
    childId: z.number().int().nullable(),
    siblingGroupId: z.number().int().nullable(),
    runOn: outDate,
    parametersVersion: z.number().int(),
    inputs: z.record(z.string(), z.unknown()),
    result: z.record(z.string(), z.unknown()),
    proposedCount: z.number().int(),
    createdBy: z.number().int(),
    createdByName: z.string().nullable().meta({ description: 'Who ran it' }),
    createdAt: z.string(),
  })
  .meta({ id: 'SelectionRun' });

export const summaryColumns = [
  'id',
  'direction',
  'adopterId',
  'childId',
  'siblingGroupId',
  'runOn',
  'parametersVersion',
  'proposedCount',
  'createdBy',
  'createdAt',
] as const;

export const selectionRunSummary = selectionRun
  .omit({ inputs: true, result: true })
  .meta({ id: 'SelectionRunSummary' });

export const selectionRunList: ListSpec = {
  sort: { id: 'id', createdAt: 'createdAt', runOn: 'runOn', proposedCount: 'proposedCount' },
  defaultSort: ['id', 'DESC'],
  filters: {
    adopterId: equals('adopterId', reference),
    childId: equals('childId', reference),
    siblingGroupId: equals('siblingGroupId', reference),
    direction: equals('direction', z.enum(selectionDirections)),
  },
};

/** `POST /api/selection-parameters`: every value and a note on why they change. */
export const parametersInput = selectionParameters
  .extend({ note: z.string().trim().min(1).max(2000) })
  .strict()
  .meta({ id: 'SelectionParametersInput' });

export const parametersRecord = z
  .object({
    id: z.number().int(),
    version: z.number().int(),
    values: selectionParameters,
    note: z.string().nullable(),
    createdBy: z.number().int().nullable(),
    createdByName: z.string().nullable().meta({ description: 'Who made this version' }),
    createdAt: z.string(),
  })
  .meta({ id: 'SelectionParametersVersion' });

export const parametersList: ListSpec = {
  sort: { id: 'id', createdAt: 'createdAt' },
  defaultSort: ['id', 'DESC'],
  filters: {},
};
