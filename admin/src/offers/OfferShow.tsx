import { formatLvDate, formatLvDateTime, rigaToday } from '@adoption/model';
import {
  Box,
  Button as MuiButton,
  Card,
  CardContent,
  Stack,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  Link,
  Show,
  useCanAccess,
  useRecordContext,
  useTranslate,
  type RaRecord,
} from 'react-admin';

import { MoveDialog, type AllowedMove } from './MoveDialog';
import { StatusChip } from './OfferStatusChip';

interface OfferRecord extends RaRecord {
  status: string;
  version: number;
  foreignAdoption: boolean;
  selectionRunId: number | null;
  sentOn: string | null;
  answerBy: string | null;
  closedOn: string | null;
  outcomeReason: string | null;
  children: {
    id: number;
    givenNames: string;
    surname: string;
    birthDate: string;
    status: string;
  }[];
  adopter: {
    id: number;
    givenNames: string;
    surname: string;
    spouseGivenNames: string | null;
    spouseSurname: string | null;
    origin: string;
    status: string;
  };
  timeline: {
    id: number;
    fromStatus: string | null;
    toStatus: string;
    happenedOn: string;
    reason: string | null;
    createdByName: string;
    createdAt: string;
  }[];
  deadlines: {
    id: number;
    kind: string;
    status: string;
    dueOn: string;
    doneOn: string | null;
    childId: number | null;
  }[];
  overrideRequest: {
    id: number;
    reason: string;
    status: string;
    requestedByName: string;
    decidedByName: string | null;
    decidedAt: string | null;
    decisionNote: string | null;
    createdAt: string;
  } | null;
  allowedMoves: AllowedMove[];
}

const l = (key: string) => `app.offers.fields.${key}`;

const Section = ({ title, children }: { title: string; children: ReactNode }) => {
  const translate = useTranslate();
  return (
    <Card variant="outlined" sx={{ mb: 2 }}>
      <CardContent>
        <Typography variant="h6" sx={{ mb: 1 }}>
          {translate(title)}
        </Typography>
        {children}
      </CardContent>
    </Card>
  );
};

/** Who and what: the adopter, the children, the dates, the selection run. */
const Parties = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  if (!record) return null;
  const { adopter } = record;
  const spouse = adopter.spouseSurname
    ? ` ${translate('app.offers.and')} ${adopter.spouseGivenNames ?? ''} ${adopter.spouseSurname}`
    : '';
  return (
    <Stack direction={{ xs: 'column', md: 'row' }} spacing={4} sx={{ mb: 2 }}>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate(l('adopter'))}
        </Typography>
        <Typography>
          <Link to={`/adopters/${adopter.id}/show`}>
            {adopter.givenNames} {adopter.surname}
            {spouse}
          </Link>{' '}
          ({translate(`app.enums.adopter_origin.${adopter.origin}`)},{' '}
          {translate(`app.enums.adopter_status.${adopter.status}`)})
        </Typography>
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate(l('children'))}
        </Typography>
        {record.children.map((c) => (
          <Typography key={c.id}>
            <Link to={`/children/${c.id}/show`}>
              {c.givenNames} {c.surname}
            </Link>{' '}
            ({formatLvDate(c.birthDate)}, {translate(`app.enums.child_status.${c.status}`)})
          </Typography>
        ))}
      </Box>
      <Box>
        <Typography variant="caption" color="text.secondary">
          {translate(l('sentOn'))} / {translate(l('answerBy'))}
        </Typography>
        <Typography>
          {formatLvDate(record.sentOn) || '—'} / {formatLvDate(record.answerBy) || '—'}
        </Typography>
        <Typography variant="body2" color="text.secondary">
          {record.selectionRunId
            ? translate('app.offers.from_run', { id: record.selectionRunId })
            : record.overrideRequest
              ? translate('app.offers.from_override')
              : ''}
        </Typography>
      </Box>
    </Stack>
  );
};

/** Buttons for exactly the moves the offer's state allows (the API's answer). */
const Moves = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'offers', action: 'write' });
  const [move, setMove] = useState<AllowedMove | null>(null);
  if (!record || !canAccess) return null;
  if (!record.allowedMoves.length)
    return (
      <Typography variant="body2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.offers.no_moves')}
      </Typography>
    );
  return (
    <Stack direction="row" spacing={1} sx={{ mb: 2, flexWrap: 'wrap' }} useFlexGap>
      {record.allowedMoves.map((m) => {
        // An offer expires only after its answer date (the API says the same).
        const early = m.to === 'expired' && !!record.answerBy && rigaToday() <= record.answerBy;
        return (
          <span
            key={m.to}
            title={
              early
                ? translate('app.offers.expires_after', { date: formatLvDate(record.answerBy) })
                : undefined
            }
          >
            <MuiButton
              variant={m.reason === 'required' ? 'outlined' : 'contained'}
              color={m.reason === 'required' ? 'inherit' : 'primary'}
              onClick={() => setMove(m)}
              disabled={early}
              data-move={m.to}
            >
              {translate(`app.offers.actions.${m.to}`)}
            </MuiButton>
          </span>
        );
      })}
      {move && <MoveDialog offer={record} move={move} onClose={() => setMove(null)} />}
    </Stack>
  );
};

