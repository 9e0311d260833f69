/**
 * Layout of the person cards on a desktop screen: the form may be wide for the sub-lists (a
 * relative's row has six inputs), short inputs stay a readable width, and inputs marked `WIDE`
 * (long texts, sub-lists) take the whole width.
 */
export const WIDE = 'card-wide';

/**
 * The card's tab strip (up to eleven tabs): wrapped onto a second line rather than cut off, so
 * every part of the card stays in sight; the selected tab is underlined itself (MUI's sliding
 * indicator cannot follow a wrapped line).
 */
export const cardTabsSx = {
  '& .MuiTabs-list': { flexWrap: 'wrap' },
  '& .MuiTabs-indicator': { display: 'none' },
  '& .MuiTab-root': { minWidth: 0, px: 1.5, borderBottom: 2, borderColor: 'transparent' },
  '& .MuiTab-root.Mui-selected': { borderColor: 'primary.main' },
} as const;

export const cardFormSx = {
  maxWidth: 1200,
  [`& .ra-input:not(.${WIDE})`]: { maxWidth: 560 },
  ...cardTabsSx,
} as const;
