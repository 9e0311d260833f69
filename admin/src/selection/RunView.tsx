import { formatLvDate } from '@adoption/model';
import PrintIcon from '@mui/icons-material/Print';
import WarningAmberIcon from '@mui/icons-material/WarningAmber';
import {
  Alert,
  Box,
  Button,
  Card,
  CardContent,
  Chip,
  Dialog,
  DialogActions,
  DialogContent,
  DialogTitle,
  GlobalStyles,
  List,
  ListItem,
  ListItemButton,
  Stack,
  Tab,
  Tabs,
  Tooltip,
  Typography,
} from '@mui/material';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useCanAccess, useNotify, useTranslate } from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { httpClient } from '../providers/http';
import {
  chipColour,
  detailText,
  gradeColour,
  moveIndex,
  needsOf,
  offerBody,
  registerDisabilityText,
  type AdopterCandidate,
  type Candidate,
  type RuleOutcome,
  type SelectionRun,
} from './outcomes';
import { AskOverride } from '../offers/AskOverride';

// The two-panel selection screen: the adopter's wishes (or the child) on the left, the candidates
// with every rule's outcome as chips on the right, in tabs. One component for a run just made and
// a stored run re-shown: both render the stored result only, so they look the same.

const printStyles = (
  <GlobalStyles
    styles={{
      '@media print': {
        [[
          'header',
          '.MuiDrawer-docked',
          '.RaSidebar-docked',
          '.RaMenu-root',
          '.RaAppBar-root',
          '.MuiAppBar-root',
          '.MuiSnackbar-root',
          '[data-testid="environment-banner"]',
          '.selection-screen-only',
        ].join(', ')]: { display: 'none !important' },
        '.RaLayout-appFrame': { marginTop: '0 !important' },
        '.RaLayout-content': { padding: '0 !important' },
        '.MuiPaper-root': { boxShadow: 'none !important' },
        '.selection-panels': { display: 'block !important' },
        '.selection-row': { breakInside: 'avoid' },
        '@page': { margin: '12mm' },
      },
    }}
  />
);

/** One rule's outcome as a chip: green pass, amber consider, red fail; why in the label/tooltip. */
export const RuleChip = ({ outcome }: { outcome: RuleOutcome }) => {
  const translate = useTranslate();
  const name = translate(`app.selection.rules.${outcome.rule}`);
  const why = detailText(outcome);
  const needs = needsOf(outcome).filter(
    (n) => outcome.outcome !== 'pass' || n.answer !== 'can_meet',
  );
  const needText = needs
    .map(
      (n) =>
        `${translate(`app.enums.health_acceptance.${n.need}`)}: ${translate(`app.enums.need_answer.${n.answer}`)}${n.note ? ` („${n.note}”)` : ''}`,
    )
    .join('; ');
  const unclassified =
    Array.isArray(outcome.detail.unclassified) && outcome.detail.unclassified.length
      ? translate('app.selection.details.unclassified')
      : '';
  const register = registerDisabilityText(outcome);
  const extra = [
    why ? translate(why.key, why.params) : '',
    needText,
    unclassified,
    register ? translate(register.key, register.params) : '',
  ]
    .filter(Boolean)
    .join('; ');
  const label = extra && outcome.outcome !== 'pass' ? `${name}: ${extra}` : name;
  return (
    <Tooltip
      title={`${name} — ${translate(`app.selection.outcomes.${outcome.outcome}`)}${extra ? `: ${extra}` : ''}`}
    >
      <Chip
        size="small"
        variant={outcome.outcome === 'pass' ? 'outlined' : 'filled'}
        color={chipColour(outcome.outcome)}
        label={label}
        data-rule={outcome.rule}
        data-outcome={outcome.outcome}
        sx={{
          maxWidth: '100%',
          '& .MuiChip-label': { whiteSpace: 'normal' },
          height: 'auto',
          py: 0.25,
        }}
      />
    </Tooltip>
  );
};

const GradeChip = ({ grade }: { grade: Candidate['grade'] }) => {
  const translate = useTranslate();
  return (
    <Chip
      size="small"
      color={gradeColour(grade)}
      label={translate(`app.selection.grades.${grade}`)}
    />
  );
};

