import { useEffect } from 'react';
import { useT } from '../app/i18n/context';

/** Sets the browser tab title to "<title> · 运策". */
export function useDocumentTitle(title: string | undefined) {
  const t = useT();
  const app = t('app.name');
  useEffect(() => {
    document.title = title ? `${title} · ${app}` : app;
  }, [title, app]);
}
