import { rigaToday } from '@adoption/model';
import DownloadIcon from '@mui/icons-material/Download';
import { useState } from 'react';
import {
  Button,
  useListContext,
  useLocaleState,
  useNotify,
  useResourceContext,
  useStore,
} from 'react-admin';

import { refreshSession } from '../providers/http';
import { expiresWithin, getToken, readSession } from '../providers/session';
import {
  downloadName,
  exportColumns,
  exportQuery,
  type AvailableColumn,
  type ExportFormat,
} from './listValues';

export interface ExportButtonsProps {
  /** The DatagridConfigurable's preference key (its column chooser's selection). */
  preferenceKey: string;
  /** Console columns that stand for other API columns (the spouse → surname and given names). */
  aliases?: Record<string, readonly string[]>;
}

/** fetch with the session's bearer token, refreshed first when about to expire or after a 401. */
async function fetchWithSession(url: string): Promise<Response> {
  const session = readSession();
  if (session && expiresWithin(session, 30_000)) await refreshSession();
  const send = () => {
    const token = getToken();
    return fetch(url, {
      headers: {
        Accept:
          'text/csv, application/vnd.openxmlformats-officedocument.spreadsheetml.sheet, application/problem+json',
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
      },
    });
  };
  const response = await send();
  if (response.status === 401 && (await refreshSession())) return send();
  return response;
}

function save(blob: Blob, name: string) {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/**
 * "CSV" and "XLSX": the whole list as it is on screen — every record matching the current filter
 * (not only the page), in the current order, with the columns the chooser shows, headers and
 * labels in the interface language. A plain link cannot send the bearer token, so the file is
 * fetched and saved from a blob. The API leaves out what the role may not see and records the
 * export (with the ids it held) in the audit trail.
 */
export const ExportButtons = ({ preferenceKey, aliases }: ExportButtonsProps) => {
  const { filterValues, sort, total } = useListContext();
  const resource = useResourceContext();
  const [locale] = useLocaleState();
  const notify = useNotify();
  const [busy, setBusy] = useState(false);
  const [available] = useStore<AvailableColumn[]>(
    `preferences.${preferenceKey}.availableColumns`,
    [],
  );
  const [chosen] = useStore<string[] | undefined>(`preferences.${preferenceKey}.columns`);
  const [omit] = useStore<string[] | undefined>(`preferences.${preferenceKey}.omit`);

  const download = async (format: ExportFormat) => {
    setBusy(true);
    try {
      const query = exportQuery({
        format,
        lang: locale,
        filter: filterValues as Record<string, unknown>,
        sort,
        columns: exportColumns(available, chosen, omit, aliases),
      });
      const response = await fetchWithSession(`/api/${resource}/export?${query}`);
      if (!response.ok) {
        const body = (await response.json().catch(() => null)) as { detail?: string } | null;
        throw new Error(body?.detail ?? 'lists.export.failed');
      }
      save(
        await response.blob(),
        downloadName(
          response.headers.get('Content-Disposition'),
          resource ?? 'export',
          format,
          rigaToday(),
        ),
      );
    } catch (error) {
      notify(error instanceof Error ? error.message : 'lists.export.failed', { type: 'error' });
    } finally {
      setBusy(false);
    }
  };

  const disabled = busy || total === 0;
  return (
    <>
      <Button label="lists.export.csv" onClick={() => void download('csv')} disabled={disabled}>
        <DownloadIcon />
      </Button>
      <Button label="lists.export.xlsx" onClick={() => void download('xlsx')} disabled={disabled}>
        <DownloadIcon />
      </Button>
    </>
  );
};
