import KeyboardIcon from '@mui/icons-material/Keyboard';
import {
  Box,
  Button,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  IconButton,
  Table,
  TableBody,
  TableCell,
  TableRow,
  Tooltip,
  Typography,
} from '@mui/material';
import { useEffect, useEffectEvent, useState } from 'react';
import { useTranslate } from 'react-admin';
import { useLocation } from 'react-router-dom';

import { pageOf, shortcutAction, shortcutList } from '../common/shortcuts';

/** Clicks the first link whose address ends in `suffix`, if the page shows it (permission kept). */
const clickLink = (suffix: string): boolean => {
  const link = [...document.querySelectorAll<HTMLAnchorElement>('a[href]')].find((a) =>
    a.getAttribute('href')!.endsWith(suffix),
  );
  link?.click();
  return !!link;
};

/**
 * The console's keyboard shortcuts, for the whole app (in the app bar): "?" opens the list of them
 * (also the keyboard button), "/" goes to the list's search box, "n" opens a new record from a list,
 * "e" edits the record on its show page. Single keys act only outside inputs and when the page
 * offers the action (the create or edit button is there, so permissions stay as they are);
 * Ctrl+S is the form's own (SaveShortcut), Esc is the dialogs'.
 */
export const Shortcuts = () => {
  const [open, setOpen] = useState(false);
  const translate = useTranslate();
  const { pathname } = useLocation();

  const onKey = useEffectEvent((e: KeyboardEvent) => {
    if (e.defaultPrevented) return;
    const action = shortcutAction(e, e.target);
    if (!action) return;
    if (action === 'help') {
      e.preventDefault();
      setOpen(true);
      return;
    }
    // Not behind an open dialog or menu.
    if (document.querySelector('.MuiModal-root:not(.MuiModal-hidden)')) return;
    const page = pageOf(pathname);
    if (action === 'search') {
      const input = document.querySelector<HTMLInputElement>('input[name="q"]');
      if (!input) return;
      e.preventDefault();
      input.focus();
      input.select();
    } else if (action === 'create' && page?.page === 'list') {
      if (clickLink(`/${page.resource}/create`)) e.preventDefault();
    } else if (action === 'edit' && page?.page === 'show') {
      if (clickLink(`/${page.resource}/${page.id}`)) e.preventDefault();
    }
  });

  useEffect(() => {
    const listener = (e: KeyboardEvent) => onKey(e);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  return (
    <>
      <Tooltip title={`${translate('app.shortcuts.title')} (?)`}>
        <IconButton
          color="inherit"
          onClick={() => setOpen(true)}
          aria-label={translate('app.shortcuts.title')}
          data-testid="shortcuts-button"
        >
          <KeyboardIcon />
        </IconButton>
      </Tooltip>
      <Dialog
        open={open}
        onClose={() => setOpen(false)}
        aria-labelledby="shortcuts-title"
        data-testid="shortcuts-dialog"
      >
        <DialogTitle id="shortcuts-title">{translate('app.shortcuts.title')}</DialogTitle>
        <DialogContent>
          <Table size="small">
            <TableBody>
              {shortcutList.map((s) => (
                <TableRow key={s.text}>
                  <TableCell sx={{ whiteSpace: 'nowrap', width: '1%' }}>
                    {s.keys.map((k) => (
                      <Box
                        component="kbd"
                        key={k}
                        sx={{
                          display: 'inline-block',
                          minWidth: 24,
                          px: 0.75,
                          mr: 0.5,
                          border: 1,
                          borderColor: 'divider',
                          borderRadius: 0.5,
                          fontFamily: 'monospace',
                          fontSize: '0.8125rem',
                          textAlign: 'center',
                          bgcolor: 'action.hover',
                        }}
                      >
                        {k}
                      </Box>
                    ))}
                  </TableCell>
                  <TableCell>{translate(`app.shortcuts.${s.text}`)}</TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <Typography variant="caption" color="text.secondary" component="p" sx={{ mt: 1 }}>
            {translate('app.shortcuts.hint')}
          </Typography>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setOpen(false)}>{translate('app.shortcuts.close_button')}</Button>
        </DialogActions>
      </Dialog>
    </>
  );
};
