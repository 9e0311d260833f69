import {
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { useCanAccess, useNotify, useRedirect, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';

/**
 * "Lūgt izņēmumu": a specialist asks a head of department to allow offering children the
 * selection did not propose (a near miss, an excluded child) — `POST /api/override-requests` with
 * the run it came from and a written reason. The request's page then shows the decision and, once
 * approved, drafts the offer.
 */
export const AskOverride = ({
  adopterId,
  childIds,
  selectionRunId,
}: {
  adopterId: number;
  childIds: number[];
  selectionRunId: number | null;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { canAccess } = useCanAccess({ resource: 'override-requests', action: 'write' });
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  if (!canAccess) return null;
  const send = async () => {
    try {
      const { json } = await httpClient('/api/override-requests', {
        method: 'POST',
        body: JSON.stringify({ adopterId, childIds, selectionRunId, reason }),
      });
      setOpen(false);
      redirect(`/override-requests/${(json as { id: number }).id}/show`);
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    }
  };
  return (
    <>
      <MuiButton size="small" onClick={() => setOpen(true)} data-testid="ask-override">
        {translate('app.offers.overrides.ask')}
      </MuiButton>
      <Dialog open={open} onClose={() => setOpen(false)} fullWidth maxWidth="sm">
        <DialogTitle>{translate('app.offers.overrides.ask_title')}</DialogTitle>
        <DialogContent>
          <Typography variant="body2" sx={{ mb: 2 }}>
            {translate('app.offers.overrides.ask_help')}
          </Typography>
          <TextField
            multiline
            minRows={4}
            fullWidth
            label={translate('app.offers.overrides.ask_reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { name: 'reason', maxLength: 4000 } }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setOpen(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton variant="contained" disabled={!reason.trim()} onClick={() => void send()}>
            {translate('app.offers.overrides.ask_send')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </>
  );
};
