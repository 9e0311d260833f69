import { formatLvDateInput, isIsoDate, parseLvDate, rigaToday } from '@adoption/model';
import {
  Button as MuiButton,
  Checkbox,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  FormControlLabel,
  TextField,
  Typography,
} from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';

import { splitFieldMessage } from '../providers/fieldErrors';
import { httpClient } from '../providers/http';

export interface AllowedMove {
  to: string;
  reason: 'required' | 'optional';
}

/**
 * The dialog of one move (`POST /api/offers/:id/moves`): the date (today in Riga, typed
 * DD.MM.YYYY) and the reason where the move needs one; a refusal may instead be marked as given
 * without a reason (the refusal rule counts those). The API judges; its field errors show here.
 */
export const MoveDialog = ({
  offer,
  move,
  onClose,
}: {
  offer: { id: number | string; version: number; status: string };
  move: AllowedMove | null;
  onClose(): void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [onText, setOnText] = useState(formatLvDateInput(rigaToday()));
  const [reason, setReason] = useState('');
  const [unreasoned, setUnreasoned] = useState(false);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const on = parseLvDate(onText) ?? '';
  const dateOk = isIsoDate(on);
  if (!move) return null;
  const declined = move.to === 'declined';
  const needsReason = move.reason === 'required' && !(declined && unreasoned);
  const helper = (field: string) => {
    if (!errors[field]) return undefined;
    const { message, args } = splitFieldMessage(errors[field]);
    return translate(message, { _: message, ...args });
  };
  const save = async () => {
    setSaving(true);
    try {
      await httpClient(`/api/offers/${offer.id}/moves`, {
        method: 'POST',
        body: JSON.stringify({
          to: move.to,
          on,
          reason: unreasoned ? '' : reason,
          ...(declined ? { unreasoned } : {}),
          version: offer.version,
        }),
      });
      notify('app.offers.move_done', { type: 'success' });
      onClose();
      refresh();
    } catch (error) {
      const fields = (error instanceof HttpError &&
        (error.body as { errors?: unknown })?.errors) as Record<string, string> | undefined;
      if (fields && typeof fields === 'object' && !Array.isArray(fields)) setErrors(fields);
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`app.offers.actions.${move.to}`)}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.offers.move_from', {
            status: translate(`app.enums.offer_status.${offer.status}`),
          })}
        </Typography>
        <TextField
          label={translate('app.offers.move_on')}
          value={onText}
          onChange={(e) => setOnText(e.target.value)}
          slotProps={{
            htmlInput: {
              name: 'on',
              placeholder: translate('app.form.date_placeholder'),
              autoComplete: 'off',
            },
          }}
          error={!!errors.on || (onText !== '' && !dateOk)}
          helperText={
            helper('on') ??
            (onText !== '' && !dateOk ? translate('app.form.invalid_date') : undefined)
          }
        />
        {declined && (
          <FormControlLabel
            control={
              <Checkbox
                checked={unreasoned}
                onChange={(e) => setUnreasoned(e.target.checked)}
                name="unreasoned"
              />
            }
            label={translate('app.offers.unreasoned')}
          />
        )}
        {!unreasoned && (
          <TextField
            multiline
            minRows={3}
            label={translate(needsReason ? 'app.offers.reason_required' : 'app.offers.reason')}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            slotProps={{ htmlInput: { name: 'reason', maxLength: 4000 } }}
            error={!!errors.reason}
            helperText={helper('reason') ?? helper('unreasoned')}
          />
        )}
        {move.to === 'sent' && (
          <Typography variant="body2" color="text.secondary">
            {translate('app.offers.sent_help')}
          </Typography>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        <MuiButton
          variant="contained"
          onClick={save}
          disabled={saving || !dateOk || (needsReason && !reason.trim())}
        >
          {translate('app.offers.move_save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
