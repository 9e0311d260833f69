import {
  Datagrid,
  DateInput,
  FilterButton,
  List,
  NumberInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
  TextInput,
  TopToolbar,
} from 'react-admin';

import { auditActionChoices, auditResourceChoices, roleChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { ChangedFieldsField } from './ChangesTable';
import { ExportCsvButton } from './ExportCsvButton';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TextInput key="actorUsername" source="actorUsername" />,
  // Who searched for a name or personal code: the API keys the term as it stores searches.
  <TextInput key="searchedFor" source="searchedFor" />,
  <NumberInput key="actorUserId" source="actorUserId" />,
  <SelectInput key="resource" source="resource" choices={auditResourceChoices} />,
  <TextInput key="recordId" source="recordId" />,
  <SelectInput key="action" source="action" choices={auditActionChoices} />,
  <DateInput key="occurredAt_gte" source="occurredAt_gte" alwaysOn />,
  <DateInput key="occurredAt_lte" source="occurredAt_lte" alwaysOn />,
];

const ListActions = () => (
  <TopToolbar>
    <FilterButton />
    <ExportCsvButton />
  </TopToolbar>
);

/** The audit trail (Audita žurnāls), newest first. Read-only. */
export const AuditEventList = () => (
  <List
    filters={filters}
    actions={<ListActions />}
    sort={{ field: 'id', order: 'DESC' }}
    perPage={50}
    exporter={false}
  >
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="id" />
      <LvDateField source="occurredAt" showTime />
      <TextField source="actorUsername" sortable={false} />
      <SelectField source="actorRole" choices={roleChoices} sortable={false} />
      <SelectField source="action" choices={auditActionChoices} sortable={false} />
      <SelectField source="resource" choices={auditResourceChoices} sortable={false} />
      <TextField source="recordId" sortable={false} />
      <ChangedFieldsField label="resources.audit-events.fields.changes" sortable={false} />
    </Datagrid>
  </List>
);
