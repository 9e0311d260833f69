/**
 * countries/: the classifier of countries (ISO 3166-1), e.g. a foreign adopter's country — list,
 * show and form for administrators. The API side is backend/src/classifiers/countries/.
 */
import PublicIcon from '@mui/icons-material/Public';

import { CountryCreate } from './CountryCreate';
import { CountryEdit } from './CountryEdit';
import { CountryList } from './CountryList';
import { CountryShow } from './CountryShow';

export default {
  list: CountryList,
  show: CountryShow,
  edit: CountryEdit,
  create: CountryCreate,
  icon: PublicIcon,
  recordRepresentation: 'nameLv',
};
