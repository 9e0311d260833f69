import { Box, Chip, Typography } from '@mui/material';
import type { ReactNode } from 'react';

/** One fact of the summary line (age, waiting time …); `title` is its tooltip. */
export interface SummaryItem {
  key: string;
  text: ReactNode;
  title?: string;
}

export interface SummaryHeaderProps {
  name: ReactNode;
  /** Beside the name, in small type (the spouse …). */
  subtitle?: ReactNode;
  status?: ReactNode;
  items: SummaryItem[];
  photo?: ReactNode;
  /** The live offer of the record, once offers exist: kept a place at the right. */
  offer?: ReactNode;
}

/**
 * The head of a record sheet: who it is and where the case stands, in one band above the tabs —
 * photo, name, status, then the key facts in a line, each with the exact detail in a tooltip.
 */
export const SummaryHeader = ({
  name,
  subtitle,
  status,
  items,
  photo,
  offer,
}: SummaryHeaderProps) => (
  <Box
    data-testid="record-summary"
    sx={{
      display: 'flex',
      alignItems: 'center',
      gap: 2,
      px: 2,
      py: 1,
      borderBottom: 1,
      borderColor: 'divider',
      minHeight: 64,
    }}
  >
    {photo}
    <Box sx={{ minWidth: 0, flex: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5, flexWrap: 'wrap' }}>
        <Typography variant="h6" component="h2" sx={{ lineHeight: 1.3 }}>
          {name}
        </Typography>
        {subtitle && (
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        )}
        {status && (
          <Chip
            size="small"
            color="primary"
            variant="outlined"
            label={status}
            sx={{ height: 22 }}
          />
        )}
      </Box>
      <Box sx={{ display: 'flex', gap: 2.5, flexWrap: 'wrap', mt: 0.25, color: 'text.secondary' }}>
        {items.map((item) => (
          <Typography
            key={item.key}
            variant="body2"
            title={item.title}
            data-testid={`summary-${item.key}`}
            sx={item.title ? { cursor: 'help', textDecoration: 'underline dotted' } : undefined}
          >
            {item.text}
          </Typography>
        ))}
      </Box>
    </Box>
    {offer && <Box sx={{ ml: 'auto' }}>{offer}</Box>}
  </Box>
);
