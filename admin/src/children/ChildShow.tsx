import {
  EditButton,
  ReferenceField,
  SelectField,
  TopToolbar,
  useCanAccess,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { ProposeChangeButton } from '../change-requests/ProposeChangeButton';
import { childGroups, formatLvDate, rigaToday, type ChildGroup } from '@adoption/model';
import { monthsOn } from '../common/listValues';
import { PrintButton } from '../common/Print';
import { SelectionButton } from '../selection';
import { StatusChangeButton } from '../common/StatusChange';
import { useFieldGroups } from '../common/useFieldGroups';
import { RecordSheet, SummaryHeader, type SummaryItem } from '../people';
import { SiblingsBlock } from '../sibling-groups';
import { ChildAttachmentsTab } from './Attachments';
import { useAgeText, useShortAge } from './ChildAge';
import { ChildPhoto } from './ChildPhoto';
import { childSections } from './childShowSections';
import { childStatusChoices } from '../choices';
import type { Child } from '../types';
import { RegisterCheckButton } from '../registers/RegisterCheck';

/** Who the child is and where the case stands: photo, name, status, age, waiting time, court. */
const ChildSummary = ({ can }: { can: (group: ChildGroup) => boolean }) => {
  const record = useRecordContext<Child>();
  const translate = useTranslate();
  const age = useShortAge(record?.birthDate);
  const ageDetail = useAgeText(record?.birthDate);
  if (!record) return null;
  const waiting = monthsOn(record.recordSheetReceivedOn, rigaToday());
  const items: SummaryItem[] = [];
  if (age) items.push({ key: 'age', text: age, title: ageDetail });
  if (record.birthDate)
    items.push({
      key: 'born',
      text: translate('app.card.born', { date: formatLvDate(record.birthDate) }),
    });
  if (waiting !== undefined)
    items.push({
      key: 'waiting',
      text: translate('app.people.in_register', { smart_count: waiting }),
      title: translate('app.people.waiting_since', {
        date: formatLvDate(record.recordSheetReceivedOn),
      }),
    });
  if (record.careOrphanCourtId)
    items.push({
      key: 'court',
      text: <ReferenceField source="careOrphanCourtId" reference="orphan-courts" link={false} />,
    });
  return (
    <SummaryHeader
      name={record.surname ? `${record.surname} ${record.givenNames ?? ''}` : `#${record.id}`}
      status={<SelectField source="status" choices={childStatusChoices} />}
      items={items}
      photo={can('identity') ? <ChildPhoto childId={record.id} /> : undefined}
    />
  );
};

/**
 * The child's card as a record sheet: the summary header, then the tabs of the paper record sheet
 * (uzskaites lapa) with the fields in a dense grid, the sibling group, photos and documents, the
 * history timeline; a tab or field whose group the user may not read is not rendered (a care
 * institution sees neither the religion, the birth family nor the adoption tab). "Drukāt" prints
 * every visible group one after another. Below: the status history and who has seen the card.
 */
export const ChildShow = () => {
  const { can } = useFieldGroups('children', childGroups);
  const siblings = useCanAccess({ resource: 'sibling-groups', action: 'show' });
  const showSiblings = can('placement') && siblings.canAccess === true;
  return (
    <RecordSheet
      resource="children"
      actions={
        <TopToolbar>
          <ProposeChangeButton />
          <RegisterCheckButton resource="children" />
          <SelectionButton subject="children" />
          <PrintButton />
          <StatusChangeButton resource="children" />
          <EditButton />
        </TopToolbar>
      }
      summary={<ChildSummary can={can} />}
      sections={() => childSections(can)}
      tabs={[
        ...(showSiblings
          ? [
              {
                key: 'siblings',
                label: 'app.register.tabs.siblings',
                path: 'siblings',
                content: <SiblingsBlock label={false} withEmpty />,
                print: true,
              },
            ]
          : []),
        {
          key: 'attachments',
          label: 'app.attachments.tab',
          path: 'attachments',
          content: <ChildAttachmentsTab label={false} />,
        },
      ]}
    />
  );
};
