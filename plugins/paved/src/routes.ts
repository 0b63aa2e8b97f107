import { createRouteRef } from '@backstage/core-plugin-api';

/** The organisation-wide Decisions page (legacy frontend system). */
export const decisionsRouteRef = createRouteRef({ id: 'paved:decisions' });

/** The fleet page: every cluster, worst first (legacy frontend system). */
export const fleetRouteRef = createRouteRef({ id: 'paved:fleet' });
