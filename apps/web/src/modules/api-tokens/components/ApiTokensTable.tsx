import { App, Button, Popconfirm, Table, Tag, Typography, type TableColumnsType } from 'antd';
import type { TApiToken } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { RoleTag } from '../../../ui/RoleTag';
import { EmptyState, ErrorState } from '../../../ui/states';
import { useErrorMessage } from '../../../ui/use-error-message';
import { useApiTokens, useRevokeApiToken } from '../api';
import { buttonWithTestId } from '../../../ui/test-id';

export function ApiTokensTable({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const tokens = useApiTokens(workspaceId);
  const revoke = useRevokeApiToken(workspaceId);

  if (tokens.isError)
    return <ErrorState error={tokens.error} onRetry={() => void tokens.refetch()} />;

  const columns: TableColumnsType<TApiToken> = [
    { key: 'name', title: t('apiTokens.name'), dataIndex: 'name' },
    {
      key: 'prefix',
      title: t('apiTokens.prefix'),
      render: (_, tok) => <Typography.Text code>{tok.prefix}…</Typography.Text>,
    },
    { key: 'role', title: t('members.role'), render: (_, tok) => <RoleTag role={tok.role} /> },
    {
      key: 'created',
      title: t('common.createdAt'),
      render: (_, tok) => <DateTime value={tok.createdAt} />,
    },
    {
      key: 'used',
      title: t('apiTokens.lastUsedAt'),
      render: (_, tok) =>
        tok.lastUsedAt ? <DateTime value={tok.lastUsedAt} /> : t('apiTokens.neverUsed'),
    },
    {
      key: 'status',
      title: t('invitations.status'),
      render: (_, tok) =>
        tok.revokedAt ? (
          <Tag>{t('apiTokens.revoked')}</Tag>
        ) : (
          <Tag color="green">{t('apiTokens.active')}</Tag>
        ),
    },
    {
      key: 'actions',
      title: '',
      width: 100,
      render: (_, tok) =>
        tok.revokedAt ? null : (
          <Popconfirm
            title={t('apiTokens.revoke.confirm', { name: tok.name })}
            description={t('apiTokens.revoke.confirmBody')}
            okText={t('apiTokens.revoke.button')}
            okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutate(tok.id, {
                onSuccess: () => void message.success(t('apiTokens.revoke.done')),
                onError: (error) => void message.error(errorMessage(error)),
              })
            }
          >
            <Button danger type="text" data-testid={`api-token-revoke-${tok.id}`}>
              {t('apiTokens.revoke.button')}
            </Button>
          </Popconfirm>
        ),
    },
  ];

  return (
    <Table<TApiToken>
      rowKey="id"
      columns={columns}
      dataSource={tokens.data ?? []}
      loading={tokens.isPending}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState description={t('apiTokens.empty')} /> }}
      data-testid="api-tokens-table"
    />
  );
}
