import { useEffect, useState } from 'react';

import { knownEnvironment, loadEnvironment, type EnvironmentInfo } from '../providers/environment';

/** The installation's environment (`GET /api/environment`); undefined while unknown. */
export const useEnvironment = (): EnvironmentInfo | undefined => {
  const [info, setInfo] = useState<EnvironmentInfo | undefined>(knownEnvironment);
  useEffect(() => {
    let live = true;
    void loadEnvironment().then((value) => {
      if (live && value) setInfo(value);
    });
    return () => {
      live = false;
    };
  }, []);
  return info;
};
