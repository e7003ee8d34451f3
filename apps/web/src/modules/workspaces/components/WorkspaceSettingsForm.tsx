import { App, Alert, Button, Form, Input, Select } from 'antd';
import type { TUpdateWorkspaceBody, TWorkspace } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useUpdateWorkspace } from '../api';
import { TimeZoneSelect } from './TimeZoneSelect';

const FIELDS: readonly FieldPath[] = [['name'], ['timeZone'], ['defaultLocale']];

/** Name, time zone (all dates are shown in it) and default language of a workspace. */
export function WorkspaceSettingsForm({
  workspace,
  canEdit,
}: {
  workspace: TWorkspace;
  canEdit: boolean;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<TUpdateWorkspaceBody>();
  const update = useUpdateWorkspace(workspace.id);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const submit = (values: TUpdateWorkspaceBody) => {
    clearError();
    update.mutate(values, {
      onSuccess: () => void message.success(t('common.saved')),
      onError: handleError,
    });
  };

  return (
    <Form<TUpdateWorkspaceBody>
      form={form}
      layout="vertical"
      style={{ maxWidth: 520 }}
      disabled={!canEdit}
      initialValues={{
        name: workspace.name,
        timeZone: workspace.timeZone,
        defaultLocale: workspace.defaultLocale,
      }}
      onFinish={submit}
      data-testid="workspace-form"
    >
      {canEdit ? null : (
        <Alert type="info" showIcon style={{ marginBottom: 16 }} title={t('settings.readOnly')} />
      )}
      <FormErrorAlert error={formError} />
      <Form.Item
        name="name"
        label={t('workspace.field.name')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input maxLength={60} autoFocus={canEdit} data-testid="workspace-name" />
      </Form.Item>
      <Form.Item
        name="timeZone"
        label={t('workspace.field.timeZone')}
        extra={t('workspace.field.timeZoneHint')}
      >
        <TimeZoneSelect data-testid="workspace-time-zone" />
      </Form.Item>
      <Form.Item
        name="defaultLocale"
        label={t('workspace.field.defaultLocale')}
        extra={t('workspace.field.defaultLocaleHint')}
      >
        <Select
          data-testid="workspace-default-locale"
          options={[
            { value: 'zh-CN', label: t('language.zh-CN') },
            { value: 'en-US', label: t('language.en-US') },
          ]}
        />
      </Form.Item>
      {canEdit ? (
        <Button
          type="primary"
          htmlType="submit"
          loading={update.isPending}
          data-testid="workspace-save"
        >
          {t('common.save')}
        </Button>
      ) : null}
    </Form>
  );
}
