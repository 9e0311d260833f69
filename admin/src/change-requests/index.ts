import RuleIcon from '@mui/icons-material/Rule';

import { ChangeRequestCreate } from './ChangeRequestCreate';
import { ChangeRequestList } from './ChangeRequestList';
import { ChangeRequestShow } from './ChangeRequestShow';

export { ProposeChangeButton } from './ProposeChangeButton';

/**
 * Change requests (izmaiņu pieprasījumi): care institutions and orphan courts propose, an
 * adoption specialist accepts (wholly or field by field) or returns. The resource's name comes
 * from `options.label` (its texts live under `app.change_requests`).
 */
export default {
  list: ChangeRequestList,
  show: ChangeRequestShow,
  create: ChangeRequestCreate,
  icon: RuleIcon,
  options: { label: 'app.change_requests.menu' },
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};
