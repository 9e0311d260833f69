import {
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SearchInput,
  SelectField,
  SelectInput,
  TextField,
} from 'react-admin';

import { adopterGroups } from '../common/fieldGroups';
import { LvDateField } from '../common/LvDateField';
import { useFieldGroups } from '../common/useFieldGroups';
import { adopterOriginChoices, adopterStatusChoices } from './choices';

const filters = [
  <SearchInput key="q" source="q" alwaysOn />,
  <SelectInput key="status" source="status" choices={adopterStatusChoices} />,
  <SelectInput key="origin" source="origin" choices={adopterOriginChoices} />,
  <ReferenceInput
    key="orphanCourtId"
    source="orphanCourtId"
    reference="orphan-courts"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  />,
];

interface Adopter {
  spouseGivenNames?: string | null;
  spouseSurname?: string | null;
}

/**
 * The adopters in the order of the queue (the date they entered the register). The search finds
 * applicants and spouses by name, personal code or e-mail, without diacritics. No CSV export, as
 * for children.
 */
export const AdopterList = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  return (
    <List
      filters={filters}
      sort={{ field: 'enteredOn', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <Datagrid size="small" bulkActionButtons={false} rowClick="show">
        {can('recognition') && <LvDateField source="enteredOn" />}
        {can('identity') && <TextField source="surname" />}
        {can('identity') && <TextField source="givenNames" sortable={false} />}
        {can('identity') && (
          <FunctionField<Adopter>
            label="resources.adopters.fields.spouse"
            sortable={false}
            render={(r) =>
              r.spouseSurname ? `${r.spouseSurname} ${r.spouseGivenNames ?? ''}`.trim() : '—'
            }
          />
        )}
        {can('identity') && (
          <SelectField source="origin" choices={adopterOriginChoices} sortable={false} />
        )}
        <SelectField source="status" choices={adopterStatusChoices} />
        {can('recognition') && (
          <ReferenceField
            source="orphanCourtId"
            reference="orphan-courts"
            link={false}
            sortable={false}
          />
        )}
        {can('recognition') && <LvDateField source="decisionValidUntil" sortable={false} />}
      </Datagrid>
    </List>
  );
};
