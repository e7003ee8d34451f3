import type { ReactNode } from 'react';
import { Card, Typography } from 'antd';
import { useT } from '../i18n/context';
import { LanguageSwitch } from './LanguageSwitch';
import { useDocumentTitle } from '../../ui/use-document-title';

/** The frame of the pages before sign-in: brand, language switch, one card. */
export function AuthLayout({
  title,
  subtitle,
  children,
}: {
  title: string;
  subtitle?: ReactNode;
  children: ReactNode;
}) {
  const t = useT();
  useDocumentTitle(title);
  return (
    <div className="yc-auth">
      <header className="yc-auth-top">
        <div className="yc-auth-brand">
          <span className="yc-logo-mark" style={{ color: '#fff' }}>
            策
          </span>
          <span>{t('app.name')}</span>
        </div>
        <LanguageSwitch />
      </header>
      <main className="yc-auth-main">
        <Card className="yc-auth-card">
          <Typography.Title level={3} style={{ marginTop: 0 }}>
            {title}
          </Typography.Title>
          {subtitle ? (
            <Typography.Paragraph type="secondary">{subtitle}</Typography.Paragraph>
          ) : null}
          {children}
        </Card>
      </main>
    </div>
  );
}
