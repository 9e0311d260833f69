import { BooleanField, FunctionField, ReferenceField, SelectField, TextField } from 'react-admin';

import { adopterFilters, adopterListGroups, wishedSexChoices } from '../common/listFilters';
import { monthsOn } from '../common/listValues';
import { LvDateField } from '../common/LvDateField';
import { PersonList } from '../people';
import { adopterOriginChoices, adopterStatusChoices } from '../choices';
import type { Adopter } from '../types';

/** Console columns that stand for several API columns in the export. */
const exportAliases = {
  spouse: ['spouseSurname', 'spouseGivenNames'],
  wishedAge: ['wishedAgeFrom', 'wishedAgeTo'],
};

/**
 * The adopters in the order of the queue (the date they entered the register). The search finds
 * applicants and spouses by name, personal code or e-mail, without diacritics. Filters, columns,
 * the column chooser and the audited CSV/XLSX export as in the children list (PersonList).
 */
export const AdopterList = () => (
  <PersonList
    resource="adopters"
    groups={adopterListGroups}
    filters={adopterFilters}
    sort={{ field: 'enteredOn', order: 'ASC' }}
    omit={['origin', 'countryId']}
    exportAliases={exportAliases}
    columns={(can, today) => [
      can('recognition') && <LvDateField key="enteredOn" source="enteredOn" />,
      can('recognition') && (
        <FunctionField<Adopter>
          key="waitingMonths"
          source="waitingMonths"
          label="lists.adopters.waitingMonths"
          sortable={false}
          render={(r) => monthsOn(r.enteredOn, today) ?? ''}
        />
      ),
      can('identity') && <TextField key="surname" source="surname" />,
      can('identity') && <TextField key="givenNames" source="givenNames" sortable={false} />,
      can('identity') && (
        <FunctionField<Adopter>
          key="spouse"
          source="spouse"
          label="resources.adopters.fields.spouse"
          sortable={false}
          render={(r) =>
            r.spouseSurname ? `${r.spouseSurname} ${r.spouseGivenNames ?? ''}`.trim() : '—'
          }
        />
      ),
      can('identity') && (
        <SelectField key="origin" source="origin" choices={adopterOriginChoices} sortable={false} />
      ),
      <SelectField key="status" source="status" choices={adopterStatusChoices} />,
      can('recognition') && (
        <ReferenceField
          key="orphanCourtId"
          source="orphanCourtId"
          reference="orphan-courts"
          link={false}
          sortable={false}
        />
      ),
      can('recognition') && <LvDateField key="decisionValidUntil" source="decisionValidUntil" />,
      can('wishes') && (
        <SelectField
          key="wishedSex"
          source="wishedSex"
          label="lists.adopters.wishedSex"
          choices={wishedSexChoices}
          sortable={false}
        />
      ),
      can('wishes') && (
        <FunctionField<Adopter>
          key="wishedAge"
          source="wishedAge"
          label="lists.adopters.wishedAgeRange"
          sortable={false}
          render={(r) =>
            r.wishedAgeFrom === undefined ? '' : `${r.wishedAgeFrom}–${r.wishedAgeTo ?? ''}`
          }
        />
      ),
      can('wishes') && (
        <BooleanField
          key="acceptsSiblings"
          source="acceptsSiblings"
          label="lists.adopters.acceptsSiblings"
          sortable={false}
        />
      ),
      can('foreign') && (
        <ReferenceField
          key="countryId"
          source="countryId"
          label="lists.adopters.countryId"
          reference="countries"
          link={false}
          sortable={false}
        />
      ),
    ]}
  />
);
