import type { ReactElement } from 'react';
import { TextField } from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { Wide } from './FieldGrid';

/** One group of a record: a tab on screen, a section on paper (the same fields in both). */
export interface CardSection {
  key: string;
  label: string;
  path?: string;
  fields: ReactElement[];
}

/** A short text field ("—" when empty). */
export const text = (source: string) => <TextField key={source} source={source} emptyText="—" />;

/** A long text (notes, characterisations): the grid's whole width, its line breaks kept. */
export const long = (source: string) => (
  <Wide key={source}>
    <TextField source={source} emptyText="—" sx={{ whiteSpace: 'pre-line' }} />
  </Wide>
);

/** A date in Latvian form ("—" when empty). */
export const date = (source: string) => <LvDateField key={source} source={source} emptyText="—" />;
