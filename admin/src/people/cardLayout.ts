import { maxLength, type Validator } from 'react-admin';

/**
 * Layout of the person records on a desktop screen. In the forms the inputs sit in a grid of
 * columns (`FORM_GRID`, the tab's content); inputs marked `WIDE` (long texts, sub-lists) and
 * headings take the whole width.
 */
export const WIDE = 'card-wide';
export const FORM_GRID = 'form-grid';

/**
 * The record's tab strip (up to eleven tabs): compact, in sentence case, wrapped onto a second
 * line rather than cut off when the window is narrow, so every part stays in sight; the selected
 * tab is underlined itself (MUI's sliding indicator cannot follow a wrapped line).
 */
export const cardTabsSx = {
  '& .MuiTabs-list': { flexWrap: 'wrap' },
  '& .MuiTabs-indicator': { display: 'none' },
  '& .MuiTabs-root, & .MuiTab-root': { minHeight: 40 },
  '& .MuiTab-root': {
    minWidth: 0,
    px: 1.5,
    py: 0.5,
    textTransform: 'none',
    fontSize: '0.875rem',
    borderBottom: 2,
    borderColor: 'transparent',
  },
  '& .MuiTab-root.Mui-selected': { borderColor: 'primary.main', fontWeight: 600 },
} as const;

export const cardFormSx = {
  maxWidth: 1280,
  [`& .${FORM_GRID}`]: {
    display: 'grid',
    gridTemplateColumns: 'repeat(auto-fill, minmax(260px, 1fr))',
    columnGap: 2,
    alignItems: 'start',
  },
  [`& .${FORM_GRID} > .ra-input`]: { width: '100%', minWidth: 0 },
  [`& .${FORM_GRID} > :not(.ra-input), & .${FORM_GRID} > .${WIDE}`]: { gridColumn: '1 / -1' },
  ...cardTabsSx,
} as const;

const v = (...xs: unknown[]) => xs as Validator[];

/** A long text input (notes, characterisations): across the form, three lines to start with. */
export const longText = {
  className: WIDE,
  multiline: true,
  minRows: 3,
  fullWidth: true,
  validate: v(maxLength(10000)),
} as const;
