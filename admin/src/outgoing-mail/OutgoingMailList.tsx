import { Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  NumberField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';

import {
  languageChoices,
  outgoingMailStatusChoices,
  outgoingMailTemplateChoices,
} from '../choices';
import { LvDateField } from '../common/LvDateField';
import { RetryButton } from './RetryButton';
import { StatusField } from './StatusField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={outgoingMailStatusChoices} alwaysOn />,
  <SelectInput key="template" source="template" choices={outgoingMailTemplateChoices} />,
];

/** The last error on one line, cut to the column; the whole text is in the tooltip and the record. */
const lastError = (r: { lastError?: string | null }) =>
  r.lastError ? (
    <Typography
      component="span"
      variant="body2"
      title={r.lastError}
      noWrap
      sx={{ display: 'block', maxWidth: 320 }}
    >
      {r.lastError}
    </Typography>
  ) : (
    ''
  );

/** Izejošās vēstules: the outbox, newest first. Row click opens the mail as it reads. */
export const OutgoingMailList = () => (
  <List
    filters={filters}
    sort={{ field: 'createdAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
  >
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <LvDateField source="createdAt" showTime />
      <TextField source="recipient" sortable={false} />
      <SelectField source="template" choices={outgoingMailTemplateChoices} />
      <SelectField
        source="language"
        choices={languageChoices}
        translateChoice={false}
        sortable={false}
      />
      <StatusField source="status" />
      <NumberField source="attempts" sortable={false} />
      <FunctionField source="lastError" sortable={false} render={lastError} />
      <RetryButton />
    </Datagrid>
  </List>
);
