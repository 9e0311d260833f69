import { Typography } from '@mui/material';
import { Create, maxLength, required, SimpleForm, TextInput, useTranslate } from 'react-admin';

import { cleanCriteria } from './criteria';
import { CriteriaInputs } from './CriteriaInputs';
import { RecipientPreview } from './RecipientPreview';

const LetterHelp = () => {
  const translate = useTranslate();
  return (
    <>
      <Typography variant="subtitle1">{translate('app.mail_campaigns.letter')}</Typography>
      <Typography variant="body2" color="text.secondary" sx={{ mb: 1 }}>
        {translate('app.mail_campaigns.letter_help')}
      </Typography>
    </>
  );
};

/** A new notice: conditions → recipients shown → subject and text → kept as a draft. */
export const CampaignCreate = () => (
  <Create
    redirect="show"
    transform={(data: Record<string, unknown>) => ({
      criteria: cleanCriteria(data.criteria as Record<string, unknown>),
      subject: data.subject,
      body: data.body,
    })}
  >
    <SimpleForm defaultValues={{ criteria: { origin: 'latvian' } }}>
      <CriteriaInputs />
      <RecipientPreview />
      <LetterHelp />
      <TextInput source="subject" validate={[required(), maxLength(200)]} fullWidth />
      <TextInput
        source="body"
        validate={[required(), maxLength(10000)]}
        multiline
        minRows={8}
        fullWidth
      />
    </SimpleForm>
  </Create>
);
