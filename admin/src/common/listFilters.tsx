import type { ReactElement } from 'react';
import {
  AutocompleteInput,
  NullableBooleanInput,
  NumberInput,
  ReferenceInput,
  SearchInput,
  SelectArrayInput,
  SelectInput,
} from 'react-admin';

import {
  adopterOriginChoices,
  adopterStatusChoices,
  careFormChoices,
  childStatusChoices,
  sexChoices,
} from '../choices';
import { ageBands } from '@adoption/model';

/**
 * The filters a specialist works with (API: backend/src/children/list.ts, adopters/list.ts). Only
 * those on field groups the user may read are offered: the API refuses a filter on a hidden field
 * (it would reveal values), so the console does not show one.
 */

export const childListGroups = ['identity', 'placement', 'health', 'adoption'] as const;
export type ChildListGroup = (typeof childListGroups)[number];
export const adopterListGroups = ['identity', 'recognition', 'wishes', 'foreign'] as const;
export type AdopterListGroup = (typeof adopterListGroups)[number];

const ageBandChoices = ageBands.map((id) => ({ id, name: `app.statistics.age_band.${id}` }));
export const consentChoices = ['given', 'refused', 'none'].map((id) => ({
  id,
  name: `lists.consent.${id}`,
}));
export const wishedSexChoices = ['female', 'male', 'any'].map((id) => ({
  id,
  name: `lists.wished_sex.${id}`,
}));

const courtInput = (source: string) => (
  <ReferenceInput
    key={source}
    source={source}
    reference="orphan-courts"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  />
);
const months = (source: string, label: string) => (
  <NumberInput key={source} source={source} label={label} min={0} step={1} />
);
const yesNo = (source: string, label: string) => (
  <NullableBooleanInput key={source} source={source} label={label} />
);

type Entry<G> = [G | null, ReactElement];
const visible = <G,>(entries: Entry<G>[], can: (group: G) => boolean) =>
  entries.filter(([group]) => group === null || can(group)).map(([, input]) => input);

export const childFilters = (can: (group: ChildListGroup) => boolean) =>
  visible<ChildListGroup>(
    [
      [null, <SearchInput key="q" source="q" alwaysOn />],
      [null, <SelectInput key="status" source="status" choices={childStatusChoices} />],
      [
        'identity',
        <SelectArrayInput
          key="ageBand"
          source="ageBand"
          label="lists.children.ageBand"
          choices={ageBandChoices}
        />,
      ],
      ['identity', <SelectInput key="sex" source="sex" choices={sexChoices} />],
      ['placement', <SelectInput key="careForm" source="careForm" choices={careFormChoices} />],
      ['placement', courtInput('careOrphanCourtId')],
      ['placement', months('waitingMonthsMin', 'lists.children.waitingMonthsMin')],
      ['placement', months('waitingMonthsMax', 'lists.children.waitingMonthsMax')],
      ['placement', yesNo('legallyFree', 'lists.children.legallyFree')],
      ['placement', yesNo('siblingGroup', 'lists.children.siblingGroup')],
      ['health', yesNo('hasDisability', 'lists.children.hasDisability')],
      ['adoption', yesNo('clearedAbroad', 'lists.children.clearedAbroad')],
      [
        'adoption',
        <SelectInput
          key="consent"
          source="consent"
          label="lists.children.consent"
          choices={consentChoices}
        />,
      ],
      ['adoption', yesNo('doesNotWishAdoption', 'lists.children.doesNotWishAdoption')],
    ],
    can,
  );

export const adopterFilters = (can: (group: AdopterListGroup) => boolean) =>
  visible<AdopterListGroup>(
    [
      [null, <SearchInput key="q" source="q" alwaysOn />],
      [null, <SelectInput key="status" source="status" choices={adopterStatusChoices} />],
      ['identity', <SelectInput key="origin" source="origin" choices={adopterOriginChoices} />],
      ['recognition', courtInput('orphanCourtId')],
      ['recognition', months('waitingMonthsMin', 'lists.adopters.waitingMonthsMin')],
      ['recognition', months('waitingMonthsMax', 'lists.adopters.waitingMonthsMax')],
      [
        'wishes',
        <SelectInput
          key="wishedSex"
          source="wishedSex"
          label="lists.adopters.wishedSex"
          choices={wishedSexChoices}
        />,
      ],
      [
        'wishes',
        <NumberInput
          key="wishedAge"
          source="wishedAge"
          label="lists.adopters.wishedAge"
          min={0}
          max={17}
          step={1}
        />,
      ],
      ['wishes', yesNo('acceptsSiblings', 'lists.adopters.acceptsSiblings')],
      [
        'foreign',
        <ReferenceInput
          key="countryId"
          source="countryId"
          reference="countries"
          sort={{ field: 'nameLv', order: 'ASC' }}
          perPage={300}
        >
          <AutocompleteInput label="lists.adopters.countryId" />
        </ReferenceInput>,
      ],
    ],
    can,
  );
