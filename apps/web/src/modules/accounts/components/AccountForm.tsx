import { useMemo, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Col,
  Form,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
  type FormRule,
} from 'antd';
import { AGE_BANDS, GENDERS, PURPOSES, type TAccount, type TPlatform } from '@yunce/contracts';
import { useI18n } from '../../../app/i18n/context';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import { useFormErrors } from '../../../ui/use-form-errors';
import { PLATFORM_INFO, measureLength, type TLengthLimit } from '../platforms';
import { ACCOUNT_FORM_FIELDS, type AccountFormValues } from '../utils/account-form';
import { PlatformGuide } from './PlatformGuide';
import { PlatformPicker } from './PlatformPicker';
import { PlatformTag } from './PlatformTag';

/** Contract maxima (packages/contracts accounts.ts); platform limits are softer and only warn. */
const MAX = { name: 60, handle: 100, bio: 1000, category: 60, tone: 500, habits: 500 } as const;

function useLimitRule(limit: TLengthLimit | undefined): FormRule[] {
  const { t } = useI18n();
  return useMemo(() => {
    if (!limit || limit.max === null) return [];
    const { max, min, lengthUnit } = limit;
    return [
      {
        warningOnly: true,
        validator: (_rule, value: string | undefined) => {
          const length = measureLength((value ?? '').trim(), lengthUnit);
          if (length > max)
            return Promise.reject(new Error(t('account.limit.over', { max, length })));
          if (length > 0 && length < min) {
            return Promise.reject(new Error(t('account.limit.under', { min, length })));
          }
          return Promise.resolve();
        },
      },
    ];
  }, [limit, t]);
}

/**
 * Create or edit an account. The platform is chosen once (cards with the platform's guide next
 * to them) and fixed afterwards. Enter in a one-line field submits.
 */
