import { useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Checkbox,
  Form,
  Input,
  Modal,
  Popconfirm,
  Radio,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
  type TableColumnsType,
} from 'antd';
import { PlusOutlined, SendOutlined } from '@ant-design/icons';
import {
  NOTIFICATION_EVENTS,
  type TChannel,
  type TChannelKind,
  type TDelivery,
  type TNotificationEvent,
} from '@yunce/contracts';
import { useT } from '../../app/i18n/context';
import { isMessageKey } from '../../app/i18n/messages';
import { useWorkspace } from '../../app/workspace';
import { DateTime } from '../../ui/DateTime';
import { Forbidden } from '../../ui/Forbidden';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import type { FieldPath } from '../../ui/form-errors';
import { OneTimeSecret } from '../../ui/OneTimeSecret';
import { PageHeader } from '../../ui/PageHeader';
import { EmptyState, ErrorState, LoadingState } from '../../ui/states';
import { buttonWithTestId } from '../../ui/test-id';
import { useErrorMessage } from '../../ui/use-error-message';
import { useFormErrors } from '../../ui/use-form-errors';
import {
  useChannels,
  useCreateChannel,
  useDeleteChannel,
  useDeliveries,
  useTestChannel,
  useUpdateChannel,
} from '../../modules/notifications/api';

const FIELDS: readonly FieldPath[] = [['kind'], ['name'], ['url'], ['emails'], ['events']];
const DEFAULT_EVENTS: TNotificationEvent[] = [
  'publish.failed',
  'publish.needs_check',
  'account.needs_reconnect',
];

interface Values {
  kind: TChannelKind;
  name: string;
  url?: string;
  emails?: string[];
  events: TNotificationEvent[];
}

function useEventLabel() {
  const t = useT();
  return (event: string) => {
    const key = `channels.event.${event}`;
    return isMessageKey(key) ? t(key) : event;
  };
}

