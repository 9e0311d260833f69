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

/**
 * The meta under which a child's or an adopter's card reads its record. A list row lacks the card's
 * free text and sub-lists (the API's `listOmits`), and react-admin seeds its record cache with list
 * rows under the list's meta (none); under this meta the card, its edit form and a proposed change
 * always wait for the whole record (`GET /api/<resource>/:id`), so a form never opens — or saves —
 * a record without its sub-lists.
 */
export const wholeRecord = { meta: { wholeRecord: true } } as const;
