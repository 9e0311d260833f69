import PlayArrowIcon from '@mui/icons-material/PlayArrow';
import StopIcon from '@mui/icons-material/Stop';
import { useEffect, useState, type MouseEvent } from 'react';
import {
  Button,
  Confirm,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useRefresh,
  useTranslate,
} from 'react-admin';

import { httpClient } from '../providers/http';
import { isActive } from './jobs';

interface JobDefinition {
  name: string;
  title: { lv: string; en: string };
  cron: string | null;
}

/** The registered jobs (`GET /api/job-definitions`). */
export const useJobDefinitions = (): JobDefinition[] => {
  const [defs, setDefs] = useState<JobDefinition[]>([]);
  useEffect(() => {
    let live = true;
    httpClient('/api/job-definitions')
      .then(({ json }) => live && setDefs(json as JobDefinition[]))
      .catch(() => undefined);
    return () => {
      live = false;
    };
  }, []);
  return defs;
};

/** "Palaist tagad" for every registered job: administrators (`jobs:write`) only. */
export const RunNowButtons = () => {
  const defs = useJobDefinitions();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const refresh = useRefresh();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'write' });
  const [busy, setBusy] = useState(false);
  if (!canAccess) return null;
  const run = async (name: string) => {
    setBusy(true);
    try {
      await httpClient(`/api/jobs/${name}/run`, { method: 'POST' });
      notify('app.jobs.started', { type: 'success' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
    }
  };
  return (
    <>
      {defs.map((d) => (
        <Button
          key={d.name}
          label={translate('app.jobs.run_now', {
            title: locale === 'en' ? d.title.en : d.title.lv,
          })}
          onClick={() => void run(d.name)}
          disabled={busy}
          data-job={d.name}
        >
          <PlayArrowIcon />
        </Button>
      ))}
    </>
  );
};

/** "Atcelt" on a queued or running run, after a confirmation; `jobs:write` only. */
export const CancelJobButton = () => {
  const record = useRecordContext();
  const notify = useNotify();
  const refresh = useRefresh();
  const { canAccess } = useCanAccess({ resource: 'jobs', action: 'write' });
  const [open, setOpen] = useState(false);
  const [busy, setBusy] = useState(false);
  if (!record || !canAccess || !isActive(record.status) || record.cancelRequested) return null;
  const cancel = async () => {
    setBusy(true);
    try {
      await httpClient(`/api/jobs/${record.id}/cancel`, { method: 'POST' });
      notify('app.jobs.cancel_requested', { type: 'info' });
      refresh();
    } catch (error) {
      notify((error as Error).message, { type: 'error' });
    } finally {
      setBusy(false);
      setOpen(false);
    }
  };
  return (
    <>
      <Button
        label="app.jobs.cancel"
        onClick={(e: MouseEvent) => {
          e.stopPropagation();
          setOpen(true);
        }}
        disabled={busy}
        color="warning"
      >
        <StopIcon />
      </Button>
      <Confirm
        isOpen={open}
        loading={busy}
        title="app.jobs.cancel_confirm_title"
        content="app.jobs.cancel_confirm"
        onConfirm={() => void cancel()}
        onClose={() => setOpen(false)}
      />
    </>
  );
};
