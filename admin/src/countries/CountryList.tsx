import {
  BooleanField,
  Datagrid,
  List,
  NullableBooleanInput,
  SearchInput,
  TextField,
} from 'react-admin';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <NullableBooleanInput key="hagueAdoption1993" source="hagueAdoption1993" />,
  <NullableBooleanInput key="bilateral" source="bilateralAdoptionAgreement" />,
];

export const CountryList = () => (
  <List filters={filters} sort={{ field: 'nameLv', order: 'ASC' }} perPage={25}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="nameLv" />
      <TextField source="nameEn" />
      <TextField source="alpha2" />
      <TextField source="alpha3" />
      <TextField source="numeric" />
      <BooleanField source="hagueAdoption1993" sortable={false} />
      <BooleanField source="bilateralAdoptionAgreement" sortable={false} />
    </Datagrid>
  </List>
);
