import { Card, Result, Tag, Typography } from 'antd';
import { ToolOutlined } from '@ant-design/icons';
import { useT } from '../../../app/i18n/context';
import { PageHeader } from '../../../ui/PageHeader';
import { PLANNED_MODULE_TEXT, type TPlannedModule } from '../modules';

/** An honest page for a module that does not exist yet: what it will do, and no made-up data. */
export function PlannedModule({ module }: { module: TPlannedModule }) {
  const t = useT();
  const text = PLANNED_MODULE_TEXT[module];
  return (
    <div data-testid={`planned-${module}`}>
      <PageHeader title={t(text.title)} extra={<Tag>{t('roadmap.notBuiltTag')}</Tag>} />
      <Card>
        <Result
          icon={<ToolOutlined />}
          title={t('roadmap.notBuiltTitle', { module: t(text.title) })}
          subTitle={t(text.summary)}
        >
          <Typography.Paragraph strong>{t('roadmap.willDo')}</Typography.Paragraph>
          <ul className="yc-feature-list">
            {text.features.map((key) => (
              <li key={key}>{t(key)}</li>
            ))}
          </ul>
        </Result>
      </Card>
    </div>
  );
}
