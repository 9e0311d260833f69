import { Box, Typography } from '@mui/material';
import { useState } from 'react';
import {
  AutocompleteArrayInput,
  Form,
  ReferenceArrayInput,
  SaveButton,
  Toolbar,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { httpClient } from '../providers/http';
import type { SiblingGroup } from '../types';
import { memberName } from './members';

const searchChildren = (q: string) => (q ? { q } : {});

/**
 * The members of a group: children found by name or personal code. Saving replaces the members
 * (`PUT /api/sibling-groups/:id/members` with the group's version); a child already in another
 * group is refused (409) and the message names it.
 */
export const MembersEditor = () => {
  const record = useRecordContext<SiblingGroup>();
  const translate = useTranslate();
  const notify = useNotify();
  const refresh = useRefresh();
  const [busy, setBusy] = useState(false);
  if (!record) return null;
  const save = async (values: Record<string, unknown>) => {
    setBusy(true);
    try {
      await httpClient(`/api/sibling-groups/${record.id}/members`, {
        method: 'PUT',
        body: JSON.stringify({ childIds: values.childIds ?? [], version: record.version }),
      });
      notify('app.sibling_groups.members_saved', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ px: 2, pb: 2, maxWidth: 800 }}>
      <Typography variant="h6">{translate('app.sibling_groups.members')}</Typography>
      <Form
        key={record.version}
        record={{ childIds: record.children.map((c) => c.id) }}
        onSubmit={(values: Record<string, unknown>) => void save(values)}
      >
        <ReferenceArrayInput
          source="childIds"
          reference="children"
          sort={{ field: 'surname', order: 'ASC' }}
          perPage={25}
        >
          <AutocompleteArrayInput
            label="app.sibling_groups.members"
            filterToQuery={searchChildren}
            optionText={memberName}
            helperText="app.sibling_groups.members_help"
          />
        </ReferenceArrayInput>
        <Toolbar sx={{ px: 0 }}>
          <SaveButton label="app.sibling_groups.save_members" disabled={busy} alwaysEnable />
        </Toolbar>
      </Form>
    </Box>
  );
};
