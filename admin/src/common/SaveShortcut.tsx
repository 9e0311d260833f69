import { Typography } from '@mui/material';
import { useEffect, useEffectEvent, useRef } from 'react';
import { useFormState } from 'react-hook-form';
import { useRecordContext, useSaveContext, useTranslate } from 'react-admin';

import { isSaveKey } from './saveKey';

const isMac = () =>
  typeof navigator !== 'undefined' && /Mac|iPhone|iPad/.test(navigator.platform || '');

/**
 * Keyboard save for the form it is placed in (in the form's toolbar): Ctrl+S / ⌘S submits the form
 * the way the save button does — the form's checks first, then the API, errors under the inputs —
 * and keeps the browser from opening its save dialog. An unchanged existing record is not saved
 * again. Shows the shortcut beside the save button so it can be found.
 */
export const SaveShortcut = () => {
  const anchor = useRef<HTMLSpanElement>(null);
  const translate = useTranslate();
  const record = useRecordContext();
  const { isDirty } = useFormState();
  const { saving } = useSaveContext();
  const isNew = record?.id === undefined;
  const submit = useEffectEvent((form: HTMLFormElement) => {
    if (saving || !(isDirty || isNew)) return;
    // Take the value of a field still being typed in (a cleared date commits on blur).
    (document.activeElement as HTMLElement | null)?.blur?.();
    form.requestSubmit();
  });

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!isSaveKey(e)) return;
      const form = anchor.current?.closest('form');
      if (!form) return;
      e.preventDefault();
      submit(form);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <Typography
      ref={anchor}
      component="span"
      variant="caption"
      color="text.secondary"
      sx={{ ml: 2 }}
      data-testid="save-shortcut"
    >
      {translate('app.form.save_shortcut', { keys: isMac() ? '⌘S' : 'Ctrl+S' })}
    </Typography>
  );
};
