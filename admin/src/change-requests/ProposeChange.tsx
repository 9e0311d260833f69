import { proposalGroups } from '@adoption/model';
import { Alert, Card, Typography } from '@mui/material';
import { useState, type ReactNode } from 'react';
import {
  AutocompleteInput,
  BooleanInput,
  FormDataConsumer,
  HttpError,
  Loading,
  ReferenceInput,
  ResourceContextProvider,
  SaveButton,
  SaveContextProvider,
  SelectInput,
  SimpleForm,
  TextInput,
  Title,
  Toolbar,
  useGetIdentity,
  useGetOne,
  useNotify,
  useRedirect,
  useTranslate,
} from 'react-admin';

import { HealthInputs, longText } from '../children/ChildFormSections';
import { careFormChoices } from '../choices';
import { childTransform, inInstitution } from '../children/transform';
import { httpClient } from '../providers/http';
import { LvDateInput } from '../common/LvDateInput';
import { SeparationInputs } from '../sibling-groups/SeparationInputs';
import { clearSeparation, memberName } from '../sibling-groups/members';
import type { SiblingGroupMember } from '../types';
import { changedValues, proposalFormErrors, type ProposalResource } from './steps';
import { wholeRecord } from '../providers/dataProvider';

type Values = Record<string, unknown>;
const COMMENT = 'proposalComment';

const Heading = ({ text }: { text: string }) => {
  const translate = useTranslate();
  return (
    <Typography variant="subtitle1" component="h3" sx={{ mt: 2, mb: 1, fontWeight: 600 }}>
      {translate(text)}
    </Typography>
  );
};

const providerInput = (
  <FormDataConsumer>
    {({ formData }) =>
      inInstitution(formData) && (
        <ReferenceInput
          source="careProviderId"
          reference="care-providers"
          sort={{ field: 'name', order: 'ASC' }}
          perPage={50}
        >
          <AutocompleteInput sx={{ minWidth: 360 }} />
        </ReferenceInput>
      )
    }
  </FormDataConsumer>
);

/** The inputs of one group of fields a role is responsible for (the model's proposalGroups). */
const groupInputs: Record<string, ReactNode> = {
  health: <HealthInputs />,
  development: (
    <>
      <TextInput source="personality" {...longText} />
      <TextInput source="development" {...longText} />
      <TextInput source="relativesContact" {...longText} />
    </>
  ),
  placement: (
    <>
      <SelectInput source="careForm" choices={careFormChoices} />
      {providerInput}
    </>
  ),
  care_decision: (
    <>
      <SelectInput source="careForm" choices={careFormChoices} />
      <ReferenceInput
        source="careOrphanCourtId"
        reference="orphan-courts"
        sort={{ field: 'name', order: 'ASC' }}
        perPage={50}
      >
        <AutocompleteInput sx={{ minWidth: 360 }} />
      </ReferenceInput>
      <TextInput source="careDecisionNumber" />
      <LvDateInput source="careDecisionDate" />
      {providerInput}
    </>
  ),
  abroad: (
    <>
      <BooleanInput source="clearedAbroad" helperText="app.card.abroad_help" />
      <FormDataConsumer>
        {({ formData }) =>
          formData.clearedAbroad === true && (
            <>
              <TextInput source="abroadCourtDecisionNumber" />
              <LvDateInput source="abroadCourtDecisionDate" />
            </>
          )
        }
      </FormDataConsumer>
    </>
  ),
  legal_status: (
    <>
      <BooleanInput source="legallyFree" helperText="app.card.legally_free_help" />
      <TextInput source="legalStatusNote" {...longText} />
    </>
  ),
  separation: <SeparationInputs />,
};

/**
 * Per register: what the form sends (hidden inputs' stale values cleared, as the record's own
 * form does), the page's texts and the record's name over the inputs.
 */
const forms: Record<
  ProposalResource,
  { transform(values: Values): Values; texts: string; name(record: Values): string }
