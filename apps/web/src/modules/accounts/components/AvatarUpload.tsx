import { App, Button, Space, Typography, Upload } from 'antd';
import { UploadOutlined } from '@ant-design/icons';
import type { TAccount } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useErrorMessage } from '../../../ui/use-error-message';
import { useUploadAvatar } from '../api';
import { AccountAvatar } from './AccountAvatar';

const ACCEPTED = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'];
const MAX_BYTES = 2 * 1024 * 1024;

/** Checks type and size before sending, so the person hears about it at once. */
export function avatarProblem(file: { type: string; size: number }): 'type' | 'size' | null {
  if (!ACCEPTED.includes(file.type)) return 'type';
  if (file.size > MAX_BYTES) return 'size';
  return null;
}

/** Uploads an avatar through the API client (cookie + CSRF header), multipart field `file`. */
export function AvatarUpload({ account, canWrite }: { account: TAccount; canWrite: boolean }) {
  const t = useT();
  const { message } = App.useApp();
  const errorMessage = useErrorMessage();
  const upload = useUploadAvatar(account.workspaceId, account.id);

  return (
    <Space align="center" size="middle">
      <AccountAvatar account={account} size={72} />
      {canWrite ? (
        <Space orientation="vertical" size={4}>
          <Upload
            accept={ACCEPTED.join(',')}
            showUploadList={false}
            maxCount={1}
            beforeUpload={(file) => {
              const problem = avatarProblem(file);
              if (problem) {
                void message.error(
                  t(problem === 'type' ? 'account.avatar.badType' : 'account.avatar.tooBig'),
                );
                return Upload.LIST_IGNORE;
              }
              return true;
            }}
            customRequest={({ file, onSuccess, onError }) => {
              if (!(file instanceof Blob)) return;
              upload.mutate(file, {
                onSuccess: (updated) => {
                  onSuccess?.(updated);
                  void message.success(t('account.avatar.done'));
                },
                onError: (error) => {
                  onError?.(error instanceof Error ? error : new Error(String(error)));
                  void message.error(errorMessage(error));
                },
              });
            }}
          >
            <Button
              icon={<UploadOutlined />}
              loading={upload.isPending}
              data-testid="avatar-upload"
            >
              {account.avatarUrl ? t('account.avatar.replace') : t('account.avatar.upload')}
            </Button>
          </Upload>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {t('account.avatar.hint')}
          </Typography.Text>
        </Space>
      ) : null}
    </Space>
  );
}
