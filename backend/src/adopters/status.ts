import { adopterStatuses, type AdopterStatus } from '../db/tables/adopters';
import { statusMachine } from '../people/status-machine';

/**
 * The adopter's way through the register (brief section 6). A reason is required for every move
 * back to `waiting` (why the information, acquaintance or care ended; why a suspension was
 * lifted), for suspension, revocation and withdrawal; other moves take an optional note.
 */
// prettier-ignore
export const adopterStatusMachine = statusMachine<AdopterStatus>({
  statuses: adopterStatuses,
  final: ['closed', 'revoked', 'withdrawn'],
  rows: [
    // from                  to                      reason
    ['registered',           'waiting',              'optional'], // in the queue
    ['waiting',              'information_received', 'optional'], // information about a child sent
    ['information_received', 'getting_acquainted',  'optional'],
    ['information_received', 'waiting',              'required'], // declined or expired
    ['getting_acquainted',   'pre_adoption_care',    'optional'],
    ['getting_acquainted',   'waiting',              'required'],
    ['pre_adoption_care',    'adopted',              'optional'],
    ['pre_adoption_care',    'waiting',              'required'], // care terminated
    ['adopted',              'waiting',              'required'], // wishes allow more children
    ['adopted',              'closed',               'optional'],
    ['suspended',            'waiting',              'required'],
    ['status_expired',       'waiting',              'required'], // recognition renewed
  ],
  fromAnyNonFinal: [
    ['suspended',      'required'],
    ['status_expired', 'optional'], // the recognition's validity ended: a fact, not a judgement
    ['revoked',        'required'], // the orphan court revoked the recognition
    ['withdrawn',      'required'], // the adopter withdrew
  ],
});
