import { Box, Chip, LinearProgress, Typography } from '@mui/material';
import { useRecordContext, useTranslate, type FieldProps } from 'react-admin';

import { isActive, resultSummary, runColour } from './jobs';

/** The run's status as a coloured chip. */
export const JobStatusField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const status = record?.status as string | undefined;
  if (!status) return null;
  return (
    <Chip
      size="small"
      color={runColour(status)}
      variant={status === 'queued' ? 'outlined' : 'filled'}
      label={translate(`app.jobs.statuses.${status}`, { _: status })}
      data-status={status}
    />
  );
};

const barColour = (status: unknown) => {
  const colour = runColour(status);
  return colour === 'default' ? 'primary' : colour;
};

/** Progress bar with its percentage, and the job's last message under it. */
export const JobProgressField = (props: FieldProps) => {
  const record = useRecordContext(props);
  if (!record) return null;
  const progress = Number(record.progress ?? 0);
  return (
    <Box sx={{ minWidth: 180 }}>
      <Box sx={{ display: 'flex', alignItems: 'center', gap: 1 }}>
        <LinearProgress
          variant={record.status === 'queued' ? 'indeterminate' : 'determinate'}
          value={progress}
          color={barColour(record.status)}
          sx={{ flex: 1, height: 8, borderRadius: 4 }}
          aria-label={`${progress}%`}
        />
        <Typography variant="body2" sx={{ minWidth: 36, textAlign: 'right' }}>
          {progress}%
        </Typography>
      </Box>
      {record.message ? (
        <Typography variant="caption" color="text.secondary" noWrap sx={{ display: 'block' }}>
          {String(record.message)}
        </Typography>
      ) : null}
    </Box>
  );
};

/** The job's name in the interface language (its registered title). */
export const JobNameField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const name = record?.name as string | undefined;
  if (!name) return null;
  return (
    <Typography component="span" variant="body2" data-active={isActive(record?.status)}>
      {translate(`app.jobs.titles.${name}`, { _: name })}
    </Typography>
  );
};

/** The run's result counts, their names translated (`app.jobs.result_keys`). */
export const JobResultField = (props: FieldProps) => {
  const record = useRecordContext(props);
  const translate = useTranslate();
  const text = resultSummary(record?.result, (k) =>
    translate(`app.jobs.result_keys.${k}`, { _: k }),
  );
  return (
    <Typography component="span" variant="body2">
      {text || '—'}
    </Typography>
  );
};
