import {
  Datagrid,
  ReferenceManyField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { territoryKindChoices } from '../choices';
import { RecordHistory } from '../audit';
import { recordMetaFields } from '../common/recordMetaFields';

export const TerritoryShow = () => (
  <Show>
    <SimpleShowLayout>
      <TextField source="name" />
      <TextField source="atvkCode" />
      <SelectField source="kind" choices={territoryKindChoices} />
      {recordMetaFields()}
      <ReferenceManyField
        label="app.sections.orphan_courts_in_territory"
        reference="orphan-courts"
        target="territoryId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={25}
      >
        <Datagrid size="small" bulkActionButtons={false} rowClick="show">
          <TextField source="name" />
          <TextField source="address" sortable={false} />
          <TextField source="phone" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
      <ReferenceManyField
        label="app.sections.care_providers_in_territory"
        reference="care-providers"
        target="territoryId"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={25}
      >
        <Datagrid size="small" bulkActionButtons={false} rowClick="show">
          <TextField source="name" />
          <TextField source="registrationNumber" />
          <TextField source="legalAddress" sortable={false} />
        </Datagrid>
      </ReferenceManyField>
    </SimpleShowLayout>
    <RecordHistory />
  </Show>
);
