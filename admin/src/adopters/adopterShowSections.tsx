import { AdopterGroup } from '@adoption/model';
import {
  ArrayField,
  Datagrid,
  EmailField,
  NumberField,
  ReferenceField,
  SelectField,
  TextField,
} from 'react-admin';

import {
  adopterOriginChoices,
  adopterStatusChoices,
  languageChoices,
  wishedSexChoices,
} from '../choices';
import { LvDateField } from '../common/LvDateField';
import { PersonalCodeField } from '../common/PersonalCodeField';
import { recordMetaFields } from '../common/recordMetaFields';
import { YesNoField } from '../common/YesNoField';
import { date, long, text, Wide, type CardSection } from '../people';
import { RefusalsPanel } from '../offers/RefusalsPanel';
import { NeedWishesField } from './NeedWishes';

const refusals = (
  <Wide key="refusals">
    <ArrayField source="refusals">
      <Datagrid bulkActionButtons={false} rowClick={false} size="small" empty={<span>—</span>}>
        <LvDateField source="refusedOn" label="app.card.refusal.refusedOn" />
        <ReferenceField
          source="childId"
          reference="children"
          label="app.card.refusal.childId"
          link="show"
          emptyText="—"
        />
        <TextField
          source="reason"
          label="app.card.refusal.reason"
          sx={{ whiteSpace: 'pre-line' }}
        />
      </Datagrid>
    </ArrayField>
  </Wide>
);

/**
 * The adopter record's groups: a tab each on screen, sections on paper; only the groups the role
 * reads, and the foreign adopter's group only for origin "foreign" (`isForeign`).
 */
export function adopterSections(
  can: (group: AdopterGroup) => boolean,
  isForeign: boolean,
): CardSection[] {
  const sections: CardSection[] = [];
  sections.push({
    key: 'identity',
    label: 'app.register.tabs.adopter',
    fields: [
      <SelectField key="status" source="status" choices={adopterStatusChoices} />,
      ...(can('identity')
        ? [
            <SelectField key="origin" source="origin" choices={adopterOriginChoices} />,
            <TextField key="surname" source="surname" />,
            <TextField key="givenNames" source="givenNames" />,
            <PersonalCodeField key="personalCode" source="personalCode" emptyText="—" />,
            date('birthDate'),
            text('spouseSurname'),
            text('spouseGivenNames'),
            <PersonalCodeField key="spouseCode" source="spousePersonalCode" emptyText="—" />,
            date('spouseBirthDate'),
          ]
        : []),
      ...recordMetaFields(),
    ],
  });
  if (can('contact'))
    sections.push({
      key: 'contact',
      label: 'app.register.tabs.contact',
      path: 'contact',
      fields: [
        text('declaredAddress'),
        text('phone'),
        <EmailField key="email" source="email" emptyText="—" />,
        <SelectField key="lang" source="preferredLanguage" choices={languageChoices} />,
      ],
    });
  if (can('recognition'))
    sections.push({
      key: 'recognition',
      label: 'app.register.tabs.recognition',
      path: 'recognition',
      fields: [
        <ReferenceField key="court" source="orphanCourtId" reference="orphan-courts" link="show" />,
        <TextField key="decisionNumber" source="decisionNumber" />,
        date('decisionDate'),
        date('decisionValidUntil'),
        date('enteredOn'),
        text('trainingCertificateNumber'),
        date('trainingCertificateDate'),
      ],
    });
  if (can('background'))
    sections.push({
      key: 'background',
      label: 'app.register.tabs.background',
      path: 'background',
      fields: [text('religion'), text('ethnicity'), long('motivation')],
    });
  if (can('wishes'))
    sections.push({
      key: 'wishes',
      label: 'app.register.tabs.wishes',
      path: 'wishes',
      fields: [
        <NumberField key="count" source="wishedChildrenCount" />,
        <SelectField key="sex" source="wishedSex" choices={wishedSexChoices} />,
        <NumberField key="from" source="wishedAgeFrom" />,
        <NumberField key="to" source="wishedAgeTo" />,
        <NeedWishesField key="health" source="needWishes" />,
        <YesNoField key="siblings" source="acceptsSiblings" />,
        text('wishedReligion'),
        text('wishedLanguage'),
        long('wishesNote'),
      ],
    });
  if (can('foreign') && isForeign)
    sections.push({
      key: 'foreign',
      label: 'app.register.tabs.foreign',
      path: 'foreign',
      fields: [
        <ReferenceField key="country" source="countryId" reference="countries" link="show" />,
        text('foreignAuthority'),
        date('homeStudyReportDate'),
      ],
    });
  if (can('refusals'))
    sections.push({
      key: 'refusals',
      label: 'app.register.tabs.refusals',
      path: 'refusals',
      // The counts and the refusal rule (for those who work with offers), then the list.
      fields: [<RefusalsPanel key="refusalsSummary" label={false} />, refusals],
    });
  return sections;
}
