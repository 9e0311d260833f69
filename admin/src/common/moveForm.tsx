import { formatLvDateInput, isIsoDate, parseLvDate, rigaToday } from '@adoption/model';
import { TextField } from '@mui/material';
import { useState } from 'react';
import { HttpError, useNotify, useRefresh, useTranslate } from 'react-admin';

import { splitFieldMessage } from '../providers/fieldErrors';
import { httpClient } from '../providers/http';

// The parts of a "move" dialog — a record's status change (StatusChange.tsx), an offer's move
// (offers/MoveDialog.tsx): the day it happened, typed DD.MM.YYYY, and posting the move with the
// API's field errors shown beside the fields.

/** A day typed DD.MM.YYYY (today in Riga at first), and its ISO value when it is a day. */
export function useLvDay() {
  const [text, setText] = useState(formatLvDateInput(rigaToday()));
  const iso = parseLvDate(text) ?? '';
  return {
    text,
    setText,
    iso,
    ok: isIsoDate(iso),
    reset: () => setText(formatLvDateInput(rigaToday())),
  };
}

/** The day's input: the API's error for `name` first, else whether the text is a day. */
export const LvDayInput = ({
  day,
  name,
  label,
  apiError,
}: {
  day: ReturnType<typeof useLvDay>;
  name: string;
  label: string;
  apiError?: string;
}) => {
  const translate = useTranslate();
  const wrong = day.text !== '' && !day.ok;
  return (
    <TextField
      label={label}
      value={day.text}
      onChange={(e) => day.setText(e.target.value)}
      slotProps={{
        htmlInput: {
          name,
          placeholder: translate('app.form.date_placeholder'),
          autoComplete: 'off',
        },
      }}
      error={!!apiError || wrong}
      helperText={apiError ?? (wrong ? translate('app.form.invalid_date') : undefined)}
    />
  );
};

/**
 * Posting a move: on success a notice, `onDone` with the API's answer and a refresh; on a 400 the
 * field errors, which `helper(field)` gives translated (`splitFieldMessage`). The register check's
 * take and notes (registers/RegisterCheck.tsx) post the same way. With `conflict`, a 409 (someone
 * else changed the record meanwhile) shows that plain message instead of the API's, calls
 * `onConflict` and refreshes (the work queue's assign and resolve, register-differences/).
 */
export function usePostMove() {
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [saving, setSaving] = useState(false);
  const helper = (field: string) => {
    if (!errors[field]) return undefined;
    const { message, args } = splitFieldMessage(errors[field]);
    return translate(message, { _: message, ...args });
  };
  const post = async (
    url: string,
    body: object,
    done: string,
    onDone: (answer: unknown) => void,
    opts: { conflict?: string; onConflict?: () => void } = {},
  ) => {
    setSaving(true);
    try {
      const { json } = await httpClient(url, { method: 'POST', body: JSON.stringify(body) });
      notify(done, { type: 'success' });
      onDone(json);
      refresh();
    } catch (error) {
      if (opts.conflict && error instanceof HttpError && error.status === 409) {
        notify(opts.conflict, { type: 'warning' });
        opts.onConflict?.();
        refresh();
        return;
      }
      const fields = (error instanceof HttpError &&
        (error.body as { errors?: unknown })?.errors) as Record<string, string> | undefined;
      if (fields && typeof fields === 'object' && !Array.isArray(fields)) setErrors(fields);
      notify((error as Error).message, { type: 'error' });
    } finally {
      setSaving(false);
    }
  };
  return { errors, saving, helper, post, clear: () => setErrors({}) };
}
