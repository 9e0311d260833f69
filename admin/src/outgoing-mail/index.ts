import OutboxIcon from '@mui/icons-material/Outbox';

import { OutgoingMailList } from './OutgoingMailList';
import { OutgoingMailShow } from './OutgoingMailShow';

/** The outbox for administrators: list and show, and "send again" (no create, edit or delete). */
export default {
  list: OutgoingMailList,
  show: OutgoingMailShow,
  icon: OutboxIcon,
  recordRepresentation: (record: { id: number | string }) => `#${record.id}`,
};
