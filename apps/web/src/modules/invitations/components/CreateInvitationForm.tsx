import { useState } from 'react';
import { Button, Form, Input, InputNumber, Modal, Select, Space } from 'antd';
import { PlusOutlined } from '@ant-design/icons';
import type { TCreateInvitationBody, TCreatedInvitation, TRole } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { OneTimeSecret } from '../../../ui/OneTimeSecret';
import { useRoleOptions } from '../../../ui/roles';
import { useFormErrors } from '../../../ui/use-form-errors';
import { absoluteUrl, useCreateInvitation } from '../api';

const FIELDS: readonly FieldPath[] = [['role'], ['email'], ['expiresInDays']];

interface Values {
  role: TRole;
  email?: string;
  expiresInDays: number;
}

/** Role, optional e-mail and expiry; the link is shown once, with a copy button. */
export function CreateInvitationForm({
  workspaceId,
  roles,
}: {
  workspaceId: string;
  roles: readonly TRole[];
}) {
  const t = useT();
  const [form] = Form.useForm<Values>();
  const create = useCreateInvitation(workspaceId);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);
  const roleOptions = useRoleOptions(roles);
  const [created, setCreated] = useState<TCreatedInvitation | null>(null);
  const defaultRole: TRole = roles.includes('operator')
    ? 'operator'
    : (roles[roles.length - 1] ?? 'trainee');

  const submit = (values: Values) => {
    clearError();
    const email = values.email?.trim();
    const body: TCreateInvitationBody = {
      role: values.role,
      expiresInDays: values.expiresInDays,
      ...(email ? { email } : {}),
    };
    create.mutate(body, {
      onSuccess: (invitation) => {
        setCreated(invitation);
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
        initialValues={{ role: defaultRole, expiresInDays: 7 }}
        onFinish={submit}
        data-testid="invitation-form"
        style={{ rowGap: 12 }}
      >
        <Form.Item name="role" label={t('members.role')} rules={[{ required: true }]}>
          <Select options={roleOptions} style={{ width: 160 }} data-testid="invitation-role" />
        </Form.Item>
        <Form.Item
          name="email"
          label={t('invitations.email')}
          tooltip={t('invitations.emailHint')}
          rules={[{ type: 'email', message: t('validation.email') }]}
        >
          <Input
            placeholder={t('common.optional')}
            style={{ width: 240 }}
            inputMode="email"
            data-testid="invitation-email"
          />
        </Form.Item>
        <Form.Item
          name="expiresInDays"
          label={t('invitations.expiresIn')}
          rules={[{ required: true }]}
        >
          <InputNumber
            min={1}
            max={30}
            precision={0}
            suffix={t('invitations.days')}
            style={{ width: 120 }}
            data-testid="invitation-expires"
          />
        </Form.Item>
        <Form.Item>
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlusOutlined />}
            loading={create.isPending}
            data-testid="invitation-create"
          >
            {t('invitations.create.button')}
          </Button>
        </Form.Item>
      </Form>
      <Modal
        open={created !== null}
        title={t('invitations.created.title')}
        onCancel={() => setCreated(null)}
        footer={
          <Button
            type="primary"
            onClick={() => setCreated(null)}
            data-testid="invitation-link-done"
          >
            {t('common.done')}
          </Button>
        }
      >
        {created ? (
          <Space orientation="vertical" style={{ width: '100%' }}>
            <OneTimeSecret
              value={absoluteUrl(created.url, window.location.origin)}
              warning={t('invitations.created.once')}
              testId="invitation-link"
            />
          </Space>
        ) : null}
      </Modal>
    </>
  );
}
