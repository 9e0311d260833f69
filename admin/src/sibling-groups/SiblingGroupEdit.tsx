import { Create, Edit } from 'react-admin';

import { clearSeparation } from './members';
import { MembersEditor } from './MembersEditor';
import { SiblingGroupForm } from './SiblingGroupForm';

// Pessimistic: a 409 (someone else saved first) or a field error is seen before leaving the form.
export const SiblingGroupEdit = () => (
  <Edit mutationMode="pessimistic" redirect="show" transform={clearSeparation}>
    <SiblingGroupForm />
    <MembersEditor />
  </Edit>
);

/** A new group opens in the editor, where its members are added. */
export const SiblingGroupCreate = () => (
  <Create redirect="edit" transform={clearSeparation}>
    <SiblingGroupForm />
  </Create>
);
