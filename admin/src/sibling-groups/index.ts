/**
 * sibling-groups/: sibling groups (brāļi un māsas), children kept together unless an orphan court
 * decided otherwise — list, show, the members' editor, separation decisions, and the siblings block
 * the child's card shows. Each child's card is children/.
 */
import Diversity3Icon from '@mui/icons-material/Diversity3';

import { groupLabel } from './members';
import { SiblingGroupCreate, SiblingGroupEdit } from './SiblingGroupEdit';
import { SiblingGroupList } from './SiblingGroupList';
import { SiblingGroupShow } from './SiblingGroupShow';

export { SiblingsBlock } from './SiblingsBlock';

export default {
  list: SiblingGroupList,
  show: SiblingGroupShow,
  edit: SiblingGroupEdit,
  create: SiblingGroupCreate,
  icon: Diversity3Icon,
  recordRepresentation: groupLabel,
};
