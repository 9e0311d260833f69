import { formatLvDate } from '@adoption/model';
import {
  Alert,
  Box,
  Card,
  CardContent,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  ToggleButton,
  ToggleButtonGroup,
  Typography,
} from '@mui/material';
import { useEffect, useState } from 'react';
import { Title, useAuthenticated, useCanAccess, useTranslate } from 'react-admin';
import { useSearchParams } from 'react-router-dom';

import { httpClient } from '../providers/http';
import {
  dimensions,
  isDimension,
  presentCells,
  type ChildStatistics,
  type Dimension,
} from './cells';

/** Translation key of a category: the register's enumerations, or the age band. */
const keyLabel: Record<Dimension, (key: string) => string> = {
  status: (k) => `app.enums.child_status.${k}`,
  sex: (k) => `app.enums.sex.${k}`,
  ageBand: (k) => `app.statistics.age_band.${k}`,
  careForm: (k) => `app.enums.care_form.${k}`,
  nationalityKind: (k) => `app.enums.nationality_kind.${k}`,
};

type Load =
  | { state: 'loading' }
  | { state: 'error'; message: string }
  | { state: 'done'; answer: ChildStatistics };

/** `GET /api/statistics/children?by=…` for the chosen dimension (loading until its answer is in). */
const useChildStatistics = (by: Dimension, enabled: boolean): Load => {
  const [result, setResult] = useState<{ by: Dimension; load: Load }>();
  useEffect(() => {
    if (!enabled) return;
    let current = true;
    httpClient(`/api/statistics/children?by=${encodeURIComponent(by)}`)
      .then(({ json }) => {
        if (current) setResult({ by, load: { state: 'done', answer: json as ChildStatistics } });
      })
      .catch((error: unknown) => {
        const message = error instanceof Error ? error.message : 'ra.notification.http_error';
        if (current) setResult({ by, load: { state: 'error', message } });
      });
    return () => {
      current = false;
    };
  }, [by, enabled]);
  return result?.by === by ? result.load : { state: 'loading' };
};

const StatisticsTable = ({ answer, by }: { answer: ChildStatistics; by: Dimension }) => {
  const translate = useTranslate();
  const { rows, total } = presentCells(answer);
  const withheld = translate('app.statistics.withheld');
  return (
    <Table size="small" sx={{ maxWidth: 560 }} data-testid="statistics-table">
      <TableHead>
        <TableRow>
          <TableCell>{translate(`app.statistics.dimensions.${by}`)}</TableCell>
          <TableCell align="right">{translate('app.statistics.children')}</TableCell>
        </TableRow>
      </TableHead>
      <TableBody>
        {rows.map((row) => (
          <TableRow key={row.key}>
            <TableCell>{translate(keyLabel[by](row.key), { _: row.key })}</TableCell>
            <TableCell align="right" sx={{ fontVariantNumeric: 'tabular-nums' }}>
              {row.kind === 'protected' ? `${withheld}*` : row.text}
            </TableCell>
          </TableRow>
        ))}
        <TableRow>
          <TableCell component="th" sx={{ fontWeight: 600 }}>
            {translate('app.statistics.total')}
          </TableCell>
          <TableCell align="right" sx={{ fontWeight: 600, fontVariantNumeric: 'tabular-nums' }}>
            {total.text}
          </TableCell>
        </TableRow>
      </TableBody>
    </Table>
  );
};

/**
 * Statistika: children in the register counted by one dimension, for analysts and the department.
 * No names or codes: the API answers counts only and withholds small ones (see the note).
 */
export const StatisticsPage = () => {
  useAuthenticated();
  const translate = useTranslate();
  const { canAccess, isPending } = useCanAccess({ resource: 'statistics', action: 'read' });
  const [params, setParams] = useSearchParams();
  const by: Dimension = isDimension(params.get('by')) ? (params.get('by') as Dimension) : 'status';
  const load = useChildStatistics(by, canAccess === true);
  const threshold = load.state === 'done' ? load.answer.threshold : 5;
  const protectedCells =
    load.state === 'done' && presentCells(load.answer).rows.some((r) => r.kind === 'protected');

  return (
    <Box sx={{ py: 2, maxWidth: 1100 }}>
      <Title title={translate('app.statistics.title')} />
      <Card>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom>
            {translate('app.statistics.heading')}
          </Typography>
          {!isPending && !canAccess ? (
            <Alert severity="warning">{translate('app.statistics.not_allowed')}</Alert>
          ) : (
            <>
              <ToggleButtonGroup
                exclusive
                size="small"
                color="primary"
                value={by}
                onChange={(_, value: unknown) => {
                  if (isDimension(value)) setParams({ by: value }, { replace: true });
                }}
                aria-label={translate('app.statistics.dimension')}
                sx={{ mb: 2, flexWrap: 'wrap' }}
              >
                {dimensions.map((d) => (
                  <ToggleButton key={d} value={d} sx={{ textTransform: 'none' }}>
                    {translate(`app.statistics.dimensions.${d}`)}
                  </ToggleButton>
                ))}
              </ToggleButtonGroup>
              {load.state === 'loading' && <CircularProgress size={24} sx={{ display: 'block' }} />}
              {load.state === 'error' && <Alert severity="error">{translate(load.message)}</Alert>}
              {load.state === 'done' && (
                <>
                  <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
                    {translate('app.statistics.reference_date', {
                      date: formatLvDate(load.answer.referenceDate),
                    })}
                  </Typography>
                  <StatisticsTable answer={load.answer} by={by} />
                </>
              )}
              <Typography
                variant="body2"
                color="text.secondary"
                sx={{ mt: 2, maxWidth: 800 }}
                data-testid="statistics-note"
              >
                {translate('app.statistics.small_note', { threshold })}
              </Typography>
              {protectedCells && (
                <Typography variant="body2" color="text.secondary" sx={{ mt: 1, maxWidth: 800 }}>
                  {translate('app.statistics.protected_note')}
                </Typography>
              )}
            </>
          )}
        </CardContent>
      </Card>
    </Box>
  );
};
