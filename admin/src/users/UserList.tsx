import {
  BooleanField,
  BooleanInput,
  Datagrid,
  List,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';

import { roleChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="role" source="role" choices={roleChoices} />,
  <BooleanInput key="active" source="active" />,
];

export const UserList = () => (
  <List filters={filters} sort={{ field: 'displayName', order: 'ASC' }} perPage={25}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="displayName" />
      <TextField source="username" />
      <SelectField source="role" choices={roleChoices} />
      <BooleanField source="active" />
      <BooleanField source="mfaEnabled" sortable={false} />
      <LvDateField source="lastLoginAt" showTime />
    </Datagrid>
  </List>
);
