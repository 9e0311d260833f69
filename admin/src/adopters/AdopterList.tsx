import { rigaToday } from '@adoption/model';
import { useMemo } from 'react';
import {
  BooleanField,
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  FunctionField,
  List,
  ReferenceField,
  SelectColumnsButton,
  SelectField,
  TextField,
  TopToolbar,
} from 'react-admin';

import { ExportButtons } from '../common/ExportButton';
import { adopterFilters, adopterListGroups, wishedSexChoices } from '../common/listFilters';
import { monthsOn } from '../common/listValues';
import { LvDateField } from '../common/LvDateField';
import { useFieldGroups } from '../common/useFieldGroups';
import { adopterOriginChoices, adopterStatusChoices } from '../choices';

interface Adopter {
  enteredOn?: string;
  spouseGivenNames?: string | null;
  spouseSurname?: string | null;
  wishedAgeFrom?: number;
  wishedAgeTo?: number;
}

/** Console columns that stand for several API columns in the export. */
const exportAliases = {
  spouse: ['spouseSurname', 'spouseGivenNames'],
  wishedAge: ['wishedAgeFrom', 'wishedAgeTo'],
};

const Actions = ({ preferenceKey }: { preferenceKey: string }) => (
  <TopToolbar>
    <FilterButton />
    <SelectColumnsButton preferenceKey={preferenceKey} />
    <ExportButtons preferenceKey={preferenceKey} aliases={exportAliases} />
    <CreateButton />
  </TopToolbar>
);

/**
 * The adopters in the order of the queue (the date they entered the register). The search finds
 * applicants and spouses by name, personal code or e-mail, without diacritics. Filters, columns,
 * the column chooser and the audited CSV/XLSX export work as in the children list.
 */
export const AdopterList = () => {
  const { can, visible } = useFieldGroups('adopters', adopterListGroups);
  const groupsKey = visible.join('-');
  const preferenceKey = `adopters.datagrid.${groupsKey}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `can` follows `visible`
  const filters = useMemo(() => adopterFilters(can), [groupsKey]);
  const today = rigaToday();
  return (
    <List
      filters={filters}
      actions={<Actions preferenceKey={preferenceKey} />}
      sort={{ field: 'enteredOn', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <DatagridConfigurable
        preferenceKey={preferenceKey}
        omit={['origin', 'countryId']}
        size="small"
        bulkActionButtons={false}
        rowClick="show"
      >
        {can('recognition') && <LvDateField source="enteredOn" />}
        {can('recognition') && (
          <FunctionField<Adopter>
            source="waitingMonths"
            label="lists.adopters.waitingMonths"
            sortable={false}
            render={(r) => monthsOn(r.enteredOn, today) ?? ''}
          />
        )}
        {can('identity') && <TextField source="surname" />}
        {can('identity') && <TextField source="givenNames" sortable={false} />}
        {can('identity') && (
          <FunctionField<Adopter>
            source="spouse"
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
        {can('recognition') && <LvDateField source="decisionValidUntil" />}
        {can('wishes') && (
          <SelectField
            source="wishedSex"
            label="lists.adopters.wishedSex"
            choices={wishedSexChoices}
            sortable={false}
          />
        )}
        {can('wishes') && (
          <FunctionField<Adopter>
            source="wishedAge"
            label="lists.adopters.wishedAgeRange"
            sortable={false}
            render={(r) =>
              r.wishedAgeFrom === undefined ? '' : `${r.wishedAgeFrom}–${r.wishedAgeTo ?? ''}`
            }
          />
        )}
        {can('wishes') && (
          <BooleanField
            source="acceptsSiblings"
            label="lists.adopters.acceptsSiblings"
            sortable={false}
          />
        )}
        {can('foreign') && (
          <ReferenceField
            source="countryId"
            label="lists.adopters.countryId"
            reference="countries"
            link={false}
            sortable={false}
          />
        )}
      </DatagridConfigurable>
    </List>
  );
};
