import { personalCodeText } from '@adoption/model';
import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

/** A personal code as printed on documents: DDMMYY-NNNNN. */
export const PersonalCodeField = ({ emptyText, className, ...props }: FieldProps) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  const text = personalCodeText(value);
  return (
    <Typography component="span" variant="body2" className={className}>
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : '')}
    </Typography>
  );
};
