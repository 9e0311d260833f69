import {
  EditButton,
  ReferenceField,
  SelectField,
  TopToolbar,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { adopterGroups, formatLvDate, rigaToday } from '@adoption/model';
import { monthsOn } from '../common/listValues';
import { PrintButton } from '../common/Print';
import { SelectionButton } from '../selection';
import { StatusChangeButton } from '../common/StatusChange';
import { useFieldGroups } from '../common/useFieldGroups';
import { RecordSheet, SummaryHeader, type SummaryItem } from '../people';
import { adopterSections } from './adopterShowSections';
import { adopterOriginChoices, adopterStatusChoices } from '../choices';
import type { Adopter } from '../types';
import { RegisterCheckButton } from '../registers/RegisterCheck';

/** Who the adopters are and where they stand in the queue: names, status, waiting time, court. */
const AdopterSummary = () => {
  const record = useRecordContext<Adopter>();
  const translate = useTranslate();
  if (!record) return null;
  const waiting = monthsOn(record.enteredOn, rigaToday());
  const items: SummaryItem[] = [];
  if (record.origin)
    items.push({
      key: 'origin',
      text: <SelectField source="origin" choices={adopterOriginChoices} />,
    });
  if (waiting !== undefined)
    items.push({
      key: 'waiting',
      text: translate('app.people.waiting', { smart_count: waiting }),
      title: translate('app.people.waiting_since', { date: formatLvDate(record.enteredOn) }),
    });
  if (record.orphanCourtId)
    items.push({
      key: 'court',
      text: <ReferenceField source="orphanCourtId" reference="orphan-courts" link={false} />,
    });
  const spouse = record.spouseSurname
    ? `${record.spouseSurname} ${record.spouseGivenNames ?? ''}`.trim()
    : undefined;
  return (
    <SummaryHeader
      name={record.surname ? `${record.surname} ${record.givenNames ?? ''}` : `#${record.id}`}
      subtitle={spouse ? translate('app.people.spouse', { name: spouse }) : undefined}
      status={<SelectField source="status" choices={adopterStatusChoices} />}
      items={items}
    />
  );
};

/**
 * An adopter record as a record sheet: the summary header, then tabs for the applicant and the
 * spouse, contacts, the decision and training, background, wishes, the foreign adopter's details
 * (origin "foreign" only), refusals, history. Groups the user may not read are not rendered (the
 * API leaves them out too). "Drukāt" prints every visible group.
 */
export const AdopterShow = () => {
  const { can } = useFieldGroups('adopters', adopterGroups);
  return (
    <RecordSheet
      resource="adopters"
      actions={
        <TopToolbar>
          <RegisterCheckButton resource="adopters" />
          <SelectionButton subject="adopters" />
          <PrintButton />
          <StatusChangeButton resource="adopters" />
          <EditButton />
        </TopToolbar>
      }
      summary={<AdopterSummary />}
      sections={(record) => adopterSections(can, record?.origin === 'foreign')}
    />
  );
};
