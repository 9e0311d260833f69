import { childGroups, formatLvDateTime } from '@adoption/model';
import DeleteIcon from '@mui/icons-material/Delete';
import DownloadIcon from '@mui/icons-material/Download';
import UploadFileIcon from '@mui/icons-material/UploadFile';
import {
  Alert,
  Box,
  Button as MuiButton,
  IconButton,
  MenuItem,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useRef, useState } from 'react';
import {
  Confirm,
  useCanAccess,
  useLocaleState,
  useNotify,
  useRecordContext,
  useTranslate,
} from 'react-admin';

import { useFieldGroups } from '../common/useFieldGroups';
import { problemDetail, refreshSession } from '../providers/http';
import { expiresWithin, getToken, readSession } from '../providers/session';
import {
  acceptFor,
  dispositionName,
  formatSize,
  uploadType,
  visibleCategories,
  type AttachmentCategory,
} from './attachmentFiles';

export interface Attachment {
  id: number;
  childId: number;
  category: AttachmentCategory;
  fileName: string;
  mediaType: string;
  sizeBytes: number;
  note: string | null;
  uploadedByName: string;
  createdAt: string;
}

/** A refused request: the problem's text, and its first field error's code for a translation. */
class ApiError extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly code?: string,
    readonly maxBytes?: number,
  ) {
    super(message);
  }
}

/**
 * `fetch` with the session's bearer token, refreshed shortly before it expires or once on a 401,
 * as the data provider's httpClient does (that one reads JSON only; files need the raw answer).
 * A failed answer throws with the API's problem detail.
 */
export async function apiFetch(url: string, init: RequestInit = {}): Promise<Response> {
  const session = readSession();
  if (session && expiresWithin(session, 30_000)) await refreshSession();
  const send = () => {
    const headers = new Headers(init.headers);
    headers.set('Accept', 'application/json, application/problem+json, */*');
    const token = getToken();
    if (token) headers.set('Authorization', `Bearer ${token}`);
    return fetch(url, { ...init, headers });
  };
  let response = await send();
  if (response.status === 401 && session && (await refreshSession())) response = await send();
  if (!response.ok) {
    const body = (await response.json().catch(() => null)) as {
      errors?: { code?: string }[];
      maxBytes?: number;
    } | null;
    throw new ApiError(
      problemDetail(body) ?? response.statusText,
      response.status,
      body?.errors?.[0]?.code,
      body?.maxBytes,
    );
  }
  return response;
}

/** Refusals of an upload the console explains in the user's language (`app.attachments.errors`). */
const uploadErrorCodes = ['unsupported_type', 'type_mismatch', 'too_large', 'empty'];

export const base = (childId: number | string) => `/api/children/${childId}/attachments`;

/** A photo's thumbnail: the image fetched with the session's token and shown from memory. */
export const Thumbnail = ({ attachment }: { attachment: Attachment }) => {
  const [url, setUrl] = useState<string>();
  useEffect(() => {
    let objectUrl: string | undefined;
    let live = true;
    apiFetch(`${base(attachment.childId)}/${attachment.id}/content`)
      .then((r) => r.blob())
      .then((blob) => {
        if (!live) return;
        objectUrl = URL.createObjectURL(blob);
        setUrl(objectUrl);
      })
      .catch(() => undefined);
    return () => {
      live = false;
      if (objectUrl) URL.revokeObjectURL(objectUrl);
    };
  }, [attachment.childId, attachment.id]);
  return url ? (
    <Box
      component="img"
      src={url}
      alt={attachment.fileName}
      sx={{ width: 64, height: 64, objectFit: 'cover', borderRadius: 1, display: 'block' }}
    />
  ) : (
    <Box sx={{ width: 64, height: 64, bgcolor: 'action.hover', borderRadius: 1 }} />
  );
};

