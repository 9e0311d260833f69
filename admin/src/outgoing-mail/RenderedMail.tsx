import { Alert, Box, Typography } from '@mui/material';
import { useRecordContext, useTranslate } from 'react-admin';

interface Preview {
  rendered?: { subject: string; text: string; html: string } | null;
  renderError?: string | null;
  contentWithheld?: boolean;
  placeholders?: string[];
}

const frame = { width: '100%', height: 560, border: '1px solid #ccc', background: '#fff' } as const;
const pre = {
  margin: 0,
  padding: 12,
  background: '#f6f6f6',
  border: '1px solid #ddd',
  fontSize: 13,
  whiteSpace: 'pre-wrap',
  wordBreak: 'break-word',
} as const;

/**
 * The mail as its recipient reads it (the API renders it; a one-time link is a placeholder).
 *
 * The HTML part is shown in `<iframe sandbox="" srcDoc>`: the empty sandbox gives it an opaque
 * origin with no scripts, forms, pop-ups or navigation, so a letter can reach neither the console
 * nor its session. The API's Content-Security-Policy (backend/src/app.ts) allows this: there is no
 * `frame-src`/`child-src`, and a srcdoc document is not fetched, so `default-src 'self'` does not
 * block it; the document inherits the console's policy, whose `style-src 'unsafe-inline'` lets
 * the letters' inline styles apply (and nothing from elsewhere loads).
 */
export const RenderedMail = () => {
  const record = useRecordContext<Preview>();
  const translate = useTranslate();
  // Undefined while the record shown is still the list's row (the show request is on its way).
  if (!record || record.rendered === undefined) return null;
  if (record.contentWithheld) {
    return (
      <Alert severity="info" data-testid="mail-content-withheld">
        {translate('app.outgoing_mail.content_withheld')}
      </Alert>
    );
  }
  if (record.rendered === null) {
    return (
      <Alert severity="error" data-testid="mail-render-error">
        {translate('app.outgoing_mail.render_error', { error: record.renderError ?? '' })}
      </Alert>
    );
  }
  const { subject, text, html } = record.rendered;
  return (
    <Box sx={{ display: 'flex', flexDirection: 'column', gap: 2, maxWidth: 900 }}>
      {record.placeholders?.length ? (
        <Alert severity="info">{translate('app.outgoing_mail.placeholder_note')}</Alert>
      ) : null}
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('app.outgoing_mail.subject')}
        </Typography>
        <Typography variant="h6" data-testid="mail-subject">
          {subject}
        </Typography>
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('app.outgoing_mail.html')}
        </Typography>
        <iframe
          sandbox=""
          srcDoc={html}
          title={translate('app.outgoing_mail.html')}
          style={frame}
          data-testid="mail-html"
        />
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate('app.outgoing_mail.text')}
        </Typography>
        <pre style={pre} data-testid="mail-text">
          {text}
        </pre>
      </Box>
    </Box>
  );
};
