import { formatLvDate } from '@adoption/model';
import {
  Alert,
  Box,
  Card,
  CardContent,
  Chip,
  CircularProgress,
  Link as MuiLink,
  List,
  ListItem,
  ListItemText,
  Typography,
} from '@mui/material';
import { useEffect, useState, type ReactNode } from 'react';
import { Link, useCanAccess, useTranslate } from 'react-admin';
import { Bar, BarChart, CartesianGrid, Legend, Tooltip, XAxis, YAxis } from 'recharts';

import { httpClient } from '../providers/http';
import {
  daysUntil,
  medianChartRows,
  type DashboardAnswer,
  type DeadlineItem,
  type OfferItem,
  type PersonRef,
} from './figures';

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; answer: DashboardAnswer };

/** `GET /api/dashboard` (optionally `?asOf=`) once the user may read it. */
const useDashboard = (enabled: boolean, asOf: string | null): Load => {
  const [load, setLoad] = useState<Load>({ state: 'loading' });
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    httpClient(`/api/dashboard${asOf ? `?asOf=${encodeURIComponent(asOf)}` : ''}`)
      .then(({ json }) => current && setLoad({ state: 'done', answer: json as DashboardAnswer }))
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : 'ra.notification.http_error';
        if (current) setLoad({ state: 'error', message });
      });
    return () => {
      current = false;
    };
  }, [enabled, asOf]);
  return load;
};

const RecordLink = ({ resource, person }: { resource: string; person: PersonRef }) => (
  <MuiLink component={Link} to={`/${resource}/${person.id}/show`} underline="hover">
    {person.name}
  </MuiLink>
);

const People = ({ item }: { item: OfferItem | DeadlineItem }) => (
  <>
    {item.children.map((c, i) => (
      <span key={c.id}>
        {i > 0 && ', '}
        <RecordLink resource="children" person={c} />
      </span>
    ))}
    {item.adopter && (
      <>
        {' — '}
        <RecordLink resource="adopters" person={item.adopter} />
      </>
    )}
  </>
);

/** A figure card: the count large, its list below. */
const FigureCard = ({
  testId,
  title,
  help,
  count,
  tone,
  children,
}: {
  testId: string;
  title: string;
  help: string;
  count: number;
  tone: 'primary' | 'warning' | 'error';
  children: ReactNode;
}) => (
  <Card variant="outlined" data-testid={testId} sx={{ display: 'flex', flexDirection: 'column' }}>
    <CardContent sx={{ pb: 1 }}>
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 1.5 }}>
        <Typography
          variant="h4"
          component="p"
          color={count > 0 ? `${tone}.main` : 'text.secondary'}
          sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}
          data-testid={`${testId}-count`}
        >
          {count}
        </Typography>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600, lineHeight: 1.2 }}>
          {title}
        </Typography>
      </Box>
      <Typography variant="body2" color="text.secondary">
        {help}
      </Typography>
    </CardContent>
    <List dense sx={{ pt: 0, maxHeight: 260, overflow: 'auto' }}>
      {children}
    </List>
  </Card>
);

const Empty = () => {
  const translate = useTranslate();
  return (
    <ListItem>
      <ListItemText secondary={translate('app.overview.none')} />
    </ListItem>
  );
};

const DeadlineRow = ({ item, asOf }: { item: DeadlineItem; asOf: string }) => {
  const translate = useTranslate();
  const days = daysUntil(asOf, item.dueOn);
  return (
    <ListItem divider>
      <ListItemText
        primary={<People item={item} />}
        secondary={
          <>
            {translate(`app.overview.kinds.${item.kind}`, { _: item.kind })}
            {' · '}
            {translate('app.overview.due', { date: formatLvDate(item.dueOn) })}
            {' · '}
            {days < 0
              ? translate('app.overview.days_late', { days: -days })
              : translate('app.overview.days_left', { days })}
          </>
        }
      />
    </ListItem>
  );
};

