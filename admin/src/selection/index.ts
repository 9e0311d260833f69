/**
 * selection/: the explainable selection on screen — the two-panel screen for a run (RunView: the
 * wishes or the child on the left, candidates with each rule's outcome as chips on the right,
 * near misses apart, keyboard, print), the pages that run one from an adopter, a child or a
 * sibling group, the stored runs (`#/selections`), and the versioned parameters.
 */
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import TuneIcon from '@mui/icons-material/Tune';

import { ParametersCreate, ParametersList } from './ParametersPage';
import { SelectionList, SelectionShow } from './SelectionPages';

export {
  AdopterSelectionPage,
  ChildSelectionPage,
  GroupSelectionPage,
  SelectionButton,
} from './SelectionPages';

export const selections = {
  list: SelectionList,
  show: SelectionShow,
  icon: ManageSearchIcon,
  options: { label: 'app.selection.menu' },
  recordRepresentation: (record: { id: number | string }) => `Nr. ${record.id}`,
};

export const selectionParameters = {
  list: ParametersList,
  create: ParametersCreate,
  icon: TuneIcon,
  options: { label: 'app.selection.parameters_menu' },
  recordRepresentation: (record: { id: number | string }) => `v${record.id}`,
};
