import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** "Jā" / "Nē" in words (an icon alone does not print or read aloud well). */
export const YesNoField = (props: FieldProps) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  return (
    <Typography component="span" variant="body2">
      {translate(value === true ? 'ra.boolean.true' : 'ra.boolean.false')}
    </Typography>
  );
};
