import {
  BooleanField,
  EditButton,
  ReferenceField,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
} from 'react-admin';

import { RecordHistory } from '../audit';
import { ProposeChangeButton } from '../change-requests/ProposeChangeButton';
import { SelectionButton } from '../selection';
import { LvDateField } from '../common/LvDateField';
import { recordMetaFields } from '../common/recordMetaFields';
import { MemberList } from './MemberList';
import type { SiblingGroup } from '../types';

// `label` is read by SimpleShowLayout, which puts it over the list.
const Members = (_: { label: string }) => {
  const record = useRecordContext<SiblingGroup>();
  return record ? <MemberList members={record.children} /> : null;
};

const Separation = () => {
  const record = useRecordContext<SiblingGroup>();
  if (!record?.mayBeSeparated) return null;
  return (
    <SimpleShowLayout sx={{ p: 0 }}>
      <ReferenceField source="separationOrphanCourtId" reference="orphan-courts" link="show" />
      <TextField source="separationDecisionNumber" />
      <LvDateField source="separationDecisionDate" />
    </SimpleShowLayout>
  );
};

/**
 * A sibling group: its members (those the user may see) as links to their cards, and whether an
 * orphan court decided the children may be adopted separately. Below: who has seen or changed it.
 * The specialist edits; the orphan court proposes its decision (a change request).
 */
export const SiblingGroupShow = () => (
  <Show
    actions={
      <TopToolbar>
        <ProposeChangeButton resource="sibling-groups" />
        <SelectionButton subject="sibling-groups" />
        <EditButton />
      </TopToolbar>
    }
  >
    <SimpleShowLayout>
      <Members label="app.sibling_groups.members" />
      <BooleanField source="mayBeSeparated" />
      <Separation />
      <TextField source="note" emptyText="—" sx={{ whiteSpace: 'pre-line', maxWidth: 800 }} />
      {recordMetaFields()}
    </SimpleShowLayout>
    <RecordHistory />
  </Show>
);
