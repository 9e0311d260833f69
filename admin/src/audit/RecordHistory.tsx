import { Box, Typography } from '@mui/material';
import {
  Datagrid,
  Link,
  ReferenceManyField,
  SelectField,
  TextField,
  useCanAccess,
  useRecordContext,
  useResourceContext,
  useTranslate,
} from 'react-admin';

import { auditActionChoices, roleChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { ChangedFieldsField } from './ChangesTable';

export interface RecordHistoryProps {
  /** The record's resource; defaults to the page's. */
  resource?: string;
  /** How many of the latest events to show. */
  perPage?: number;
}

/**
 * "Who has seen or changed this": the latest audit events of the current record, from
 * `/api/record-history`, on the record's show page. Shown to whoever may read the record, the
 * same rule the API applies (the API masks what the reader may not see); only audit readers get
 * the link to the whole trail.
 */
export const RecordHistory = ({ resource, perPage = 10 }: RecordHistoryProps) => {
  const pageResource = useResourceContext();
  const record = useRecordContext();
  const translate = useTranslate();
  const target = resource ?? pageResource;
  const trail = useCanAccess({ resource: 'audit-events', action: 'list' });
  // Rendered on the record's own page: whoever sees the record may read its history (the API's
  // rule). No second `show` access check here: it shares the page's own check and, re-run on
  // mount, sent the page back to its loading state over and over (a card that never appeared).
  if (!record || !target) return null;
  const all = `/audit-events?filter=${encodeURIComponent(
    JSON.stringify({ resource: target, recordId: String(record.id) }),
  )}`;
  return (
    <Box sx={{ px: 2, pb: 2 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', justifyContent: 'space-between' }}>
        <Typography variant="h6" component="h2" sx={{ fontSize: 16, mt: 2, mb: 1 }}>
          {translate('app.audit.history_title')}
        </Typography>
        {trail.canAccess && <Link to={all}>{translate('app.audit.history_all')}</Link>}
      </Box>
      <ReferenceManyField
        reference="record-history"
        target="recordId"
        filter={{ resource: target }}
        sort={{ field: 'id', order: 'DESC' }}
        perPage={perPage}
        empty={
          <Typography variant="body2" color="text.secondary">
            {translate('app.audit.history_empty')}
          </Typography>
        }
      >
        <Datagrid
          size="small"
          bulkActionButtons={false}
          rowClick={trail.canAccess ? (id) => `/audit-events/${id}/show` : false}
        >
          <LvDateField
            source="occurredAt"
            label="resources.audit-events.fields.occurredAt"
            showTime
          />
          <TextField
            source="actorUsername"
            label="resources.audit-events.fields.actorUsername"
            sortable={false}
          />
          <SelectField
            source="actorRole"
            label="resources.audit-events.fields.actorRole"
            choices={roleChoices}
            sortable={false}
          />
          <SelectField
            source="action"
            label="resources.audit-events.fields.action"
            choices={auditActionChoices}
            sortable={false}
          />
          <ChangedFieldsField label="resources.audit-events.fields.changes" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </Box>
  );
};
