import HistoryIcon from '@mui/icons-material/History';

import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export { RecordHistory } from './RecordHistory';

/** The audit trail: list and show only (the API has no way to change it). */
export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (record: { id: number | string }) => `#${record.id}`,
};
