import { Datagrid, EmailField, List, ReferenceField, SearchInput, TextField } from 'react-admin';

import { TerritoryReferenceInput } from '../common/TerritoryReferenceInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <TerritoryReferenceInput key="territoryId" source="territoryId" />,
];

export const OrphanCourtList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="name" />
      <ReferenceField source="territoryId" reference="territories" link={false} sortable={false} />
      <TextField source="address" sortable={false} />
      <TextField source="phone" sortable={false} />
      <EmailField source="email" sortable={false} />
    </Datagrid>
  </List>
);