const Row = ({
  selected,
  onSelect,
  onOpen,
  title,
  subtitle,
  grade,
  rules,
  warning,
  id,
}: {
  selected: boolean;
  onSelect: () => void;
  onOpen: () => void;
  title: string;
  subtitle: string;
  grade: Candidate['grade'];
  rules: RuleOutcome[];
  warning?: string;
  id: string;
}) => {
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (selected) ref.current?.scrollIntoView?.({ block: 'nearest' });
  }, [selected]);
  return (
    <ListItem disablePadding className="selection-row" data-key={id}>
      <ListItemButton
        ref={ref}
        selected={selected}
        onClick={onSelect}
        onDoubleClick={onOpen}
        aria-selected={selected}
        sx={{ display: 'block', borderBottom: 1, borderColor: 'divider' }}
      >
        <Stack direction="row" spacing={1} sx={{ mb: 0.5, alignItems: 'center' }}>
          <Typography sx={{ fontWeight: 600 }}>{title}</Typography>
          <GradeChip grade={grade} />
          <Typography variant="body2" color="text.secondary">
            {subtitle}
          </Typography>
        </Stack>
        {warning && (
          <Stack
            direction="row"
            spacing={0.5}
            sx={{ color: 'warning.dark', mb: 0.5, alignItems: 'center' }}
          >
            <WarningAmberIcon fontSize="small" />
            <Typography variant="body2">{warning}</Typography>
          </Stack>
        )}
        <Box sx={{ display: 'flex', flexWrap: 'wrap', gap: 0.5 }}>
          {rules.map((r) => (
            <RuleChip key={r.rule} outcome={r} />
          ))}
        </Box>
      </ListItemButton>
    </ListItem>
  );
};

const childrenTitle = (c: Candidate) =>
  c.display.children.map((x) => `${x.givenNames} ${x.surname}`).join(', ');

/** The left panel for a run for an adopter: the wishes the run used (its inputs). */
const WishesPanel = ({ run }: { run: SelectionRun }) => {
  const translate = useTranslate();
  const a = run.inputs.adopter as {
    id: number;
    givenNames: string;
    surname: string;
    spouseGivenNames: string | null;
    spouseSurname: string | null;
    origin: string;
    enteredOn: string;
    wishedChildrenCount: number;
    wishedSex: string;
    wishedAgeFrom: number;
    wishedAgeTo: number;
    acceptsSiblings: boolean;
    needWishes: { need: string; answer: string; note: string | null }[];
  };
  const line = (label: string, value: string) => (
    <Box sx={{ mb: 1 }}>
      <Typography variant="caption" color="text.secondary">
        {label}
      </Typography>
      <Typography>{value}</Typography>
    </Box>
  );
  return (
    <Box>
      <Typography variant="h6">
        {a.givenNames} {a.surname}
        {a.spouseGivenNames ? `, ${a.spouseGivenNames} ${a.spouseSurname ?? ''}` : ''}
      </Typography>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 2 }}>
        {translate('app.selection.wishes')}
      </Typography>
      {line(translate('app.selection.origin'), translate(`app.enums.adopter_origin.${a.origin}`))}
      {line(translate('app.selection.queue_entered'), formatLvDate(a.enteredOn))}
      {line(translate('app.selection.wished_count'), String(a.wishedChildrenCount))}
      {line(
        translate('app.selection.wished_sex'),
        translate(`app.enums.wished_sex.${a.wishedSex}`),
      )}
      {line(
        translate('app.selection.wished_age'),
        translate('app.selection.wished_age_range', { from: a.wishedAgeFrom, to: a.wishedAgeTo }),
      )}
      {line(
        translate('app.selection.accepts_siblings'),
        translate(a.acceptsSiblings ? 'app.selection.yes' : 'app.selection.no'),
      )}
      <Typography variant="caption" color="text.secondary">
        {translate('app.selection.needs')}
      </Typography>
      <Box component="ul" sx={{ mt: 0, pl: 2 }}>
        {a.needWishes.map((w) => (
          <li key={w.need}>
            <Typography variant="body2">
              {translate(`app.enums.health_acceptance.${w.need}`)}:{' '}
              <b>{translate(`app.enums.need_answer.${w.answer}`)}</b>
              {w.note ? ` — „${w.note}”` : ''}
            </Typography>
          </li>
        ))}
      </Box>
    </Box>
  );
};

/** The left panel of a reverse view: the child or the brothers and sisters as they were. */
const ChildPanel = ({ run }: { run: SelectionRun }) => {
  const translate = useTranslate();
  const children = (run.result.display as { children: Candidate['display']['children'] }).children;
  return (
    <Box>
      <Typography variant="subtitle2" color="text.secondary" sx={{ mb: 1 }}>
        {translate(children.length > 1 ? 'app.selection.subject_group' : 'app.selection.subject')}
      </Typography>
      {children.map((c) => (
        <Box key={c.id} sx={{ mb: 1.5 }}>
          <Typography variant="h6">
            {c.givenNames} {c.surname}
          </Typography>
          <Typography variant="body2">
            {translate(`app.enums.sex.${c.sex}`)},{' '}
            {translate('app.selection.age_years', { age: c.age })}, {formatLvDate(c.birthDate)} —{' '}
            {translate(`app.enums.child_status.${c.status}`)}
          </Typography>
        </Box>
      ))}
    </Box>
  );
};

