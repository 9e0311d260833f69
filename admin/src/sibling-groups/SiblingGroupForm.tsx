import { maxLength, SimpleForm, TextInput } from 'react-admin';

import { SeparationInputs } from './SeparationInputs';

const validateNote = [maxLength(2000)];

/** The group's own data; the members are edited apart (MembersEditor). */
export const SiblingGroupForm = () => (
  <SimpleForm warnWhenUnsavedChanges sx={{ maxWidth: 800 }}>
    <SeparationInputs />
    <TextInput source="note" multiline minRows={3} validate={validateNote} />
  </SimpleForm>
);
