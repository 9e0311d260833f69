import { Box } from '@mui/material';
import { useMemo, type MouseEvent, type ReactElement } from 'react';
import {
  CreateButton,
  DatagridConfigurable,
  FilterButton,
  List,
  SelectColumnsButton,
  TopToolbar,
} from 'react-admin';

import { rigaToday } from '@adoption/model';
import { ExportButtons } from '../common/ExportButton';
import { useFieldGroups } from '../common/useFieldGroups';

export interface PersonListProps<G extends string> {
  resource: 'children' | 'adopters';
  /** The field groups the list's columns and filters belong to. */
  groups: readonly G[];
  /** The filters the user may use (those of groups they read). */
  filters: (can: (group: G) => boolean) => ReactElement[];
  /** The columns, in order; `false` for a column of a group the user may not read. */
  columns: (can: (group: G) => boolean, today: string) => (ReactElement | false)[];
  sort: { field: string; order: 'ASC' | 'DESC' };
  /** Columns the chooser starts with hidden. */
  omit?: string[];
  /** Console columns that stand for several API columns in the export. */
  exportAliases?: Record<string, string[]>;
}

/**
 * Table density of a desktop register: one line per row, cells cut with an ellipsis at a readable
 * width (the full value is in the cell's tooltip, see `titleIfCut`), little padding.
 */
const compactSx = {
  '& .RaDatagrid-headerCell': {
    lineHeight: 1.2,
    py: 0.75,
    px: 1,
    verticalAlign: 'bottom',
    whiteSpace: 'normal',
    maxWidth: 130,
  },
  '& .RaDatagrid-rowCell': { whiteSpace: 'nowrap', py: 0.5, px: 1 },
  '& .RaDatagrid-rowCell > *': {
    display: 'block',
    maxWidth: 190,
    overflow: 'hidden',
    textOverflow: 'ellipsis',
  },
  '& .RaDatagrid-rowCell .MuiSvgIcon-root': { fontSize: 18, verticalAlign: 'middle' },
} as const;

/** On hover, a cut cell gets its whole text as a tooltip (references and choices included). */
const titleIfCut = (e: MouseEvent) => {
  const cell = (e.target as HTMLElement).closest('td');
  const value = cell?.firstElementChild as HTMLElement | null | undefined;
  if (!cell || !value) return;
  const cut = value.scrollWidth > value.clientWidth;
  if (cut) cell.title = value.textContent ?? '';
  else cell.removeAttribute('title');
};

const Actions = ({
  preferenceKey,
  aliases,
}: {
  preferenceKey: string;
  aliases?: Record<string, string[]>;
}) => (
  <TopToolbar>
    <FilterButton />
    <SelectColumnsButton preferenceKey={preferenceKey} />
    <ExportButtons preferenceKey={preferenceKey} aliases={aliases} />
    <CreateButton />
  </TopToolbar>
);

/**
 * A register's list: search and filters, the column chooser, the audited CSV/XLSX export (the
 * API's, with the same filter, order and columns — not react-admin's exporter, which would build
 * the file in the browser unrecorded), row click opens the record. Filters and columns of a field
 * group the user may not read are left out, as the API leaves out (and refuses to filter on) their
 * values. The chooser's choice is kept per set of visible groups, so column positions never mix
 * between roles.
 */
export const PersonList = <G extends string>({
  resource,
  groups,
  filters,
  columns,
  sort,
  omit,
  exportAliases,
}: PersonListProps<G>) => {
  const { can, visible } = useFieldGroups(resource, groups);
  const groupsKey = visible.join('-');
  const preferenceKey = `${resource}.datagrid.${groupsKey}`;
  // eslint-disable-next-line react-hooks/exhaustive-deps -- `can` follows `visible`
  const filterInputs = useMemo(() => filters(can), [groupsKey]);
  return (
    <List
      filters={filterInputs}
      actions={<Actions preferenceKey={preferenceKey} aliases={exportAliases} />}
      sort={sort}
      perPage={25}
      exporter={false}
    >
      <Box onMouseOver={titleIfCut} sx={{ overflowX: 'auto' }}>
        <DatagridConfigurable
          preferenceKey={preferenceKey}
          omit={omit}
          size="small"
          bulkActionButtons={false}
          rowClick="show"
          sx={compactSx}
        >
          {columns(can, rigaToday())}
        </DatagridConfigurable>
      </Box>
    </List>
  );
};
