import { Badge, Button, Dropdown, Empty, List, Typography } from 'antd';
import { BellOutlined } from '@ant-design/icons';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useNavigate } from 'react-router';
import type { TNotification } from '@yunce/contracts';
import { api } from '../api';
import { useI18n } from '../i18n/context';
import { useOptionalWorkspace } from '../workspace';
import { useDates } from '../format';

/** The bell: unread count, the latest notifications, mark read on open. */
export function NotificationBell() {
  const ws = useOptionalWorkspace();
  const { locale } = useI18n();
  const dates = useDates();
  const navigate = useNavigate();
  const qc = useQueryClient();
  const key = ['notifications', ws?.workspaceId];
  const list = useQuery({
    enabled: Boolean(ws),
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<{ notifications: TNotification[]; unread: number }>(
        `/workspaces/${ws?.workspaceId}/notifications`,
        { signal },
      ),
    refetchInterval: 30_000,
  });
  const markAll = useMutation({
    mutationFn: () => api.post(`/workspaces/${ws?.workspaceId}/notifications/read`, { all: true }),
    onSuccess: () => qc.invalidateQueries({ queryKey: key }),
  });
  if (!ws) return null;
  const items = list.data?.notifications ?? [];
  return (
    <Dropdown
      trigger={['click']}
      onOpenChange={(open) => {
        if (!open && (list.data?.unread ?? 0) > 0) markAll.mutate();
      }}
      popupRender={() => (
        <div
          style={{
            width: 340,
            maxHeight: 420,
            overflow: 'auto',
            background: '#fff',
            borderRadius: 8,
            boxShadow: '0 6px 16px rgba(0,0,0,0.12)',
          }}
          data-testid="notifications-panel"
        >
          {items.length === 0 ? (
            <Empty
              image={Empty.PRESENTED_IMAGE_SIMPLE}
              description={locale === 'zh-CN' ? '暂无通知' : 'No notifications'}
              style={{ padding: 16 }}
            />
          ) : (
            <List
              size="small"
              dataSource={items}
              renderItem={(n) => (
                <List.Item
                  style={{
                    cursor: n.link ? 'pointer' : 'default',
                    padding: '8px 12px',
                    background: n.read ? undefined : '#e6f4ff',
                  }}
                  onClick={() => (n.link ? void navigate(n.link) : undefined)}
                >
                  <List.Item.Meta
                    title={n.title}
                    description={
                      <>
                        {n.body ? <div>{n.body}</div> : null}
                        <Typography.Text type="secondary">
                          {dates.dateTime(n.createdAt)}
                        </Typography.Text>
                      </>
                    }
                  />
                </List.Item>
              )}
            />
          )}
        </div>
      )}
    >
      <Badge count={list.data?.unread ?? 0} size="small">
        <Button
          type="text"
          icon={<BellOutlined />}
          aria-label={locale === 'zh-CN' ? '通知' : 'Notifications'}
          data-testid="notifications-bell"
        />
      </Badge>
    </Dropdown>
  );
}
