import { Button, Form, Input, Modal, App } from 'antd';
import type { TUpdateMeBody } from '@yunce/contracts';
import { useT } from '../../../app/i18n/context';
import { useSession } from '../../../app/session';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useUpdateMe } from '../api';

const FORM_ID = 'profile';
const FIELDS: readonly FieldPath[] = [['displayName']];

/** The signed-in person's own name (the language is switched in the header). */
export function ProfileModal({ open, onClose }: { open: boolean; onClose: () => void }) {
  const t = useT();
  const { message } = App.useApp();
  const { user } = useSession();
  const [form] = Form.useForm<TUpdateMeBody>();
  const update = useUpdateMe();
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const submit = (values: TUpdateMeBody) => {
    clearError();
    update.mutate(values, {
      onSuccess: () => {
        void message.success(t('common.saved'));
        onClose();
      },
      onError: handleError,
    });
  };

  return (
    <Modal
      open={open}
      title={t('user.profile')}
      onCancel={onClose}
      destroyOnHidden
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="save"
          type="primary"
          htmlType="submit"
          form={FORM_ID}
          loading={update.isPending}
        >
          {t('common.save')}
        </Button>,
      ]}
    >
      <FormErrorAlert error={formError} />
      <Form
        form={form}
        name={FORM_ID}
        layout="vertical"
        initialValues={{ displayName: user.displayName }}
        onFinish={submit}
      >
        <Form.Item label={t('auth.field.email')}>
          <Input value={user.email} disabled />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('auth.field.displayName')}
          rules={[{ required: true, whitespace: true, message: t('validation.required') }]}
        >
          <Input autoFocus maxLength={60} />
        </Form.Item>
      </Form>
    </Modal>
  );
}
