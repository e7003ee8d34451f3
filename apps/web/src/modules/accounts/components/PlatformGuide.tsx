import { Card, Empty, Space, Tag, Typography } from 'antd';
import { BulbOutlined } from '@ant-design/icons';
import type { TPlatform } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import {
  PLATFORM_INFO,
  PLATFORM_TYPE_INFO,
  platformGuide,
  platformName,
  type TLengthLimit,
} from '../platforms';

function LimitText({ limit }: { limit: TLengthLimit }) {
  const { t } = useI18n();
  if (limit.max === null) return <>{t('account.guide.noLimit')}</>;
  return (
    <>
      {t('account.guide.maxChars', { max: limit.max })}
      {limit.lengthUnit === 'weighted' ? `（${t('account.guide.weighted')}）` : null}
    </>
  );
}

/** What the chosen platform is good for: type, strengths, content forms, audience, tips, limits. */
export function PlatformGuide({ platform }: { platform: TPlatform | undefined }) {
  const { locale, t } = useI18n();
  if (!platform) {
    return (
      <Card title={t('account.guide.title')} data-testid="platform-guide">
        <Empty description={t('account.guide.choose')} image={Empty.PRESENTED_IMAGE_SIMPLE} />
      </Card>
    );
  }
  const info = PLATFORM_INFO[platform];
  const guide = platformGuide(platform, locale);
  const type = PLATFORM_TYPE_INFO[info.type];
  return (
    <Card
      title={t('account.guide.titleFor', { platform: platformName(platform, locale) })}
      extra={<Tag color="blue">{type.name[locale]}</Tag>}
      data-testid="platform-guide"
    >
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        <Typography.Paragraph style={{ margin: 0 }}>{guide.summary}</Typography.Paragraph>
        <Typography.Text type="secondary" style={{ fontSize: 12 }}>
          {type.description[locale]}
        </Typography.Text>
        <section>
          <Typography.Text strong>{t('account.guide.strengths')}</Typography.Text>
          <ul className="yc-plain-list">
            {guide.strengths.map((s) => (
              <li key={s}>{s}</li>
            ))}
          </ul>
        </section>
        <section>
          <Typography.Text strong>{t('account.guide.contentForms')}</Typography.Text>
          <div style={{ marginTop: 4 }}>
            {guide.contentForms.map((f) => (
              <Tag key={f} style={{ marginBottom: 4 }}>
                {f}
              </Tag>
            ))}
          </div>
        </section>
        <section>
          <Typography.Text strong>{t('account.guide.audience')}</Typography.Text>
          <Typography.Paragraph style={{ margin: 0 }}>{guide.audience}</Typography.Paragraph>
        </section>
        {guide.tips.length > 0 ? (
          <section>
            <Typography.Text strong>
              <BulbOutlined /> {t('account.guide.tips')}
            </Typography.Text>
            <ul className="yc-plain-list">
              {guide.tips.map((tip) => (
                <li key={tip}>{tip}</li>
              ))}
            </ul>
          </section>
        ) : null}
        <section>
          <Typography.Text strong>{t('account.guide.limits')}</Typography.Text>
          <div>
            {t('account.field.name')}: <LimitText limit={info.limits.name} />
          </div>
          <div>
            {t('account.field.bio')}: <LimitText limit={info.limits.bio} />
          </div>
          {info.limits.verified ? null : (
            <Typography.Text type="secondary" style={{ fontSize: 12 }}>
              {t('account.guide.limitsApprox')}
            </Typography.Text>
          )}
        </section>
      </Space>
    </Card>
  );
}
