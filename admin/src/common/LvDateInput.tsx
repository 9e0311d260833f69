import { formatLvDateInput, parseLvDate } from '@adoption/model';
import { TextInput, useTranslate, type TextInputProps, type Validator } from 'react-admin';

import { wholeDate } from './lvDate';

export type LvDateInputProps = Omit<TextInputProps, 'format' | 'parse' | 'validate'> & {
  validate?: Validator | Validator[];
};

/**
 * A date input in Latvian form, DD.MM.YYYY, storing `YYYY-MM-DD` (lvDate.ts). Typed fast from the
 * keyboard; "15.3.2015" and a pasted "2015-03-15" are read too. Its own check (a whole, real date)
 * runs before the given ones, so those always compare real dates.
 */
export const LvDateInput = ({ validate, ...props }: LvDateInputProps) => {
  const translate = useTranslate();
  const checks = [
    wholeDate as Validator,
    ...(Array.isArray(validate) ? validate : validate ? [validate] : []),
  ];
  return (
    <TextInput
      {...props}
      format={formatLvDateInput}
      parse={parseLvDate}
      validate={checks}
      slotProps={{
        htmlInput: { placeholder: translate('app.form.date_placeholder'), autoComplete: 'off' },
      }}
    />
  );
};
