/**
 * providers/: how the console talks to the API — the data provider (this file), the HTTP client
 * with the access token, sign-in, refresh and the session (authProvider, session), what the role
 * may open (canAccess), a 400's field errors, the environment. Screens live in their resource
 * folders.
 */
import simpleRestProvider from 'ra-data-simple-rest';

import { httpClient } from './http';

/**
 * Plain ra-data-simple-rest against `/api`: lists use `?sort=["name","ASC"]&range=[0,24]&filter={...}`
 * and read the total from the `Content-Range` header; updates are `PUT /api/<resource>/<id>` with the
 * whole record (including `version`).
 */
export const dataProvider = simpleRestProvider('/api', httpClient);