/**
 * A selection run on screen. Keyboard: ↑/↓ through the candidates of the open tab, Enter opens the
 * child (or adopter), P proposes the selected candidate (a draft offer with this run; the adopters
 * ahead in the queue are shown first and must be acknowledged).
 */
export const RunView = ({ run }: { run: SelectionRun }) => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const notify = useNotify();
  const { canAccess: canPropose } = useCanAccess({ resource: 'offers', action: 'write' });
  const forAdopter = run.direction === 'for_adopter';
  const tabs = useMemo(() => {
    const r = run.result as Record<string, unknown[]>;
    return forAdopter
      ? [
          { id: 'proposed', rows: r.proposed as Candidate[] },
          { id: 'near_misses', rows: r.nearMisses as Candidate[] },
          { id: 'excluded', rows: r.excluded as Candidate[] },
        ]
      : [
          { id: 'fitting', rows: r.fitting as AdopterCandidate[] },
          { id: 'not_fitting', rows: r.notFitting as AdopterCandidate[] },
        ];
  }, [run, forAdopter]);
  const [tab, setTab] = useState(0);
  const [index, setIndex] = useState(0);
  const [confirm, setConfirm] = useState<Candidate>();
  const rows = tabs[tab]!.rows;

  const open = useCallback(
    (row: Candidate | AdopterCandidate) => {
      if ('adopterId' in row) navigate(`/adopters/${row.adopterId}/show`);
      else if (row.key.startsWith('group:')) navigate(`/sibling-groups/${row.siblingGroupId}/show`);
      else navigate(`/children/${row.childIds[0]}/show`);
    },
    [navigate],
  );
  const send = useCallback(
    async (c: Candidate, acknowledged: boolean) => {
      try {
        const { json } = await httpClient('/api/offers', {
          method: 'POST',
          body: JSON.stringify(offerBody(run, c, acknowledged)),
        });
        notify('app.selection.proposed_ok', { type: 'success' });
        if (json?.id) navigate(`/offers/${json.id}/show`);
      } catch (error) {
        notify(error instanceof Error ? error.message : String(error), { type: 'error' });
      }
    },
    [run, notify, navigate],
  );
  const propose = useCallback(
    (row: Candidate | AdopterCandidate | undefined) => {
      if (!row || !forAdopter || tabs[tab]!.id !== 'proposed' || !canPropose) return;
      const c = row as Candidate;
      if (c.aheadInQueue.length) setConfirm(c);
      else void send(c, false);
    },
    [forAdopter, tabs, tab, canPropose, send],
  );

  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const target = e.target as HTMLElement | null;
      if (confirm || target?.closest('input, textarea, [contenteditable="true"]')) return;
      if (['ArrowDown', 'ArrowUp', 'Home', 'End'].includes(e.key)) {
        e.preventDefault();
        setIndex((i) => moveIndex(i, e.key, rows.length));
      } else if (e.key === 'Enter' && rows[index]) {
        e.preventDefault();
        open(rows[index]!);
      } else if ((e.key === 'p' || e.key === 'P') && !e.ctrlKey && !e.metaKey && !e.altKey) {
        propose(rows[index] as Candidate | undefined);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [rows, index, open, propose, confirm]);

  const near = (run.inputs.parameters as { nearMissAgeYears?: number } | undefined)
    ?.nearMissAgeYears;
  return (
    <Box sx={{ mt: 1 }}>
      {printStyles}
      <Stack direction="row" spacing={2} sx={{ mb: 1, alignItems: 'center' }}>
        <Typography variant="h5" component="h1" sx={{ flex: 1 }}>
          {translate(`app.selection.title_${run.direction.replace('for_', '')}`)} ·{' '}
          {translate('app.selection.title_run', { id: run.id })}
        </Typography>
        <Button
          className="selection-screen-only"
          startIcon={<PrintIcon />}
          onClick={() => window.print()}
        >
          {translate('app.selection.print')}
        </Button>
      </Stack>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.selection.run_info', {
          date: formatLvDate(run.runOn),
          version: run.parametersVersion,
          user: run.createdByName ?? `#${run.createdBy}`,
        })}
        <span className="selection-screen-only"> · {translate('app.selection.keys_help')}</span>
      </Typography>
      <Box
        className="selection-panels"
        sx={{
          display: 'grid',
          gridTemplateColumns: 'minmax(220px, 300px) 1fr',
          gap: 2,
          alignItems: 'start',
        }}
      >
        <Card variant="outlined">
          <CardContent>
            {forAdopter ? <WishesPanel run={run} /> : <ChildPanel run={run} />}
          </CardContent>
        </Card>
        <Card variant="outlined">
          <Tabs
            value={tab}
            onChange={(_, v: number) => {
              setTab(v);
              setIndex(0);
            }}
            className="selection-screen-only"
          >
            {tabs.map((t) => (
              <Tab
                key={t.id}
                label={translate(`app.selection.tabs.${t.id}`, { count: t.rows.length })}
              />
            ))}
          </Tabs>
          {tabs[tab]!.id === 'near_misses' && (
            <Alert severity="info" sx={{ m: 1 }}>
              {translate('app.selection.near_miss_help', { years: near ?? 2 })}
            </Alert>
          )}
          {rows.length === 0 && (
            <Typography sx={{ p: 2 }} color="text.secondary">
              {translate('app.selection.none')}
            </Typography>
          )}
          <List dense disablePadding sx={{ maxHeight: '70vh', overflow: 'auto' }} role="listbox">
            {rows.map((row, i) =>
              'adopterId' in row ? (
                <Row
                  key={row.key}
                  id={row.key}
                  selected={i === index}
                  onSelect={() => setIndex(i)}
                  onOpen={() => open(row)}
                  title={
                    row.display.spouseName
                      ? `${row.display.name}, ${row.display.spouseName}`
                      : row.display.name
                  }
                  subtitle={`${translate('app.selection.queue_position', { position: row.queuePosition })} · ${translate(`app.enums.adopter_origin.${row.origin}`)} · ${formatLvDate(row.enteredOn)}`}
                  grade={row.grade}
                  rules={row.rules}
                />
              ) : (
                <Row
                  key={row.key}
                  id={row.key}
                  selected={i === index}
                  onSelect={() => setIndex(i)}
                  onOpen={() => open(row)}
                  title={childrenTitle(row)}
                  subtitle={`${row.display.children.map((c) => translate('app.selection.age_years', { age: c.age })).join(', ')} · ${translate('app.selection.waiting_since', { date: formatLvDate(row.waitingSince) })}`}
                  grade={row.grade}
                  rules={row.rules}
                  warning={
                    row.aheadInQueue.length
                      ? translate('app.selection.ahead', { smart_count: row.aheadInQueue.length })
                      : undefined
                  }
                />
              ),
            )}
          </List>
          {forAdopter && tabs[tab]!.id === 'proposed' && canPropose && rows.length > 0 && (
            <Box sx={{ p: 1 }} className="selection-screen-only">
              <Button variant="contained" onClick={() => propose(rows[index])}>
                {translate('app.selection.propose')}
              </Button>
            </Box>
          )}
          {/* Outside the result only with a head of department's approval (docs/offers.md). */}
          {forAdopter && tabs[tab]!.id !== 'proposed' && rows[index] && run.adopterId !== null && (
            <Box sx={{ p: 1 }} className="selection-screen-only">
              <AskOverride
                adopterId={run.adopterId}
                childIds={(rows[index] as Candidate).childIds}
                selectionRunId={run.id}
              />
            </Box>
          )}
        </Card>
      </Box>
      <Dialog open={!!confirm} onClose={() => setConfirm(undefined)}>
        <DialogTitle>{translate('app.selection.ahead_title')}</DialogTitle>
        <DialogContent>
          <Typography sx={{ mb: 1 }}>{translate('app.selection.ahead_text')}</Typography>
          <Box component="ul" sx={{ pl: 2 }}>
            {confirm?.aheadInQueue.map((a) => (
              <li key={a.adopterId}>
                {translate('app.selection.ahead_item', {
                  id: a.adopterId,
                  date: formatLvDate(a.enteredOn),
                })}
              </li>
            ))}
          </Box>
        </DialogContent>
        <DialogActions>
          <Button onClick={() => setConfirm(undefined)}>{translate('ra.action.cancel')}</Button>
          <Button
            variant="contained"
            color="warning"
            onClick={() => {
              const c = confirm!;
              setConfirm(undefined);
              void send(c, true);
            }}
          >
            {translate('app.selection.acknowledge')}
          </Button>
        </DialogActions>
      </Dialog>
    </Box>
  );
};
