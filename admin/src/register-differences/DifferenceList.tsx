import {
  registerDifferenceKinds,
  registerDifferenceResolutions,
  registerDifferenceStatuses,
} from '@adoption/model';
import { ToggleButton, ToggleButtonGroup, Typography } from '@mui/material';
import {
  Datagrid,
  FunctionField,
  List,
  SelectInput,
  TextField,
  TopToolbar,
  useGetIdentity,
  useListContext,
  useTranslate,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { DifferenceActions } from './DifferenceActions';
import { EnumField, FieldNameField, RecordField, StateField, ValueField } from './DifferenceFields';
import { holderOf, withHolder, type Holder } from './differences';

const enumChoices = (name: string, ids: readonly string[]) =>
  ids.map((id) => ({ id, name: `app.enums.${name}.${id}` }));

const filters = [
  <SelectInput
    key="status"
    source="status"
    choices={enumChoices('register_difference_status', registerDifferenceStatuses)}
    alwaysOn
  />,
  <SelectInput
    key="kind"
    source="kind"
    choices={enumChoices('register_difference_kind', registerDifferenceKinds)}
    alwaysOn
  />,
  <SelectInput
    key="register"
    source="register"
    choices={['population', 'disability'].map((id) => ({
      id,
      name: `app.registers.names.${id}`,
    }))}
    alwaysOn
  />,
  <SelectInput
    key="resource"
    source="resource"
    choices={['children', 'adopters'].map((id) => ({
      id,
      name: `app.register_differences.resources.${id}`,
    }))}
    alwaysOn
  />,
  <SelectInput
    key="resolution"
    source="resolution"
    choices={enumChoices('register_difference_resolution', registerDifferenceResolutions)}
  />,
];

/** "Visas / Piešķirts man / Nepiešķirts": who holds the items shown. */
const HolderFilter = () => {
  const { filterValues, displayedFilters, setFilters } = useListContext();
  const { identity } = useGetIdentity();
  const translate = useTranslate();
  const holder = holderOf(filterValues);
  return (
    <ToggleButtonGroup
      size="small"
      exclusive
      value={holder}
      onChange={(_e, next: Holder | null) => {
        if (next) setFilters(withHolder(filterValues, next, identity?.id), displayedFilters);
      }}
      aria-label={translate('app.register_differences.holder')}
    >
      {(['all', 'mine', 'unassigned'] as const).map((h) => (
        <ToggleButton
          key={h}
          value={h}
          disabled={h === 'mine' && identity?.id === undefined}
          sx={{ textTransform: 'none', py: 0.25 }}
        >
          {translate(`app.register_differences.holders.${h}`)}
        </ToggleButton>
      ))}
    </ToggleButtonGroup>
  );
};

const Actions = () => (
  <TopToolbar sx={{ alignItems: 'center' }}>
    <HolderFilter />
  </TopToolbar>
);

/** The open queue's columns, or a resolved item's outcome: who resolved it, how, when and why. */
const Columns = () => {
  const { filterValues } = useListContext();
  const resolved = filterValues.status === 'resolved';
  const open = filterValues.status === 'open';
  return (
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <RecordField source="recordName" sortable={false} />
      <EnumField source="kind" name="register_difference_kind" />
      <FieldNameField source="field" sortable={false} />
      <ValueField source="ours" which="ours" sortable={false} />
      <ValueField source="theirs" which="theirs" sortable={false} />
      {!resolved && <StateField source="state" sortable={false} />}
      <LvDateField source="foundAt" />
      {!open && (
        <EnumField source="resolution" name="register_difference_resolution" sortable={false} />
      )}
      {resolved && (
        <FunctionField
          source="resolutionReason"
          sortable={false}
          render={(r) => (
            <Typography
              component="span"
              variant="body2"
              sx={{ display: 'block', minWidth: 160, maxWidth: 320, overflowWrap: 'anywhere' }}
            >
              {(r.resolutionReason as string | null) ?? '—'}
            </Typography>
          )}
        />
      )}
      {resolved && <TextField source="resolvedByName" emptyText="—" sortable={false} />}
      {resolved && <LvDateField source="resolvedAt" showTime emptyText="—" />}
      {!resolved && <TextField source="assignedToName" emptyText="—" sortable={false} />}
      {!resolved && (
        <FunctionField
          label="app.register_differences.actions"
          render={() => <DifferenceActions compact />}
        />
      )}
    </Datagrid>
  );
};

/**
 * Reģistru atšķirības: what the nightly reconciliation found, the open items first found first
 * (oldest waits longest), filters by kind, register, whose card, and who holds an item.
 */
export const DifferenceList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ status: 'open' }}
    sort={{ field: 'foundAt', order: 'ASC' }}
    perPage={25}
    exporter={false}
    actions={<Actions />}
  >
    <Columns />
  </List>
);