const MedianChart = ({ answer }: { answer: DashboardAnswer }) => {
  const translate = useTranslate();
  const rows = medianChartRows(answer.mediansByAgeBand);
  return (
    <Card variant="outlined" data-testid="dashboard-medians" sx={{ gridColumn: '1 / -1' }}>
      <CardContent>
        <Typography variant="subtitle1" component="h3" sx={{ fontWeight: 600 }}>
          {translate('app.overview.medians')}
        </Typography>
        <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
          {translate('app.overview.medians_help')}
        </Typography>
        <BarChart width={760} height={260} data={rows} margin={{ left: 0, right: 16, top: 8 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="band" />
          <YAxis unit={` ${translate('app.overview.months')}`} width={72} />
          <Tooltip
            formatter={(value, name, item) => {
              const n =
                name === translate('app.overview.to_first_offer')
                  ? (item.payload as (typeof rows)[number]).nFirstOffer
                  : (item.payload as (typeof rows)[number]).nAdoption;
              return [
                `${String(value)} ${translate('app.overview.months')} (${n} ${translate('app.overview.children_n')})`,
                name,
              ];
            }}
          />
          <Legend />
          <Bar
            dataKey="toFirstOffer"
            name={translate('app.overview.to_first_offer')}
            fill="#1565c0"
            isAnimationActive={false}
          />
          <Bar
            dataKey="toAdoption"
            name={translate('app.overview.to_adoption')}
            fill="#2e7d32"
            isAnimationActive={false}
          />
        </BarChart>
      </CardContent>
    </Card>
  );
};

/**
 * The process part of the dashboard for specialists and heads of department (`dashboard:read`):
 * offers awaiting an answer, deadlines in the next days, overdue items, who waits longest (each
 * name opens the record), and the medians by age band as a bar chart. `?asOf=` in the address
 * fixes the reference date (the browser test).
 */
export const ProcessOverview = () => {
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'dashboard', action: 'read' });
  const asOf = new URLSearchParams(window.location.hash.split('?')[1] ?? '').get('asOf');
  const load = useDashboard(canAccess === true, asOf);
  if (!canAccess) return null;
  if (load.state === 'loading') return <CircularProgress size={24} sx={{ mb: 2 }} />;
  if (load.state === 'error')
    return (
      <Alert severity="error" sx={{ mb: 2 }}>
        {translate(load.message)}
      </Alert>
    );
  const a = load.answer;
  return (
    <Box sx={{ mb: 3 }} data-testid="dashboard-process">
      <Box sx={{ display: 'flex', alignItems: 'baseline', gap: 2, mb: 1 }}>
        <Typography variant="h6" component="h2">
          {translate('app.overview.heading')}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {translate('app.overview.as_of', { date: formatLvDate(a.asOf) })}
        </Typography>
      </Box>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(320px, 1fr))',
          gap: 2,
        }}
      >
        <FigureCard
          testId="dashboard-awaiting"
          title={translate('app.overview.awaiting')}
          help={translate('app.overview.awaiting_help')}
          count={a.awaitingAnswer.length}
          tone="primary"
        >
          {a.awaitingAnswer.length === 0 && <Empty />}
          {a.awaitingAnswer.map((o) => (
            <ListItem key={o.offerId} divider>
              <ListItemText
                primary={<People item={o} />}
                secondary={
                  o.answerBy
                    ? translate('app.overview.answer_by', { date: formatLvDate(o.answerBy) })
                    : null
                }
              />
            </ListItem>
          ))}
        </FigureCard>
        <FigureCard
          testId="dashboard-soon"
          title={translate('app.overview.soon', { days: a.deadlineDays })}
          help={translate('app.overview.soon_help')}
          count={a.deadlinesSoon.length}
          tone="warning"
        >
          {a.deadlinesSoon.length === 0 && <Empty />}
          {a.deadlinesSoon.map((d) => (
            <DeadlineRow key={d.id} item={d} asOf={a.asOf} />
          ))}
        </FigureCard>
        <FigureCard
          testId="dashboard-overdue"
          title={translate('app.overview.overdue')}
          help={translate('app.overview.overdue_help')}
          count={a.overdue.length}
          tone="error"
        >
          {a.overdue.length === 0 && <Empty />}
          {a.overdue.map((d) => (
            <DeadlineRow key={d.id} item={d} asOf={a.asOf} />
          ))}
        </FigureCard>
        <FigureCard
          testId="dashboard-children-waiting"
          title={translate('app.overview.children_waiting')}
          help=""
          count={a.childrenWaitingLongest.length}
          tone="primary"
        >
          {a.childrenWaitingLongest.map((c) => (
            <ListItem key={c.id} divider>
              <ListItemText
                primary={<RecordLink resource="children" person={c} />}
                secondary={`${translate('app.overview.age', { age: c.age })} · ${translate(
                  'app.overview.since',
                  { date: formatLvDate(c.waitingSince) },
                )}`}
              />
              <Chip
                size="small"
                label={translate('app.overview.waiting_months', { months: c.waitingMonths })}
              />
            </ListItem>
          ))}
        </FigureCard>
        <FigureCard
          testId="dashboard-adopters-waiting"
          title={translate('app.overview.adopters_waiting')}
          help=""
          count={a.adoptersWaitingLongest.length}
          tone="primary"
        >
          {a.adoptersWaitingLongest.map((p) => (
            <ListItem key={p.id} divider>
              <ListItemText
                primary={<RecordLink resource="adopters" person={p} />}
                secondary={`${translate(`app.overview.origin.${p.origin}`, { _: p.origin })} · ${translate(
                  'app.overview.since',
                  { date: formatLvDate(p.enteredOn) },
                )}`}
              />
              <Chip
                size="small"
                label={translate('app.overview.waiting_months', { months: p.waitingMonths })}
              />
            </ListItem>
          ))}
        </FigureCard>
        <MedianChart answer={a} />
      </Box>
    </Box>
  );
};
