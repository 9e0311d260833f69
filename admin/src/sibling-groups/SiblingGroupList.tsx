import {
  BooleanField,
  Datagrid,
  FunctionField,
  List,
  NullableBooleanInput,
  ReferenceField,
  ReferenceInput,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import type { SiblingGroup } from '../types';
import { memberName } from './members';

const filters = [
  <NullableBooleanInput key="complete" source="complete" alwaysOn />,
  <NullableBooleanInput key="mayBeSeparated" source="mayBeSeparated" />,
  <ReferenceInput
    key="separationOrphanCourtId"
    source="separationOrphanCourtId"
    reference="orphan-courts"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
  />,
];

/**
 * Sibling groups, newest first, with the members the user may see. "Complete" keeps groups of at
 * least two children (a group may hold fewer while it is being assembled). No CSV export.
 */
export const SiblingGroupList = () => (
  <List filters={filters} sort={{ field: 'id', order: 'DESC' }} perPage={25} exporter={false}>
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <FunctionField<SiblingGroup>
        label="app.sibling_groups.members"
        render={(g) => g.children.map(memberName).join(', ') || '—'}
      />
      <FunctionField<SiblingGroup>
        label="app.sibling_groups.member_count"
        render={(g) => g.children.length}
      />
      <BooleanField source="mayBeSeparated" sortable={false} />
      <ReferenceField
        source="separationOrphanCourtId"
        reference="orphan-courts"
        link={false}
        sortable={false}
        emptyText="—"
      />
      <LvDateField source="separationDecisionDate" />
      <LvDateField source="updatedAt" showTime />
    </Datagrid>
  </List>
);
