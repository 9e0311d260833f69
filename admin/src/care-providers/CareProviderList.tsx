import {
  Datagrid,
  List,
  ReferenceField,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';

import { careProviderKindChoices } from '../choices';
import { TerritoryReferenceInput } from '../common/TerritoryReferenceInput';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="kind" source="kind" choices={careProviderKindChoices} />,
  <TerritoryReferenceInput key="territoryId" source="territoryId" />,
];

export const CareProviderList = () => (
  <List filters={filters} sort={{ field: 'name', order: 'ASC' }} perPage={25}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="name" />
      <SelectField source="kind" choices={careProviderKindChoices} />
      <TextField source="registrationNumber" />
      <ReferenceField source="territoryId" reference="territories" link={false} sortable={false} />
      <TextField source="phone" sortable={false} />
    </Datagrid>
  </List>
);
