import {
  FunctionField,
  Labeled,
  NumberField,
  SelectField,
  Show,
  SimpleShowLayout,
  TextField,
} from 'react-admin';

import { auditActionChoices, auditResourceChoices, roleChoices } from '../choices';
import { LvDateField } from '../common/LvDateField';
import { ChangesTable } from './ChangesTable';

interface AuditEvent {
  recordIds: string[] | null;
  detail: Record<string, unknown> | null;
}

const mono = { fontFamily: 'monospace', fontSize: 12, wordBreak: 'break-all' } as const;

/** One audit event: who, when, what, the changes as a table, and its place in the hash chain. */
export const AuditEventShow = () => (
  <Show actions={false}>
    <SimpleShowLayout>
      <NumberField source="id" />
      <LvDateField source="occurredAt" showTime />
      <TextField source="actorUsername" emptyText="—" />
      <NumberField source="actorUserId" emptyText="—" />
      <SelectField source="actorRole" choices={roleChoices} emptyText="—" />
      <SelectField source="action" choices={auditActionChoices} />
      <SelectField source="resource" choices={auditResourceChoices} />
      <TextField source="recordId" emptyText="—" />
      <FunctionField<AuditEvent>
        source="recordIds"
        render={(r) => (r.recordIds?.length ? r.recordIds.join(', ') : '—')}
      />
      <Labeled label="resources.audit-events.fields.changes" fullWidth>
        <ChangesTable />
      </Labeled>
      <FunctionField<AuditEvent>
        source="detail"
        render={(r) =>
          r.detail ? <pre style={mono}>{JSON.stringify(r.detail, null, 2)}</pre> : '—'
        }
      />
      <TextField source="sessionId" emptyText="—" sx={mono} />
      <TextField source="requestId" emptyText="—" sx={mono} />
      <TextField source="clientIp" emptyText="—" />
      <TextField source="prevHash" sx={mono} />
      <TextField source="hash" sx={mono} />
    </SimpleShowLayout>
  </Show>
);
