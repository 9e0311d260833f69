/**
 * territories/: the classifier of territories (municipalities by ATVK code) that orphan courts and
 * care providers belong to — list, show and form for administrators. The API side is
 * backend/src/classifiers/territories/.
 */
import MapIcon from '@mui/icons-material/Map';

import { TerritoryCreate } from './TerritoryCreate';
import { TerritoryEdit } from './TerritoryEdit';
import { TerritoryList } from './TerritoryList';
import { TerritoryShow } from './TerritoryShow';

export default {
  list: TerritoryList,
  show: TerritoryShow,
  edit: TerritoryEdit,
  create: TerritoryCreate,
  icon: MapIcon,
  recordRepresentation: 'name',
};
