import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Space, Tag, Typography } from 'antd';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { Link } from 'react-router';
import type { TPublication, TToday } from '@yunce/contracts';
import { api } from '../../app/api';
import { useI18n } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useErrorMessage } from '../../ui/use-error-message';

const zhEn = (locale: string, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

const PUB_STATUS: Record<string, [string, string]> = {
  scheduled: ['已排期', 'Scheduled'],
  retrying: ['等待重试', 'Retrying'],
  publishing: ['发布中', 'Publishing'],
  pending: ['平台处理中', 'Processing'],
  manual_pending: ['待手动发布', 'Publish by hand'],
  published: ['已发布', 'Published'],
  needs_check: ['需核对', 'Needs check'],
  held: ['已暂停（错过时间）', 'Held (missed its time)'],
  failed: ['失败', 'Failed'],
  skipped: ['已跳过', 'Skipped'],
  cancelled: ['已取消', 'Cancelled'],
};

/** Today's publishing work: what goes out today, what waits for a person, what went wrong. */
export function TodayWork() {
  const ws = useWorkspace();
  const { locale } = useI18n();
  const qc = useQueryClient();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const today = useQuery({
    queryKey: ['today', ws.workspaceId],
    queryFn: ({ signal }) => api.get<TToday>(`/workspaces/${ws.workspaceId}/today`, { signal }),
    refetchInterval: 30_000,
  });
  const act = useMutation({
    mutationFn: ({ id, path, body }: { id: string; path: string; body: unknown }) =>
      api.post<TPublication>(`/workspaces/${ws.workspaceId}/publications/${id}/${path}`, body),
    onSuccess: () => qc.invalidateQueries({ queryKey: ['today', ws.workspaceId] }),
    onError: (err) => message.error(errorText(err)),
  });
  const [urls, setUrls] = useState<Record<string, string>>({});
  const d = today.data;
  if (!d) return null;
  const pubLine = (p: TPublication) => (
    <Space wrap>
      <Tag>{p.accountName}</Tag>
      <Link to={ws.path(`content/${p.itemId}`)}>{p.itemTitle}</Link>
      <Typography.Text type="secondary">{p.scheduledLocal}</Typography.Text>
      <Tag>
        {zhEn(locale, PUB_STATUS[p.status]?.[0] ?? p.status, PUB_STATUS[p.status]?.[1] ?? p.status)}
      </Tag>
    </Space>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }} size="middle" data-testid="today-work">
      <Card
        title={zhEn(locale, '等待手动发布', 'Waiting to be published by hand')}
        data-testid="today-manual"
      >
        {d.manualWaiting.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={zhEn(locale, '没有待手动发布的内容', 'Nothing waiting')}
          />
        ) : (
          <List
            dataSource={d.manualWaiting}
            renderItem={(p) => (
              <List.Item data-testid={`today-manual-${p.id}`}>
                <Space direction="vertical" style={{ width: '100%' }}>
                  {pubLine(p)}
                  {p.status === 'held' ? (
                    <Typography.Text type="warning">{p.lastError}</Typography.Text>
                  ) : null}
                  <Typography.Paragraph
                    copyable={{ text: `${p.title}\n\n${p.body}\n${p.hashtags.join(' ')}` }}
                    style={{ whiteSpace: 'pre-wrap', marginBottom: 0 }}
                  >
                    <strong>{p.title}</strong>
                    {'\n'}
                    {p.body}
                  </Typography.Paragraph>
                  {p.status === 'held' ? (
                    <Button onClick={() => act.mutate({ id: p.id, path: 'publish-now', body: {} })}>
                      {zhEn(locale, '现在发布', 'Publish now')}
                    </Button>
                  ) : (
                    <Space.Compact style={{ width: '100%' }}>
                      <Input
                        placeholder={zhEn(locale, '发布后的链接', 'Post URL after publishing')}
                        value={urls[p.id] ?? ''}
                        onChange={(e) => setUrls({ ...urls, [p.id]: e.target.value })}
                        data-testid={`today-url-${p.id}`}
                      />
                      <Button
                        type="primary"
                        onClick={() =>
                          act.mutate({
                            id: p.id,
                            path: 'manual-result',
                            body: { outcome: 'published', url: urls[p.id] ?? '' },
                          })
                        }
                        data-testid={`today-published-${p.id}`}
                      >
                        {zhEn(locale, '已发布', 'Published')}
                      </Button>
                    </Space.Compact>
                  )}
                </Space>
              </List.Item>
            )}
          />
        )}
      </Card>
      {d.needsCheck.length > 0 ? (
        <Card
          title={zhEn(locale, '发布结果未知，请核对', 'Outcome unknown: please check')}
          data-testid="today-needs-check"
        >
          <List
            dataSource={d.needsCheck}
            renderItem={(p) => (
              <List.Item
                actions={[
                  <Button
                    key="y"
                    onClick={() =>
                      act.mutate({ id: p.id, path: 'confirm', body: { outcome: 'published' } })
                    }
                  >
                    {zhEn(locale, '已发出', 'It went out')}
                  </Button>,
                  <Button
                    key="n"
                    onClick={() =>
                      act.mutate({
                        id: p.id,
                        path: 'confirm',
                        body: { outcome: 'not_published', retry: true },
                      })
                    }
                  >
                    {zhEn(locale, '没发出，重试', 'Not out: retry')}
                  </Button>,
                ]}
              >
                <Space direction="vertical">
                  {pubLine(p)}
                  <Typography.Text type="secondary">{p.lastError}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      {d.failed.length > 0 ? (
        <Card title={zhEn(locale, '发布失败', 'Failed')} data-testid="today-failed">
          <List
            dataSource={d.failed}
            renderItem={(p) => (
              <List.Item>
                <Space direction="vertical">
                  {pubLine(p)}
                  <Typography.Text type="danger">{p.lastError}</Typography.Text>
                </Space>
              </List.Item>
            )}
          />
        </Card>
      ) : null}
      <Card
        title={zhEn(locale, `今天发布（${d.timeZone}）`, `Going out today (${d.timeZone})`)}
        data-testid="today-due"
      >
        {d.dueToday.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={zhEn(locale, '今天没有排期', 'Nothing scheduled today')}
          />
        ) : (
          <List dataSource={d.dueToday} renderItem={(p) => <List.Item>{pubLine(p)}</List.Item>} />
        )}
      </Card>
      <Card title={zhEn(locale, '等我审核', 'Awaiting my approval')} data-testid="today-approvals">
        {d.awaitingMyApproval.length === 0 ? (
          <Empty
            image={Empty.PRESENTED_IMAGE_SIMPLE}
            description={zhEn(locale, '没有待审核的内容', 'Nothing to approve')}
          />
        ) : (
          <List
            dataSource={d.awaitingMyApproval}
            renderItem={(a) => (
              <List.Item>
                <Link to={ws.path(`content/${a.id}`)}>{a.title}</Link> <Tag>{a.step}</Tag>
              </List.Item>
            )}
          />
        )}
      </Card>
    </Space>
  );
}
