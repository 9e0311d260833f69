import { formatLvDate, formatLvDateTime } from '@adoption/model';
import { Typography } from '@mui/material';
import { useFieldValue, useTranslate, type FieldProps } from 'react-admin';

export interface LvDateFieldProps extends FieldProps {
  /** Also print the time (HH:mm, Latvian time). */
  showTime?: boolean;
}

/** A date in Latvian form (DD.MM.YYYY), whatever the interface language. */
export const LvDateField = ({
  showTime = false,
  emptyText,
  className,
  ...props
}: LvDateFieldProps) => {
  const value: unknown = useFieldValue(props);
  const translate = useTranslate();
  const text = showTime ? formatLvDateTime(value) : formatLvDate(value);
  return (
    <Typography component="span" variant="body2" className={className}>
      {text || (emptyText ? translate(emptyText, { _: emptyText }) : '')}
    </Typography>
  );
};
