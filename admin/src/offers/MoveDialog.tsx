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
import { useTranslate } from 'react-admin';

import { LvDayInput, useLvDay, usePostMove } from '../common/moveForm';

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
  const day = useLvDay();
  const [reason, setReason] = useState('');
  const [unreasoned, setUnreasoned] = useState(false);
  const { errors, saving, helper, post } = usePostMove();
  if (!move) return null;
  const declined = move.to === 'declined';
  const needsReason = move.reason === 'required' && !(declined && unreasoned);
  const save = () =>
    post(
      `/api/offers/${offer.id}/moves`,
      {
        to: move.to,
        on: day.iso,
        reason: unreasoned ? '' : reason,
        ...(declined ? { unreasoned } : {}),
        version: offer.version,
      },
      'app.offers.move_done',
      onClose,
    );
  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="sm">
      <DialogTitle>{translate(`app.offers.actions.${move.to}`)}</DialogTitle>
      <DialogContent sx={{ display: 'flex', flexDirection: 'column', gap: 2, pt: 1 }}>
        <Typography variant="body2" color="text.secondary" sx={{ mt: 1 }}>
          {translate('app.offers.move_from', {
            status: translate(`app.enums.offer_status.${offer.status}`),
          })}
        </Typography>
        <LvDayInput
          day={day}
          name="on"
          label={translate('app.offers.move_on')}
          apiError={helper('on')}
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
          onClick={() => void save()}
          disabled={saving || !day.ok || (needsReason && !reason.trim())}
        >
          {translate('app.offers.move_save')}
        </MuiButton>
      </DialogActions>
    </Dialog>
  );
};
