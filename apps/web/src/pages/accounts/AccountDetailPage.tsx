import { App, Button, Card, Col, Popconfirm, Row, Space, Tag } from 'antd';
import { AuditOutlined, EditOutlined, InboxOutlined, RollbackOutlined } from '@ant-design/icons';
import { Link, useNavigate, useParams } from 'react-router';
import { useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccount, useSetAccountArchived, useUpdateAccount } from '../../modules/accounts/api';
import { AccountProfile } from '../../modules/accounts/components/AccountProfile';
import { AvatarUpload } from '../../modules/accounts/components/AvatarUpload';
import { PlatformTag } from '../../modules/accounts/components/PlatformTag';
import { ProfileCheckPanel } from '../../modules/accounts/components/ProfileCheckPanel';
import { ConnectionCard } from '../../modules/accounts/components/ConnectionCard';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';
import { useErrorMessage } from '../../ui/use-error-message';
import { buttonWithTestId } from '../../ui/test-id';

export default function AccountDetailPage() {
  const t = useT();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const { accountId = '' } = useParams();
  const account = useAccount(ws.workspaceId, accountId);
  const update = useUpdateAccount(ws.workspaceId, accountId);
  const archive = useSetAccountArchived(ws.workspaceId, accountId);

  if (account.isPending) return <LoadingState />;
  if (account.isError)
    return <ErrorState error={account.error} onRetry={() => void account.refetch()} />;

  const a = account.data;
  const archived = a.status === 'archived';
  const canWrite = ws.can('accounts.write');

  const setArchived = (value: boolean) =>
    archive.mutate(value, {
      onSuccess: () =>
        void message.success(t(value ? 'account.archive.done' : 'account.unarchive.done')),
      onError: (error) => void message.error(errorMessage(error)),
    });

  const actions = (
    <Space wrap>
      {canWrite && !archived ? (
        <Button
          icon={<EditOutlined />}
          onClick={() => void navigate(ws.path(`accounts/${a.id}/edit`))}
          data-testid="account-edit"
        >
          {t('common.edit')}
        </Button>
      ) : null}
      {ws.can('accounts.archive') ? (
        <Popconfirm
          title={archived ? t('account.unarchive.confirm') : t('account.archive.confirm')}
          description={
            archived ? t('account.unarchive.confirmBody') : t('account.archive.confirmBody')
          }
          okText={archived ? t('account.unarchive.button') : t('account.archive.button')}
          cancelText={t('common.cancel')}
          okButtonProps={buttonWithTestId('confirm-ok', { danger: !archived })}
          onConfirm={() => setArchived(!archived)}
        >
          <Button
            icon={archived ? <RollbackOutlined /> : <InboxOutlined />}
            loading={archive.isPending}
            data-testid={archived ? 'account-unarchive' : 'account-archive'}
          >
            {archived ? t('account.unarchive.button') : t('account.archive.button')}
          </Button>
        </Popconfirm>
      ) : null}
      {ws.can('audit.read') ? (
        <Link
          to={`${ws.path('settings/audit')}?entityType=account&entityId=${encodeURIComponent(a.id)}`}
          data-testid="account-audit-link"
        >
          <AuditOutlined /> {t('account.auditLink')}
        </Link>
      ) : null}
    </Space>
  );

  return (
    <>
      <PageHeader
        title={
          <Space wrap>
            {a.name}
            <PlatformTag platform={a.platform} />
            {archived ? <Tag>{t('account.status.archived')}</Tag> : null}
          </Space>
        }
        documentTitle={a.name}
        subtitle={a.handle ?? undefined}
        extra={actions}
      />
      <Row gutter={[16, 16]}>
        <Col xs={24} lg={14}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('account.avatar.title')}>
              <AvatarUpload account={a} canWrite={canWrite && !archived} />
            </Card>
            <Card title={t('account.section.profile')}>
              <AccountProfile account={a} />
            </Card>
            <ConnectionCard account={a} canWrite={canWrite && !archived} />
          </Space>
        </Col>
        <Col xs={24} lg={10}>
          <ProfileCheckPanel
            account={a}
            canWrite={canWrite && !archived}
            marking={update.isPending}
            onMarkReviewed={() =>
              update.mutate(
                { markReviewed: true },
                {
                  onSuccess: () => void message.success(t('account.check.reviewedDone')),
                  onError: (error) => void message.error(errorMessage(error)),
                },
              )
            }
          />
        </Col>
      </Row>
    </>
  );
}