> = {
  children: {
    transform: childTransform,
    texts: 'child',
    name: (child) => `${String(child.surname ?? '')} ${String(child.givenNames ?? '')}`.trim(),
  },
  'sibling-groups': {
    transform: clearSeparation,
    texts: 'sibling_group',
    name: (group) => ((group.children ?? []) as SiblingGroupMember[]).map(memberName).join(', '),
  },
};

/**
 * "Propose a change" of a child or a sibling group: the record's current values in inputs for
 * exactly the fields the user's organisation is responsible for; only what was changed is sent,
 * as a change request. The record itself changes only when a specialist accepts it.
 */
export const ProposeChange = ({
  resource,
  recordId,
}: {
  resource: ProposalResource;
  recordId: string;
}) => {
  const translate = useTranslate();
  const notify = useNotify();
  const redirect = useRedirect();
  const { identity } = useGetIdentity();
  const { data: record, isPending, error } = useGetOne(resource, { id: recordId, ...wholeRecord });
  const [saving, setSaving] = useState(false);
  const groups = proposalGroups(identity?.role, resource);
  const fields = groups.flatMap((g) => g.fields);
  const form = forms[resource];

  const save = async (values: Values) => {
    const changes = changedValues(record ?? {}, form.transform(values), fields);
    if (Object.keys(changes).length === 0) {
      notify('app.change_requests.nothing_changed', { type: 'warning' });
      return undefined;
    }
    setSaving(true);
    try {
      const comment = typeof values[COMMENT] === 'string' ? values[COMMENT] : '';
      const { json } = await httpClient('/api/change-requests', {
        method: 'POST',
        body: JSON.stringify({
          resource,
          kind: 'update',
          recordId: Number(recordId),
          changes,
          comment,
        }),
      });
      notify('app.change_requests.done.sent', { type: 'success' });
      redirect(`/change-requests/${(json as { id: number }).id}/show`);
      return undefined;
    } catch (e) {
      const errors = e instanceof HttpError ? proposalFormErrors(e.body) : undefined;
      // Errors under their inputs are in the user's language; the API's own text only otherwise.
      notify(errors ? 'ra.message.invalid_form' : (e as Error).message, { type: 'error' });
      return errors;
    } finally {
      setSaving(false);
    }
  };

  if (isPending || !identity) return <Loading />;
  if (error || !record)
    return <Alert severity="error">{translate('app.change_requests.record_not_visible')}</Alert>;
  if (fields.length === 0) {
    return (
      <Alert severity="info" sx={{ mt: 2 }}>
        {translate('app.change_requests.nothing_to_propose')}
      </Alert>
    );
  }
  return (
    <ResourceContextProvider value={resource}>
      <SaveContextProvider value={{ save, saving, mutationMode: 'pessimistic' }}>
        <Title title={translate(`app.change_requests.title_propose.${form.texts}`)} />
        <Card sx={{ mt: 2 }}>
          <SimpleForm
            record={record}
            toolbar={
              <Toolbar>
                <SaveButton label="app.change_requests.send" />
              </Toolbar>
            }
            sx={{ maxWidth: 1000 }}
          >
            <Typography variant="h6" component="h2">
              {form.name(record)}
            </Typography>
            <Alert severity="info" sx={{ my: 1 }}>
              {translate(`app.change_requests.propose_help.${form.texts}`)}
            </Alert>
            {groups.map(({ group }) => (
              <div key={group} data-group={group}>
                <Heading text={`app.change_requests.groups.${group}`} />
                {groupInputs[group]}
              </div>
            ))}
            <TextInput
              source={COMMENT}
              label="app.change_requests.comment_to_specialist"
              multiline
              minRows={2}
              fullWidth
            />
          </SimpleForm>
        </Card>
      </SaveContextProvider>
    </ResourceContextProvider>
  );
};
