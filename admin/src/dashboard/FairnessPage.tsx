import { formatLvDate, formatLvDateInput, parseLvDate } from '@adoption/model';
import BalanceIcon from '@mui/icons-material/Balance';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  TextField,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Menu, Title, useAuthenticated, useCanAccess, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';

import { httpClient } from '../providers/http';
import {
  columnCells,
  countText,
  monthsText,
  ratioText,
  shareText,
  type FairnessAnswer,
  type FairnessRow,
} from './figures';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; answer: FairnessAnswer };

const useFairness = (enabled: boolean, from: string, to: string): Load => {
  const [result, setResult] = useState<{ key: string; load: Load }>();
  const key = `${from}|${to}`;
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    const q = new URLSearchParams();
    if (from) q.set('from', from);
    if (to) q.set('to', to);
    httpClient(`/api/reports/fairness?${q.toString()}`)
      .then(({ json }) => {
        if (current) setResult({ key, load: { state: 'done', answer: json as FairnessAnswer } });
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : 'ra.notification.http_error';
        if (current) setResult({ key, load: { state: 'error', message } });
      });
    return () => {
      current = false;
    };
  }, [enabled, from, to, key]);
  return result?.key === key ? result.load : { state: 'loading' };
};

/** The category's label: the register's sex, the statistics' age bands, the report's own keys. */
const keyLabel = (dimension: string, key: string) =>
  dimension === 'sex'
    ? `app.enums.sex.${key}`
    : dimension === 'ageBand'
      ? `app.statistics.age_band.${key}`
      : `app.fairness.keys.${key}`;

const DimensionTable = ({
  dimension,
  rows,
  threshold,
}: {
  dimension: string;
  rows: FairnessRow[];
  threshold: number;
}) => {
  const translate = useTranslate();
  const chart = rows.map((r) => ({
    key: translate(keyLabel(dimension, r.key), { _: r.key }),
    share: r.proposedShare === null ? null : Math.round(r.proposedShare * 1000) / 10,
  }));
  const num = { fontVariantNumeric: 'tabular-nums' } as const;
  const children = columnCells(
    rows.map((r) => r.children),
    threshold,
  );
  const proposed = columnCells(
    rows.map((r) => (r.children === null ? 0 : r.proposed)),
    threshold,
  );
  return (
    <Card variant="outlined" data-testid={`fairness-${dimension}`}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, mb: 1 }}>
          {translate(`app.fairness.dimensions.${dimension}`)}
        </Typography>
        <Box sx={{ display: 'flex', gap: 2, flexWrap: 'wrap', alignItems: 'flex-start' }}>
          <Table size="small" sx={{ maxWidth: 560 }}>
            <TableHead>
              <TableRow>
                <TableCell />
                <TableCell align="right">{translate('app.fairness.columns.children')}</TableCell>
                <TableCell align="right">{translate('app.fairness.columns.proposed')}</TableCell>
                <TableCell align="right">{translate('app.fairness.columns.share')}</TableCell>
                <TableCell align="right">{translate('app.fairness.columns.waiting')}</TableCell>
              </TableRow>
            </TableHead>
            <TableBody>
              {rows.map((r, i) => (
                <TableRow key={r.key}>
                  <TableCell>{translate(keyLabel(dimension, r.key), { _: r.key })}</TableCell>
                  <TableCell align="right" sx={num}>
                    {children[i]}
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {r.children === null ? '—' : proposed[i]}
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {shareText(r.proposedShare)}
                  </TableCell>
                  <TableCell align="right" sx={num}>
                    {monthsText(r.medianWaitingDays)}
                  </TableCell>
                </TableRow>
              ))}
            </TableBody>
          </Table>
          <BarChart width={300} height={170} data={chart} layout="vertical" margin={{ left: 8 }}>
            <CartesianGrid strokeDasharray="3 3" horizontal={false} />
            <XAxis type="number" domain={[0, 100]} unit="%" />
            <YAxis type="category" dataKey="key" width={110} />
            <Tooltip formatter={(v) => [`${String(v)} %`, translate('app.fairness.share_chart')]} />
            <Bar dataKey="share" fill="#1565c0" isAnimationActive={false} />
          </BarChart>
        </Box>
      </CardContent>
    </Card>
  );
};

const Figure = ({ label, value, testId }: { label: string; value: string; testId?: string }) => (
  <TableRow>
    <TableCell>{label}</TableCell>
    <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }} data-testid={testId}>
      {value}
    </TableCell>
  </TableRow>
);

/**
 * Taisnīguma pārskats (`#/fairness`): for heads of department and analysts
 * (`fairness-report:read`). Waiting and the share of children proposed by sex, age band,
 * disability and sibling-group size; how concentrated offers are on adopters; time to a first
 * offer and to adoption and the offers declined beside it. Withheld cells read "<5" or "—".
 */
