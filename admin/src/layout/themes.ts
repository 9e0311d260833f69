import { defaultLightTheme, type RaThemeOptions } from 'react-admin';

const focusRing = { outline: '2px solid #1f5f99', outlineOffset: 2 };

/**
 * Light, compact theme for desktop work: small inputs and tables, outlined fields, a clear focus
 * ring for keyboard users. The app bar keeps react-admin's dense 48 px toolbar (Layout relies on it).
 */
export const lightTheme: RaThemeOptions = {
  ...defaultLightTheme,
  palette: {
    mode: 'light',
    primary: { main: '#1f5f99', contrastText: '#fff' },
    secondary: { main: '#22384f', contrastText: '#fff' },
    background: { default: '#f3f5f8', paper: '#fff' },
  },
  typography: {
    ...defaultLightTheme.typography,
    fontSize: 13,
    fontFamily: '"Roboto", "Segoe UI", "Helvetica Neue", Arial, sans-serif',
    h6: { fontWeight: 500, fontSize: '1.05rem' },
  },
  sidebar: { width: 220, closedWidth: 50 },
  components: {
    ...defaultLightTheme.components,
    MuiTextField: {
      ...defaultLightTheme.components?.MuiTextField,
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiFormControl: {
      defaultProps: { variant: 'outlined', margin: 'dense', size: 'small', fullWidth: true },
    },
    MuiButton: { defaultProps: { size: 'small' } },
    MuiIconButton: { defaultProps: { size: 'small' } },
    MuiTable: { defaultProps: { size: 'small' } },
    MuiMenuItem: { defaultProps: { dense: true } },
    MuiListItemIcon: { styleOverrides: { root: { minWidth: 36 } } },
    MuiButtonBase: {
      defaultProps: { disableRipple: true },
      styleOverrides: { root: { '&.Mui-focusVisible': focusRing } },
    },
    MuiLink: { styleOverrides: { root: { '&:focus-visible': focusRing } } },
    MuiTableCell: {
      styleOverrides: {
        root: { '&.MuiTableCell-paddingCheckbox': { padding: '0 8px' } },
        sizeSmall: { paddingTop: 4, paddingBottom: 4 },
        head: { fontWeight: 600, whiteSpace: 'nowrap' },
      },
    },
    RaDatagrid: {
      styleOverrides: {
        root: {
          '& .RaDatagrid-row:focus-within': { backgroundColor: 'rgba(31, 95, 153, 0.08)' },
        },
      },
    },
    RaToolbar: { styleOverrides: { root: { backgroundColor: '#e8ecf1' } } },
  },
};
