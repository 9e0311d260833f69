import { proposesNewChild } from '@adoption/model';
import { Chip, Typography } from '@mui/material';
import {
  CreateButton,
  Datagrid,
  FunctionField,
  List,
  ReferenceField,
  ReferenceInput,
  SelectField,
  SelectInput,
  TextField,
  TopToolbar,
  useCanAccess,
  useGetIdentity,
  useRecordContext,
  useTranslate,
  type FieldProps,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import {
  changeRequestKindChoices,
  changeRequestResourceChoices,
  changeRequestStatusChoices,
} from '../choices';
import { statusColour } from './steps';

const l = (field: string) => `app.change_requests.fields.${field}`;

/** The request's status as a coloured chip. */
export const StatusChip = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const status = record?.status as string | undefined;
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={statusColour(status)}
      variant={status === 'pending' ? 'outlined' : 'filled'}
      label={translate(`app.change_requests.statuses.${status}`, { _: status })}
      data-status={status}
    />
  );
};

/** The proposed fields by their names on the card ("Veselības stāvoklis, Attīstība"). */
export const FieldNames = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  if (!record) return null;
  const fields = (record.fields ?? []) as string[];
  if (record.kind === 'create') {
    return <>{translate('app.change_requests.whole_record', { smart_count: fields.length })}</>;
  }
  const text = fields
    .map((f) => translate(`resources.${String(record.resource)}.fields.${f}`, { _: f }))
    .join(', ');
  return (
    <Typography
      component="span"
      variant="body2"
      title={text}
      noWrap
      sx={{ display: 'block', maxWidth: 320 }}
    >
      {text}
    </Typography>
  );
};

/** Who sent it: the user and the institution or the orphan court. */
const Proposer = (props: FieldProps) => {
  const record = useRecordContext(props);
  if (!record) return null;
  return (
    <>
      <Typography component="span" variant="body2" sx={{ display: 'block' }}>
        {String(record.proposedByName ?? '')}
      </Typography>
      {record.careProviderId ? (
        <ReferenceField source="careProviderId" reference="care-providers" link={false} />
      ) : (
        <ReferenceField source="orphanCourtId" reference="orphan-courts" link={false} />
      )}
    </>
  );
};

const filters = [
  <SelectInput
    key="status"
    source="status"
    label={l('status')}
    choices={changeRequestStatusChoices}
    alwaysOn
  />,
  <SelectInput
    key="resource"
    source="resource"
    label={l('resource')}
    choices={changeRequestResourceChoices}
    alwaysOn
  />,
  <SelectInput key="kind" source="kind" label={l('kind')} choices={changeRequestKindChoices} />,
  <ReferenceInput
    key="careProviderId"
    source="careProviderId"
    reference="care-providers"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
    label={l('careProviderId')}
  />,
  <ReferenceInput
    key="orphanCourtId"
    source="orphanCourtId"
    reference="orphan-courts"
    sort={{ field: 'name', order: 'ASC' }}
    perPage={100}
    label={l('orphanCourtId')}
  />,
];

const Actions = () => {
  const { identity } = useGetIdentity();
  return (
    <TopToolbar>
      {proposesNewChild(identity?.role) && (
        <CreateButton
          label="app.change_requests.new_child"
          to="/change-requests/create?kind=create"
        />
      )}
    </TopToolbar>
  );
};

/**
 * The specialist's inbox (pending requests, oldest first, to be decided in order) or a proposer's
 * own requests with their outcome and the specialist's comment. Row click opens the request.
 */
export const ChangeRequestList = () => {
  const { canAccess: decides, isPending } = useCanAccess({
    resource: 'change-request-decisions',
    action: 'write',
  });
  // The inbox's default filter and order depend on the role: wait for it.
  if (isPending) return null;
  return (
    <List
      filters={decides ? filters : filters.slice(0, 3)}
      filterDefaultValues={decides ? { status: 'pending' } : {}}
      sort={decides ? { field: 'createdAt', order: 'ASC' } : { field: 'id', order: 'DESC' }}
      perPage={25}
      exporter={false}
      actions={<Actions />}
      title="app.change_requests.menu"
    >
      <Datagrid size="small" bulkActionButtons={false} rowClick="show">
        <TextField source="id" label={l('id')} />
        <StatusChip source="status" label={l('status')} />
        <SelectField
          source="resource"
          label={l('resource')}
          choices={changeRequestResourceChoices}
          sortable={false}
        />
        <FunctionField
          label={l('recordName')}
          render={(r) => (r.recordName as string | null) ?? `#${String(r.recordId ?? '—')}`}
        />
        <FieldNames source="fields" label={l('fields')} sortable={false} />
        {decides && <Proposer source="proposedBy" label={l('proposedBy')} sortable={false} />}
        <LvDateField source="createdAt" label={l('createdAt')} showTime />
        <LvDateField source="decidedAt" label={l('decidedAt')} showTime emptyText="—" />
        {!decides && (
          <FunctionField
            label={l('decisionComment')}
            render={(r) => (
              <Typography
                component="span"
                variant="body2"
                noWrap
                sx={{ display: 'block', maxWidth: 280 }}
              >
                {(r.decisionComment as string | null) ?? ''}
              </Typography>
            )}
          />
        )}
      </Datagrid>
    </List>
  );
};
