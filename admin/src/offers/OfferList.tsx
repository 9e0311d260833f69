import { formatLvDate, offerStatuses } from '@adoption/model';
import {
  BooleanInput,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  SelectInput,
  TextField,
  useTranslate,
} from 'react-admin';

import { LvDateField } from '../common/LvDateField';
import { StatusChip } from './OfferStatusChip';

const l = (field: string) => `app.offers.fields.${field}`;
const statusChoices = offerStatuses.map((id) => ({ id, name: `app.enums.offer_status.${id}` }));

const filters = [
  <SelectInput key="status" source="status" label={l('status')} choices={statusChoices} alwaysOn />,
  <NumberInput
    key="deadlineWithinDays"
    source="deadlineWithinDays"
    label={l('deadlineWithinDays')}
    min={0}
    max={366}
    alwaysOn
  />,
  <BooleanInput key="overdue" source="overdue" label={l('overdue')} alwaysOn />,
  <BooleanInput key="live" source="live" label={l('live')} />,
];

interface Deadline {
  kind: string;
  dueOn: string;
  status: string;
}

/** The next open or overdue deadline: kind and date, red when overdue. */
const NextDeadline = ({ deadline }: { deadline: Deadline | null }) => {
  const translate = useTranslate();
  if (!deadline) return <>—</>;
  return (
    <span style={deadline.status === 'overdue' ? { color: '#b71c1c', fontWeight: 600 } : undefined}>
      {translate(`app.enums.deadline_kind.${deadline.kind}`)}: {formatLvDate(deadline.dueOn)}
    </span>
  );
};

/** The offers, newest change first; filters for the state, near deadlines and the overdue. */
export const OfferList = () => (
  <List
    filters={filters}
    filterDefaultValues={{ live: true }}
    sort={{ field: 'updatedAt', order: 'DESC' }}
    perPage={25}
    exporter={false}
    title="app.offers.menu"
  >
    <Datagrid size="small" bulkActionButtons={false} rowClick="show">
      <TextField source="id" label={l('id')} />
      <StatusChip source="status" label={l('status')} />
      <TextField source="adopterName" label={l('adopter')} sortable={false} />
      <FunctionField
        label={l('children')}
        sortable={false}
        render={(r) => ((r.childNames as string[]) ?? []).join(', ')}
      />
      <LvDateField source="sentOn" label={l('sentOn')} emptyText="—" />
      <LvDateField source="answerBy" label={l('answerBy')} emptyText="—" />
      <FunctionField
        label={l('nextDeadline')}
        sortable={false}
        render={(r) => <NextDeadline deadline={(r.nextDeadline as Deadline | null) ?? null} />}
      />
      <LvDateField source="updatedAt" label={l('updatedAt')} showTime />
    </Datagrid>
  </List>
);
