import { formatLvDate } from '@adoption/model';
import SwapHorizIcon from '@mui/icons-material/SwapHoriz';
import {
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  MenuItem,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';
import { LvDayInput, useLvDay, usePostMove } from './moveForm';
import { nextStatuses, reasonRule } from './statusMachine';
import { useStatusMachine } from './useStatusMachine';

type Resource = 'children' | 'adopters';
const enumOf = (resource: Resource) =>
  resource === 'children' ? 'child_status' : 'adopter_status';

interface StatusChangeRow {
  id: number;
  fromStatus: string;
  toStatus: string;
  changedOn: string;
  reason: string | null;
  changedByName: string;
}

/**
 * "Mainīt statusu": a dialog offering the statuses that may follow the current one
 * (`POST /api/<resource>/:id/status`), with the date (today in Riga) and the reason where the
 * move needs one. Shown only to those who may write the resource; the API checks everything.
 */
export const StatusChangeButton = ({ resource }: { resource: Resource }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  const [open, setOpen] = useState(false);
  const [status, setStatus] = useState('');
  const day = useLvDay();
  const [reason, setReason] = useState('');
  const { errors, saving, helper, post, clear } = usePostMove();
  const machine = useStatusMachine(resource);
  if (!canAccess || !record || !machine) return null;
  const options = nextStatuses(machine, String(record.status));
  const needsReason =
    status !== '' && reasonRule(machine, String(record.status), status) === 'required';
  const show = () => {
    setStatus('');
    day.reset();
    setReason('');
    clear();
    setOpen(true);
  };
  const save = () =>
    post(
      `/api/${resource}/${record.id}/status`,
      { status, changedOn: day.iso, reason, version: record.version },
      'app.status_change.done',
      () => setOpen(false),
    );
  return (
    <>
      <Button label="app.status_change.button" onClick={show} disabled={options.length === 0}>
        <SwapHorizIcon />
      </Button>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.status_change.title')}</DialogTitle>
        <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
          <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
            {translate('app.status_change.current', {
              status: translate(`app.enums.${enumOf(resource)}.${String(record.status)}`),
            })}
          </Typography>
          <TextField
            select
            label={translate('app.status_change.status')}
            value={status}
            onChange={(e) => setStatus(e.target.value)}
            error={!!errors.status}
            helperText={helper('status')}
          >
            {options.map((s) => (
              <MenuItem key={s} value={s}>
                {translate(`app.enums.${enumOf(resource)}.${s}`)}
              </MenuItem>
            ))}
          </TextField>
          <LvDayInput
            day={day}
            name="changedOn"
            label={translate('app.status_change.changed_on')}
            apiError={helper('changedOn')}
          />
          <TextField
            multiline
            minRows={2}
            label={translate(
              needsReason ? 'app.status_change.reason_required' : 'app.status_change.reason',
            )}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            required={needsReason}
            error={!!errors.reason}
            helperText={helper('reason') ?? translate('app.status_change.reason_help')}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            onClick={() => void save()}
            disabled={saving || !status || !day.ok || (needsReason && !reason.trim())}
          >
            {translate('ra.action.save')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};

/** The record's status history, newest first (`GET /api/<resource>/:id/status-history`). */
export const StatusTimeline = ({ resource }: { resource: Resource }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const [rows, setRows] = useState<StatusChangeRow[] | undefined>();
  const id = record?.id;
  const version = record?.version;
  useEffect(() => {
    if (id === undefined) return;
    let live = true;
    httpClient(`/api/${resource}/${id}/status-history`)
      .then(({ json }) => live && setRows(json as StatusChangeRow[]))
      .catch(() => live && setRows([]));
    return () => void (live = false);
  }, [resource, id, version]);
  if (!record) return null;
  const label = (s: string) => translate(`app.enums.${enumOf(resource)}.${s}`);
  return (
    <Box sx={{ px: 2, pb: 1 }}>
      <Typography variant="h6" component="h2" sx={{ fontSize: 16, mt: 2, mb: 1 }}>
        {translate('app.status_change.timeline')}
      </Typography>
      {rows?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.status_change.timeline_empty')}
        </Typography>
      )}
      <Box component="ol" sx={{ m: 0, pl: 2 }}>
        {rows?.map((r) => (
          <Box component="li" key={r.id} sx={{ mb: 1 }}>
            <Typography variant="body2">
              <strong>{formatLvDate(r.changedOn)}</strong> {label(r.fromStatus)} →{' '}
              {label(r.toStatus)}
              <Typography component="span" variant="body2" color="text.secondary">
                {' '}
                ({r.changedByName})
              </Typography>
            </Typography>
            {r.reason && (
              <Typography variant="body2" color="text.secondary" sx={{ whiteSpace: 'pre-line' }}>
                {r.reason}
              </Typography>
            )}
          </Box>
        ))}
      </Box>
    </Box>
  );
};
