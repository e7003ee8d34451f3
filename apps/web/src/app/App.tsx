import { useEffect, useState } from 'react';
import { App as AntApp, ConfigProvider } from 'antd';
import zhCNAntd from 'antd/locale/zh_CN';
import enUSAntd from 'antd/locale/en_US';
import { QueryClientProvider } from '@tanstack/react-query';
import { RouterProvider } from 'react-router';
import { setUnauthorizedHandler } from './api';
import { I18nProvider, useI18n } from './i18n/context';
import { createQueryClient } from './query-client';
import { createRouter } from './router';
import { resetSession } from './session';
import { theme } from './theme';

const ANTD_LOCALES = { 'zh-CN': zhCNAntd, 'en-US': enUSAntd } as const;

function Themed({ router }: { router: ReturnType<typeof createRouter> }) {
  const { locale } = useI18n();
  return (
    <ConfigProvider locale={ANTD_LOCALES[locale]} theme={theme}>
      <AntApp>
        <RouterProvider router={router} />
      </AntApp>
    </ConfigProvider>
  );
}

export function App() {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);

  useEffect(() => {
    // The session ended (expired, revoked): forget it; the route guard sends the person to sign-in
    // and brings them back to the same page afterwards.
    setUnauthorizedHandler(() => resetSession(queryClient, null));
    return () => setUnauthorizedHandler(null);
  }, [queryClient]);

  return (
    <QueryClientProvider client={queryClient}>
      <I18nProvider
        // Server-side text (profile check, errors) is localised per request: fetch it again.
        onLocaleChange={() => void queryClient.invalidateQueries()}
      >
        <Themed router={router} />
      </I18nProvider>
    </QueryClientProvider>
  );
}
