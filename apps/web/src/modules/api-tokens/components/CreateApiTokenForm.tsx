import { useState } from 'react';
import { Button, Form, Input, Modal, Select } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TCreateApiTokenBody, TCreatedApiToken, TRole } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { OneTimeSecret } from '../../../ui/OneTimeSecret';
import { useRoleOptions } from '../../../ui/roles';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useCreateApiToken } from '../api';

const FIELDS: readonly FieldPath[] = [['name'], ['role']];

interface Values {
  name: string;
  role: TRole;
}

/** Name and role of a new token; the secret is shown once. */
export function CreateApiTokenForm({
  workspaceId,
  roles,
}: {
  workspaceId: string;
  roles: readonly TRole[];
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateApiToken(workspaceId);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);
  const roleOptions = useRoleOptions(roles);
  const [created, setCreated] = useState<TCreatedApiToken | null>(null);

  const submit = (values: Values) => {
    clearError();
    const body: TCreateApiTokenBody = { name: values.name, role: values.role };
    create.mutate(body, {
      onSuccess: (token) => {
        setCreated(token);
        form.resetFields();
      },
      onError: handleError,
    });
  };

  return (
    <>
      <FormErrorAlert error={formError} />
      <Form<Values>
        form={form}
        layout="inline"
        initialValues={{ role: roles.includes('analyst') ? 'analyst' : roles[0] }}
        onFinish={submit}
        data-testid="api-token-form"
        style={{ rowGap: 12 }}
      >
        <Form.Item
          name="name"
          label={t('apiTokens.name')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input
            maxLength={60}
            placeholder={t('apiTokens.namePlaceholder')}
            style={{ width: 240 }}
            data-testid="api-token-name"
          />
        </Form.Item>
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true }]}>
          <Select options={roleOptions} style={{ width: 160 }} data-testid="api-token-role" />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={create.isPending}
            data-testid="api-token-create"
          >
            {t('apiTokens.create.button')}
          </Button>
        </Form.Item>
      </Form>
      <Modal
        open={created !== null}
        title={t('apiTokens.created.title', { name: created?.name ?? '' })}
        onCancel={() => setCreated(null)}
        footer={
          <Button type="primary" onClick={() => setCreated(null)} data-testid="api-token-done">
            {t('common.done')}
          </Button>
        }
      >
        {created ? (
          <OneTimeSecret
            value={created.token}
            warning={t('apiTokens.created.once')}
            testId="api-token-secret"
          />
        ) : null}
      </Modal>
    </>
  );
}
