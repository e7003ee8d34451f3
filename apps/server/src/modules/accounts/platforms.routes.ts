import type { App } from '../../platform/http/types';
import { PLATFORM_INFO } from '@yunce/core';

export function platformsRoutes(app: App) {
  app.get(
    '/api/v1/platforms',
    {
      config: { public: true },
      schema: {
        tags: ['accounts'],
        summary:
          'Platform guide: type, strengths, content forms, audience and profile limits per platform',
      },
    },
    () => ({ platforms: PLATFORM_INFO }),
  );
}