function CreateChannelForm({
  workspaceId,
  emailConfigured,
  onSecret,
}: {
  workspaceId: string;
  emailConfigured: boolean;
  onSecret: (c: TChannel) => void;
}) {
  const t = useT();
  const eventLabel = useEventLabel();
  const [form] = Form.useForm<Values>();
  const kind = Form.useWatch('kind', form) ?? 'webhook';
  const create = useCreateChannel(workspaceId);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const submit = (v: Values) => {
    clearError();
    create.mutate(
      {
        kind: v.kind,
        name: v.name,
        events: v.events,
        ...(v.kind === 'webhook' ? { url: v.url ?? '' } : { emails: v.emails ?? [] }),
      },
      {
        onSuccess: (c) => {
          form.resetFields();
          if (c.signingSecret) onSecret(c);
        },
        onError: handleError,
      },
    );
  };

  return (
    <>
      <FormErrorAlert error={formError} />
      <Form<Values>
        form={form}
        layout="vertical"
        initialValues={{ kind: 'webhook', events: DEFAULT_EVENTS }}
        onFinish={submit}
        data-testid="channel-form"
        style={{ maxWidth: 640 }}
      >
        <Form.Item name="kind" label={t('channels.kind')}>
          <Radio.Group
            options={[
              { value: 'webhook', label: t('channels.kind.webhook') },
              { value: 'email', label: t('channels.kind.email'), disabled: !emailConfigured },
            ]}
            optionType="button"
          />
        </Form.Item>
        <Form.Item
          name="name"
          label={t('channels.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            maxLength={60}
            placeholder={t('channels.namePlaceholder')}
            data-testid="channel-name"
          />
        </Form.Item>
        {kind === 'webhook' ? (
          <Form.Item
            name="url"
            label={t('channels.url')}
            rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
          >
            <Input
              maxLength={500}
              placeholder={t('channels.urlPlaceholder')}
              data-testid="channel-url"
            />
          </Form.Item>
        ) : (
          <Form.Item
            name="emails"
            label={t('channels.emails')}
            rules={[{ required: true, message: t('validation.required') }]}
          >
            <Select
              mode="tags"
              tokenSeparators={[',', '，', ' ', ';']}
              open={false}
              placeholder={t('channels.emailsPlaceholder')}
              data-testid="channel-emails"
            />
          </Form.Item>
        )}
        <Form.Item
          name="events"
          label={t('channels.events')}
          rules={[{ required: true, message: t('validation.required') }]}
        >
          <Checkbox.Group
            options={NOTIFICATION_EVENTS.map((e) => ({ value: e, label: eventLabel(e) }))}
          />
        </Form.Item>
        <Button
          type="primary"
          htmlType="submit"
          icon={<PlusOutlined />}
          loading={create.isPending}
          data-testid="channel-create"
        >
          {t('channels.create.button')}
        </Button>
      </Form>
    </>
  );
}

function Deliveries({ workspaceId, channelId }: { workspaceId: string; channelId: string }) {
  const t = useT();
  const eventLabel = useEventLabel();
  const list = useDeliveries(workspaceId, channelId);
  if (list.isPending) return <LoadingState />;
  if (list.isError) return <ErrorState error={list.error} onRetry={() => void list.refetch()} />;
  const color = { sent: 'green', failed: 'red', pending: 'orange', sending: 'blue' } as const;
  const columns: TableColumnsType<TDelivery> = [
    { key: 'at', title: t('common.createdAt'), render: (_, d) => <DateTime value={d.createdAt} /> },
    { key: 'event', title: t('channels.events'), render: (_, d) => eventLabel(d.event) },
    { key: 'title', title: t('channels.name'), dataIndex: 'title' },
    {
      key: 'status',
      title: '',
      render: (_, d) => (
        <Tag color={color[d.status]}>{t(`channels.delivery.status.${d.status}`)}</Tag>
      ),
    },
    { key: 'attempts', title: t('channels.delivery.attempts'), dataIndex: 'attempts' },
    {
      key: 'error',
      title: t('channels.lastError'),
      render: (_, d) =>
        d.lastError ? <Typography.Text type="danger">{d.lastError}</Typography.Text> : null,
    },
  ];
  return (
    <Table<TDelivery>
      size="small"
      rowKey="id"
      columns={columns}
      dataSource={list.data}
      pagination={false}
      locale={{ emptyText: t('channels.deliveries.empty') }}
    />
  );
}

export default function NotificationSettingsPage() {
  const t = useT();
  const ws = useWorkspace();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const eventLabel = useEventLabel();
  const channels = useChannels(ws.workspaceId);
  const update = useUpdateChannel(ws.workspaceId);
  const remove = useDeleteChannel(ws.workspaceId);
  const test = useTestChannel(ws.workspaceId);
  const [secretOf, setSecretOf] = useState<TChannel | null>(null);

  if (!ws.can('notifications.manage')) return <Forbidden />;

  const columns: TableColumnsType<TChannel> = [
    { key: 'name', title: t('channels.name'), dataIndex: 'name' },
    {
      key: 'kind',
      title: t('channels.kind'),
      render: (_, c) => <Tag>{t(`channels.kind.${c.kind}`)}</Tag>,
    },
    {
      key: 'target',
      title: t('channels.target'),
      render: (_, c) => (
        <Typography.Text ellipsis style={{ maxWidth: 260 }}>
          {c.kind === 'webhook' ? c.url : c.emails.join(', ')}
        </Typography.Text>
      ),
    },
    {
      key: 'events',
      title: t('channels.events'),
      render: (_, c) => c.events.map((e) => <Tag key={e}>{eventLabel(e)}</Tag>),
    },
    {
      key: 'enabled',
      title: t('channels.enabled'),
      render: (_, c) => (
        <Switch
          checked={c.enabled}
          aria-label={t('channels.enabled')}
          onChange={(enabled) =>
            update.mutate(
              { id: c.id, body: { enabled } },
              { onError: (e) => void message.error(errorMessage(e)) },
            )
          }
        />
      ),
    },
    {
      key: 'last',
      title: t('channels.lastDelivery'),
      render: (_, c) => (
        <Space orientation="vertical" size={0}>
          {c.lastDeliveryAt ? <DateTime value={c.lastDeliveryAt} /> : t('channels.never')}
          {c.lastError ? <Typography.Text type="danger">{c.lastError}</Typography.Text> : null}
        </Space>
      ),
    },
    {
      key: 'actions',
      title: '',
      render: (_, c) => (
        <Space wrap>
          <Button
            size="small"
            icon={<SendOutlined />}
            loading={test.isPending && test.variables === c.id}
            data-testid={`channel-test-${c.id}`}
            onClick={() =>
              test.mutate(c.id, {
                onSuccess: (d) =>
                  d.status === 'sent'
                    ? void message.success(t('channels.test.sent'))
                    : void message.error(
                        t('channels.test.failed', { error: d.lastError ?? d.status }),
                      ),
                onError: (e) => void message.error(errorMessage(e)),
              })
            }
          >
            {t('channels.test')}
          </Button>
          {c.kind === 'webhook' ? (
            <Popconfirm
              title={t('channels.rotate.confirm')}
              onConfirm={() =>
                update.mutate(
                  { id: c.id, body: { rotateSecret: true } },
                  {
                    onSuccess: (r) => setSecretOf(r),
                    onError: (e) => void message.error(errorMessage(e)),
                  },
                )
              }
              okButtonProps={buttonWithTestId('confirm-ok')}
            >
              <Button size="small">{t('channels.rotate')}</Button>
            </Popconfirm>
          ) : null}
          <Popconfirm
            title={t('channels.delete.confirm', { name: c.name })}
            onConfirm={() =>
              remove.mutate(c.id, { onError: (e) => void message.error(errorMessage(e)) })
            }
            okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
          >
            <Button size="small" danger>
              {t('channels.delete')}
            </Button>
          </Popconfirm>
        </Space>
      ),
    },
  ];

  return (
    <>
      <PageHeader title={t('nav.settingsNotifications')} subtitle={t('channels.subtitle')} />
      <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
        {channels.data && !channels.data.emailConfigured ? (
          <Alert type="info" showIcon title={t('channels.noSmtp')} data-testid="channels-no-smtp" />
        ) : null}
        <Card title={t('channels.create.title')}>
          <CreateChannelForm
            workspaceId={ws.workspaceId}
            emailConfigured={channels.data?.emailConfigured ?? false}
            onSecret={setSecretOf}
          />
        </Card>
        <Card title={t('channels.list.title')}>
          {channels.isPending ? (
            <LoadingState />
          ) : channels.isError ? (
            <ErrorState error={channels.error} onRetry={() => void channels.refetch()} />
          ) : channels.data.channels.length === 0 ? (
            <EmptyState description={t('channels.empty')} />
          ) : (
            <Table<TChannel>
              rowKey="id"
              columns={columns}
              dataSource={channels.data.channels}
              pagination={false}
              data-testid="channels-table"
              expandable={{
                expandedRowRender: (c) => (
                  <>
                    <Typography.Title level={5}>{t('channels.deliveries')}</Typography.Title>
                    <Deliveries workspaceId={ws.workspaceId} channelId={c.id} />
                  </>
                ),
              }}
            />
          )}
        </Card>
      </Space>
      <Modal
        open={secretOf !== null}
        title={t('channels.secret.title', { name: secretOf?.name ?? '' })}
        onCancel={() => setSecretOf(null)}
        footer={
          <Button
            type="primary"
            onClick={() => setSecretOf(null)}
            data-testid="channel-secret-done"
          >
            {t('common.done')}
          </Button>
        }
      >
        {secretOf?.signingSecret ? (
          <OneTimeSecret
            value={secretOf.signingSecret}
            warning={t('channels.secret.once')}
            testId="channel-secret"
          />
        ) : null}
      </Modal>
    </>
  );
}
