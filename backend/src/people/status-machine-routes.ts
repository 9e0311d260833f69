import { z } from 'zod';
import { defineRoute, type RouteDef } from '../http/route';
import type { StatusMachine } from './status-machine';

const reason = z.enum(['required', 'optional']);
const machineSchema = z
  .object({
    statuses: z.array(z.string()).meta({ description: 'Every status, in the order of the brief' }),
    final: z.array(z.string()).meta({ description: 'Statuses nothing leaves' }),
    moves: z.record(z.string(), z.record(z.string(), reason)).meta({
      description: 'from → to → whether the move needs a written reason',
    }),
  })
  .meta({ id: 'StatusMachine' });

/**
 * `GET /api/status-machines`: the person registers' and the offers' state machines as the API enforces them, so
 * the console offers exactly the moves the API allows without a copy of the tables. Holds no
 * personal data: any signed-in user may read it.
 */
export const statusMachineRoutes = (machines: {
  children: StatusMachine<string>;
  adopters: StatusMachine<string>;
  offers: StatusMachine<string>;
}): RouteDef[] => [
  defineRoute({
    method: 'get',
    path: '/api/status-machines',
    summary:
      'The status machines of children, adopters and offers (allowed moves and reason rules)',
    tags: ['Children', 'Adopters', 'Offers'],
    access: 'signed-in',
    response: {
      description: 'One machine per register',
      schema: z.object({
        children: machineSchema,
        adopters: machineSchema,
        offers: machineSchema,
      }),
    },
    handler: () => machines,
  }),
];
