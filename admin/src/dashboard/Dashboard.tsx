import {
  Box,
  Card,
  CardActionArea,
  CardContent,
  Typography,
  type SvgIconProps,
} from '@mui/material';
import type { ComponentType } from 'react';
import {
  Link,
  Title,
  useCanAccess,
  useCreatePath,
  useGetIdentity,
  useGetResourceLabel,
  useTranslate,
} from 'react-admin';

import careProviders from '../care-providers';
import countries from '../countries';
import orphanCourts from '../orphan-courts';
import territories from '../territories';
import { ProcessOverview } from './ProcessOverview';

const classifiers: { resource: string; icon: ComponentType<SvgIconProps>; description: string }[] =
  [
    {
      resource: 'territories',
      icon: territories.icon,
      description: 'app.dashboard.cards.territories',
    },
    {
      resource: 'orphan-courts',
      icon: orphanCourts.icon,
      description: 'app.dashboard.cards.orphan_courts',
    },
    {
      resource: 'care-providers',
      icon: careProviders.icon,
      description: 'app.dashboard.cards.care_providers',
    },
    { resource: 'countries', icon: countries.icon, description: 'app.dashboard.cards.countries' },
  ];

const ClassifierCard = ({ resource, icon: Icon, description }: (typeof classifiers)[number]) => {
  const translate = useTranslate();
  const getResourceLabel = useGetResourceLabel();
  const createPath = useCreatePath();
  const { canAccess } = useCanAccess({ resource, action: 'list' });
  if (!canAccess) return null;
  return (
    <Card variant="outlined" data-testid={`dashboard-card-${resource}`}>
      <CardActionArea
        component={Link}
        to={createPath({ resource, type: 'list' })}
        sx={{ height: '100%', alignItems: 'flex-start' }}
      >
        <CardContent sx={{ display: 'flex', gap: 1.5 }}>
          <Icon color="primary" />
          <Box>
            <Typography
              variant="subtitle1"
              component="h3"
              sx={{ fontWeight: 600, lineHeight: 1.3 }}
            >
              {getResourceLabel(resource, 2)}
            </Typography>
            <Typography variant="body2" color="text.secondary">
              {translate(description)}
            </Typography>
          </Box>
        </CardContent>
      </CardActionArea>
    </Card>
  );
};

/**
 * Start page: greeting, what the register is, the adoption process at a glance (specialists and
 * heads of department), the classifier lists.
 */
export const Dashboard = () => {
  const translate = useTranslate();
  const { identity } = useGetIdentity();
  return (
    <Box sx={{ py: 2, maxWidth: 1200 }}>
      <Title title={translate('ra.page.dashboard')} />
      <Card sx={{ mb: 3 }}>
        <CardContent>
          <Typography variant="h5" component="h2" gutterBottom data-testid="dashboard-greeting">
            {identity?.fullName
              ? translate('app.dashboard.greeting', { name: identity.fullName })
              : translate('app.dashboard.greeting_anonymous')}
          </Typography>
          <Typography variant="body1" sx={{ mb: 1, maxWidth: 800 }}>
            {translate('app.dashboard.intro')}
          </Typography>
          <Typography variant="body2" color="text.secondary" sx={{ maxWidth: 800 }}>
            {translate('app.dashboard.restricted')}
          </Typography>
        </CardContent>
      </Card>
      <ProcessOverview />
      <Typography variant="h6" component="h2" sx={{ mb: 1 }}>
        {translate('app.dashboard.classifiers')}
      </Typography>
      <Box
        sx={{
          display: 'grid',
          gridTemplateColumns: 'repeat(auto-fill, minmax(240px, 1fr))',
          gap: 2,
        }}
      >
        {classifiers.map((card) => (
          <ClassifierCard key={card.resource} {...card} />
        ))}
      </Box>
    </Box>
  );
};
