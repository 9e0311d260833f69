import { Box } from '@mui/material';
import type { ReactNode } from 'react';
import { DeleteButton, SaveButton, Toolbar, useRecordContext } from 'react-admin';

import { ConflictDialog } from './ConflictDialog';
import { SaveShortcut } from './SaveShortcut';

/**
 * The toolbar of the person cards' forms: save (also Ctrl+S / ⌘S), the 409 merge dialog, and on
 * an existing record react-admin's delete (shown only to those allowed). `children`: things that
 * must live inside the form without showing (WatchValue).
 */
export const CardToolbar = ({ children }: { children?: ReactNode }) => {
  const record = useRecordContext();
  return (
    <Toolbar sx={{ justifyContent: 'space-between' }}>
      <Box sx={{ display: 'flex', alignItems: 'center' }}>
        <SaveButton />
        <SaveShortcut />
        <ConflictDialog />
        {children}
      </Box>
      {record?.id !== undefined && <DeleteButton mutationMode="pessimistic" />}
    </Toolbar>
  );
};
