import { Alert, Box, LinearProgress, Typography } from '@mui/material';
import { useState } from 'react';
import {
  Labeled,
  Link,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { StatusChip } from './ChangeRequestList';
import { Decision, Withdraw, type RequestRecord } from './Decision';
import { FieldTable } from './FieldTable';

type Detail = RequestRecord & {
  recordId: number | null;
  createdRecordId: number | null;
  recordName: string | null;
  proposed: Record<string, unknown>;
  valuesAtProposal: Record<string, unknown> | null;
  current: Record<string, unknown> | null;
  changedSinceProposal: string[];
  acceptedFields: string[] | null;
  comment: string | null;
  decisionComment: string | null;
};

const l = (field: string) => `app.change_requests.fields.${field}`;

const Title = () => {
  const record = useRecordContext();
  const translate = useTranslate();
  return <>{record ? translate('app.change_requests.title_show', { id: record.id }) : ''}</>;
};

/** The record the request is about (or the one its acceptance created), as a link. */
const RecordLink = () => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  if (!record) return null;
  const id = record.recordId ?? record.createdRecordId;
  const name = record.recordName ?? (id ? `#${id}` : translate('app.change_requests.kinds.create'));
  // A link only where the user may open the record (a proposer's child may have moved away).
  const reachable = id !== null && (record.current !== null || record.createdRecordId !== null);
  return reachable ? (
    <Link to={`/${record.resource}/${id}/show`}>{name}</Link>
  ) : (
    <span>{name}</span>
  );
};

/**
 * One request: who proposed what and why, field by field against the register, and — for a
 * specialist while it is pending — the decision; for the proposer the outcome and the
 * specialist's comment, and "withdraw" while it is pending.
 */
const RequestView = () => {
  const record = useRecordContext<Detail>();
  const translate = useTranslate();
  const { canAccess: decides } = useCanAccess({
    resource: 'change-request-decisions',
    action: 'write',
  });
  const { canAccess: proposes } = useCanAccess({ resource: 'change-requests', action: 'write' });
  // Every proposed field is ticked at first; the specialist unticks what not to accept (kept
  // per version of the request, so a reloaded request starts ticked again).
  const key = record ? `${record.id}:${record.version}` : '';
  const [unticked, setUnticked] = useState<{ key: string; fields: string[] }>({
    key: '',
    fields: [],
  });
  if (!record) return null;
  const off = unticked.key === key ? unticked.fields : [];
  const selected = new Set(record.fields.filter((f) => !off.includes(f)));
  const pending = record.status === 'pending';
  const deciding = decides && pending;
  const toggle = (f: string) =>
    setUnticked({ key, fields: off.includes(f) ? off.filter((x) => x !== f) : [...off, f] });
  return (
    <Box>
      <SimpleShowLayout sx={{ pb: 0 }}>
        <StatusChip source="status" label={l('status')} />
        <Labeled label={l('recordName')}>
          <RecordLink />
        </Labeled>
        <TextField source="proposedByName" label={l('proposedBy')} />
        <LvDateField source="createdAt" label={l('createdAt')} showTime />
        {record.comment && (
          <TextField source="comment" label={l('comment')} sx={{ whiteSpace: 'pre-line' }} />
        )}
        {!pending && <LvDateField source="decidedAt" label={l('decidedAt')} showTime />}
        {!pending && <TextField source="decidedByName" label={l('decidedBy')} />}
        {record.decisionComment && (
          <TextField
            source="decisionComment"
            label={l('decisionComment')}
            sx={{ whiteSpace: 'pre-line' }}
          />
        )}
        {(record as { careProviderId?: number }).careProviderId ? (
          <ReferenceField
            source="careProviderId"
            reference="care-providers"
            label={l('careProviderId')}
            link={false}
          />
        ) : (
          <ReferenceField
            source="orphanCourtId"
            reference="orphan-courts"
            label={l('orphanCourtId')}
            link={false}
          />
        )}
      </SimpleShowLayout>
      <Box sx={{ px: 2, pb: 2 }}>
        {pending && !decides && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.change_requests.proposer_note')}
          </Alert>
        )}
        {record.kind === 'update' && record.current === null && (
          <Alert severity="info" sx={{ mb: 2 }}>
            {translate('app.change_requests.record_not_visible')}
          </Alert>
        )}
        <Typography variant="h6" component="h2" sx={{ fontSize: 16, mb: 1 }}>
          {translate('app.change_requests.table.title')}
        </Typography>
        {/* Opened from the list, the summary shows until the request with its values arrives. */}
        {record.proposed === undefined ? (
          <LinearProgress />
        ) : (
          <FieldTable
            resource={record.resource}
            kind={record.kind}
            fields={record.fields}
            proposed={record.proposed}
            valuesAtProposal={record.valuesAtProposal}
            current={record.current}
            changedSinceProposal={record.changedSinceProposal}
            acceptedFields={record.acceptedFields}
            selected={deciding && record.kind === 'update' ? selected : undefined}
            onToggle={toggle}
          />
        )}
        {deciding && record.proposed !== undefined && (
          <Decision record={record} selected={selected} />
        )}
        {pending && proposes && <Withdraw record={record} />}
      </Box>
    </Box>
  );
};

export const ChangeRequestShow = () => (
  <Show title={<Title />} actions={false}>
    <RequestView />
  </Show>
);
