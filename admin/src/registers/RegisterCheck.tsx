import { formatLvDateTime } from '@adoption/model';
import FactCheckIcon from '@mui/icons-material/FactCheck';
import {
  Alert,
  Box,
  Button as MuiButton,
  Chip,
  CircularProgress,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Button, useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { valueText } from '../common/fieldDisplay';
import { usePostMove } from '../common/moveForm';
import { httpClient } from '../providers/http';

// "Pārbaudīt reģistros" on a child's or an adopter's card: the population register's (and for a
// child the disability register's) values beside ours, field by field (`POST
// /api/<resource>/:id/register-check`, docs/integrations.md). A register that does not answer is
// said so with the time of its last answer, never an error page. One click takes the register's
// value into the card (through the record writer, audited as coming from the register), or records
// why ours differs (shown next time).

type Resource = 'children' | 'adopters';
type FieldState = 'same' | 'different' | 'missing_ours' | 'missing_theirs';

interface RegisterState {
  state: 'answered' | 'not_found' | 'unavailable';
  answeredAt?: string | null;
  fromCache?: boolean;
  lastAnsweredAt?: string | null;
}

export interface RegisterCheck {
  checkedAt: string;
  registers: Record<string, RegisterState>;
  fields: {
    field: string;
    register: string;
    ours: unknown;
    theirs: unknown;
    state: FieldState;
    note?: { reason: string; by?: string | null; at?: string | null } | null;
  }[];
}

const stateColour: Record<FieldState, 'success' | 'warning' | 'default'> = {
  same: 'success',
  different: 'warning',
  missing_ours: 'warning',
  missing_theirs: 'default',
};

export const RegisterCheckButton = ({ resource }: { resource: Resource }) => {
  const record = useRecordContext();
  const { canAccess } = useCanAccess({ resource, action: 'edit' });
  const [open, setOpen] = useState(false);
  if (!record || !canAccess) return null;
  return (
    <>
      <Button label="app.registers.check" onClick={() => setOpen(true)}>
        <FactCheckIcon />
      </Button>
      {open && (
        <RegisterCheckDialog
          resource={resource}
          id={record.id as number}
          version={record.version as number}
          onClose={() => setOpen(false)}
        />
      )}
    </>
  );
};

const RegisterCheckDialog = ({
  resource,
  id,
  version,
  onClose,
}: {
  resource: Resource;
  id: number;
  version: number;
  onClose(): void;
}) => {
  const translate = useTranslate();
  const [check, setCheck] = useState<RegisterCheck | undefined>();
  const [failed, setFailed] = useState<string | undefined>();
  const [explaining, setExplaining] = useState<string | undefined>();
  const [reason, setReason] = useState('');
  const [current, setCurrent] = useState(version);
  const base = `/api/${resource}/${id}/register-check`;

  const load = () =>
    httpClient(base, { method: 'POST', body: JSON.stringify({}) })
      .then(({ json }) => setCheck(json as RegisterCheck))
      .catch((e: Error) => setFailed(e.message));
  // Once, when the dialog opens (every check is an audited query of the registers).
  useEffect(() => {
    void load();
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const { saving: busy, helper, post } = usePostMove();
  const act = (path: string, body: object, done: string) =>
    post(`${base}/${path}`, body, done, (answer) => {
      const next = (answer as { version?: number } | undefined)?.version;
      if (typeof next === 'number') setCurrent(next);
      setExplaining(undefined);
      setReason('');
      void load();
    });

  const label = (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field });
  const shown = (field: string, value: unknown) =>
    valueText(resource, field, value, translate) || String(value ?? '—');

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="lg" data-testid="register-check">
      <DialogTitle>{translate('app.registers.title')}</DialogTitle>
      <DialogContent>
        {failed && <Alert severity="error">{failed}</Alert>}
        {!check && !failed && <CircularProgress />}
        {check && (
          <>
            <Box sx={{ display: 'flex', flexDirection: 'column', gap: 0.5, mb: 2 }}>
              {Object.entries(check.registers).map(([name, r]) => (
                <Typography key={name} variant="body2" data-testid={`register-${name}`}>
                  <strong>{translate(`app.registers.names.${name}`, { _: name })}:</strong>{' '}
                  {r.state === 'unavailable'
                    ? translate('app.registers.unavailable', {
                        last: r.lastAnsweredAt
                          ? formatLvDateTime(r.lastAnsweredAt)
                          : translate('app.registers.never'),
                      })
                    : translate(
                        r.state === 'not_found'
                          ? 'app.registers.not_found'
                          : r.fromCache
                            ? 'app.registers.answered_cached'
                            : 'app.registers.answered',
                        { at: r.answeredAt ? formatLvDateTime(r.answeredAt) : '' },
                      )}
                </Typography>
              ))}
            </Box>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell>{translate('app.registers.field')}</TableCell>
                  <TableCell>{translate('app.registers.ours')}</TableCell>
                  <TableCell>{translate('app.registers.theirs')}</TableCell>
                  <TableCell>{translate('app.registers.state')}</TableCell>
                  <TableCell />
                </TableRow>
              </TableHead>
              <TableBody>
                {check.fields.map((f) => (
                  <TableRow
                    key={`${f.register}-${f.field}`}
                    data-testid={`register-field-${f.field}`}
                  >
                    <TableCell>{label(f.field)}</TableCell>
                    <TableCell>{shown(f.field, f.ours)}</TableCell>
                    <TableCell>
                      {shown(f.field, f.theirs)}
                      {f.note && (
                        <Typography
                          variant="caption"
                          sx={{ display: 'block' }}
                          color="text.secondary"
                        >
                          {translate('app.registers.note_shown', {
                            reason: f.note.reason,
                            by: f.note.by ?? '',
                            at: f.note.at ? formatLvDateTime(f.note.at) : '',
                          })}
                        </Typography>
                      )}
                    </TableCell>
                    <TableCell>
                      <Chip
                        size="small"
                        color={stateColour[f.state]}
                        label={translate(`app.registers.states.${f.state}`)}
                      />
                    </TableCell>
                    <TableCell sx={{ whiteSpace: 'nowrap' }}>
                      {(f.state === 'different' || f.state === 'missing_ours') && (
                        <>
                          <MuiButton
                            size="small"
                            disabled={busy}
                            onClick={() =>
                              void act(
                                'take',
                                { field: f.field, version: current },
                                'app.registers.taken',
                              )
                            }
                          >
                            {translate('app.registers.take')}
                          </MuiButton>
                          <MuiButton
                            size="small"
                            disabled={busy}
                            onClick={() => setExplaining(f.field)}
                          >
                            {translate('app.registers.explain')}
                          </MuiButton>
                        </>
                      )}
                    </TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
            {explaining && (
              <Box sx={{ display: 'flex', gap: 1, mt: 2, alignItems: 'flex-start' }}>
                <TextField
                  fullWidth
                  multiline
                  minRows={2}
                  label={translate('app.registers.reason', { field: label(explaining) })}
                  value={reason}
                  onChange={(e) => setReason(e.target.value)}
                  slotProps={{ htmlInput: { name: 'reason', maxLength: 2000 } }}
                  error={!!helper('reason')}
                  helperText={helper('reason')}
                />
                <MuiButton
                  variant="contained"
                  disabled={busy || !reason.trim()}
                  onClick={() =>
                    void act('notes', { field: explaining, reason }, 'app.registers.noted')
                  }
                >
                  {translate('ra.action.save')}
                </MuiButton>
              </Box>
            )}
          </>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.close')}</MuiButton>
      </DialogActions>
    </Dialog>
  );
};
