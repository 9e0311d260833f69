import { formatLvDate, formatLvDateTime, rigaToday } from '@adoption/model';
import ManageSearchIcon from '@mui/icons-material/ManageSearch';
import { Alert, Box, CircularProgress, Typography } from '@mui/material';
import { useEffect, useState } from 'react';
import {
  Button,
  Datagrid,
  FunctionField,
  List,
  NumberField,
  ReferenceField,
  SelectInput,
  TextField,
  Title,
  useAuthenticated,
  useCanAccess,
  useRecordContext,
  useShowController,
  useTranslate,
} from 'react-admin';
import { useNavigate, useParams } from 'react-router-dom';

import { httpClient } from '../providers/http';
import type { SelectionRun } from './outcomes';
import { RunView } from './RunView';

type Subject = 'adopters' | 'children' | 'sibling-groups';

/**
 * `#/adopters/:id/selection`, `#/children/:id/selection`, `#/sibling-groups/:id/selection`: runs a
 * selection (`POST /api/<subject>/:id/selections`, stored by the API) and shows it.
 */
const NewRun = ({ subject }: { subject: Subject }) => {
  useAuthenticated();
  const { id } = useParams();
  const translate = useTranslate();
  const key = `${subject}/${id}`;
  // The answer for the subject asked (a newer subject shows "selecting…" until its own arrives).
  const [answer, setAnswer] = useState<{ key: string; run?: SelectionRun; error?: string }>();
  useEffect(() => {
    let current = true;
    httpClient(`/api/${key}/selections`, {
      method: 'POST',
      body: JSON.stringify({ runOn: rigaToday() }),
    }).then(
      ({ json }) => current && setAnswer({ key, run: json as SelectionRun }),
      (error: unknown) =>
        current &&
        setAnswer({ key, error: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [key]);
  const state: { run?: SelectionRun; error?: string } = answer?.key === key ? answer : {};
  return (
    <Box>
      <Title
        title={translate(
          subject === 'adopters'
            ? 'app.selection.title_adopter'
            : subject === 'children'
              ? 'app.selection.title_child'
              : 'app.selection.title_group',
        )}
      />
      {state.error && (
        <Alert severity="error" sx={{ mt: 2 }}>
          {state.error}
        </Alert>
      )}
      {!state.run && !state.error && (
        <Box sx={{ display: 'flex', gap: 2, alignItems: 'center', mt: 4 }}>
          <CircularProgress size={24} />
          <Typography>{translate('app.selection.running')}</Typography>
        </Box>
      )}
      {state.run && <RunView run={state.run} />}
    </Box>
  );
};

export const AdopterSelectionPage = () => <NewRun subject="adopters" />;
export const ChildSelectionPage = () => <NewRun subject="children" />;
export const GroupSelectionPage = () => <NewRun subject="sibling-groups" />;

/** "Atlasīt bērnus" (adopter) / "Atlasīt adoptētājus" (child, group): opens the selection screen. */
export const SelectionButton = ({ subject }: { subject: Subject }) => {
  const record = useRecordContext();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'selections', action: 'write' });
  if (!record || !canAccess) return null;
  if (subject === 'adopters' && record.status !== 'waiting') return null;
  return (
    <Button
      label={
        subject === 'adopters' ? 'app.selection.select_children' : 'app.selection.select_adopters'
      }
      onClick={() => navigate(`/${subject}/${record.id}/selection`)}
    >
      <ManageSearchIcon />
    </Button>
  );
};

/** `#/selections/:id/show`: a stored run re-shown exactly as it was (`GET /api/selections/:id`). */
export const SelectionShow = () => {
  const { record, error, isPending } = useShowController<SelectionRun>();
  const translate = useTranslate();
  // Opened from the list, react-admin first shows the list's row (no inputs, no result).
  if (isPending || (record && !record.result)) return <CircularProgress sx={{ mt: 4 }} />;
  if (error || !record)
    return <Alert severity="error">{String((error as Error)?.message ?? '')}</Alert>;
  return (
    <>
      <Title title={translate('app.selection.title_run', { id: record.id })} />
      <RunView run={record} />
    </>
  );
};

const directionChoices = ['for_adopter', 'for_child', 'for_group'].map((id) => ({
  id,
  name: `app.selection.directions.${id}`,
}));

const l = (f: string) => `app.selection.list.${f}`;

/** Whom the run was for: the adopter, child or sibling group, linked. */
const Subject = ({ run }: { run: SelectionRun }) =>
  run.adopterId ? (
    <ReferenceField record={run} source="adopterId" reference="adopters" link="show" />
  ) : run.childId ? (
    <ReferenceField record={run} source="childId" reference="children" link="show" />
  ) : (
    <ReferenceField record={run} source="siblingGroupId" reference="sibling-groups" link="show" />
  );

/** `#/selections`: the stored runs, newest first; a row re-shows its run. */
export const SelectionList = () => {
  const translate = useTranslate();
  return (
    <List
      exporter={false}
      sort={{ field: 'id', order: 'DESC' }}
      filters={[
        <SelectInput
          key="direction"
          source="direction"
          label={l('direction')}
          choices={directionChoices}
          alwaysOn
        />,
      ]}
    >
      <Datagrid rowClick="show" bulkActionButtons={false}>
        <TextField source="id" label="Nr." />
        <FunctionField
          source="direction"
          label={l('direction')}
          sortable={false}
          render={(r: SelectionRun) => translate(`app.selection.directions.${r.direction}`)}
        />
        <FunctionField label={l('subject')} render={(r: SelectionRun) => <Subject run={r} />} />
        <FunctionField
          source="runOn"
          label={l('run_on')}
          render={(r: SelectionRun) => formatLvDate(r.runOn)}
        />
        <NumberField source="proposedCount" label={l('proposed_count')} />
        <TextField source="createdByName" label={l('created_by')} sortable={false} />
        <FunctionField
          source="createdAt"
          label={l('created_at')}
          render={(r: SelectionRun) => formatLvDateTime(r.createdAt)}
        />
      </Datagrid>
    </List>
  );
};
