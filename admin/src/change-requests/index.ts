/**
 * change-requests/: change requests (izmaiņu pieprasījumi) — care institutions and orphan courts
 * propose (a new or changed card, a sibling separation), an adoption specialist accepts (wholly or
 * field by field) or returns. The "propose a change" button the card screens use is here; who may
 * propose which fields is the model's (proposals.ts).
 */
import RuleIcon from '@mui/icons-material/Rule';

import { ChangeRequestCreate } from './ChangeRequestCreate';
import { ChangeRequestList } from './ChangeRequestList';
import { ChangeRequestShow } from './ChangeRequestShow';

export { ProposeChangeButton } from './ProposeChangeButton';

/**
 * The resource's name comes from `options.label` (its texts live under `app.change_requests`).
 */
export default {
  list: ChangeRequestList,
  show: ChangeRequestShow,
  create: ChangeRequestCreate,
  icon: RuleIcon,
  options: { label: 'app.change_requests.menu' },
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};
