import { App, Button, Popconfirm, Table, Tag, type TableColumnsType } from 'antd';
import type { TInvitation } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { DateTime } from '../../../ui/DateTime';
import { RoleTag } from '../../../ui/RoleTag';
import { EmptyState, ErrorState } from '../../../ui/states';
import { useErrorMessage } from '../../../ui/use-error-message';
import { useInvitations, useRevokeInvitation } from '../api';
import { buttonWithTestId } from '../../../ui/test-id';

const STATUS_COLORS: Record<TInvitation['status'], string> = {
  pending: 'blue',
  accepted: 'green',
  revoked: 'default',
  expired: 'orange',
};

export function InvitationsTable({ workspaceId }: { workspaceId: string }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const invitations = useInvitations(workspaceId);
  const revoke = useRevokeInvitation(workspaceId);

  if (invitations.isError) {
    return <ErrorState error={invitations.error} onRetry={() => void invitations.refetch()} />;
  }

  const columns: TableColumnsType<TInvitation> = [
    { key: 'role', title: t('members.role'), render: (_, i) => <RoleTag role={i.role} /> },
    {
      key: 'email',
      title: t('invitations.email'),
      render: (_, i) => i.email ?? t('invitations.anyone'),
    },
    {
      key: 'status',
      title: t('invitations.status'),
      render: (_, i) => (
        <Tag color={STATUS_COLORS[i.status]} data-testid={`invitation-status-${i.id}`}>
          {t(`invitations.status.${i.status}`)}
        </Tag>
      ),
    },
    {
      key: 'created',
      title: t('common.createdAt'),
      render: (_, i) => <DateTime value={i.createdAt} />,
    },
    {
      key: 'expires',
      title: t('invitations.expiresAt'),
      render: (_, i) => <DateTime value={i.expiresAt} />,
    },
    {
      key: 'actions',
      title: '',
      width: 100,
      render: (_, i) =>
        i.status === 'pending' ? (
          <Popconfirm
            title={t('invitations.revoke.confirm')}
            okText={t('invitations.revoke.button')}
            okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              revoke.mutate(i.id, {
                onSuccess: () => void message.success(t('invitations.revoke.done')),
                onError: (error) => void message.error(errorMessage(error)),
              })
            }
          >
            <Button danger type="text" data-testid={`invitation-revoke-${i.id}`}>
              {t('invitations.revoke.button')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Table<TInvitation>
      rowKey="id"
      columns={columns}
      dataSource={invitations.data ?? []}
      loading={invitations.isPending}
      pagination={false}
      scroll={{ x: 760 }}
      locale={{ emptyText: <EmptyState description={t('invitations.empty')} /> }}
      data-testid="invitations-table"
    />
  );
}
