/**
 * outgoing-mail/: the outbox for administrators — the register's e-mails with their delivery
 * status and the rendered letter: list and show, and "send again" (no create, edit or delete).
 * Sending is the API's (backend/src/messaging/).
 */
import OutboxIcon from '@mui/icons-material/Outbox';

import { OutgoingMailList } from './OutgoingMailList';
import { OutgoingMailShow } from './OutgoingMailShow';

export default {
  list: OutgoingMailList,
  show: OutgoingMailShow,
  icon: OutboxIcon,
  recordRepresentation: (record: { id: number | string }) => `#${record.id}`,
};
