import {
  Alert,
  Box,
  Button,
  CardContent,
  Link as MuiLink,
  Stack,
  TextField,
  Typography,
} from '@mui/material';
import { useState, type FormEvent } from 'react';
import { Link } from 'react-router-dom';
import { Login as RaLogin, useLogin, useNotify, useTranslate } from 'react-admin';

import { EnvironmentBanner } from './EnvironmentBanner';
import { useEnvironment } from './useEnvironment';
import {
  MfaStep,
  confirmMfaEnrolment,
  startMfaEnrolment,
  type LoginParams,
} from '../providers/authProvider';
import type { LoginAnswer } from '../providers/session';

/** Where the sign-in is: password; code (or recovery code); enrolment; the recovery codes, once. */
type Step =
  | { kind: 'password' }
  | { kind: 'verify'; mfaToken: string; recovery: boolean }
  | { kind: 'enrol'; mfaToken: string; secret: string; qrCode: string }
  | { kind: 'codes'; session: LoginAnswer; recoveryCodes: string[] };

/**
 * The login page: react-admin's frame with the register's name and the environment banner on top.
 * After the password, a role with a second factor gives a code from the authenticator app (or a
 * recovery code); a user without one sets it up with the QR code and sees the recovery codes once.
 */
export const Login = () => {
  const translate = useTranslate();
  const environment = useEnvironment();
  const login = useLogin();
  const notify = useNotify();
  const [step, setStep] = useState<Step>({ kind: 'password' });
  const [busy, setBusy] = useState(false);
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [code, setCode] = useState('');

  const fail = (error: unknown) =>
    notify(error instanceof Error && error.message ? error.message : 'ra.auth.sign_in_error', {
      type: 'error',
    });

  /** Runs a step; an MfaStep answer moves to the second factor instead of failing. */
  const run = async (action: () => Promise<unknown>) => {
    setBusy(true);
    try {
      await action();
    } catch (error) {
      if (error instanceof MfaStep) {
        setCode('');
        if (error.kind === 'verify') {
          setStep({ kind: 'verify', mfaToken: error.mfaToken, recovery: false });
        } else {
          try {
            const enrolment = await startMfaEnrolment(error.mfaToken);
            setStep({ kind: 'enrol', mfaToken: error.mfaToken, ...enrolment });
          } catch (enrolError) {
            fail(enrolError);
          }
        }
      } else {
        setCode('');
        fail(error);
      }
    } finally {
      setBusy(false);
    }
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (step.kind === 'password') {
      void run(() => login({ username, password } satisfies LoginParams));
    } else if (step.kind === 'verify') {
      const params: LoginParams = step.recovery
        ? { mfaToken: step.mfaToken, recoveryCode: code.trim() }
        : { mfaToken: step.mfaToken, code: code.trim() };
      void run(() => login(params));
    } else if (step.kind === 'enrol') {
      void run(async () => {
        const confirmed = await confirmMfaEnrolment(step.mfaToken, code.trim());
        setStep({ kind: 'codes', ...confirmed });
      });
    } else {
      void run(() => login({ session: step.session } satisfies LoginParams));
    }
  };

  const back = () => {
    setCode('');
    setPassword('');
    setStep({ kind: 'password' });
  };

  const codeField = (label: string, recovery = false) => (
    <TextField
      label={translate(label)}
      name={recovery ? 'recoveryCode' : 'code'}
      value={code}
      onChange={(e) => setCode(e.target.value)}
      required
      autoFocus
      autoComplete="one-time-code"
      slotProps={{
        htmlInput: recovery
          ? { maxLength: 64 }
          : { inputMode: 'numeric', pattern: '[0-9]{6}', maxLength: 6 },
      }}
      helperText={recovery ? undefined : translate('app.mfa.code_help')}
    />
  );

  return (
    <>
      <Box sx={{ position: 'fixed', top: 0, left: 0, right: 0, zIndex: 2 }}>
        <EnvironmentBanner environment={environment} />
      </Box>
      <RaLogin>
        <Typography variant="h6" component="h1" align="center" sx={{ mt: 1 }}>
          {translate('app.title')}
        </Typography>
        <CardContent sx={{ maxWidth: step.kind === 'password' ? undefined : 360 }}>
          <form onSubmit={submit}>
            {step.kind === 'password' && (
              <Stack spacing={2}>
                <TextField
                  label={translate('ra.auth.username')}
                  name="username"
                  value={username}
                  onChange={(e) => setUsername(e.target.value)}
                  autoComplete="username"
                  required
                  autoFocus
                />
                <TextField
                  label={translate('ra.auth.password')}
                  name="password"
                  type="password"
                  value={password}
                  onChange={(e) => setPassword(e.target.value)}
                  autoComplete="current-password"
                  required
                />
                <Button type="submit" variant="contained" disabled={busy}>
                  {translate('ra.auth.sign_in')}
                </Button>
              </Stack>
            )}
            {step.kind === 'verify' && (
              <Stack spacing={2}>
                <Typography variant="subtitle1" component="h2">
                  {translate('app.mfa.verify_title')}
                </Typography>
                {step.recovery
                  ? codeField('app.mfa.recovery_code', true)
                  : codeField('app.mfa.code')}
                <Button type="submit" variant="contained" disabled={busy}>
                  {translate('app.mfa.verify')}
                </Button>
                <Button
                  size="small"
                  onClick={() => {
                    setCode('');
                    setStep({ ...step, recovery: !step.recovery });
                  }}
                >
                  {translate(step.recovery ? 'app.mfa.use_code' : 'app.mfa.use_recovery')}
                </Button>
                <Button size="small" onClick={back}>
                  {translate('app.mfa.back')}
                </Button>
              </Stack>
            )}
            {step.kind === 'enrol' && (
              <Stack spacing={2}>
                <Typography variant="subtitle1" component="h2">
                  {translate('app.mfa.enrol_title')}
                </Typography>
                <Typography variant="body2">{translate('app.mfa.enrol_intro')}</Typography>
                <Box sx={{ textAlign: 'center' }}>
                  <img
                    src={step.qrCode}
                    alt={translate('app.mfa.qr_alt')}
                    width={220}
                    height={220}
                    data-testid="mfa-qr"
                  />
                </Box>
                <Typography variant="body2">{translate('app.mfa.enrol_manual')}</Typography>
                <Typography
                  data-testid="mfa-secret"
                  sx={{ fontFamily: 'monospace', wordBreak: 'break-all', userSelect: 'all' }}
                >
                  {step.secret}
                </Typography>
                {codeField('app.mfa.code')}
                <Button type="submit" variant="contained" disabled={busy}>
                  {translate('app.mfa.confirm')}
                </Button>
                <Button size="small" onClick={back}>
                  {translate('app.mfa.back')}
                </Button>
              </Stack>
            )}
            {step.kind === 'codes' && (
              <Stack spacing={2}>
                <Typography variant="subtitle1" component="h2">
                  {translate('app.mfa.recovery_title')}
                </Typography>
                <Alert severity="warning">{translate('app.mfa.recovery_intro')}</Alert>
                <Box
                  component="ol"
                  data-testid="recovery-codes"
                  sx={{ fontFamily: 'monospace', columns: 2, m: 0, pl: 4 }}
                >
                  {step.recoveryCodes.map((c) => (
                    <li key={c}>{c}</li>
                  ))}
                </Box>
                <Button type="submit" variant="contained" disabled={busy} autoFocus>
                  {translate('app.mfa.continue')}
                </Button>
              </Stack>
            )}
          </form>
        </CardContent>
        {step.kind === 'password' && (
          <Box sx={{ textAlign: 'center', pb: 2 }}>
            <MuiLink component={Link} to="/forgot-password" variant="body2">
              {translate('app.password.forgot_title')}
            </MuiLink>
          </Box>
        )}
      </RaLogin>
    </>
  );
};
