/**
 * audit/: the audit trail for the auditor — list and show only (the API has no way to change it),
 * CSV export, and "who has seen or changed this" (RecordHistory) that the card screens embed. The
 * card's field-change timeline is common/FieldHistory.tsx.
 */
import HistoryIcon from '@mui/icons-material/History';

import { AuditEventList } from './AuditEventList';
import { AuditEventShow } from './AuditEventShow';

export { RecordHistory } from './RecordHistory';

export default {
  list: AuditEventList,
  show: AuditEventShow,
  icon: HistoryIcon,
  recordRepresentation: (record: { id: number | string }) => `#${record.id}`,
};
