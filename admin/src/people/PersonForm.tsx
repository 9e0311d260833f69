import type { ReactNode } from 'react';
import { TabbedForm, useRecordContext } from 'react-admin';

import { CardToolbar } from '../common/CardToolbar';
import { FieldHistory } from '../common/FieldHistory';
import { cardFormSx, FORM_GRID } from './cardLayout';

/** One tab of a person's form: its inputs, shown only when `show` (the role reads its group …). */
export interface FormTab {
  key: string;
  label: string;
  path?: string;
  show?: boolean;
  content: ReactNode;
}

/**
 * A person's record as a tabbed form, the tabs in the record sheet's order, inputs in a grid of
 * columns (long texts and sub-lists across); on an existing record the history timeline last.
 * Ctrl+S saves; leaving with unsaved changes asks first; a 409 opens the merge dialog (CardToolbar).
 * `toolbarExtra`: things that must live inside the form without showing (WatchValue).
 */
export const PersonForm = ({
  resource,
  tabs,
  toolbarExtra,
}: {
  resource: 'children' | 'adopters';
  tabs: FormTab[];
  toolbarExtra?: ReactNode;
}) => {
  const record = useRecordContext();
  const existing = record?.id !== undefined;
  return (
    <TabbedForm
      warnWhenUnsavedChanges
      toolbar={<CardToolbar>{toolbarExtra}</CardToolbar>}
      sx={cardFormSx}
    >
      {tabs
        .filter((t) => t.show !== false)
        .map((t) => (
          <TabbedForm.Tab key={t.key} label={t.label} path={t.path} contentClassName={FORM_GRID}>
            {t.content}
          </TabbedForm.Tab>
        ))}
      {existing && (
        <TabbedForm.Tab label="app.register.tabs.history" path="history">
          <FieldHistory resource={resource} />
        </TabbedForm.Tab>
      )}
    </TabbedForm>
  );
};