export const FairnessPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'fairness-report', action: 'read' });
  const [params, setParams] = useSearchParams();
  const from = params.get('from') ?? '';
  const to = params.get('to') ?? '';
  const [draft, setDraft] = useState({ from: formatLvDateInput(from), to: formatLvDateInput(to) });
  const load = useFairness(canAccess === true, from, to);

  return (
    <Box sx={{ py: 2, maxWidth: 1200 }}>
      <Title title={translate('app.fairness.title')} />
      <Card sx={{ mb: 2 }}>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.fairness.heading')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 820, mb: 2 }}>
            {translate('app.fairness.intro')}
          </Typography>
          {!isPending && !canAccess ? (
            <Alert severity="warning">{translate('app.fairness.not_allowed')}</Alert>
          ) : (
            <Box
              component="form"
              sx={{ display: 'flex', gap: 2, alignItems: 'center' }}
              onSubmit={(e) => {
                e.preventDefault();
                const next: Record<string, string> = {};
                const f = parseLvDate(draft.from);
                const t = parseLvDate(draft.to);
                if (f) next.from = f;
                if (t) next.to = t;
                setParams(next, { replace: true });
              }}
            >
              <TextField
                size="small"
                label={translate('app.fairness.from')}
                placeholder={translate('app.fairness.date_placeholder')}
                value={draft.from}
                onChange={(e) => setDraft({ ...draft, from: e.target.value })}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'fairness-from' },
                }}
              />
              <TextField
                size="small"
                label={translate('app.fairness.to')}
                placeholder={translate('app.fairness.date_placeholder')}
                value={draft.to}
                onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                slotProps={{
                  inputLabel: { shrink: true },
                  htmlInput: { 'data-testid': 'fairness-to' },
                }}
              />
              <Button type="submit" variant="outlined">
                {translate('app.fairness.show')}
              </Button>
            </Box>
          )}
        </CardContent>
      </Card>
      {canAccess && load.state === 'loading' && <CircularProgress size={24} />}
      {canAccess && load.state === 'error' && (
        <Alert severity="error">{translate(load.message)}</Alert>
      )}
      {canAccess && load.state === 'done' && <Report answer={load.answer} />}
    </Box>
  );
};

const Report = ({ answer: a }: { answer: FairnessAnswer }) => {
  const translate = useTranslate();
  const t = a.threshold;
  return (
    <Box data-testid="fairness-report">
      <Typography variant="body1" sx={{ mb: 1 }}>
        {translate('app.fairness.period', { from: formatLvDate(a.from), to: formatLvDate(a.to) })}
        {' · '}
        {translate('app.fairness.children_total', { n: countText(a.children, t) })}
      </Typography>
      <Box sx={{ display: 'grid', gridTemplateColumns: '1fr', gap: 2, mb: 2 }}>
        {a.dimensions.map((d) => (
          <DimensionTable key={d.dimension} dimension={d.dimension} rows={d.rows} threshold={t} />
        ))}
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(420px, 1fr))',
          gap: 2,
        }}
      >
        <Card variant="outlined" data-testid="fairness-concentration">
          <CardContent>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {translate('app.fairness.concentration')}
            </Typography>
            <Table size="small">
              <TableBody>
                <Figure
                  label={translate('app.fairness.adopters')}
                  value={String(a.concentration.adopters)}
                />
                <Figure
                  label={translate('app.fairness.offers')}
                  value={countText(a.concentration.offers, t)}
                />
                <Figure
                  label={translate('app.fairness.adopters_with_offer')}
                  value={countText(a.concentration.adoptersWithOffer, t)}
                />
                <Figure
                  label={translate('app.fairness.top10')}
                  value={shareText(a.concentration.top10PercentShare)}
                />
                <Figure
                  label={translate('app.fairness.gini')}
                  value={ratioText(a.concentration.gini)}
                  testId="fairness-gini"
                />
              </TableBody>
            </Table>
          </CardContent>
        </Card>
        <Card variant="outlined" data-testid="fairness-outcomes">
          <CardContent>
            <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
              {translate('app.fairness.outcomes')}
            </Typography>
            <Table size="small">
              <TableBody>
                <Figure
                  label={translate('app.fairness.to_first_offer')}
                  value={`${monthsText(a.outcomes.toFirstOffer.medianDays)} (${countText(a.outcomes.toFirstOffer.n, t)})`}
                />
                <Figure
                  label={translate('app.fairness.to_adoption')}
                  value={`${monthsText(a.outcomes.toAdoption.medianDays)} (${countText(a.outcomes.toAdoption.n, t)})`}
                />
                <Figure
                  label={translate('app.fairness.offers')}
                  value={countText(a.outcomes.offersSent, t)}
                />
                <Figure
                  label={translate('app.fairness.declined')}
                  value={`${countText(a.outcomes.declined, t)} (${shareText(a.outcomes.declinedShare)})`}
                />
                <Figure
                  label={translate('app.fairness.expired')}
                  value={`${countText(a.outcomes.expired, t)} (${shareText(a.outcomes.expiredShare)})`}
                />
              </TableBody>
            </Table>
          </CardContent>
        </Card>
      </Box>
      <Box sx={{ mt: 2 }} data-testid="fairness-legend">
        <Typography variant="body2" color="text.secondary">
          {translate('app.fairness.legend_small', { threshold: t })}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.fairness.legend_dash')}
        </Typography>
      </Box>
    </Box>
  );
};

/** "Taisnīguma pārskats" in the menu, for users holding `fairness-report:read`. */
export const FairnessMenuItem = () => {
  const { canAccess } = useCanAccess({ resource: 'fairness-report', action: 'read' });
  if (!canAccess) return null;
  return <Menu.Item to="/fairness" primaryText="app.menu.fairness" leftIcon={<BalanceIcon />} />;
};
