/**
 * register-differences/: the work queue of the nightly reconciliation with the state registers
 * (PMLP, VDEĀVK) — the list of differences with filters by kind, register, whose card and who
 * holds an item; assigning an item to oneself, resolving it with a reason, opening the card (whose
 * "Pārbaudīt reģistros" takes the register's value, which resolves the item as well). The API
 * (backend/src/registers/differences-routes.ts) decides; the console shows.
 */
import CompareArrowsIcon from '@mui/icons-material/CompareArrows';

import { DifferenceList } from './DifferenceList';
import { DifferenceShow } from './DifferenceShow';

export default {
  list: DifferenceList,
  show: DifferenceShow,
  icon: CompareArrowsIcon,
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};
