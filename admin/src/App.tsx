import { Admin, CustomRoutes, localStorageStore, Resource, useTranslate } from 'react-admin';
import { Route } from 'react-router-dom';

import { ForgotPasswordPage } from './auth/ForgotPasswordPage';
import { SetPasswordPage } from './auth/SetPasswordPage';

import adopters from './adopters';
import careProviders from './care-providers';
import children from './children';
import siblingGroups from './sibling-groups';
import countries from './countries';
import { Dashboard, FairnessPage } from './dashboard';
import { i18nProvider } from './i18n/i18nProvider';
import { Layout, lightTheme, Login } from './layout';
import orphanCourts from './orphan-courts';
import { authProvider } from './providers/authProvider';
import { dataProvider } from './providers/dataProvider';
import { StatisticsPage } from './statistics';
import territories from './territories';
import users from './users';
import auditEvents from './audit';
import outgoingMail from './outgoing-mail';
import changeRequests from './change-requests';
import jobs from './jobs';
import mailCampaigns from './mail-campaigns';
import offers, { overrideRequests } from './offers';
import registerDifferences from './register-differences';
import {
  AdopterSelectionPage,
  ChildSelectionPage,
  GroupSelectionPage,
  selectionParameters,
  selections,
} from './selection';

const AppTitle = () => {
  const translate = useTranslate();
  return <>{translate('app.title')}</>;
};

const store = localStorageStore(undefined, 'AdoptionRegister');

/*
 * No `requireAuth` on <Admin>: with react-admin 5.15.4 and react-router 7 it makes the first visit
 * loop (CoreAdminRoutes mounts LogoutOnMount, whose logout clears the query cache, which re-runs
 * checkAuth and remounts it, and the router's navigation to /login — a React transition — never
 * commits; hundreds of history.pushState calls, blank page). Every page still checks the session
 * before loading data (list/show/edit controllers and the dashboard call checkAuth), so an
 * anonymous visitor is sent to the login page; the API is the guard in any case.
 */
export const App = () => (
  <Admin
    title={<AppTitle />}
    dataProvider={dataProvider}
    authProvider={authProvider}
    i18nProvider={i18nProvider}
    store={store}
    layout={Layout}
    loginPage={Login}
    dashboard={Dashboard}
    theme={lightTheme}
    darkTheme={null}
    defaultTheme="light"
    disableTelemetry
  >
    <Resource name="children" {...children} />
    <Resource name="adopters" {...adopters} />
    <Resource name="sibling-groups" {...siblingGroups} />
    <Resource name="change-requests" {...changeRequests} />
    <Resource name="register-differences" {...registerDifferences} />
    <Resource name="offers" {...offers} />
    <Resource name="override-requests" {...overrideRequests} />
    <Resource name="selections" {...selections} />
    <Resource name="selection-parameters" {...selectionParameters} />
    <Resource name="territories" {...territories} />
    <Resource name="orphan-courts" {...orphanCourts} />
    <Resource name="care-providers" {...careProviders} />
    <Resource name="countries" {...countries} />
    <Resource name="users" {...users} />
    <Resource name="audit-events" {...auditEvents} />
    <Resource name="outgoing-mail" {...outgoingMail} />
    <Resource name="mail-campaigns" {...mailCampaigns} />
    <Resource name="jobs" {...jobs} />
    <CustomRoutes>
      <Route path="/statistics" element={<StatisticsPage />} />
      <Route path="/fairness" element={<FairnessPage />} />
      <Route path="/adopters/:id/selection" element={<AdopterSelectionPage />} />
      <Route path="/children/:id/selection" element={<ChildSelectionPage />} />
      <Route path="/sibling-groups/:id/selection" element={<GroupSelectionPage />} />
    </CustomRoutes>
    {/* Reached from e-mailed links and the sign-in page, without signing in. */}
    <CustomRoutes noLayout>
      <Route path="/set-password" element={<SetPasswordPage />} />
      <Route path="/forgot-password" element={<ForgotPasswordPage />} />
    </CustomRoutes>
  </Admin>
);

export default App;
