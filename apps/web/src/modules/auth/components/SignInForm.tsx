import { Button, Form, Input } from 'antd';
import { LockOutlined, MailOutlined } from '@ant-design/icons';
import type { TSession, TSignInBody } from '@yunce/contracts';
import { ApiError } from '../../../app/api';
import { useT } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useSignIn } from '../api';

const FIELDS: readonly FieldPath[] = [['email'], ['password']];

export function SignInForm({ onSignedIn }: { onSignedIn: (session: TSession) => void }) {
  const t = useT();
  const [form] = Form.useForm<TSignInBody>();
  const signIn = useSignIn();
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const submit = (values: TSignInBody) => {
    clearError();
    signIn.mutate(values, {
      onSuccess: onSignedIn,
      onError: (error) => {
        // 401 here is a wrong e-mail or password, said the same way for both so nobody can probe.
        if (error instanceof ApiError && error.status === 401) {
          form.setFields([{ name: 'password', errors: [t('auth.signIn.wrongCredentials')] }]);
          return;
        }
        handleError(error);
      },
    });
  };

  return (
    <Form
      form={form}
      layout="vertical"
      requiredMark={false}
      onFinish={submit}
      data-testid="signin-form"
    >
      <FormErrorAlert error={formError} />
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
          autoFocus
          inputMode="email"
          data-testid="signin-email"
        />
      </Form.Item>
      <Form.Item
        name="password"
        label={t('auth.field.password')}
        rules={[{ required: true, message: t('validation.required') }]}
      >
        <Input.Password
          prefix={<LockOutlined />}
          autoComplete="current-password"
          data-testid="signin-password"
        />
      </Form.Item>
      <Button
        type="primary"
        htmlType="submit"
        block
        loading={signIn.isPending}
        data-testid="signin-submit"
      >
        {t('auth.signIn.submit')}
      </Button>
    </Form>
  );
}
