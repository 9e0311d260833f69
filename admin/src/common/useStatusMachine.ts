import { useQuery } from '@tanstack/react-query';

import { httpClient } from '../providers/http';
import type { StatusMachine } from './statusMachine';

type Machines = Record<'children' | 'adopters', StatusMachine>;

/** The machine of a register, fetched once per session (it changes only with a release). */
export function useStatusMachine(resource: 'children' | 'adopters'): StatusMachine | undefined {
  const { data } = useQuery({
    queryKey: ['status-machines'],
    queryFn: async () => (await httpClient('/api/status-machines')).json as Machines,
    staleTime: Infinity,
  });
  return data?.[resource];
}
