import { useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Space, Tag, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TAccount, TConnection } from '@yunce/contracts';
import { api } from '../../../app/api';
import { useI18n } from '../../../app/i18n/context';
import { useErrorMessage } from '../../../ui/use-error-message';

type Kind = TConnection['type'];
/** A stored setting as text (settings are free-form JSON). */
const text = (v: unknown): string => (typeof v === 'string' ? v : '');
const zhEn = (locale: string, zh: string, en: string) => (locale === 'zh-CN' ? zh : en);

/** How this account publishes: manual, a signed webhook, or the WeChat Official Account API. */
export function ConnectionCard({ account, canWrite }: { account: TAccount; canWrite: boolean }) {
  const { locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const qc = useQueryClient();
  const key = ['connection', account.id];
  const conn = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api.get<TConnection>(`/workspaces/${account.workspaceId}/accounts/${account.id}/connection`, {
        signal,
      }),
  });
  const [kind, setKind] = useState<Kind | null>(null);
  const [url, setUrl] = useState('');
  const [appId, setAppId] = useState('');
  const [appSecret, setAppSecret] = useState('');
  const [generated, setGenerated] = useState<string | null>(null);
  const current = conn.data;
  const type = kind ?? current?.type ?? 'manual';
  const options: Kind[] =
    account.platform === 'wechat_oa'
      ? ['manual', 'webhook', 'wechat-official-account']
      : ['manual', 'webhook'];
  const label: Record<Kind, string> = {
    manual: zhEn(locale, '手动发布', 'Manual'),
    webhook: 'Webhook',
    'wechat-official-account': zhEn(locale, '公众号接口', 'WeChat OA API'),
  };
  const save = async () => {
    const body =
      type === 'webhook'
        ? { type, settings: { url: url || text(current?.settings.url) } }
        : type === 'wechat-official-account'
          ? {
              type,
              settings: { appId: appId || text(current?.settings.appId) },
              ...(appSecret ? { secrets: { appSecret } } : {}),
            }
          : { type, settings: {} };
    try {
      const saved = await api.put<TConnection>(
        `/workspaces/${account.workspaceId}/accounts/${account.id}/connection`,
        body,
      );
      setGenerated(saved.generatedSecret ?? null);
      setAppSecret('');
      qc.setQueryData(key, saved);
      message.success(zhEn(locale, '连接已保存', 'Connection saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Card
      title={zhEn(locale, '发布方式', 'Publishing connection')}
      data-testid="account-connection"
    >
      <Space direction="vertical" style={{ width: '100%' }}>
        {current?.status === 'needs_reconnect' ? (
          <Alert
            type="error"
            showIcon
            message={zhEn(locale, '需要重新授权', 'Needs reconnecting')}
            description={current.statusReason}
          />
        ) : null}
        <Radio.Group
          value={type}
          disabled={!canWrite}
          onChange={(e) => setKind(e.target.value as Kind)}
          optionType="button"
          options={options.map((o) => ({ value: o, label: label[o] }))}
        />
        {type === 'manual' ? (
          <Typography.Text type="secondary">
            {zhEn(
              locale,
              '到点后内容出现在“今日运营”，手动发布后回填链接。',
              'At the due time the post appears on Today; publish it by hand and record the URL.',
            )}
          </Typography.Text>
        ) : null}
        {type === 'webhook' ? (
          <Input
            addonBefore="URL"
            placeholder="https://…"
            defaultValue={text(current?.settings.url)}
            disabled={!canWrite}
            onChange={(e) => setUrl(e.target.value)}
            data-testid="connection-url"
          />
        ) : null}
        {type === 'wechat-official-account' ? (
          <>
            <Input
              addonBefore="AppID"
              defaultValue={text(current?.settings.appId)}
              disabled={!canWrite}
              onChange={(e) => setAppId(e.target.value)}
            />
            <Input.Password
              addonBefore="AppSecret"
              placeholder={
                current?.secretKeys.includes('appSecret')
                  ? zhEn(locale, '已保存（留空则不变）', 'Stored (leave empty to keep)')
                  : ''
              }
              value={appSecret}
              disabled={!canWrite}
              onChange={(e) => setAppSecret(e.target.value)}
            />
          </>
        ) : null}
        {current && current.secretKeys.length ? (
          <Typography.Text type="secondary">
            {zhEn(locale, '已保存的密钥：', 'Stored secrets: ')}
            {current.secretKeys.map((k) => (
              <Tag key={k}>{k}</Tag>
            ))}
          </Typography.Text>
        ) : null}
        {generated ? (
          <Alert
            type="warning"
            showIcon
            message={zhEn(
              locale,
              '签名密钥只显示这一次，请复制到你的系统中：',
              'The signing secret is shown once; copy it into your system:',
            )}
            description={
              <Typography.Text copyable code>
                {generated}
              </Typography.Text>
            }
          />
        ) : null}
        {canWrite ? (
          <Button type="primary" onClick={() => void save()} data-testid="connection-save">
            {zhEn(locale, '保存', 'Save')}
          </Button>
        ) : null}
      </Space>
    </Card>
  );
}
