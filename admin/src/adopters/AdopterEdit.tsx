import { EditWithConflict } from '../common/EditWithConflict';
import { AdopterForm } from './AdopterForm';
import { adopterTransform } from './transform';

// Pessimistic: a 409 (someone else saved first) opens the merge dialog; field errors are seen
// before leaving the form.
export const AdopterEdit = () => (
  <EditWithConflict redirect="show" transform={adopterTransform}>
    <AdopterForm />
  </EditWithConflict>
);