/** Saves a downloaded file under the name the API gives it (Latvian letters kept). */
async function saveDownload(attachment: Attachment): Promise<void> {
  const response = await apiFetch(`${base(attachment.childId)}/${attachment.id}/content`);
  const name = dispositionName(response.headers.get('Content-Disposition')) ?? attachment.fileName;
  const url = URL.createObjectURL(await response.blob());
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  document.body.appendChild(link);
  link.click();
  link.remove();
  // After the click has handed the file to the browser.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** File picker, category, note and the upload button (for those who may change the card). */
const UploadForm = ({
  childId,
  categories,
  onUploaded,
}: {
  childId: number | string;
  categories: AttachmentCategory[];
  onUploaded: () => void;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const input = useRef<HTMLInputElement>(null);
  const [file, setFile] = useState<File>();
  const [category, setCategory] = useState<AttachmentCategory>(categories[0] ?? 'other');
  const [note, setNote] = useState('');
  const [error, setError] = useState<{ text: string; detail?: string }>();
  const [busy, setBusy] = useState(false);
  const upload = async () => {
    if (!file) return;
    setBusy(true);
    setError(undefined);
    try {
      const query = new URLSearchParams({ category, fileName: file.name });
      if (note.trim()) query.set('note', note.trim());
      await apiFetch(`${base(childId)}?${query.toString()}`, {
        method: 'POST',
        headers: { 'Content-Type': uploadType(file) },
        body: file,
      });
      notify('app.attachments.uploaded', { type: 'success' });
      setFile(undefined);
      setNote('');
      if (input.current) input.current.value = '';
      onUploaded();
    } catch (e) {
      const known = e instanceof ApiError && e.code && uploadErrorCodes.includes(e.code);
      setError({
        text: known
          ? translate(`app.attachments.errors.${e.code}`, {
              limit: e.maxBytes ? formatSize(e.maxBytes, locale) : '',
            })
          : (e as Error).message,
        // The API's own words beside the translation, for the support desk.
        detail: known ? (e as Error).message : undefined,
      });
    } finally {
      setBusy(false);
    }
  };
  return (
    <Box sx={{ mt: 3, maxWidth: 640 }}>
      <Typography variant="subtitle1">{translate('app.attachments.upload_title')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.attachments.upload_help')}
      </Typography>
      <Stack spacing={2}>
        <TextField
          select
          size="small"
          label={translate('app.attachments.category')}
          value={category}
          onChange={(e) => setCategory(e.target.value as AttachmentCategory)}
        >
          {categories.map((c) => (
            <MenuItem key={c} value={c}>
              {translate(`app.attachments.categories.${c}`)}
            </MenuItem>
          ))}
        </TextField>
        <Stack direction="row" spacing={2} sx={{ alignItems: 'center' }}>
          <MuiButton variant="outlined" component="label" startIcon={<UploadFileIcon />}>
            {translate('app.attachments.choose_file')}
            <input
              ref={input}
              type="file"
              hidden
              accept={acceptFor(category)}
              data-testid="attachment-file"
              onChange={(e) => {
                setFile(e.target.files?.[0]);
                setError(undefined);
              }}
            />
          </MuiButton>
          <Typography variant="body2" color={file ? 'text.primary' : 'text.secondary'}>
            {file
              ? `${file.name} (${formatSize(file.size, locale)})`
              : translate('app.attachments.no_file')}
          </Typography>
        </Stack>
        {/* Multiline: Enter adds a line instead of submitting the card's form around it. */}
        <TextField
          size="small"
          multiline
          minRows={1}
          label={translate('app.attachments.note')}
          value={note}
          onChange={(e) => setNote(e.target.value)}
          slotProps={{ htmlInput: { maxLength: 2000 } }}
        />
        {error && (
          <Alert severity="error" data-testid="attachment-error">
            {error.text}
            {error.detail && (
              <Typography variant="body2" color="text.secondary">
                {error.detail}
              </Typography>
            )}
          </Alert>
        )}
        <Box>
          <MuiButton
            variant="contained"
            onClick={() => void upload()}
            disabled={!file || busy}
            startIcon={<UploadFileIcon />}
          >
            {translate(busy ? 'app.attachments.uploading' : 'app.attachments.upload')}
          </MuiButton>
        </Box>
      </Stack>
    </Box>
  );
};

/**
 * "Foto un dokumenti" on the child's card: the files of the categories the user's role may see
 * (`GET /api/children/:id/attachments`), photos as thumbnails, each downloadable; those who may
 * change the card also upload and delete. Every list and download is in the audit trail.
 * `label={false}`: the show layout puts no label of its own over the block.
 */
export const ChildAttachmentsTab = (_: { label?: false }) => {
  const child = useRecordContext<{ id: number | string }>();
  // A card being created has no id yet: nothing to attach to.
  if (child?.id === undefined || child.id === null) return null;
  return <AttachmentsPanel childId={child.id} />;
};

const AttachmentsPanel = ({ childId }: { childId: number | string }) => {
  const translate = useTranslate();
  const notify = useNotify();
  const [locale] = useLocaleState();
  const { visible, isPending: groupsPending } = useFieldGroups('children', childGroups);
  const { canAccess: canWrite } = useCanAccess({ resource: 'children', action: 'edit' });
  const [rows, setRows] = useState<Attachment[]>();
  const [error, setError] = useState<string>();
  const [deleting, setDeleting] = useState<Attachment>();

  // Bumped to list again after an upload or a delete.
  const [generation, setGeneration] = useState(0);
  const reload = () => setGeneration((g) => g + 1);
  useEffect(() => {
    let live = true;
    apiFetch(base(childId))
      .then((response) => response.json() as Promise<Attachment[]>)
      .then((list) => {
        if (!live) return;
        setRows(list);
        setError(undefined);
      })
      .catch((e: Error) => live && setError(e.message));
    return () => void (live = false);
  }, [childId, generation]);

  const download = (attachment: Attachment) =>
    saveDownload(attachment).catch((e: Error) =>
      notify('app.attachments.failed', { type: 'error', messageArgs: { error: e.message } }),
    );
  const confirmDelete = async () => {
    const attachment = deleting;
    setDeleting(undefined);
    if (!attachment) return;
    try {
      await apiFetch(`${base(childId)}/${attachment.id}`, { method: 'DELETE' });
      notify('app.attachments.deleted', { type: 'success' });
    } catch (e) {
      notify('app.attachments.failed', {
        type: 'error',
        messageArgs: { error: (e as Error).message },
      });
    }
    reload();
  };

  const categories = visibleCategories(visible);
  return (
    <Box sx={{ width: '100%' }} data-testid="child-attachments">
      {error && <Alert severity="error">{error}</Alert>}
      {!rows && !error && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.attachments.loading')}
        </Typography>
      )}
      {rows?.length === 0 && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.attachments.empty')}
        </Typography>
      )}
      {rows && rows.length > 0 && (
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell>{translate('app.attachments.columns.preview')}</TableCell>
              <TableCell>{translate('app.attachments.columns.file_name')}</TableCell>
              <TableCell>{translate('app.attachments.columns.category')}</TableCell>
              <TableCell align="right">{translate('app.attachments.columns.size')}</TableCell>
              <TableCell>{translate('app.attachments.columns.uploaded_at')}</TableCell>
              <TableCell>{translate('app.attachments.columns.uploaded_by')}</TableCell>
              <TableCell>{translate('app.attachments.columns.note')}</TableCell>
              <TableCell />
            </TableRow>
          </TableHead>
          <TableBody>
            {rows.map((a) => (
              <TableRow key={a.id}>
                <TableCell>
                  {a.category === 'photo' && a.mediaType.startsWith('image/') && (
                    <Thumbnail attachment={a} />
                  )}
                </TableCell>
                <TableCell sx={{ wordBreak: 'break-word' }}>{a.fileName}</TableCell>
                <TableCell>{translate(`app.attachments.categories.${a.category}`)}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  {formatSize(a.sizeBytes, locale)}
                </TableCell>
                <TableCell sx={{ whiteSpace: 'nowrap' }}>{formatLvDateTime(a.createdAt)}</TableCell>
                <TableCell>{a.uploadedByName}</TableCell>
                <TableCell sx={{ whiteSpace: 'pre-line' }}>{a.note ?? ''}</TableCell>
                <TableCell align="right" sx={{ whiteSpace: 'nowrap' }}>
                  <Tooltip title={translate('app.attachments.download')}>
                    <IconButton
                      aria-label={translate('app.attachments.download')}
                      onClick={() => void download(a)}
                    >
                      <DownloadIcon />
                    </IconButton>
                  </Tooltip>
                  {canWrite && (
                    <Tooltip title={translate('app.attachments.delete')}>
                      <IconButton
                        aria-label={translate('app.attachments.delete')}
                        color="error"
                        onClick={() => setDeleting(a)}
                      >
                        <DeleteIcon />
                      </IconButton>
                    </Tooltip>
                  )}
                </TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      )}
      {canWrite && !groupsPending && categories.length > 0 && (
        <UploadForm childId={childId} categories={categories} onUploaded={reload} />
      )}
      <Confirm
        isOpen={deleting !== undefined}
        title="app.attachments.delete_title"
        content="app.attachments.delete_content"
        translateOptions={{ name: deleting?.fileName ?? '' }}
        onConfirm={() => void confirmDelete()}
        onClose={() => setDeleting(undefined)}
      />
    </Box>
  );
};
