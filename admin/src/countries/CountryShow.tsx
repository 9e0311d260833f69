import { BooleanField, Show, SimpleShowLayout, TextField } from 'react-admin';

import { RecordHistory } from '../audit';
import { recordMetaFields } from '../common/recordMetaFields';

export const CountryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="nameLv" />
      <TextField source="nameEn" />
      <TextField source="alpha2" />
      <TextField source="alpha3" />
      <TextField source="numeric" />
      <BooleanField source="hagueAdoption1993" />
      <BooleanField source="bilateralAdoptionAgreement" />
      {recordMetaFields()}
    </SimpleShowLayout>
    <RecordHistory />
  </Show>
);
