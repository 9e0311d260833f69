import { EditWithConflict } from '../common/EditWithConflict';
import { ChildForm } from './ChildForm';
import { childTransform } from './transform';

// Pessimistic: a 409 (someone else saved first) opens the merge dialog; field errors are seen
// before leaving the form.
export const ChildEdit = () => (
  <EditWithConflict redirect="show" transform={childTransform}>
    <ChildForm />
  </EditWithConflict>
);
