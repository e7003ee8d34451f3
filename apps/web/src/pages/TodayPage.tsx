import { Button, Card, Col, Row, Typography } from 'antd';
import { ArrowRightOutlined, SunOutlined } from '@ant-design/icons';
import { useNavigate } from 'react-router';
import { useI18n } from '../app/i18n/context';
import { useSession } from '../app/session';
import { useWorkspace } from '../app/workspace';
import type { MessageKey } from '../app/i18n/messages';
import { PageHeader } from '../ui/PageHeader';
import { useDates } from '../app/format';
import { TodayWork } from '../modules/content/TodayWork';
import { TodayAlerts } from '../modules/analytics/components/TodayAlerts';

// Publishing, approvals, data alerts and goals are live below; these modules are not built yet.
const COMING: readonly MessageKey[] = [
  'today.coming.inbox',
  'today.coming.followUps',
  'today.coming.community',
  'today.coming.incidents',
];

/** Today (今日运营). Until the modules that feed it exist, it says what will appear here. */
export default function TodayPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const { user } = useSession();
  const dates = useDates();
  const navigate = useNavigate();

  return (
    <>
      <PageHeader
        title={t('nav.today')}
        subtitle={t('today.greeting', {
          name: user.displayName,
          date: dates.date(new Date().toISOString()),
        })}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          {ws.role !== 'trainee' ? <TodayWork /> : null}
          <Card
            style={{ marginTop: 16 }}
            title={
              <>
                <SunOutlined /> {t('today.comingTitle')}
              </>
            }
            data-testid="today-coming"
          >
            <Typography.Paragraph type="secondary">{t('today.comingBody')}</Typography.Paragraph>
            <ul className="yc-plain-list" style={{ lineHeight: 1.9 }}>
              {COMING.map((key) => (
                <li key={key}>{t(key)}</li>
              ))}
            </ul>
          </Card>
        </Col>
        <Col xs={24} lg={10}>
          <Card title={t('today.startTitle')}>
            <Typography.Paragraph>{t('today.startBody')}</Typography.Paragraph>
            <Button
              type="primary"
              icon={<ArrowRightOutlined />}
              onClick={() => void navigate(ws.path('accounts'))}
              data-testid="today-goto-accounts"
            >
              {t('today.gotoAccounts')}
            </Button>
          </Card>
          <TodayAlerts />
        </Col>
      </Row>
    </>
  );
}
