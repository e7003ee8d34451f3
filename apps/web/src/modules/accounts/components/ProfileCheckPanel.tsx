import { Button, Card, Empty, Space, Tag, Typography } from 'antd';
import {
  CheckCircleOutlined,
  CloseCircleFilled,
  ExclamationCircleFilled,
  InfoCircleFilled,
} from '@ant-design/icons';
import type { TAccount, TProfileIssue } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { ProfileScore } from './ProfileScore';

const SEVERITY_ORDER: Record<TProfileIssue['severity'], number> = { error: 0, warn: 1, info: 2 };

function SeverityIcon({ severity }: { severity: TProfileIssue['severity'] }) {
  switch (severity) {
    case 'error':
      return <CloseCircleFilled style={{ color: '#ff4d4f' }} />;
    case 'warn':
      return <ExclamationCircleFilled style={{ color: '#faad14' }} />;
    case 'info':
      return <InfoCircleFilled style={{ color: '#1677ff' }} />;
  }
}

/**
 * The server's profile check (already in the reader's language): score, then each issue with
 * its fix, worst first. "Mark reviewed" records that the info was checked and is current.
 */
export function ProfileCheckPanel({
  account,
  canWrite,
  onMarkReviewed,
  marking,
}: {
  account: TAccount;
  canWrite: boolean;
  onMarkReviewed: () => void;
  marking: boolean;
}) {
  const t = useT();
  const { score, issues } = account.profileCheck;
  const sorted = [...issues].sort(
    (a, b) => SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity],
  );

  return (
    <Card title={t('account.check.title')} data-testid="profile-check">
      <Space align="center" size="large" style={{ marginBottom: 12 }}>
        <div data-testid="profile-score">
          <ProfileScore score={score} size={72} />
        </div>
        <div>
          <Typography.Text type="secondary">{t('account.check.reviewedAt')}</Typography.Text>
          <div>
            {account.infoReviewedAt ? (
              <DateTime value={account.infoReviewedAt} />
            ) : (
              t('account.check.neverReviewed')
            )}
          </div>
        </div>
      </Space>
      {sorted.length === 0 ? (
        <Empty
          image={<CheckCircleOutlined style={{ fontSize: 40, color: '#52c41a' }} />}
          description={t('account.check.noIssues')}
        />
      ) : (
        <div role="list">
          {sorted.map((issue) => (
            <div
              key={`${issue.code}:${issue.field}`}
              role="listitem"
              className="yc-issue"
              data-testid="profile-issue"
              data-code={issue.code}
              data-severity={issue.severity}
            >
              <span
                className="yc-issue-icon"
                aria-label={t(`account.check.severity.${issue.severity}`)}
              >
                <SeverityIcon severity={issue.severity} />
              </span>
              <div>
                <div>
                  <Typography.Text strong>{issue.message}</Typography.Text>{' '}
                  <Tag style={{ marginLeft: 4 }}>
                    {t(`account.check.severity.${issue.severity}`)}
                  </Tag>
                </div>
                <Typography.Text type="secondary">
                  {t('account.check.fix', { fix: issue.fix })}
                </Typography.Text>
              </div>
            </div>
          ))}
        </div>
      )}
      {canWrite ? (
        <>
          <Button
            style={{ marginTop: 12 }}
            onClick={onMarkReviewed}
            loading={marking}
            data-testid="mark-reviewed"
          >
            {t('account.check.markReviewed')}
          </Button>
          <Typography.Paragraph
            type="secondary"
            style={{ marginTop: 8, marginBottom: 0, fontSize: 12 }}
          >
            {t('account.check.markReviewedHint')}
          </Typography.Paragraph>
        </>
      ) : null}
    </Card>
  );
}
