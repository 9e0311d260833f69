import { formatLvDateTime } from '@adoption/model';
import EditIcon from '@mui/icons-material/Edit';
import {
  Box,
  Card,
  CardContent,
  CircularProgress,
  Table,
  TableBody,
  TableCell,
  TableHead,
  TableRow,
  Typography,
} from '@mui/material';
import {
  Button,
  Create,
  Datagrid,
  FunctionField,
  List,
  NumberInput,
  SaveButton,
  SelectInput,
  SimpleForm,
  TextField,
  TextInput,
  Toolbar,
  required,
  useCanAccess,
  useGetOne,
  useTranslate,
} from 'react-admin';
import { useNavigate } from 'react-router-dom';

import { parameterRows, simpleKeys, type ParameterValues } from './outcomes';

// The selection parameters (`#/selection-parameters`): the values in force with what each means,
// the versions, and for an administrator a new version (every value and a reason).

const p = (k: string) => `app.selection.parameters.${k}`;

const Current = () => {
  const translate = useTranslate();
  const navigate = useNavigate();
  const { canAccess } = useCanAccess({ resource: 'selection-parameters', action: 'create' });
  const { data, isPending } = useGetOne<{
    id: number | string;
    version: number;
    values: ParameterValues;
  }>('selection-parameters', { id: 'current' });
  if (isPending) return <CircularProgress />;
  if (!data) return null;
  return (
    <Card sx={{ mb: 2 }}>
      <CardContent>
        <Box sx={{ display: 'flex', alignItems: 'center' }}>
          <Typography variant="h6" sx={{ flex: 1 }}>
            {translate(p('current'), { version: data.version })}
          </Typography>
          {canAccess && (
            <Button label={p('edit')} onClick={() => navigate('/selection-parameters/create')}>
              <EditIcon />
            </Button>
          )}
        </Box>
        <Table size="small">
          <TableHead>
            <TableRow>
              <TableCell />
              <TableCell>{translate(p('value'))}</TableCell>
              <TableCell>{translate(p('meaning'))}</TableCell>
            </TableRow>
          </TableHead>
          <TableBody>
            {parameterRows(data.values, (to) => translate(p(`applies.${to}`))).map((r) => (
              <TableRow key={r.key} data-parameter={r.key}>
                <TableCell>{translate(p(`names.${r.key}`))}</TableCell>
                <TableCell>
                  <b>{r.value}</b>
                </TableCell>
                <TableCell>{translate(p(`meanings.${r.key}`))}</TableCell>
              </TableRow>
            ))}
          </TableBody>
        </Table>
      </CardContent>
    </Card>
  );
};

/** `#/selection-parameters`: the current values, then the versions. */
export const ParametersList = () => {
  const translate = useTranslate();
  return (
    <Box>
      <Box sx={{ mt: 2 }}>
        <Current />
      </Box>
      <Typography variant="h6">{translate(p('versions'))}</Typography>
      <List
        sort={{ field: 'id', order: 'DESC' }}
        actions={false}
        title={p('title')}
        disableSyncWithLocation
      >
        <Datagrid bulkActionButtons={false} rowClick={false}>
          <TextField source="version" label={p('version')} sortable={false} />
          <TextField source="note" label={p('note')} sortable={false} />
          <FunctionField
            source="createdAt"
            label={p('created_at')}
            render={(r: { createdAt: string }) => formatLvDateTime(r.createdAt)}
          />
          <TextField source="createdByName" label={p('created_by')} sortable={false} />
        </Datagrid>
      </List>
    </Box>
  );
};

/** `#/selection-parameters/create`: every value (prefilled with the current ones) and a reason. */
export const ParametersCreate = () => {
  const translate = useTranslate();
  const { data } = useGetOne<{ id: number | string; values: ParameterValues }>(
    'selection-parameters',
    {
      id: 'current',
    },
  );
  if (!data) return <CircularProgress sx={{ mt: 4 }} />;
  return (
    <Create
      title={p('create_title')}
      redirect="list"
      mutationOptions={{ meta: {} }}
      transform={(v: Record<string, unknown>) => v}
    >
      <SimpleForm
        defaultValues={{ ...data.values, note: '' }}
        toolbar={
          <Toolbar>
            <SaveButton />
          </Toolbar>
        }
      >
        {simpleKeys.map((k) => (
          <NumberInput
            key={k}
            source={k}
            label={p(`names.${k}`)}
            helperText={translate(p(`meanings.${k}`))}
            validate={required()}
          />
        ))}
        <NumberInput
          source="refusalRule.count"
          label={p('names.refusalCount')}
          helperText={translate(p('meanings.refusalCount'))}
          validate={required()}
        />
        <NumberInput
          source="refusalRule.withinMonths"
          label={p('names.refusalWithinMonths')}
          helperText={translate(p('meanings.refusalWithinMonths'))}
          validate={required()}
        />
        <NumberInput
          source="refusalRule.pauseMonths"
          label={p('names.refusalPauseMonths')}
          helperText={translate(p('meanings.refusalPauseMonths'))}
          validate={required()}
        />
        <SelectInput
          source="refusalRule.appliesTo"
          label={p('names.refusalAppliesTo')}
          choices={[
            { id: 'foreign', name: p('applies.foreign') },
            { id: 'all', name: p('applies.all') },
          ]}
          validate={required()}
        />
        <TextInput source="note" label={p('note')} multiline fullWidth validate={required()} />
      </SimpleForm>
    </Create>
  );
};
