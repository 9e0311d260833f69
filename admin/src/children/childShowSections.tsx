import type { ChildGroup } from '@adoption/model';
import { ArrayField, Datagrid, ReferenceField, SelectField, TextField } from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { PersonalCodeField } from '../common/PersonalCodeField';
import { recordMetaFields } from '../common/recordMetaFields';
import { YesNoField } from '../common/YesNoField';
import { date, long, text, Wide, When, type CardSection } from '../people';
import { ChildAgeField } from './ChildAge';
import {
  careFormChoices,
  childStatusChoices,
  consentChoices,
  disabilityGroupChoices,
  nationalityKindChoices,
  relativeKindChoices,
  sexChoices,
} from '../choices';

const conditions = (
  <Wide key="healthConditions">
    <ArrayField source="healthConditions">
      <Datagrid bulkActionButtons={false} rowClick={false} size="small" empty={<span>—</span>}>
        <TextField source="condition" label="app.card.condition.condition" />
        <TextField source="icd10" label="app.card.condition.icd10" emptyText="—" />
        <LvDateField source="since" label="app.card.condition.since" emptyText="—" />
        <TextField source="treatment" label="app.card.condition.treatment" emptyText="—" />
      </Datagrid>
    </ArrayField>
  </Wide>
);

const relatives = (
  <Wide key="relatives">
    <ArrayField source="relatives">
      <Datagrid bulkActionButtons={false} rowClick={false} size="small" empty={<span>—</span>}>
        <SelectField source="kind" label="app.card.relative.kind" choices={relativeKindChoices} />
        <TextField source="surname" label="app.card.relative.surname" />
        <TextField source="givenNames" label="app.card.relative.givenNames" />
        <LvDateField source="birthDate" label="app.card.relative.birthDate" emptyText="—" />
        <TextField source="residence" label="app.card.relative.residence" emptyText="—" />
        <TextField source="note" label="app.card.relative.note" emptyText="—" />
      </Datagrid>
    </ArrayField>
  </Wide>
);

/**
 * The card's groups in the record sheet's order, each only when the user's role reads it (the API
 * leaves the other fields out in any case).
 */
export function childSections(can: (group: ChildGroup) => boolean): CardSection[] {
  const sections: CardSection[] = [];
  sections.push({
    key: 'identity',
    label: 'app.register.tabs.child',
    fields: [
      <SelectField key="status" source="status" choices={childStatusChoices} />,
      ...(can('identity')
        ? [
            <TextField key="surname" source="surname" />,
            <TextField key="givenNames" source="givenNames" />,
            <SelectField key="sex" source="sex" choices={sexChoices} />,
            <PersonalCodeField key="personalCode" source="personalCode" emptyText="—" />,
            <LvDateField key="birthDate" source="birthDate" />,
            <ChildAgeField key="age" label="app.card.age" />,
            <SelectField
              key="nationalityKind"
              source="nationalityKind"
              choices={nationalityKindChoices}
            />,
          ]
        : []),
      ...recordMetaFields(),
    ],
  });
  if (can('placement'))
    sections.push({
      key: 'placement',
      label: 'app.register.tabs.placement',
      path: 'placement',
      fields: [
        date('recordSheetReceivedOn'),
        <SelectField key="careForm" source="careForm" choices={careFormChoices} />,
        <ReferenceField
          key="careOrphanCourtId"
          source="careOrphanCourtId"
          reference="orphan-courts"
          link="show"
        />,
        text('careDecisionNumber'),
        date('careDecisionDate'),
        <ReferenceField
          key="careProviderId"
          source="careProviderId"
          reference="care-providers"
          link="show"
          emptyText="—"
        />,
        <YesNoField key="legallyFree" source="legallyFree" />,
        long('legalStatusNote'),
      ],
    });
  if (can('health'))
    sections.push({
      key: 'health',
      label: 'app.register.tabs.health',
      path: 'health',
      fields: [
        long('health'),
        conditions,
        <SelectField
          key="disabilityGroup"
          source="disabilityGroup"
          choices={disabilityGroupChoices}
          emptyText="app.card.no_disability"
        />,
        <When key="disability" test={(r) => !!r.disabilityGroup}>
          {[date('disabilityFrom'), date('disabilityUntil'), text('disabilitySource')]}
        </When>,
        long('motherPregnancy'),
        long('furtherTreatment'),
      ],
    });
  if (can('development'))
    sections.push({
      key: 'development',
      label: 'app.register.tabs.development',
      path: 'development',
      fields: [long('personality'), long('development'), long('relativesContact')],
    });
  if (can('birthFamily'))
    sections.push({
      key: 'birthFamily',
      label: 'app.register.tabs.birth_family',
      path: 'birth-family',
      fields: [relatives, long('birthFamilyCharacterisation')],
    });
  if (can('religion'))
    sections.push({
      key: 'religion',
      label: 'app.register.tabs.religion',
      path: 'religion',
      fields: [text('religion')],
    });
  if (can('adoption'))
    sections.push({
      key: 'adoption',
      label: 'app.register.tabs.adoption',
      path: 'adoption',
      fields: [
        long('childOpinion'),
        <SelectField
          key="consent"
          source="consent"
          choices={consentChoices}
          emptyText="app.card.consent_none"
        />,
        date('consentDate'),
        ...(can('identity') ? [<ChildAgeField key="age" label="app.card.age" />] : []),
        <YesNoField key="doesNotWishAdoption" source="doesNotWishAdoption" />,
        <YesNoField key="clearedAbroad" source="clearedAbroad" />,
        <When key="abroad" test={(r) => r.clearedAbroad === true}>
          {[
            text('abroadCourtDecisionNumber'),
            date('abroadCourtDecisionDate'),
            date('abroadCommissionOpinionDate'),
          ]}
        </When>,
      ],
    });
  return sections;
}
