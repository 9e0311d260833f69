import { formatLvDate } from '@adoption/model';
import { Alert, Box, Typography } from '@mui/material';
import { useQuery } from '@tanstack/react-query';
import { useCanAccess, useRecordContext, useTranslate } from 'react-admin';

import { httpClient } from '../providers/http';

interface Summary {
  total: number;
  reasoned: number;
  unreasoned: number;
  declinedOffers: number;
  rule: { count: number; withinMonths: number; pauseMonths: number; appliesTo: string };
  outcome: {
    applies: boolean;
    unreasonedRecent: number;
    windowFrom: string;
    triggeredOn: string | null;
    pausedUntil: string | null;
    paused: boolean;
    suggestCourtReview: boolean;
  };
}

/**
 * The adopter's refusals counted, with the refusal rule evaluated
 * (`GET /api/adopters/:id/refusals-summary`): shown to those who work with offers.
 */
// `label={false}`: the record sheet gives the panel a row of its own, without a field label.
export const RefusalsPanel = (_props: { label?: false }) => {
  const record = useRecordContext();
  const translate = useTranslate();
  const { canAccess } = useCanAccess({ resource: 'offers', action: 'read' });
  const { data } = useQuery({
    queryKey: ['refusals-summary', record?.id, record?.version],
    queryFn: async () =>
      (await httpClient(`/api/adopters/${record!.id}/refusals-summary`)).json as Summary,
    enabled: !!record && !!canAccess,
  });
  if (!data || !canAccess) return null;
  const { rule, outcome } = data;
  return (
    <Box sx={{ mb: 2 }} data-testid="refusals-panel">
      <Typography variant="body2">
        {translate('app.offers.refusals.counts', {
          total: data.total,
          reasoned: data.reasoned,
          unreasoned: data.unreasoned,
          declined: data.declinedOffers,
        })}
      </Typography>
      <Typography variant="body2" color="text.secondary">
        {translate(
          rule.appliesTo === 'all'
            ? 'app.offers.refusals.rule_all'
            : 'app.offers.refusals.rule_foreign',
          { count: rule.count, months: rule.withinMonths, pause: rule.pauseMonths },
        )}
      </Typography>
      {outcome.applies && (
        <Typography variant="body2" color="text.secondary">
          {translate('app.offers.refusals.recent', {
            count: outcome.unreasonedRecent,
            from: formatLvDate(outcome.windowFrom),
          })}
        </Typography>
      )}
      {outcome.paused && (
        <Alert severity="warning" sx={{ mt: 1 }}>
          {translate('app.offers.refusals.paused', {
            until: formatLvDate(outcome.pausedUntil),
          })}
        </Alert>
      )}
      {outcome.suggestCourtReview && (
        <Alert severity="info" sx={{ mt: 1 }}>
          {translate('app.offers.refusals.court_review', {
            date: formatLvDate(outcome.triggeredOn),
          })}
        </Alert>
      )}
    </Box>
  );
};
