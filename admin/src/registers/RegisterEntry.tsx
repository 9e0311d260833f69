import { formatLvDateTime, validatePersonalCode } from '@adoption/model';
import PersonSearchIcon from '@mui/icons-material/PersonSearch';
import {
  Alert,
  Box,
  Button as MuiButton,
  Checkbox,
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
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { useFormContext, useWatch } from 'react-hook-form';
import { HttpError, Link, useNotify, useTranslate } from 'react-admin';

import { valueText } from '../common/fieldDisplay';
import { httpClient } from '../providers/http';

// "Aizpildīt no Iedzīvotāju reģistra" on a new child's or adopter's card: once the personal code
// typed is a valid one, the population register's names, birth date and a child's sex or an
// adopter's declared address (`POST /api/<resource>/register-entry`, docs/integrations.md) are
// shown beside what the form holds; the specialist ticks what to take and "Aizpildīt" fills those
// inputs. Nothing is saved until the card is. A register that does not answer, a code it does not
// know, or a card that already has the code is said so in the dialog, never an error page.

type Resource = 'children' | 'adopters';

interface EntryAnswer {
  state: 'answered' | 'not_found' | 'unavailable';
  answeredAt?: string;
  lastAnsweredAt?: string;
  values: Record<string, string | null | undefined>;
}

/** What the dialog shows: the register's answer, or why there is none. */
type Outcome =
  | { kind: 'answer'; answer: EntryAnswer }
  | { kind: 'duplicate'; id?: number }
  | { kind: 'too_many'; seconds: number }
  | { kind: 'unconfigured' }
  | { kind: 'failed'; message: string };

/** The fields in the order of the card (only those the register gave come in the answer). */
const fieldOrder = ['surname', 'givenNames', 'sex', 'birthDate', 'declaredAddress'];

const blank = (v: unknown) => v === null || v === undefined || v === '';
const sameValue = (a: unknown, b: unknown) =>
  (blank(a) && blank(b)) || (!blank(a) && !blank(b) && String(a) === String(b));

export const RegisterEntryButton = ({ resource }: { resource: Resource }) => {
  const translate = useTranslate();
  const code = useWatch({ name: 'personalCode' }) as unknown;
  const [asked, setAsked] = useState<string | undefined>();
  const valid = typeof code === 'string' ? validatePersonalCode(code) : undefined;
  if (!valid?.ok) return null;
  return (
    <Box className="ra-input" sx={{ display: 'flex', alignItems: 'center', minHeight: 56, mt: 1 }}>
      <MuiButton
        variant="outlined"
        size="small"
        startIcon={<PersonSearchIcon />}
        onClick={() => setAsked(valid.normalized)}
      >
        {translate('app.registers.entry.fill')}
      </MuiButton>
      {asked && (
        <RegisterEntryDialog
          resource={resource}
          personalCode={asked}
          onClose={() => setAsked(undefined)}
        />
      )}
    </Box>
  );
};

const outcomeOf = (error: unknown): Outcome => {
  if (error instanceof HttpError) {
    const body = (error.body ?? {}) as { code?: string; id?: number; retryAfter?: number };
    if (error.status === 409 && body.code === 'duplicate')
      return { kind: 'duplicate', id: body.id };
    if (error.status === 429) return { kind: 'too_many', seconds: body.retryAfter ?? 60 };
    if (error.status === 503 && body.code === 'register_unconfigured') {
      return { kind: 'unconfigured' };
    }
  }
  return { kind: 'failed', message: error instanceof Error ? error.message : String(error) };
};

const RegisterEntryDialog = ({
  resource,
  personalCode,
  onClose,
}: {
  resource: Resource;
  personalCode: string;
  onClose(): void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const { getValues, setValue } = useFormContext();
  const [outcome, setOutcome] = useState<Outcome | undefined>();
  const [chosen, setChosen] = useState<Record<string, boolean>>({});

  // Once, when the dialog opens (every look-up is an audited query of the register).
  useEffect(() => {
    httpClient(`/api/${resource}/register-entry`, {
      method: 'POST',
      body: JSON.stringify({ personalCode }),
    })
      .then(({ json }) => {
        const answer = json as EntryAnswer;
        // Ticked where the form is empty or holds something else; the same value needs nothing.
        setChosen(
          Object.fromEntries(
            Object.entries(answer.values).map(([f, v]) => [f, !sameValue(getValues(f), v)]),
          ),
        );
        setOutcome({ kind: 'answer', answer });
      })
      .catch((e: unknown) => setOutcome(outcomeOf(e)));
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  const label = (field: string) => translate(`resources.${resource}.fields.${field}`, { _: field });
  const shown = (field: string, value: unknown) => valueText(resource, field, value, translate);
  const answer = outcome?.kind === 'answer' ? outcome.answer : undefined;
  const fields = answer ? fieldOrder.filter((f) => f in answer.values) : [];
  const fill = () => {
    for (const f of fields) {
      if (chosen[f]) setValue(f, answer!.values[f] ?? null, { shouldDirty: true });
    }
    notify('app.registers.entry.filled', { type: 'info' });
    onClose();
  };

  return (
    <Dialog open onClose={onClose} fullWidth maxWidth="md" data-testid="register-entry">
      <DialogTitle>{translate('app.registers.entry.title')}</DialogTitle>
      <DialogContent>
        {!outcome && <CircularProgress />}
        {outcome?.kind === 'duplicate' && (
          <Alert severity="warning" data-testid="register-entry-duplicate">
            {translate(`app.registers.entry.duplicate.${resource}`)}{' '}
            {outcome.id !== undefined && (
              <Link to={`/${resource}/${outcome.id}/show`} onClick={onClose}>
                {translate('app.registers.entry.open_existing')}
              </Link>
            )}
          </Alert>
        )}
        {outcome?.kind === 'too_many' && (
          <Alert severity="warning">
            {translate('app.registers.entry.too_many', { seconds: outcome.seconds })}
          </Alert>
        )}
        {outcome?.kind === 'unconfigured' && (
          <Alert severity="info">{translate('app.registers.entry.unconfigured')}</Alert>
        )}
        {outcome?.kind === 'failed' && <Alert severity="warning">{outcome.message}</Alert>}
        {answer?.state === 'unavailable' && (
          <Alert severity="warning" data-testid="register-entry-state">
            {translate('app.registers.entry.unavailable', {
              last: answer.lastAnsweredAt
                ? formatLvDateTime(answer.lastAnsweredAt)
                : translate('app.registers.never'),
            })}
          </Alert>
        )}
        {answer?.state === 'not_found' && (
          <Alert severity="info" data-testid="register-entry-state">
            {translate('app.registers.entry.not_found', {
              at: answer.answeredAt ? formatLvDateTime(answer.answeredAt) : '',
            })}
          </Alert>
        )}
        {answer?.state === 'answered' && (
          <>
            <Typography variant="body2" sx={{ mb: 1 }} data-testid="register-entry-state">
              {translate('app.registers.entry.answered', {
                at: answer.answeredAt ? formatLvDateTime(answer.answeredAt) : '',
              })}
            </Typography>
            <Table size="small">
              <TableHead>
                <TableRow>
                  <TableCell padding="checkbox" />
                  <TableCell>{translate('app.registers.field')}</TableCell>
                  <TableCell>{translate('app.registers.entry.form')}</TableCell>
                  <TableCell>{translate('app.registers.entry.register')}</TableCell>
                </TableRow>
              </TableHead>
              <TableBody>
                {fields.map((f) => (
                  <TableRow key={f} data-testid={`register-entry-field-${f}`}>
                    <TableCell padding="checkbox">
                      <Checkbox
                        checked={chosen[f] ?? false}
                        onChange={(e) => setChosen({ ...chosen, [f]: e.target.checked })}
                        slotProps={{ input: { 'aria-label': label(f) } }}
                      />
                    </TableCell>
                    <TableCell>{label(f)}</TableCell>
                    <TableCell>{shown(f, getValues(f))}</TableCell>
                    <TableCell>{shown(f, answer.values[f])}</TableCell>
                  </TableRow>
                ))}
              </TableBody>
            </Table>
          </>
        )}
      </DialogContent>
      <DialogActions>
        <MuiButton onClick={onClose}>{translate('ra.action.cancel')}</MuiButton>
        {answer?.state === 'answered' && (
          <MuiButton variant="contained" disabled={!fields.some((f) => chosen[f])} onClick={fill}>
            {translate('app.registers.entry.apply')}
          </MuiButton>
        )}
      </DialogActions>
    </Dialog>
  );
};
