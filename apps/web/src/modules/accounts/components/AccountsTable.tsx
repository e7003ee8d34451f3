import { Space, Table, Tag, Typography, type TableColumnsType } from 'antd';
import { Link } from 'react-router';
import type { TAccount } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { AccountAvatar } from './AccountAvatar';
import { PlatformTag } from './PlatformTag';
import { ProfileScore } from './ProfileScore';

export function AccountsTable({ accounts, loading }: { accounts: TAccount[]; loading: boolean }) {
  const { t } = useI18n();
  const ws = useWorkspace();

  const columns: TableColumnsType<TAccount> = [
    {
      key: 'platform',
      title: t('account.field.platform'),
      width: 150,
      render: (_, a) => <PlatformTag platform={a.platform} />,
    },
    {
      key: 'name',
      title: t('account.field.name'),
      render: (_, a) => (
        <Space>
          <AccountAvatar account={a} />
          <Link to={ws.path(`accounts/${a.id}`)} data-testid={`account-link-${a.id}`}>
            {a.name}
          </Link>
        </Space>
      ),
    },
    {
      key: 'handle',
      title: t('account.field.handle'),
      render: (_, a) =>
        a.handle ? <Typography.Text type="secondary">{a.handle}</Typography.Text> : '—',
    },
    {
      key: 'purpose',
      title: t('account.field.purpose'),
      render: (_, a) => (a.purpose ? t(`account.purpose.${a.purpose}`) : '—'),
    },
    {
      key: 'score',
      title: t('account.field.profileScore'),
      width: 110,
      render: (_, a) => <ProfileScore score={a.profileCheck.score} size={36} />,
    },
    {
      key: 'status',
      title: t('account.field.status'),
      width: 100,
      render: (_, a) =>
        a.status === 'active' ? (
          <Tag color="green">{t('account.status.active')}</Tag>
        ) : (
          <Tag>{t('account.status.archived')}</Tag>
        ),
    },
  ];

  return (
    <Table<TAccount>
      rowKey="id"
      columns={columns}
      dataSource={accounts}
      loading={loading}
      pagination={accounts.length > 20 ? { pageSize: 20, showSizeChanger: false } : false}
      scroll={{ x: 760 }}
      data-testid="accounts-table"
    />
  );
}
