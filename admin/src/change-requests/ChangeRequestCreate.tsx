import { Alert } from '@mui/material';
import { useLocation } from 'react-router-dom';
import { useTranslate } from 'react-admin';

import { NewChildSheet } from './NewChildSheet';
import { ProposeChange } from './ProposeChange';
import { isProposalResource } from './steps';

/**
 * `/change-requests/create?resource=children&recordId=…` proposes a change of that child (from
 * the child's card, ProposeChangeButton), `?resource=sibling-groups&recordId=…` of a sibling
 * group; `?kind=create` is an orphan court's new child.
 */
export const ChangeRequestCreate = () => {
  const translate = useTranslate();
  const query = new URLSearchParams(useLocation().search);
  if (query.get('kind') === 'create') return <NewChildSheet />;
  const resource = query.get('resource') ?? 'children';
  const recordId = query.get('recordId');
  if (isProposalResource(resource) && recordId && /^\d+$/.test(recordId)) {
    return (
      <ProposeChange key={`${resource}/${recordId}`} resource={resource} recordId={recordId} />
    );
  }
  return (
    <Alert severity="info" sx={{ mt: 2 }}>
      {translate('app.change_requests.start_from_child')}
    </Alert>
  );
};
