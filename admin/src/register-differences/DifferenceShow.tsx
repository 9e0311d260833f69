import { Stack } from '@mui/material';
import {
  FunctionField,
  Labeled,
  ListButton,
  Show,
  SimpleShowLayout,
  TextField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { DifferenceActions } from './DifferenceActions';
import {
  EnumField,
  FieldNameField,
  RecordField,
  StateField,
  StatusField,
  ValueField,
} from './DifferenceFields';

const Actions = () => (
  <TopToolbar>
    <DifferenceActions />
    <ListButton />
  </TopToolbar>
);

/** Who holds an open item; how, by whom, when and why a resolved one was settled. */
const Outcome = () => {
  const record = useRecordContext();
  if (!record) return null;
  if (record.status === 'open') {
    return (
      <Stack spacing={1}>
        <Labeled source="assignedToName">
          <TextField source="assignedToName" emptyText="—" />
        </Labeled>
        {record.assignedTo ? (
          <Labeled source="assignedAt">
            <LvDateField source="assignedAt" showTime />
          </Labeled>
        ) : null}
      </Stack>
    );
  }
  return (
    <Stack spacing={1}>
      <Labeled source="resolutionReason">
        <TextField source="resolutionReason" emptyText="—" />
      </Labeled>
      <Labeled source="resolvedByName">
        <TextField source="resolvedByName" emptyText="—" />
      </Labeled>
      <Labeled source="resolvedAt">
        <LvDateField source="resolvedAt" showTime />
      </Labeled>
    </Stack>
  );
};

/** One item of the queue: the record, the field, both values, since when, who holds it. */
export const DifferenceShow = () => {
  const translate = useTranslate();
  return (
    <Show actions={<Actions />}>
      <SimpleShowLayout>
        <RecordField source="recordName" />
        <FunctionField
          source="register"
          render={(r) =>
            translate(`app.registers.names.${String(r.register)}`, {
              _: String(r.register),
            })
          }
        />
        <EnumField source="kind" name="register_difference_kind" />
        <FieldNameField source="field" />
        <ValueField source="ours" which="ours" />
        <ValueField source="theirs" which="theirs" />
        <StateField source="state" />
        <StatusField source="status" />
        <LvDateField source="foundAt" showTime />
        <LvDateField source="seenAt" showTime />
        <Outcome />
      </SimpleShowLayout>
    </Show>
  );
};
