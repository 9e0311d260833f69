import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import { Edit, useNotify, type EditProps, type HttpError } from 'react-admin';

import { conflictRecord } from './conflicts';
import { wholeRecord } from '../providers/dataProvider';

type Values = Record<string, unknown>;

interface ConflictState {
  /** The record as the other person left it (the 409 answer's `current`). */
  current?: Values;
  clear(): void;
}

const ConflictContext = createContext<ConflictState>({ clear: () => undefined });

/** The open conflict of the Edit around (for ConflictDialog in the form). */
export const useConflict = () => useContext(ConflictContext);

/**
 * react-admin's Edit, pessimistic, where a 409 "changed by someone else" opens ConflictDialog
 * (placed in the form) instead of a notification; other errors behave as react-admin's own: field
 * errors under the inputs, the rest notified. The record is not refetched when the window regains
 * focus, so the version the form was loaded with stays the one it saves against.
 */
export const EditWithConflict = ({
  children,
  mutationOptions,
  queryOptions,
  ...props
}: EditProps & { children: ReactNode }) => {
  const [current, setCurrent] = useState<Values>();
  const notify = useNotify();
  const onError = useCallback(
    (error: unknown) => {
      const theirs = conflictRecord(error);
      if (theirs) {
        setCurrent(theirs);
        return;
      }
      const fieldErrors = (error as HttpError | null)?.body?.errors as Values | undefined;
      if (fieldErrors && Object.keys(fieldErrors).length > 0) return;
      notify((error as Error | null)?.message || 'ra.notification.http_error', { type: 'error' });
    },
    [notify],
  );
  const state = useMemo(() => ({ current, clear: () => setCurrent(undefined) }), [current]);
  return (
    <ConflictContext.Provider value={state}>
      <Edit
        mutationMode="pessimistic"
        {...props}
        queryOptions={{ refetchOnWindowFocus: false, ...wholeRecord, ...queryOptions }}
        mutationOptions={{ ...wholeRecord, ...mutationOptions, onError }}
      >
        {children}
      </Edit>
    </ConflictContext.Provider>
  );
};
