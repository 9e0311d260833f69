import { childStatuses, type ChildStatus } from '../db/tables/children';
import { statusMachine } from '../people/status-machine';

/**
 * The child's way through the register (brief section 6). A reason is required for every move
 * back to `available` or `record_received` (why the offer, acquaintance or care ended), into a
 * side state and for withdrawal; forward moves take an optional note.
 */
// prettier-ignore
export const childStatusMachine = statusMachine<ChildStatus>({
  statuses: childStatuses,
  final: ['adopted', 'withdrawn'],
  rows: [
    // from                      to                          reason
    ['record_received',          'available',                'optional'],
    ['available',                'offered',                  'optional'], // information sent to one adopter
    ['offered',                  'available',                'required'], // refused or expired
    ['offered',                  'getting_acquainted',       'optional'],
    ['getting_acquainted',       'pre_adoption_care',        'optional'], // orphan-court decision
    ['getting_acquainted',       'available',                'required'],
    ['pre_adoption_care',        'best_interests_confirmed', 'optional'],
    ['pre_adoption_care',        'available',                'required'], // care terminated
    ['best_interests_confirmed', 'permit_issued',            'optional'], // adoption abroad
    ['best_interests_confirmed', 'adopted',                  'optional'], // court approval
    ['permit_issued',            'adopted',                  'optional'],
    ['not_consenting',           'available',                'required'],
    ['suspended',                'available',                'required'],
    ['suspended',                'record_received',          'required'],
  ],
  fromAnyNonFinal: [
    ['not_consenting', 'required'], // the child does not consent to adoption
    ['suspended',      'required'],
    ['withdrawn',      'required'], // leaves the register without adoption
  ],
});
