import {
  EditButton,
  ReferenceField,
  SelectField,
  Show,
  TabbedShowLayout,
  TextField,
  TopToolbar,
} from 'react-admin';

import { RecordHistory } from '../audit';
import { SiblingsBlock } from '../sibling-groups';
import { StatusChangeButton, StatusTimeline } from '../common/StatusChange';
import { childGroups } from '../common/fieldGroups';
import { LvDateField } from '../common/LvDateField';
import { PersonalCodeField } from '../common/PersonalCodeField';
import { recordMetaFields } from '../common/recordMetaFields';
import { useFieldGroups } from '../common/useFieldGroups';
import { careFormChoices, childStatusChoices, nationalityKindChoices, sexChoices } from './choices';

const longText = { whiteSpace: 'pre-line', maxWidth: 800 } as const;

/**
 * The child's card in tabs after the record sheet (uzskaites lapa): identity, placement, religion
 * and health, birth family. A tab or field whose group the user may not read is not rendered at
 * all (a care institution sees neither the religion nor the birth family); the API leaves those
 * values out in any case. Below: who has seen or changed the card (for auditors).
 */
export const ChildShow = () => {
  const { can } = useFieldGroups('children', childGroups);
  const healthTab = can('religion')
    ? 'app.register.tabs.religion_health'
    : 'app.register.tabs.health';
  return (
    <Show
      actions={
        <TopToolbar>
          <StatusChangeButton resource="children" />
          <EditButton />
        </TopToolbar>
      }
    >
      <TabbedShowLayout>
        <TabbedShowLayout.Tab label="app.register.tabs.child">
          <SelectField source="status" choices={childStatusChoices} />
          {can('identity') && <TextField source="surname" />}
          {can('identity') && <TextField source="givenNames" />}
          {can('identity') && <SelectField source="sex" choices={sexChoices} />}
          {can('identity') && <PersonalCodeField source="personalCode" emptyText="—" />}
          {can('identity') && <LvDateField source="birthDate" />}
          {can('identity') && (
            <SelectField source="nationalityKind" choices={nationalityKindChoices} />
          )}
          {recordMetaFields()}
        </TabbedShowLayout.Tab>
        {can('placement') && (
          <TabbedShowLayout.Tab label="app.register.tabs.placement" path="placement">
            <LvDateField source="recordSheetReceivedOn" />
            <SelectField source="careForm" choices={careFormChoices} />
            <ReferenceField source="careOrphanCourtId" reference="orphan-courts" link="show" />
            <TextField source="careDecisionNumber" />
            <LvDateField source="careDecisionDate" />
            <ReferenceField
              source="careProviderId"
              reference="care-providers"
              link="show"
              emptyText="—"
            />
            <SiblingsBlock label={false} />
          </TabbedShowLayout.Tab>
        )}
        {(can('religion') || can('health')) && (
          <TabbedShowLayout.Tab label={healthTab} path="health">
            {can('religion') && <TextField source="religion" emptyText="—" />}
            {can('health') && <TextField source="health" emptyText="—" sx={longText} />}
            {can('health') && <TextField source="furtherTreatment" emptyText="—" sx={longText} />}
          </TabbedShowLayout.Tab>
        )}
        {can('birthFamily') && (
          <TabbedShowLayout.Tab label="app.register.tabs.birth_family" path="birth-family">
            <TextField source="birthFamilyCharacterisation" emptyText="—" sx={longText} />
          </TabbedShowLayout.Tab>
        )}
      </TabbedShowLayout>
      <StatusTimeline resource="children" />
      <RecordHistory />
    </Show>
  );
};
