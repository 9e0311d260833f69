import {
  EditButton,
  EmailField,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { RecordHistory } from '../audit';
import { StatusChangeButton, StatusTimeline } from '../common/StatusChange';
import { languageChoices } from '../common/choices';
import { adopterGroups } from '../common/fieldGroups';
import { LvDateField } from '../common/LvDateField';
import { PersonalCodeField } from '../common/PersonalCodeField';
import { recordMetaFields } from '../common/recordMetaFields';
import { useFieldGroups } from '../common/useFieldGroups';
import { adopterOriginChoices, adopterStatusChoices } from './choices';

/**
 * An adopter record in tabs: the applicant and the spouse, contacts, the orphan court's decision.
 * Groups the user may not read are not rendered (the API leaves them out too).
 */
export const AdopterShow = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  return (
    <Show
      actions={
        <TopToolbar>
          <StatusChangeButton resource="adopters" />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.register.tabs.adopter">
          <SelectField source="status" choices={adopterStatusChoices} />
          {can('identity') && <SelectField source="origin" choices={adopterOriginChoices} />}
          {can('identity') && <TextField source="surname" />}
          {can('identity') && <TextField source="givenNames" />}
          {can('identity') && <PersonalCodeField source="personalCode" emptyText="—" />}
          {can('identity') && <LvDateField source="birthDate" />}
          {can('identity') && <TextField source="spouseSurname" emptyText="—" />}
          {can('identity') && <TextField source="spouseGivenNames" emptyText="—" />}
          {can('identity') && <PersonalCodeField source="spousePersonalCode" emptyText="—" />}
          {can('identity') && <LvDateField source="spouseBirthDate" emptyText="—" />}
          {recordMetaFields()}
        </TabbedShowLayout.Tab>
        {can('contact') && (
          <TabbedShowLayout.Tab label="app.register.tabs.contact" path="contact">
            <TextField source="declaredAddress" />
            <TextField source="phone" emptyText="—" />
            <EmailField source="email" emptyText="—" />
            <SelectField source="preferredLanguage" choices={languageChoices} />
          </TabbedShowLayout.Tab>
        )}
        {can('recognition') && (
          <TabbedShowLayout.Tab label="app.register.tabs.recognition" path="recognition">
            <ReferenceField source="orphanCourtId" reference="orphan-courts" link="show" />
            <TextField source="decisionNumber" />
            <LvDateField source="decisionDate" />
            <LvDateField source="decisionValidUntil" emptyText="—" />
            <LvDateField source="enteredOn" />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
      <StatusTimeline resource="adopters" />
      <RecordHistory />
    </Show>
  );
};
