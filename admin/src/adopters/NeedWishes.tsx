import {
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import {
  useFieldValue,
  useInput,
  useTranslate,
  type FieldProps,
  type InputProps,
} from 'react-admin';
import { WIDE } from '../people/cardLayout';
import { healthAcceptances, needAnswers, type NeedAnswer, type NeedWish } from '@adoption/model';

// The adopter's graded wishes: for each need of a child "can meet / would consider (with a note) /
// cannot meet" (backend/src/adopters/schema.ts `needWish`). A need not answered counts as "cannot
// meet"; the input always stores all five, so what the specialist saw is what is kept.

type Need = (typeof healthAcceptances)[number];

const complete = (value: unknown): NeedWish[] => {
  const given = Array.isArray(value) ? (value as NeedWish[]) : [];
  return healthAcceptances.map(
    (need) => given.find((w) => w.need === need) ?? { need, answer: 'cannot_meet', note: null },
  );
};

/** A "consider" answer without its note: the message key, as react-admin validators return. */
export const validateNeedWishes = (value: unknown) =>
  complete(value).some((w) => w.answer === 'consider' && !w.note?.trim())
    ? 'app.register.need_wishes.note_required'
    : undefined;

export const NeedWishesInput = (props: Omit<InputProps, 'source'> & { source?: string }) => {
  const translate = useTranslate();
  const { field, fieldState } = useInput({
    ...props,
    source: props.source ?? 'needWishes',
    defaultValue: complete([]),
    validate: validateNeedWishes,
  });
  const wishes = complete(field.value);
  const set = (need: Need, change: Partial<NeedWish>) =>
    field.onChange(
      wishes.map((w) =>
        w.need === need
          ? {
              ...w,
              ...change,
              note: (change.answer ?? w.answer) === 'consider' ? (change.note ?? w.note) : null,
            }
          : w,
      ),
    );
  return (
    <div className={`ra-input ra-input-needWishes ${WIDE}`}>
      <Typography variant="subtitle2" sx={{ mt: 1 }}>
        {translate('resources.adopters.fields.needWishes')}
      </Typography>
      <Table
        size="small"
        sx={{ maxWidth: 1100 }}
        aria-label={translate('resources.adopters.fields.needWishes')}
      >
        <TableHead>
          <TableRow>
            <TableCell>{translate('app.register.need_wishes.need')}</TableCell>
            <TableCell>{translate('app.register.need_wishes.answer')}</TableCell>
            <TableCell>{translate('app.register.need_wishes.note')}</TableCell>
          </TableRow>
        </TableHead>
        <TableBody>
          {wishes.map((w) => (
            <TableRow key={w.need} data-need={w.need}>
              <TableCell sx={{ width: 260 }}>
                {translate(`app.enums.health_acceptance.${w.need}`)}
              </TableCell>
              <TableCell>
                <ToggleButtonGroup
                  size="small"
                  exclusive
                  value={w.answer}
                  onChange={(_, answer: NeedAnswer | null) => answer && set(w.need, { answer })}
                >
                  {needAnswers.map((a) => (
                    <ToggleButton
                      key={a}
                      value={a}
                      name={`needWishes.${w.need}.${a}`}
                      sx={{ textTransform: 'none', whiteSpace: 'nowrap' }}
                    >
                      {translate(`app.enums.need_answer.${a}`)}
                    </ToggleButton>
                  ))}
                </ToggleButtonGroup>
              </TableCell>
              <TableCell sx={{ minWidth: 280 }}>
                {w.answer === 'consider' && (
                  <TextField
                    size="small"
                    fullWidth
                    name={`needWishes.${w.need}.note`}
                    value={w.note ?? ''}
                    error={!w.note?.trim() && fieldState.isTouched}
                    placeholder={translate('app.register.need_wishes.note_placeholder')}
                    onChange={(e) => set(w.need, { note: e.target.value })}
                    onBlur={field.onBlur}
                  />
                )}
              </TableCell>
            </TableRow>
          ))}
        </TableBody>
      </Table>
      {fieldState.error && fieldState.isTouched && (
        <Typography variant="caption" color="error">
          {translate(fieldState.error.message ?? '')}
        </Typography>
      )}
    </div>
  );
};

/** The graded wishes in words, one need per line with its answer and note ("—" for none). */
export const NeedWishesField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  const given = Array.isArray(value) ? (value as NeedWish[]) : [];
  if (!given.length)
    return (
      <Typography component="span" variant="body2">
        —
      </Typography>
    );
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-line' }}>
      {complete(given)
        .map(
          (w) =>
            `${translate(`app.enums.health_acceptance.${w.need}`)}: ${translate(
              `app.enums.need_answer.${w.answer}`,
            )}${w.note ? ` — ${w.note}` : ''}`,
        )
        .join('\n')}
    </Typography>
  );
};
