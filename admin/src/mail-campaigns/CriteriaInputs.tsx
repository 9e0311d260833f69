import { Box, Typography } from '@mui/material';
import { NumberInput, SelectInput, useTranslate } from 'react-admin';

import { adopterOriginChoices, sexChoices } from '../choices';

/** The conditions a recipient must meet (all given ones). */
export const CriteriaInputs = () => {
  const translate = useTranslate();
  return (
    <Box sx={{ width: '100%' }}>
      <Typography variant="subtitle1">{translate('app.mail_campaigns.criteria')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.mail_campaigns.criteria_help')}
      </Typography>
      <Box sx={{ display: 'flex', flexWrap: 'wrap', columnGap: 2 }}>
        <SelectInput
          source="criteria.origin"
          choices={adopterOriginChoices}
          emptyText="app.mail_campaigns.any"
        />
        <NumberInput source="criteria.waitingMoreThanMonths" min={0} max={600} step={1} />
        <NumberInput source="criteria.fitsGroupOfSize" min={1} max={12} step={1} />
        <NumberInput source="criteria.fitsAge" min={0} max={17} step={1} />
        <SelectInput
          source="criteria.fitsSex"
          choices={sexChoices}
          emptyText="app.mail_campaigns.any"
        />
      </Box>
    </Box>
  );
};
