import { Datagrid, List, SearchInput, SelectField, SelectInput, TextField } from 'react-admin';

import { territoryKindChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={territoryKindChoices} />,
];

export const TerritoryList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="name" />
      <TextField source="atvkCode" />
      <SelectField source="kind" choices={territoryKindChoices} />
      <LvDateField source="updatedAt" />
    </Datagrid>
  </List>
);
