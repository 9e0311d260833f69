import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import { Button, useListContext, useNotify } from 'react-admin';

import { problemDetail } from '../providers/http';
import { getToken } from '../providers/session';

/** The file name the API proposes in Content-Disposition, or a fallback. */
const fileName = (disposition: string | null): string =>
  /filename="([^"]+)"/.exec(disposition ?? '')?.[1] ?? 'audit-events.csv';

/**
 * Downloads `/api/audit-events/export.csv` with the list's current filters and sort (all matching
 * events, not just the page). A plain link cannot send the Bearer token, so the file is fetched
 * and saved from a blob. The API records the export in the trail itself.
 */
export const ExportCsvButton = () => {
  const { filterValues, sort } = useListContext();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);

  const download = async () => {
    setBusy(true);
    try {
      const query = new URLSearchParams({
        filter: JSON.stringify(filterValues ?? {}),
        sort: JSON.stringify([sort?.field ?? 'id', sort?.order ?? 'DESC']),
      });
      const token = getToken();
      const response = await fetch(`/api/audit-events/export.csv?${query.toString()}`, {
        headers: {
          Accept: 'text/csv, application/problem+json',
          ...(token ? { Authorization: `Bearer ${token}` } : {}),
        },
      });
      if (!response.ok) {
        const body: unknown = await response.json().catch(() => null);
        throw new Error(problemDetail(body) ?? 'app.audit.export_failed');
      }
      const blob = await response.blob();
      const url = URL.createObjectURL(blob);
      const link = document.createElement('a');
      link.href = url;
      link.download = fileName(response.headers.get('Content-Disposition'));
      document.body.appendChild(link);
      link.click();
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), 10_000);
    } catch (error) {
      notify(error instanceof Error ? error.message : 'app.audit.export_failed', {
        type: 'error',
      });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Button label="app.audit.export_csv" onClick={() => void download()} disabled={busy}>
      <DownloadIcon />
    </Button>
  );
};
