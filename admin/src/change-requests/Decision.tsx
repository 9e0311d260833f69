import { fieldKind } from '@adoption/model';
import {
  Alert,
  Box,
  Button as MuiButton,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  TextField,
} from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';

import { FieldValue } from '../common/FieldValue';
import { httpClient } from '../providers/http';
import { acceptProblem, type AcceptProblem } from './steps';

export interface RequestRecord {
  id: number;
  version: number;
  resource: string;
  kind: 'create' | 'update';
  fields: string[];
  status: string;
}

const post = (id: number, action: string, body: object) =>
  httpClient(`/api/change-requests/${id}/${action}`, {
    method: 'POST',
    body: JSON.stringify(body),
  });

/**
 * The specialist's decision: accept the ticked fields or all of them (a new record: whole), or
 * return with a comment. What a refused acceptance asks is shown here: fields the register
 * changed since the proposal (accept anyway), a likely duplicate (confirm it is another child),
 * or values the card's rules need besides the proposed ones (complete them).
 */
export const Decision = ({
  record,
  selected,
}: {
  record: RequestRecord;
  selected: Set<string>;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const t = (key: string, options?: object) => translate(`app.change_requests.${key}`, options);
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [problem, setProblem] = useState<AcceptProblem & { fields?: string[]; sent?: object }>();
  const [completion, setCompletion] = useState<Record<string, string>>({});
  const [returning, setReturning] = useState(false);
  const [returnComment, setReturnComment] = useState('');
  const update = record.kind === 'update';

  const accept = async (fields: string[] | undefined, extra: object = {}) => {
    setBusy(true);
    const body = { version: record.version, fields, comment: comment || undefined, ...extra };
    try {
      await post(record.id, 'accept', body);
      notify('app.change_requests.done.accepted', { type: 'success' });
      setProblem(undefined);
      refresh();
    } catch (error) {
      if (!(error instanceof HttpError)) throw error;
      setProblem({
        ...acceptProblem(error.status, error.body, error.message, record.fields),
        sent: body,
      });
    } finally {
      setBusy(false);
    }
  };
  const again = (extra: object) => {
    const sent = (problem?.sent ?? {}) as { fields?: string[] };
    void accept(sent.fields, { ...(problem?.sent ?? {}), ...extra });
  };

  const giveBack = async () => {
    setBusy(true);
    try {
      await post(record.id, 'return', { version: record.version, comment: returnComment });
      notify('app.change_requests.done.returned', { type: 'success' });
      setReturning(false);
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Box sx={{ mt: 2, display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}>
      <TextField
        label={t('accept_comment')}
        helperText={t('mail_comment_help')}
        value={comment}
        onChange={(e) => setComment(e.target.value)}
        multiline
        minRows={2}
        size="small"
      />
      {problem?.kind === 'conflict' && (
        <Alert severity="warning" data-testid="change-request-conflict">
          <strong>{t('conflict.title')}</strong>
          <Box component="ul" sx={{ my: 1, pl: 2 }}>
            {problem.fields.map((f) => (
              <li key={f}>
                {translate(`resources.${record.resource}.fields.${f}`, { _: f })}:{' '}
                <FieldValue resource={record.resource} field={f} value={problem.current[f]} />
              </li>
            ))}
          </Box>
          {t('conflict.help')}
          <Box sx={{ mt: 1 }}>
            <MuiButton
              variant="outlined"
              color="warning"
              disabled={busy}
              onClick={() => again({ override: true })}
            >
              {t('conflict.override')}
            </MuiButton>
          </Box>
        </Alert>
      )}
      {problem?.kind === 'duplicate' && (
        <Alert severity="warning" data-testid="change-request-duplicate">
          {t('duplicate.help')}
          <Box sx={{ mt: 1 }}>
            <MuiButton
              variant="outlined"
              color="warning"
              disabled={busy}
              onClick={() => again({ confirmLikelyDuplicate: true })}
            >
              {t('duplicate.confirm')}
            </MuiButton>
          </Box>
        </Alert>
      )}
      {problem?.kind === 'incomplete' && (
        <Alert severity="info" data-testid="change-request-incomplete">
          {t('incomplete.help')}
          <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 2, mt: 1 }}>
            {problem.fields.map((f) => (
              <TextField
                key={f}
                size="small"
                type={fieldKind(record.resource, f).kind === 'date' ? 'date' : 'text'}
                label={translate(`resources.${record.resource}.fields.${f}`, { _: f })}
                helperText={translate(problem.messages[f] ?? '', { _: problem.messages[f] })}
                value={completion[f] ?? ''}
                onChange={(e) => setCompletion({ ...completion, [f]: e.target.value })}
                slotProps={{ inputLabel: { shrink: true } }}
              />
            ))}
          </Box>
          <Box sx={{ mt: 1 }}>
            <MuiButton
              variant="outlined"
              disabled={busy}
              onClick={() => again({ complete: completion })}
            >
              {t('incomplete.accept')}
            </MuiButton>
          </Box>
        </Alert>
      )}
      {problem?.kind === 'other' && <Alert severity="error">{problem.message}</Alert>}
      <Box sx={{ display: 'flex', gap: 1, flexWrap: 'wrap' }}>
        {update && (
          <MuiButton
            variant="contained"
            disabled={busy || selected.size === 0}
            onClick={() => void accept([...selected])}
          >
            {t('accept_selected', { smart_count: selected.size })}
          </MuiButton>
        )}
        <MuiButton
          variant={update ? 'outlined' : 'contained'}
          disabled={busy}
          onClick={() => void accept(undefined)}
        >
          {t(update ? 'accept_all' : 'accept_record')}
        </MuiButton>
        <MuiButton color="error" disabled={busy} onClick={() => setReturning(true)}>
          {t('return')}
        </MuiButton>
      </Box>
      <Dialog open={returning} onClose={() => setReturning(false)} fullWidth maxWidth="sm">
        <DialogTitle>{t('return_title')}</DialogTitle>
        <DialogContent>
          <TextField
            autoFocus
            fullWidth
            multiline
            minRows={3}
            required
            label={t('return_comment')}
            helperText={t('mail_comment_help')}
            value={returnComment}
            onChange={(e) => setReturnComment(e.target.value)}
            sx={{ mt: 1 }}
          />
        </DialogContent>
        <DialogActions>
          <MuiButton onClick={() => setReturning(false)}>{translate('ra.action.cancel')}</MuiButton>
          <MuiButton
            variant="contained"
            color="error"
            disabled={busy || !returnComment.trim()}
            onClick={() => void giveBack()}
          >
            {t('return')}
          </MuiButton>
        </DialogActions>
      </Dialog>
    </Box>
  );
};

/** The proposer takes its pending request back. */
export const Withdraw = ({ record }: { record: RequestRecord }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  const withdraw = async () => {
    setBusy(true);
    try {
      await post(record.id, 'withdraw', { version: record.version });
      notify('app.change_requests.done.withdrawn', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <MuiButton
      sx={{ mt: 2 }}
      color="inherit"
      variant="outlined"
      disabled={busy}
      onClick={() => void withdraw()}
    >
      {translate('app.change_requests.withdraw')}
    </MuiButton>
  );
};
