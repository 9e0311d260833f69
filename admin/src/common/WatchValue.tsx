import { useEffect } from 'react';
import { useWatch } from 'react-hook-form';

/**
 * Reports a form value to a component outside the form's context (a form whose set of tabs
 * depends on a value: the adopter's "foreign" tab). Renders nothing; place it inside the form.
 */
export const WatchValue = ({
  name,
  onChange,
}: {
  name: string;
  onChange: (value: unknown) => void;
}) => {
  const value = useWatch({ name }) as unknown;
  useEffect(() => onChange(value), [value, onChange]);
  return null;
};
