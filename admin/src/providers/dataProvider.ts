import simpleRestProvider from 'ra-data-simple-rest';

import { httpClient } from './http';

/**
 * Plain ra-data-simple-rest against `/api`: lists use `?sort=["name","ASC"]&range=[0,24]&filter={...}`
 * and read the total from the `Content-Range` header; updates are `PUT /api/<resource>/<id>` with the
 * whole record (including `version`).
 */
export const dataProvider = simpleRestProvider('/api', httpClient);
