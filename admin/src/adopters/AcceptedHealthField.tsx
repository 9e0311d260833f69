import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** The accepted health conditions in words, one per line ("—" for none). */
export const AcceptedHealthField = ({
  choices,
  ...props
}: FieldProps & { choices: { id: string; name: string }[] }) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  const names = (Array.isArray(value) ? value : [])
    .map((id) => choices.find((c) => c.id === id)?.name ?? String(id))
    .map((name) => translate(name, { _: name }));
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-line' }}>
      {names.length ? names.join('\n') : '—'}
    </Typography>
  );
};
