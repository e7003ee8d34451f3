import { z } from 'zod';
import type { App } from '../../platform/http/types';
import { memberOf } from '../../platform/http/context';
import { ZWorkspaceParams } from '../workspaces/workspaces.routes';
import type { FilesService } from './files.service';

export function filesRoutes(app: App, deps: { files: FilesService }) {
  app.get(
    '/api/v1/workspaces/:workspaceId/files/:fileId',
    {
      config: { permission: 'workspace.read' },
      schema: {
        tags: ['files'],
        summary: 'Download an uploaded file',
        params: ZWorkspaceParams.extend({ fileId: z.uuid() }),
      },
    },
    async (req, reply) => {
      const f = await deps.files.readFile(memberOf(req), req.params.fileId);
      // Uploaded bytes are served as inert data: sniffed type, no sniffing by the browser, no script.
      return reply
        .header('content-type', f.mimeType)
        .header('x-content-type-options', 'nosniff')
        .header('content-security-policy', "default-src 'none'; sandbox")
        .header('cache-control', 'private, max-age=3600')
        .header('etag', `"${f.sha256}"`)
        .send(f.bytes);
    },
  );
}
