import { App, Button, Popconfirm, Select, Space, Table, Tag, type TableColumnsType } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import { assignableRoles, type TMember, type TRole } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useSession } from '../../../app/session';
import { useWorkspace } from '../../../app/workspace';
import { DateTime } from '../../../ui/DateTime';
import { RoleTag } from '../../../ui/RoleTag';
import { useRoleOptions } from '../../../ui/roles';
import { EmptyState, ErrorState } from '../../../ui/states';
import { useErrorMessage } from '../../../ui/use-error-message';
import { useChangeMemberRole, useMembers, useRemoveMember } from '../api';
import { buttonWithTestId } from '../../../ui/test-id';

/**
 * Members with their roles. A role can be changed only to roles the caller may hand out, and only
 * on members whose current role the caller may touch (admins never touch owners).
 */
export function MembersTable() {
  const t = useT();
  const ws = useWorkspace();
  const { user } = useSession();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const members = useMembers(ws.workspaceId);
  const changeRole = useChangeMemberRole(ws.workspaceId);
  const remove = useRemoveMember(ws.workspaceId);
  const assignable = ws.can('members.manage') ? assignableRoles(ws.role) : [];
  const roleOptions = useRoleOptions(assignable);

  if (members.isError)
    return <ErrorState error={members.error} onRetry={() => void members.refetch()} />;

  const mayManage = (m: TMember) => m.userId !== user.id && assignable.includes(m.role);

  const columns: TableColumnsType<TMember> = [
    {
      key: 'name',
      title: t('members.name'),
      render: (_, m) => (
        <Space>
          {m.displayName}
          {m.userId === user.id ? <Tag>{t('members.you')}</Tag> : null}
        </Space>
      ),
    },
    { key: 'email', title: t('auth.field.email'), dataIndex: 'email' },
    {
      key: 'role',
      title: t('members.role'),
      width: 200,
      render: (_, m) =>
        mayManage(m) ? (
          <Select<TRole>
            value={m.role}
            options={roleOptions}
            style={{ width: 160 }}
            disabled={changeRole.isPending}
            data-testid={`member-role-${m.userId}`}
            onChange={(role) =>
              changeRole.mutate(
                { userId: m.userId, role },
                {
                  onSuccess: () => void message.success(t('members.roleChanged')),
                  onError: (error) => void message.error(errorMessage(error)),
                },
              )
            }
          />
        ) : (
          <RoleTag role={m.role} />
        ),
    },
    {
      key: 'joined',
      title: t('members.joinedAt'),
      render: (_, m) => <DateTime value={m.joinedAt} />,
    },
    {
      key: 'actions',
      title: '',
      width: 100,
      render: (_, m) =>
        mayManage(m) ? (
          <Popconfirm
            title={t('members.remove.confirm', { name: m.displayName })}
            description={t('members.remove.confirmBody')}
            okText={t('members.remove.button')}
            okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
            cancelText={t('common.cancel')}
            onConfirm={() =>
              remove.mutate(m.userId, {
                onSuccess: () => void message.success(t('members.remove.done')),
                onError: (error) => void message.error(errorMessage(error)),
              })
            }
          >
            <Button
              danger
              type="text"
              icon={<DeleteOutlined />}
              data-testid={`member-remove-${m.userId}`}
            >
              {t('members.remove.button')}
            </Button>
          </Popconfirm>
        ) : null,
    },
  ];

  return (
    <Table<TMember>
      rowKey="userId"
      columns={columns}
      dataSource={members.data ?? []}
      loading={members.isPending}
      pagination={false}
      scroll={{ x: 720 }}
      locale={{ emptyText: <EmptyState description={t('members.empty')} /> }}
      data-testid="members-table"
    />
  );
}
