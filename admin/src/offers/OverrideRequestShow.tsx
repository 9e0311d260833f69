import { formatLvDateTime } from '@adoption/model';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import {
  Link,
  ReferenceField,
  Show,
  useCanAccess,
  useGetIdentity,
  useNotify,
  useRecordContext,
  useRedirect,
  useRefresh,
  useTranslate,
  type RaRecord,
} from 'react-admin';

import { httpClient } from '../providers/http';
import { StatusChip } from './OfferStatusChip';

interface OverrideRecord extends RaRecord {
  adopterId: number;
  childIds: number[];
  selectionRunId: number | null;
  reason: string;
  status: string;
  requestedBy: number;
  requestedByName: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionNote: string | null;
  version: number;
  createdAt: string;
}

const l = (field: string) => `app.offers.overrides.fields.${field}`;

/** Approve or refuse (a head of department, not the requester), or withdraw (the requester). */
const Decision = () => {
  const record = useRecordContext<OverrideRecord>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const { identity } = useGetIdentity();
  const redirect = useRedirect();
  const { canAccess: decides } = useCanAccess({ resource: 'override-decisions', action: 'write' });
  const { canAccess: offers } = useCanAccess({ resource: 'offers', action: 'write' });
  const [decision, setDecision] = useState<'approved' | 'refused' | null>(null);
  const [note, setNote] = useState('');
  if (!record) return null;
  const own = identity?.id !== undefined && Number(identity.id) === record.requestedBy;
  const post = async (path: string, body: object) => {
    try {
      await httpClient(`/api/override-requests/${record.id}/${path}`, {
        method: 'POST',
        body: JSON.stringify({ ...body, version: record.version }),
      });
      notify('app.offers.overrides.done', { type: 'success' });
      setDecision(null);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  const pending = record.status === 'pending';
  // An approved request is the authority for exactly its adopter and children (it becomes `used`).
  const makeOffer = async () => {
    try {
      const { json } = await httpClient('/api/offers', {
        method: 'POST',
        body: JSON.stringify({
          adopterId: record.adopterId,
          childIds: record.childIds,
          overrideRequestId: record.id,
        }),
      });
      redirect(`/offers/${(json as { id: number }).id}/show`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <Stack direction="row" spacing={1} sx={{ my: 2 }}>
      {decides && pending && !own && (
        <>
          <MuiButton variant="contained" onClick={() => setDecision('approved')}>
            {translate('app.offers.overrides.approve')}
          </MuiButton>
          <MuiButton variant="outlined" color="error" onClick={() => setDecision('refused')}>
            {translate('app.offers.overrides.refuse')}
          </MuiButton>
        </>
      )}
      {decides && pending && own && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.offers.overrides.own')}
        </Typography>
      )}
      {offers && record.status === 'approved' && (
        <MuiButton variant="contained" onClick={() => void makeOffer()}>
          {translate('app.offers.overrides.make_offer')}
        </MuiButton>
      )}
      {own && (pending || record.status === 'approved') && (
        <MuiButton onClick={() => void post('withdraw', {})}>
          {translate('app.offers.overrides.withdraw')}
        </MuiButton>
      )}
      <Dialog open={decision !== null} onClose={() => setDecision(null)} fullWidth maxWidth="sm">
        <DialogTitle>
          {translate(
            decision === 'approved'
              ? 'app.offers.overrides.approve'
              : 'app.offers.overrides.refuse',
          )}
        </DialogTitle>
        <DialogContent>
          <TextField
            multiline
            minRows={3}
            fullWidth
            sx={{ mt: 1 }}
            label={translate(
              decision === 'refused'
                ? 'app.offers.overrides.note_required'
                : 'app.offers.overrides.note',
            )}
            value={note}
            onChange={(e) => setNote(e.target.value)}
            slotProps={{ htmlInput: { name: 'note', maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setDecision(null)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            disabled={decision === 'refused' && !note.trim()}
            onClick={() => void post('decision', { decision, note })}
          >
            {translate('app.offers.overrides.confirm')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Stack>
  );
};

const Page = () => {
  const record = useRecordContext<OverrideRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5">
          {translate('app.offers.overrides.title_show', { id: record.id })}
        </Typography>
        <StatusChip source="status" enumName="override_status" />
      </Stack>
      <Typography variant="caption" color="text.secondary">
        {translate(l('adopter'))}
      </Typography>
      <Box sx={{ mb: 1 }}>
        <ReferenceField source="adopterId" reference="adopters" link="show" />
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate(l('children'))}
      </Typography>
      <Box sx={{ mb: 1 }}>
        {record.childIds.map((id) => (
          <Box key={id}>
            <ReferenceField
              record={{ id, childId: id }}
              source="childId"
              reference="children"
              link="show"
            />
          </Box>
        ))}
      </Box>
      <Typography variant="caption" color="text.secondary">
        {translate(l('reason'))}
      </Typography>
      <Typography sx={{ whiteSpace: 'pre-line', mb: 1 }}>{record.reason}</Typography>
      <Typography variant="body2">
        {translate('app.offers.override_requested', {
          name: record.requestedByName,
          date: formatLvDateTime(record.createdAt),
        })}
      </Typography>
      {record.decidedByName && (
        <Typography variant="body2">
          {translate(
            `app.offers.overrides.decided_${record.status === 'refused' ? 'refused' : 'approved'}`,
            {
              name: record.decidedByName,
              date: formatLvDateTime(record.decidedAt),
            },
          )}
          {record.decisionNote ? ` — ${record.decisionNote}` : ''}
        </Typography>
      )}
      {record.selectionRunId && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.offers.from_run', { id: record.selectionRunId })}
        </Typography>
      )}
      <Decision />
      <Link to="/offers">{translate('app.offers.menu')}</Link>
    </Box>
  );
};

export const OverrideRequestShow = () => (
  <Show actions={false}>
    <Page />
  </Show>
);