const Timeline = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  if (!record) return null;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate(l('happenedOn'))}</TableCell>
          <TableCell>{translate(l('status'))}</TableCell>
          <TableCell>{translate(l('reason'))}</TableCell>
          <TableCell>{translate(l('createdBy'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.timeline.map((e) => (
          <TableRow key={e.id}>
            <TableCell>{formatLvDate(e.happenedOn)}</TableCell>
            <TableCell>{translate(`app.enums.offer_status.${e.toStatus}`)}</TableCell>
            <TableCell sx={{ whiteSpace: 'pre-line' }}>{e.reason ?? ''}</TableCell>
            <TableCell>
              {e.createdByName}{' '}
              <Typography component="span" variant="caption" color="text.secondary">
                {formatLvDateTime(e.createdAt)}
              </Typography>
            </TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

const Deadlines = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  if (!record) return null;
  if (!record.deadlines.length)
    return <Typography variant="body2">{translate('app.offers.no_deadlines')}</Typography>;
  return (
    <Table size="small">
      <TableHead>
        <TableRow>
          <TableCell>{translate(l('deadlineKind'))}</TableCell>
          <TableCell>{translate(l('dueOn'))}</TableCell>
          <TableCell>{translate(l('status'))}</TableCell>
          <TableCell>{translate(l('doneOn'))}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {record.deadlines.map((d) => (
          <TableRow key={d.id}>
            <TableCell>{translate(`app.enums.deadline_kind.${d.kind}`)}</TableCell>
            <TableCell>{formatLvDate(d.dueOn)}</TableCell>
            <TableCell>
              <StatusChip record={d} source="status" enumName="deadline_status" />
            </TableCell>
            <TableCell>{formatLvDate(d.doneOn) || '—'}</TableCell>
          </TableRow>
        ))}
      </TableBody>
    </Table>
  );
};

/** The override the offer was made under: the request's reason and who approved it. */
const Override = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  const o = record?.overrideRequest;
  if (!o) return null;
  return (
    <Section title="app.offers.override_title">
      <Typography sx={{ whiteSpace: 'pre-line', mb: 1 }}>{o.reason}</Typography>
      <Typography variant="body2">
        {translate('app.offers.override_requested', {
          name: o.requestedByName,
          date: formatLvDate(o.createdAt),
        })}
      </Typography>
      {o.decidedByName && (
        <Typography variant="body2">
          {translate('app.offers.override_approved', {
            name: o.decidedByName,
            date: formatLvDate(o.decidedAt),
          })}
          {o.decisionNote ? ` — ${o.decisionNote}` : ''}
        </Typography>
      )}
      <Link to={`/override-requests/${o.id}/show`}>
        {translate('app.offers.override_open', { id: o.id })}
      </Link>
    </Section>
  );
};

const Title = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  return <>{translate('app.offers.title_show', { id: record?.id ?? '' })}</>;
};

const OfferPage = () => {
  const record = useRecordContext<OfferRecord>();
  const translate = useTranslate();
  // A row of the list may stand in while the whole offer loads: wait for the detail.
  if (!record?.timeline) return null;
  return (
    <Box sx={{ p: 2 }}>
      <Stack direction="row" spacing={2} sx={{ mb: 2, alignItems: 'center' }}>
        <Typography variant="h5">
          {translate('app.offers.title_show', { id: record.id })}
        </Typography>
        <StatusChip source="status" />
      </Stack>
      <Parties />
      {record.outcomeReason && (
        <Typography sx={{ mb: 2 }}>
          {translate(l('outcomeReason'))}: {record.outcomeReason}
        </Typography>
      )}
      <Moves />
      <Section title="app.offers.timeline">
        <Timeline />
      </Section>
      <Section title="app.offers.deadlines">
        <Deadlines />
      </Section>
      <Override />
    </Box>
  );
};

/** The offer page: who, the timeline (Latvian dates), deadlines, the override and the moves. */
export const OfferShow = () => (
  <Show title={<Title />} actions={false}>
    <OfferPage />
  </Show>
);
