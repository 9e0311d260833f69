/**
 * children/: the child's card (bērna uzskaites lapa, bērna kartīte) — list, record sheet, form,
 * photo, age, attachments and what the form sends (transform.ts). The layout shared with adopters
 * is people/; brothers and sisters are sibling-groups/, proposals change-requests/; the rules are
 * the API's (backend/src/children/).
 */
import ChildCareIcon from '@mui/icons-material/ChildCare';

import { ChildCreate } from './ChildCreate';
import { ChildEdit } from './ChildEdit';
import { ChildList } from './ChildList';
import { ChildShow } from './ChildShow';

export default {
  list: ChildList,
  show: ChildShow,
  edit: ChildEdit,
  create: ChildCreate,
  icon: ChildCareIcon,
  recordRepresentation: (record: { id: number | string; surname?: string; givenNames?: string }) =>
    record.surname ? `${record.surname} ${record.givenNames ?? ''}`.trim() : `#${record.id}`,
};
