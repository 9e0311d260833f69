import { Alert, Button, Stack, TextField } from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { useTranslate } from 'react-admin';

import { PublicPage } from './PublicPage';

/** Asks for a reset link. The answer is the same whether the account exists or not. */
export const ForgotPasswordPage = () => {
  const translate = useTranslate();
  const [username, setUsername] = useState('');
  const [sent, setSent] = useState(false);
  const submit = async (event: FormEvent) => {
    event.preventDefault();
    await fetch('/api/auth/password-reset', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ username }),
    });
    setSent(true);
  };
  return (
    <PublicPage title="app.password.forgot_title">
      {sent ? (
        <Stack spacing={2}>
          <Alert severity="info">{translate('app.password.reset_sent')}</Alert>
          <Button component={Link} to="/login">
            {translate('ra.auth.sign_in')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack spacing={2}>
            <TextField
              label={translate('ra.auth.username')}
              name="username"
              value={username}
              onChange={(e) => setUsername(e.target.value)}
              required
              autoFocus
            />
            <Button type="submit" variant="contained">
              {translate('app.password.send_link')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
};
