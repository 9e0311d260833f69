import {
  Datagrid,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';

import { childGroups } from '../common/fieldGroups';
import { LvDateField } from '../common/LvDateField';
import { useFieldGroups } from '../common/useFieldGroups';
import { careFormChoices, childStatusChoices, sexChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={childStatusChoices} />,
  <SelectInput key="sex" source="sex" choices={sexChoices} />,
  <SelectInput key="careForm" source="careForm" choices={careFormChoices} />,
  <ReferenceInput
    key="careOrphanCourtId"
    source="careOrphanCourtId"
    reference="orphan-courts"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  />,
];

/**
 * The children in the register (within the user's scope), by surname. The search finds names and
 * personal codes without diacritics ("berzins" finds Bērziņš). Columns of a field group the user
 * may not read are left out, as the API leaves out their values. No CSV export: a file of
 * children's records leaves the register's control (and its audit trail).
 */
export const ChildList = () => {
  const { can } = useFieldGroups('children', childGroups);
  return (
    <List filters={filters} sort={{ field: 'surname', order: 'ASC' }} perPage={25} exporter={false}>
      <Datagrid size="small" bulkActionButtons={false} rowClick="show">
        {can('identity') && <TextField source="surname" />}
        {can('identity') && <TextField source="givenNames" sortable={false} />}
        {can('identity') && <LvDateField source="birthDate" />}
        <SelectField source="status" choices={childStatusChoices} />
        {can('placement') && (
          <SelectField source="careForm" choices={careFormChoices} sortable={false} />
        )}
        {can('placement') && (
          <ReferenceField
            source="careOrphanCourtId"
            reference="orphan-courts"
            link={false}
            sortable={false}
          />
        )}
        {can('placement') && <LvDateField source="recordSheetReceivedOn" />}
      </Datagrid>
    </List>
  );
};
