import { fieldKind } from '@adoption/model';
import { Box, Typography } from '@mui/material';
import { ReferenceField, useTranslate } from 'react-admin';

import { isBlank, rowText, valueText } from './fieldDisplay';

export interface FieldValueProps {
  resource: string;
  field: string;
  value: unknown;
}

/**
 * A field's value in words (timeline, conflict dialog): see fieldDisplay.ts. References show the
 * referenced record's name; a sub-list shows one line per row.
 */
export const FieldValue = ({ resource, field, value }: FieldValueProps) => {
  const translate = useTranslate();
  const kind = fieldKind(resource, field);
  if (isBlank(value)) return <span>—</span>;
  if (kind.kind === 'reference') {
    return (
      <ReferenceField
        record={{ id: `${field}-value`, [field]: value }}
        source={field}
        reference={kind.reference}
        link={false}
      />
    );
  }
  if (kind.kind === 'list' && Array.isArray(value)) {
    return (
      <Box component="ul" sx={{ m: 0, pl: 2 }}>
        {value.map((row, i) => (
          <Typography component="li" variant="body2" key={i}>
            {rowText(field, (row ?? {}) as Record<string, unknown>, translate)}
          </Typography>
        ))}
      </Box>
    );
  }
  return (
    <Typography component="span" variant="body2" sx={{ whiteSpace: 'pre-line' }}>
      {valueText(resource, field, value, translate)}
    </Typography>
  );
};
