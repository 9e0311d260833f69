import { TextField } from 'react-admin';

import { LvDateField } from './LvDateField';

/**
 * The fields every register record carries, shown at the end of each Show page. An array (not a
 * component) because SimpleShowLayout reads its direct children's `source` for the labels.
 */
export const recordMetaFields = () => [
  <TextField key="id" source="id" />,
  <TextField key="version" source="version" />,
  <LvDateField key="createdAt" source="createdAt" showTime />,
  <LvDateField key="updatedAt" source="updatedAt" showTime />,
];
