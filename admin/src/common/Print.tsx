import { formatLvDateTime } from '@adoption/model';
import PrintIcon from '@mui/icons-material/Print';
import { Box, GlobalStyles, Typography } from '@mui/material';
import type { ReactNode } from 'react';
import { Button, useTranslate } from 'react-admin';

/** Class names the print styles use: a part only on screen, a part only on paper. */
export const screenOnly = 'card-screen-only';
export const printOnly = 'card-print-only';

// On paper: no app bar (nor the environment banner in it), menu, toolbars or tabs; the card's
// groups one after another instead (CardPrintSection), each kept whole on a page where it fits.
const hiddenOnPaper = [
  'header',
  '.MuiDrawer-docked',
  '.RaSidebar-docked',
  '.RaMenu-root',
  '.RaAppBar-root',
  '.MuiAppBar-root',
  '.RaTopToolbar-root',
  '.MuiTabs-root',
  '.MuiSnackbar-root',
].join(', ');

const printStyles = (
  <GlobalStyles
    styles={{
      [`.${printOnly}`]: { display: 'none' },
      '@media print': {
        [hiddenOnPaper]: { display: 'none !important' },
        [`.${screenOnly}`]: { display: 'none !important' },
        [`.${printOnly}`]: { display: 'block !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-content': { padding: '0 !important' },
        '.MuiPaper-root': { boxShadow: 'none !important' },
        body: { background: '#fff' },
        '@page': { margin: '15mm' },
      },
    }}
  />
);

/** "Drukāt": the browser's print dialog for the card laid out for paper. */
export const PrintButton = () => (
  <>
    {printStyles}
    <Button label="app.card.print" onClick={() => window.print()}>
      <PrintIcon />
    </Button>
  </>
);

/** The heading of a printed card: its title and when it was printed. */
export const CardPrintHeader = ({ title }: { title: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box className={printOnly} sx={{ mb: 2, px: 2 }}>
      <Typography variant="h5" component="h1">
        {title}
      </Typography>
      <Typography variant="caption" color="text.secondary">
        {translate('app.card.printed_at', { at: formatLvDateTime(new Date()) })}
      </Typography>
    </Box>
  );
};

/** One group of the card on paper, under its tab's name. */
export const CardPrintSection = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Box sx={{ breakInside: 'avoid', mb: 2 }}>
      <Typography
        variant="h6"
        component="h2"
        sx={{ fontSize: 16, borderBottom: 1, borderColor: 'divider', mb: 1, px: 2 }}
      >
        {translate(title)}
      </Typography>
      <Box sx={{ px: 2 }}>{children}</Box>
    </Box>
  );
};
