import { Button, Form, Input } from 'antd';
import { LockOutlined, MailOutlined, ShopOutlined, UserOutlined } from '@ant-design/icons';
import type { TSession, TSignUpBody } from '@yunce/contracts';
import { ApiError } from '../../../app/api';
import { useI18n } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useSignUp } from '../api';

const FIELDS: readonly FieldPath[] = [['displayName'], ['email'], ['password'], ['workspaceName']];

interface SignUpValues {
  displayName: string;
  email: string;
  password: string;
  workspaceName?: string;
}

/**
 * Sign-up. Without an invitation the person also names their first workspace (they become its
 * owner); with one they join the inviting workspace instead.
 */
export function SignUpForm({
  inviteToken,
  invitedEmail,
  onSignedUp,
}: {
  inviteToken?: string;
  invitedEmail?: string | null;
  onSignedUp: (session: TSession) => void;
}) {
  const { t, locale } = useI18n();
  const [form] = Form.useForm<SignUpValues>();
  const signUp = useSignUp();
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const submit = (values: SignUpValues) => {
    clearError();
    const body: TSignUpBody = {
      displayName: values.displayName,
      email: values.email,
      password: values.password,
      locale,
      ...(inviteToken ? { inviteToken } : { workspaceName: values.workspaceName ?? '' }),
    };
    signUp.mutate(body, {
      onSuccess: onSignedUp,
      onError: (error) => {
        const emailTaken =
          error instanceof ApiError &&
          error.code === 'CONFLICT' &&
          error.details.some((d) => d.field === 'email');
        if (emailTaken) {
          form.setFields([{ name: 'email', errors: [t('auth.signUp.emailTaken')] }]);
          return;
        }
        handleError(error);
      },
    });
  };

  return (
    <Form<SignUpValues>
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      initialValues={{ email: invitedEmail ?? '' }}
      data-testid="signup-form"
    >
      <FormErrorAlert error={formError} />
      <Form.Item
        name="displayName"
        label={t('auth.field.displayName')}
        rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
      >
        <Input
          prefix={<UserOutlined />}
          autoComplete="name"
          autoFocus
          maxLength={60}
          data-testid="signup-display-name"
        />
      </Form.Item>
      <Form.Item
        name="email"
        label={t('auth.field.email')}
        rules={[
          { required: true, message: t('validation.required') },
          { type: 'email', message: t('validation.email') },
        ]}
      >
        <Input
          prefix={<MailOutlined />}
          autoComplete="email"
          inputMode="email"
          data-testid="signup-email"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.field.password')}
        extra={t('auth.passwordHint')}
        rules={[
          { required: true, message: t('validation.required') },
          { min: 8, message: t('validation.passwordMin', { min: 8 }) },
        ]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="new-password"
          data-testid="signup-password"
        />
      </Form.Item>
      {inviteToken ? null : (
        <Form.Item
          name="workspaceName"
          label={t('auth.field.workspaceName')}
          extra={t('auth.workspaceNameHint')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input prefix={<ShopOutlined />} maxLength={60} data-testid="signup-workspace-name" />
        </Form.Item>
      )}
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={signUp.isPending}
        data-testid="signup-submit"
      >
        {inviteToken ? t('auth.signUp.submitJoin') : t('auth.signUp.submit')}
      </Button>
    </Form>
  );
}
