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
import { childFilters, childListGroups, consentChoices } from '../common/listFilters';
import { ageOn, monthsOn } from '../common/listValues';
import { LvDateField } from '../common/LvDateField';
import { useFieldGroups } from '../common/useFieldGroups';
import { careFormChoices, childStatusChoices } from '../choices';

interface ChildRow {
  birthDate?: string;
  recordSheetReceivedOn?: string;
}

const Actions = ({ preferenceKey }: { preferenceKey: string }) => (
  <TopToolbar>
    <FilterButton />
    <SelectColumnsButton preferenceKey={preferenceKey} />
    <ExportButtons preferenceKey={preferenceKey} />
    <CreateButton />
  </TopToolbar>
);

/**
 * The children in the register (within the user's scope), by surname. The search finds names and
 * personal codes without diacritics ("berzins" finds Bērziņš). Filters and columns of a field
 * group the user may not read are left out, as the API leaves out (and refuses to filter on) their
 * values. The column chooser's choice is kept per set of visible groups, so column positions never
 * mix between roles. CSV/XLSX come from the API's export (same filter, order and columns; audited),
 * not from react-admin's exporter, which would build the file from pages in the browser unrecorded.
 */
export const ChildList = () => {
  const { can, visible } = useFieldGroups('children', childListGroups);
  const groupsKey = visible.join('-');
  const preferenceKey = `children.datagrid.${groupsKey}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `can` follows `visible`
  const filters = useMemo(() => childFilters(can), [groupsKey]);
  const today = rigaToday();
  return (
    <List
      filters={filters}
      actions={<Actions preferenceKey={preferenceKey} />}
      sort={{ field: 'surname', order: 'ASC' }}
      perPage={25}
      exporter={false}
    >
      <DatagridConfigurable
        preferenceKey={preferenceKey}
        omit={['careForm']}
        size="small"
        bulkActionButtons={false}
        rowClick="show"
      >
        {can('identity') && <TextField source="surname" />}
        {can('identity') && <TextField source="givenNames" sortable={false} />}
        {can('identity') && <LvDateField source="birthDate" />}
        {can('identity') && (
          <FunctionField<ChildRow>
            source="age"
            label="lists.children.age"
            sortable={false}
            render={(r) => ageOn(r.birthDate, today) ?? ''}
          />
        )}
        <SelectField source="status" choices={childStatusChoices} />
        {can('placement') && <SelectField source="careForm" choices={careFormChoices} />}
        {can('placement') && (
          <ReferenceField
            source="careOrphanCourtId"
            reference="orphan-courts"
            link={false}
            sortable={false}
          />
        )}
        {can('placement') && <LvDateField source="recordSheetReceivedOn" />}
        {can('placement') && (
          <FunctionField<ChildRow>
            source="waitingMonths"
            label="lists.children.waitingMonths"
            sortable={false}
            render={(r) => monthsOn(r.recordSheetReceivedOn, today) ?? ''}
          />
        )}
        {can('adoption') && (
          <BooleanField source="clearedAbroad" label="lists.children.clearedAbroad" />
        )}
        {can('adoption') && (
          <SelectField
            source="consent"
            label="lists.children.consent"
            choices={consentChoices}
            emptyText="lists.consent.none"
          />
        )}
      </DatagridConfigurable>
    </List>
  );
};
