/**
 * offers/: the adoption process in the console — the offers list with its filters (state,
 * deadline in the next N days, overdue), the offer page (timeline, deadlines, the override, the
 * moves its state allows), the override requests a head of department decides, and the refusals
 * panel of the adopter's page. The API (backend/src/offers/) decides; the console shows.
 */
import AssignmentIndIcon from '@mui/icons-material/AssignmentInd';
import GavelIcon from '@mui/icons-material/Gavel';

import { OfferList } from './OfferList';
import { OfferShow } from './OfferShow';
import { OverrideRequestList } from './OverrideRequestList';
import { OverrideRequestShow } from './OverrideRequestShow';

export { RefusalsPanel } from './RefusalsPanel';

export const overrideRequests = {
  list: OverrideRequestList,
  show: OverrideRequestShow,
  icon: GavelIcon,
  options: { label: 'app.offers.overrides.menu' },
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};

export default {
  list: OfferList,
  show: OfferShow,
  icon: AssignmentIndIcon,
  options: { label: 'app.offers.menu' },
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};
