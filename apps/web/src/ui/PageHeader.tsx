import type { ReactNode } from 'react';
import { Typography } from 'antd';
import { useDocumentTitle } from './use-document-title';

/** The title row of a page: title, an optional line under it, actions on the right. */
export function PageHeader({
  title,
  subtitle,
  extra,
  documentTitle,
}: {
  title: ReactNode;
  subtitle?: ReactNode;
  extra?: ReactNode;
  /** Browser tab title when `title` is not plain text. */
  documentTitle?: string;
}) {
  useDocumentTitle(documentTitle ?? (typeof title === 'string' ? title : undefined));
  return (
    <div className="yc-page-header">
      <div className="yc-page-header-text">
        <Typography.Title level={3} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subtitle ? <Typography.Text type="secondary">{subtitle}</Typography.Text> : null}
      </div>
      {extra ? <div className="yc-page-header-extra">{extra}</div> : null}
    </div>
  );
}
