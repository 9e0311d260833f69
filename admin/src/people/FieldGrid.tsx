import { Box } from '@mui/material';
import { isValidElement, type ReactElement, type ReactNode } from 'react';
import { Labeled, useRecordContext } from 'react-admin';

/** Marks a field that takes the grid's whole width (long texts, sub-lists). */
export const Wide = ({ children }: { children: ReactElement }) => children;

/** Fields shown only when the record passes `test` (the abroad decisions of a cleared child …). */
export const When = ({
  test,
  children,
}: {
  test: (r: Record<string, unknown>) => boolean;
  children: ReactElement[];
}) => {
  const record = useRecordContext();
  if (!record || !test(record)) return null;
  return <Box sx={{ display: 'contents' }}>{cells(children)}</Box>;
};

const full = { gridColumn: '1 / -1' } as const;

/** Each field in its cell, the label above the value; wide ones across the row. */
function cells(fields: ReactNode[]): ReactNode[] {
  return fields.map((field, i) => {
    if (!isValidElement<{ label?: unknown; children?: ReactElement }>(field)) return field;
    const key = field.key ?? i;
    if (field.type === When) return field;
    if (field.type === Wide)
      return (
        <Box key={key} sx={full}>
          <Labeled>{field.props.children!}</Labeled>
        </Box>
      );
    // A block that brings its own heading (the sibling group, attachments).
    if (field.props.label === false)
      return (
        <Box key={key} sx={full}>
          {field}
        </Box>
      );
    return (
      <Box key={key} sx={{ minWidth: 0 }}>
        <Labeled>{field}</Labeled>
      </Box>
    );
  });
}

/**
 * A record's fields as a dense grid, as on a paper record sheet: several columns at desktop
 * width, the label in small type above the value, long texts and sub-lists across the row.
 * `label={false}` keeps react-admin's show tab from putting a label of its own over the grid.
 */
export const FieldGrid = ({ fields }: { fields: ReactElement[]; label?: false }) => (
  <Box
    className="field-grid"
    sx={{
      display: 'grid',
      gridTemplateColumns: 'repeat(auto-fill, minmax(190px, 1fr))',
      columnGap: 3,
      rowGap: 1,
      py: 0.5,
      '& .RaLabeled-label': { fontSize: '0.75rem', lineHeight: 1.3, mb: 0.25 },
      '& .RaLabeled-root': { mb: 0, width: '100%' },
      '& .RaLabeled-root > :not(.RaLabeled-label)': {
        fontSize: '0.875rem',
        overflowWrap: 'anywhere',
      },
      '& .MuiTableCell-root': { fontSize: '0.8125rem' },
    }}
  >
    {cells(fields)}
  </Box>
);
