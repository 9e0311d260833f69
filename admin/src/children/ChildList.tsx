import { BooleanField, FunctionField, ReferenceField, SelectField, TextField } from 'react-admin';

import { childFilters, childListGroups, consentChoices } from '../common/listFilters';
import { ageOn, monthsOn } from '../common/listValues';
import { LvDateField } from '../common/LvDateField';
import { PersonList } from '../people';
import { careFormChoices, childStatusChoices } from '../choices';
import type { Child } from '../types';

/**
 * The children in the register (within the user's scope), by surname. The search finds names and
 * personal codes without diacritics ("berzins" finds Bērziņš). Filters, columns, the column
 * chooser and the audited export as PersonList says.
 */
export const ChildList = () => (
  <PersonList
    resource="children"
    groups={childListGroups}
    filters={childFilters}
    sort={{ field: 'surname', order: 'ASC' }}
    omit={['careForm']}
    columns={(can, today) => [
      can('identity') && <TextField key="surname" source="surname" />,
      can('identity') && <TextField key="givenNames" source="givenNames" sortable={false} />,
      can('identity') && <LvDateField key="birthDate" source="birthDate" />,
      can('identity') && (
        <FunctionField<Child>
          key="age"
          source="age"
          label="lists.children.age"
          sortable={false}
          render={(r) => ageOn(r.birthDate, today) ?? ''}
        />
      ),
      <SelectField key="status" source="status" choices={childStatusChoices} />,
      can('placement') && (
        <SelectField key="careForm" source="careForm" choices={careFormChoices} />
      ),
      can('placement') && (
        <ReferenceField
          key="careOrphanCourtId"
          source="careOrphanCourtId"
          reference="orphan-courts"
          link={false}
          sortable={false}
        />
      ),
      can('placement') && (
        <LvDateField key="recordSheetReceivedOn" source="recordSheetReceivedOn" />
      ),
      can('placement') && (
        <FunctionField<Child>
          key="waitingMonths"
          source="waitingMonths"
          label="lists.children.waitingMonths"
          sortable={false}
          render={(r) => monthsOn(r.recordSheetReceivedOn, today) ?? ''}
        />
      ),
      can('adoption') && (
        <BooleanField
          key="clearedAbroad"
          source="clearedAbroad"
          label="lists.children.clearedAbroad"
        />
      ),
      can('adoption') && (
        <SelectField
          key="consent"
          source="consent"
          label="lists.children.consent"
          choices={consentChoices}
          emptyText="lists.consent.none"
        />
      ),
    ]}
  />
);