export function AccountForm({
  mode,
  initialValues,
  save,
  onSaved,
  onCancel,
}: {
  mode: 'create' | 'edit';
  initialValues: AccountFormValues;
  save: (values: AccountFormValues) => Promise<TAccount>;
  onSaved: (account: TAccount) => void;
  onCancel: () => void;
}) {
  const { t } = useI18n();
  const [form] = Form.useForm<AccountFormValues>();
  const { formError, handleError, clearError } = useFormErrors(form, ACCOUNT_FORM_FIELDS);
  const watchedPlatform = Form.useWatch<TPlatform | undefined>('platform', form);
  const platform = watchedPlatform ?? initialValues.platform;
  const purpose = Form.useWatch<AccountFormValues['purpose']>('purpose', form);
  const limits = platform ? PLATFORM_INFO[platform].limits : undefined;
  const nameRules = useLimitRule(limits?.name);
  const bioRules = useLimitRule(limits?.bio);
  const [saving, setSaving] = useState(false);

  const regionOptions = useMemo(
    () =>
      t('account.regionSuggestions')
        .split('|')
        .map((r) => ({ value: r, label: r })),
    [t],
  );

  const submit = async (values: AccountFormValues) => {
    clearError();
    setSaving(true);
    try {
      const account = await save({ ...initialValues, ...values, platform });
      setSaving(false);
      onSaved(account);
    } catch (error) {
      setSaving(false);
      handleError(error);
    }
  };

  const counter = (limit: TLengthLimit | undefined) =>
    limit
      ? {
          show: true,
          max: limit.max ?? undefined,
          strategy: (text: string) => measureLength(text, limit.lengthUnit),
        }
      : { show: true };

  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} lg={15}>
        <Form<AccountFormValues>
          form={form}
          layout="vertical"
          initialValues={initialValues}
          onFinish={(values) => void submit(values)}
          scrollToFirstError
          data-testid="account-form"
        >
          <FormErrorAlert error={formError} />
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Card title={t('account.section.platform')} size="small">
              {mode === 'create' ? (
                <Form.Item
                  name="platform"
                  rules={[{ required: true, message: t('account.field.platformRequired') }]}
                  style={{ marginBottom: 0 }}
                >
                  <PlatformPicker autoFocus />
                </Form.Item>
              ) : platform ? (
                <Space>
                  <PlatformTag platform={platform} />
                  <Typography.Text type="secondary">
                    {t('account.field.platformFixed')}
                  </Typography.Text>
                </Space>
              ) : null}
            </Card>

            <Card title={t('account.section.basics')} size="small">
              <Form.Item
                name="name"
                label={t('account.field.name')}
                extra={
                  limits?.name.lengthUnit === 'weighted' ? t('account.guide.weighted') : undefined
                }
                rules={[
                  { required: true, whitespace: true, message: t('validation.required') },
                  ...nameRules,
                ]}
              >
                <Input
                  autoFocus={mode === 'edit'}
                  maxLength={MAX.name}
                  count={counter(limits?.name)}
                  data-testid="account-name"
                />
              </Form.Item>
              <Form.Item
                name="handle"
                label={t('account.field.handle')}
                extra={t('account.field.handleHint')}
              >
                <Input maxLength={MAX.handle} data-testid="account-handle" />
              </Form.Item>
              <Form.Item
                name="bio"
                label={t('account.field.bio')}
                extra={t('account.field.bioHint')}
                rules={bioRules}
              >
                <Input.TextArea
                  autoSize={{ minRows: 3, maxRows: 8 }}
                  maxLength={MAX.bio}
                  count={counter(limits?.bio)}
                  data-testid="account-bio"
                />
              </Form.Item>
              <Form.Item
                name="category"
                label={t('account.field.category')}
                extra={t('account.field.categoryHint')}
              >
                <Input maxLength={MAX.category} data-testid="account-category" />
              </Form.Item>
            </Card>

            <Card title={t('account.section.positioning')} size="small">
              <Form.Item
                name="purpose"
                label={t('account.field.purpose')}
                extra={
                  purpose ? t(`account.purposeHint.${purpose}`) : t('account.field.purposeHint')
                }
              >
                <Radio.Group optionType="button" buttonStyle="solid" data-testid="account-purpose">
                  {PURPOSES.map((p) => (
                    <Radio.Button key={p} value={p}>
                      <span data-testid={`account-purpose-${p}`}>{t(`account.purpose.${p}`)}</span>
                    </Radio.Button>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name="toneOfVoice"
                label={t('account.field.toneOfVoice')}
                extra={t('account.field.toneOfVoiceHint')}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={MAX.tone}
                  showCount
                  data-testid="account-tone"
                />
              </Form.Item>
            </Card>

            <Card title={t('account.section.persona')} size="small">
              <Form.Item name={['persona', 'ageBands']} label={t('account.field.ageBands')}>
                <Checkbox.Group data-testid="account-age-bands">
                  {AGE_BANDS.map((band) => (
                    <Checkbox key={band} value={band}>
                      <span data-testid={`account-age-${band}`}>
                        {t(`account.ageBand.${band}`)}
                      </span>
                    </Checkbox>
                  ))}
                </Checkbox.Group>
              </Form.Item>
              <Form.Item name={['persona', 'gender']} label={t('account.field.gender')}>
                <Radio.Group data-testid="account-gender">
                  {GENDERS.map((g) => (
                    <Radio key={g} value={g}>
                      <span data-testid={`account-gender-${g}`}>{t(`account.gender.${g}`)}</span>
                    </Radio>
                  ))}
                </Radio.Group>
              </Form.Item>
              <Form.Item
                name={['persona', 'regions']}
                label={t('account.field.regions')}
                extra={t('account.field.tagsHint')}
              >
                <Select
                  mode="tags"
                  options={regionOptions}
                  tokenSeparators={[',', '，', '、']}
                  maxCount={20}
                  data-testid="account-regions"
                />
              </Form.Item>
              <Form.Item
                name={['persona', 'interests']}
                label={t('account.field.interests')}
                extra={t('account.field.tagsHint')}
              >
                <Select
                  mode="tags"
                  tokenSeparators={[',', '，', '、']}
                  maxCount={30}
                  notFoundContent={null}
                  data-testid="account-interests"
                />
              </Form.Item>
              <Form.Item
                name={['persona', 'consumptionHabits']}
                label={t('account.field.consumptionHabits')}
                extra={t('account.field.consumptionHabitsHint')}
              >
                <Input.TextArea
                  autoSize={{ minRows: 2, maxRows: 6 }}
                  maxLength={MAX.habits}
                  showCount
                  data-testid="account-habits"
                />
              </Form.Item>
            </Card>

            <Card title={t('account.section.operations')} size="small">
              <Form.Item
                name={['postingPlan', 'postsPerWeek']}
                label={t('account.field.postsPerWeek')}
                extra={t('account.field.postsPerWeekHint')}
              >
                <InputNumber
                  min={0}
                  max={100}
                  precision={0}
                  suffix={t('account.field.postsPerWeekUnit')}
                  style={{ width: 180 }}
                  data-testid="account-posts-per-week"
                />
              </Form.Item>
              <Form.Item name="connectionType" label={t('account.field.connectionType')}>
                <Radio.Group>
                  <Radio value="manual">
                    <span data-testid="account-connection-manual">
                      {t('account.connection.manual')}
                    </span>
                  </Radio>
                </Radio.Group>
              </Form.Item>
              <Alert type="info" showIcon title={t('account.connection.manualHelp')} />
            </Card>

            <Space>
              <Button type="primary" htmlType="submit" loading={saving} data-testid="account-save">
                {mode === 'create' ? t('account.create.submit') : t('common.save')}
              </Button>
              <Button onClick={onCancel} data-testid="account-cancel">
                {t('common.cancel')}
              </Button>
            </Space>
          </Space>
        </Form>
      </Col>
      <Col xs={24} lg={9}>
        <div style={{ position: 'sticky', top: 80 }}>
          <PlatformGuide platform={platform} />
        </div>
      </Col>
    </Row>
  );
}
