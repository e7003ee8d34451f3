import { useState } from 'react';
import { Button, Form, Input, Modal, Select } from 'antd';
import { useNavigate } from 'react-router';
import type { TCreateWorkspaceBody } from '@yunce/contracts';
import { DEFAULT_TIME_ZONE } from '../../../app/dates';
import { useI18n } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useCreateWorkspace } from '../api';
import { TimeZoneSelect } from './TimeZoneSelect';

const FORM_ID = 'create-workspace';
const FIELDS: readonly FieldPath[] = [['name'], ['timeZone'], ['defaultLocale']];

/** "New workspace" from the switcher: name, time zone, language; opens the new workspace. */
export function CreateWorkspaceModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const { t, locale } = useI18n();
  const navigate = useNavigate();
  const [form] = Form.useForm<TCreateWorkspaceBody>();
  const create = useCreateWorkspace();
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);
  const [initialValues] = useState<TCreateWorkspaceBody>({
    name: '',
    timeZone: DEFAULT_TIME_ZONE,
    defaultLocale: locale,
  });

  const submit = (values: TCreateWorkspaceBody) => {
    clearError();
    create.mutate(values, {
      onSuccess: (workspace) => {
        form.resetFields();
        onClose();
        void navigate(`/w/${workspace.id}/today`);
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      open={open}
      title={t('workspace.create.title')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          htmlType="submit"
          form={FORM_ID}
          loading={create.isPending}
          data-testid="create-workspace-submit"
        >
          {t('workspace.create.submit')}
        </Button>,
      ]}
    >
      <FormErrorAlert error={formError} />
      <Form
        form={form}
        name={FORM_ID}
        layout="vertical"
        initialValues={initialValues}
        onFinish={submit}
      >
        <Form.Item
          name="name"
          label={t('workspace.field.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoFocus maxLength={60} data-testid="create-workspace-name" />
        </Form.Item>
        <Form.Item name="timeZone" label={t('workspace.field.timeZone')}>
          <TimeZoneSelect />
        </Form.Item>
        <Form.Item name="defaultLocale" label={t('workspace.field.defaultLocale')}>
          <Select
            options={[
              { value: 'zh-CN', label: t('language.zh-CN') },
              { value: 'en-US', label: t('language.en-US') },
            ]}
          />
        </Form.Item>
      </Form>
    </Modal>
  );
}
