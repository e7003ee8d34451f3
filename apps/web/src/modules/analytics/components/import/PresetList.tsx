import { App, Button, List, Popconfirm, Tag, Typography } from 'antd';
import { DeleteOutlined } from '@ant-design/icons';
import type { TImportPresetView } from '@yunce/contracts';
import { useT } from '../../../../app/i18n/context';
import { useWorkspace } from '../../../../app/workspace';
import { buttonWithTestId } from '../../../../ui/test-id';
import { useErrorMessage } from '../../../../ui/use-error-message';
import { useDeletePreset } from '../../api';
import { useMetricText } from '../../hooks';

/** The workspace's own presets (saved from the mapping screen), each deletable. */
export function PresetList({ presets }: { presets: readonly TImportPresetView[] }) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const remove = useDeletePreset(ws.workspaceId);
  const own = presets.filter((p) => !p.builtin);
  if (own.length === 0)
    return <Typography.Text type="secondary">{t('analytics.presets.empty')}</Typography.Text>;
  return (
    <List
      size="small"
      dataSource={own}
      data-testid="import-presets"
      renderItem={(p) => (
        <List.Item
          actions={[
            <Popconfirm
              key="delete"
              title={t('analytics.presets.deleteConfirm', { name: p.name })}
              onConfirm={() =>
                remove.mutate(p.id, {
                  onSuccess: () => void message.success(t('analytics.presets.deleted')),
                  onError: (e) => void message.error(errorMessage(e)),
                })
              }
              okButtonProps={buttonWithTestId('confirm-ok', { danger: true })}
            >
              <Button
                size="small"
                danger
                icon={<DeleteOutlined />}
                data-testid={`preset-delete-${p.id}`}
              >
                {t('analytics.presets.delete')}
              </Button>
            </Popconfirm>,
          ]}
        >
          <List.Item.Meta
            title={p.name}
            description={
              <>
                <Tag>{t(`analytics.import.grain.${p.grain}`)}</Tag>
                {p.platform ? <Tag>{m.platform(p.platform)}</Tag> : null}
                {t('analytics.presets.columns', { count: p.columns.length })}
              </>
            }
          />
        </List.Item>
      )}
    />
  );
}
