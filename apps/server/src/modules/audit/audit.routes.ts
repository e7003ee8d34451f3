import { workspaceTimeZone } from '../workspaces/time-zone';
import { ZAuditPage, ZAuditQuery } from '@yunce/contracts';
import { zonedDayStart } from '@yunce/core';
import type { App } from '../../platform/http/types';
import { memberOf } from '../../platform/http/context';
import type { Database } from '../../platform/db/client';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import { listAudit } from './audit.service';

export function auditRoutes(app: App, deps: { database: Database }) {
  app.get(
    '/api/v1/workspaces/:workspaceId/audit',
    {
      config: { permission: 'audit.read' },
      schema: {
        tags: ['audit'],
        summary: 'The audit log, newest first; dates are days in the workspace time zone',
        params: ZWorkspaceParams,
        querystring: ZAuditQuery,
        response: { 200: ZAuditPage },
      },
    },
    async (req) => {
      const member = memberOf(req);
      const tz = await workspaceTimeZone(deps.database.db, member.workspaceId);
      return listAudit(deps.database.db, member.workspaceId, req.query, (d) =>
        zonedDayStart(d, tz),
      );
    },
  );
}
