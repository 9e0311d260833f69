import KeyIcon from '@mui/icons-material/Key';
import {
  Alert,
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  ListItemIcon,
  ListItemText,
  MenuItem,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { HttpError, useGetIdentity, useNotify, useTranslate, useUserMenu } from 'react-admin';

import { httpClient } from '../providers/http';

/**
 * "New recovery codes" in the user menu, for a user with a second factor: a current code from the
 * app, then the ten new codes, shown once (`POST /api/auth/mfa/recovery-codes`; the old codes stop
 * working).
 */
export const RecoveryCodesMenuItem = () => {
  const translate = useTranslate();
  const notify = useNotify();
  const userMenu = useUserMenu();
  const { identity } = useGetIdentity();
  const [open, setOpen] = useState(false);
  const [code, setCode] = useState('');
  const [codes, setCodes] = useState<string[]>();
  const [busy, setBusy] = useState(false);
  if (!identity?.mfaEnabled) return null;

  const close = () => {
    setOpen(false);
    setCode('');
    setCodes(undefined);
    userMenu?.onClose();
  };

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    setBusy(true);
    try {
      const { json } = await httpClient('/api/auth/mfa/recovery-codes', {
        method: 'POST',
        body: JSON.stringify({ code: code.trim() }),
      });
      setCodes((json as { recoveryCodes: string[] }).recoveryCodes);
    } catch (error) {
      notify(
        error instanceof HttpError && error.status === 400
          ? 'app.mfa.renew_wrong_code'
          : (error as Error).message || 'ra.notification.http_error',
        { type: 'error' },
      );
    } finally {
      setCode('');
      setBusy(false);
    }
  };

  return (
    <>
      <MenuItem onClick={() => setOpen(true)} data-testid="recovery-codes-menu-item">
        <ListItemIcon>
          <KeyIcon fontSize="small" />
        </ListItemIcon>
        <ListItemText>{translate('app.mfa.renew_menu')}</ListItemText>
      </MenuItem>
      {/* Keys stay in the dialog: the user menu's list would take them for its own navigation. */}
      <Dialog open={open} onClose={close} onKeyDown={(e) => e.stopPropagation()} maxWidth="xs">
        <DialogTitle>
          {translate(codes ? 'app.mfa.recovery_title' : 'app.mfa.renew_title')}
        </DialogTitle>
        {codes ? (
          <>
            <DialogContent>
              <Stack spacing={2}>
                <Alert severity="warning">{translate('app.mfa.recovery_intro')}</Alert>
                <Box
                  component="ol"
                  data-testid="renewed-recovery-codes"
                  sx={{ fontFamily: 'monospace', columns: 2, m: 0, pl: 4 }}
                >
                  {codes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </Box>
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={close} variant="contained" autoFocus>
                {translate('ra.action.close')}
              </Button>
            </DialogActions>
          </>
        ) : (
          <form onSubmit={(e) => void submit(e)}>
            <DialogContent>
              <Stack spacing={2}>
                <Typography variant="body2">{translate('app.mfa.renew_intro')}</Typography>
                <TextField
                  label={translate('app.mfa.code')}
                  name="code"
                  value={code}
                  onChange={(e) => setCode(e.target.value)}
                  required
                  autoFocus
                  autoComplete="one-time-code"
                  slotProps={{
                    htmlInput: { inputMode: 'numeric', pattern: '[0-9]{6}', maxLength: 6 },
                  }}
                  helperText={translate('app.mfa.code_help')}
                />
              </Stack>
            </DialogContent>
            <DialogActions>
              <Button onClick={close}>{translate('ra.action.cancel')}</Button>
              <Button type="submit" variant="contained" disabled={busy}>
                {translate('app.mfa.renew')}
              </Button>
            </DialogActions>
          </form>
        )}
      </Dialog>
    </>
  );
};
