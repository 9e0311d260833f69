import { Alert, Button, Stack, TextField, Typography } from '@mui/material';
import { useEffect, useState, type FormEvent } from 'react';
import { Link, useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';

import { PublicPage } from './PublicPage';

interface FieldError {
  path: string;
  code: string;
  message: string;
}

/**
 * Opened from the e-mailed one-time link (`#/set-password?token=…`): the token travels in the URL
 * fragment, so it never reaches a server log. The API applies the password policy and answers
 * each broken rule; the link stays usable until a password is accepted.
 */
export const SetPasswordPage = () => {
  const translate = useTranslate();
  const token = new URLSearchParams(useLocation().search).get('token') ?? '';
  const [password, setPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [errors, setErrors] = useState<string[]>([]);
  const [linkInvalid, setLinkInvalid] = useState(!token);
  const [done, setDone] = useState(false);
  const [username, setUsername] = useState<string>();

  // Ask first whether the link still works, so a used or expired one is said at once.
  useEffect(() => {
    if (!token) return;
    void fetch('/api/auth/set-password/check', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token }),
    }).then(async (res) => {
      if (res.ok) setUsername(((await res.json()) as { username: string }).username);
      else setLinkInvalid(true);
    });
  }, [token]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (password !== repeat) return setErrors([translate('app.password.mismatch')]);
    const res = await fetch('/api/auth/set-password', {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ token, password }),
    });
    if (res.status === 204) return setDone(true);
    const problem = (await res.json().catch(() => ({}))) as {
      errors?: FieldError[];
      detail?: string;
    };
    if (problem.errors?.some((e) => e.path === 'body.token')) return setLinkInvalid(true);
    setErrors(
      problem.errors?.map((e) => translate(`app.password.rules.${e.code}`, { _: e.message })) ?? [
        problem.detail ?? res.statusText,
      ],
    );
  };

  return (
    <PublicPage title="app.password.set_title">
      {done ? (
        <Stack spacing={2}>
          <Alert severity="success">{translate('app.password.set_done')}</Alert>
          <Button component={Link} to="/login" variant="contained">
            {translate('ra.auth.sign_in')}
          </Button>
        </Stack>
      ) : linkInvalid ? (
        <Stack spacing={2}>
          <Alert severity="error">{translate('app.password.link_invalid')}</Alert>
          <Button component={Link} to="/forgot-password">
            {translate('app.password.forgot_title')}
          </Button>
        </Stack>
      ) : (
        <form onSubmit={(e) => void submit(e)}>
          <Stack spacing={2}>
            {username && (
              <Typography variant="body1" data-testid="link-username">
                {translate('app.password.for_user', { username })}
              </Typography>
            )}
            <Typography variant="body2">{translate('app.password.policy')}</Typography>
            <TextField
              label={translate('app.password.new')}
              type="password"
              name="password"
              autoComplete="new-password"
              value={password}
              onChange={(e) => setPassword(e.target.value)}
              required
              autoFocus
            />
            <TextField
              label={translate('app.password.repeat')}
              type="password"
              name="repeat"
              autoComplete="new-password"
              value={repeat}
              onChange={(e) => setRepeat(e.target.value)}
              required
            />
            {errors.map((e) => (
              <Alert key={e} severity="error" data-testid="password-error">
                {e}
              </Alert>
            ))}
            <Button type="submit" variant="contained">
              {translate('app.password.save')}
            </Button>
          </Stack>
        </form>
      )}
    </PublicPage>
  );
};
