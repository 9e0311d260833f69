import { overrideStatuses } from '@adoption/model';
import {
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  SelectInput,
  TextField,
  useCanAccess,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { StatusChip } from './OfferStatusChip';

const l = (field: string) => `app.offers.overrides.fields.${field}`;
const statusChoices = overrideStatuses.map((id) => ({
  id,
  name: `app.enums.override_status.${id}`,
}));

/**
 * Override requests: a head of department's inbox (pending first, oldest first), a specialist's
 * requests with their outcome. Row click opens the request with its decision buttons.
 */
export const OverrideRequestList = () => {
  const { canAccess: decides, isPending } = useCanAccess({
    resource: 'override-decisions',
    action: 'write',
  });
  if (isPending) return null;
  return (
    <List
      filters={[
        <SelectInput
          key="status"
          source="status"
          label={l('status')}
          choices={statusChoices}
          alwaysOn
        />,
      ]}
      filterDefaultValues={decides ? { status: 'pending' } : {}}
      sort={{ field: 'createdAt', order: decides ? 'ASC' : 'DESC' }}
      perPage={25}
      exporter={false}
      title="app.offers.overrides.menu"
    >
      <Datagrid size="small" bulkActionButtons={false} rowClick="show">
        <TextField source="id" label={l('id')} />
        <StatusChip source="status" enumName="override_status" label={l('status')} />
        <ReferenceField source="adopterId" reference="adopters" link={false} label={l('adopter')} />
        <FunctionField
          label={l('children')}
          sortable={false}
          render={(r) => ((r.childIds as number[]) ?? []).map((id) => `#${id}`).join(', ')}
        />
        <TextField source="reason" label={l('reason')} sortable={false} />
        <TextField source="requestedByName" label={l('requestedBy')} sortable={false} />
        <TextField source="decidedByName" label={l('decidedBy')} sortable={false} emptyText="—" />
        <LvDateField source="createdAt" label={l('createdAt')} showTime />
      </Datagrid>
    </List>
  );
};
