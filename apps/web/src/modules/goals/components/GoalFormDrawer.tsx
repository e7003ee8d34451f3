import { useMemo } from 'react';
import {
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Form,
  Grid,
  Input,
  InputNumber,
  Radio,
  Row,
  Select,
  Space,
  Typography,
} from 'antd';
import type { Dayjs } from 'dayjs';
import { GOAL_METRICS, type TGoal, type TGoalBody } from '@yunce/contracts';
import { dayjs } from '../../../app/dates';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { FormErrorAlert } from '../../../ui/FormErrorAlert';
import type { FieldPath } from '../../../ui/form-errors';
import { useFormErrors } from '../../../ui/use-form-errors';
import { useAccounts } from '../../accounts/api';
import { useMetricText } from '../../analytics/hooks';
import { useMembers } from '../../members/api';
import { useCreateGoal, useGoals, useSmartCheck, useUpdateGoal } from '../api';
import { useDebouncedValue } from '../hooks';
import { draftToBody, parentCandidates } from '../utils';
import { SmartLetters } from './GoalBits';

const FIELDS: readonly FieldPath[] = [
  ['name'],
  ['metric'],
  ['scope'],
  ['accountId'],
  ['baseline'],
  ['target'],
  ['startDate'],
  ['endDate'],
  ['ownerId'],
  ['parentId'],
  ['note'],
];

interface Values {
  name?: string;
  metric?: TGoalBody['metric'];
  scope?: TGoalBody['scope'];
  accountId?: string | null;
  baseline?: number | null;
  target?: number | null;
  startDate?: Dayjs | null;
  endDate?: Dayjs | null;
  ownerId?: string | null;
  parentId?: string | null;
  note?: string;
}

const dateText = (d: Dayjs | null | undefined) => (d ? d.format('YYYY-MM-DD') : null);

function initialValues(goal: TGoal | null, today: string): Values {
  if (!goal)
    return {
      scope: 'workspace',
      metric: 'followersTotal',
      startDate: dayjs(today),
      endDate: dayjs(today).add(3, 'month'),
      note: '',
    };
  return {
    name: goal.name,
    metric: goal.metric,
    scope: goal.scope,
    accountId: goal.accountId,
    baseline: goal.baseline,
    target: goal.target,
    startDate: dayjs(goal.startDate),
    endDate: dayjs(goal.endDate),
    ownerId: goal.ownerId,
    parentId: goal.parentId,
    note: goal.note,
  };
}

/** Create or edit a goal, with the SMART check answering live as the form is filled in. */
export function GoalFormDrawer({
  open,
  goal,
  onClose,
  onSaved,
}: {
  open: boolean;
  /** The goal to edit; null to create one. */
  goal: TGoal | null;
  onClose: () => void;
  onSaved?: (goal: TGoal) => void;
}) {
  const t = useT();
  const ws = useWorkspace();
  const m = useMetricText();
  const [form] = Form.useForm<Values>();
  const screens = Grid.useBreakpoint();
  const today = dayjs().tz(ws.timeZone).format('YYYY-MM-DD');
  const accounts = useAccounts(
    ws.workspaceId,
    { status: 'active' },
    open && ws.can('accounts.read'),
  );
  const members = useMembers(ws.workspaceId, open && ws.can('members.read'));
  const goals = useGoals(ws.workspaceId, open);
  const create = useCreateGoal(ws.workspaceId);
  const update = useUpdateGoal(ws.workspaceId);
  const { formError, handleError, clearError } = useFormErrors(form, FIELDS);

  const watched = Form.useWatch([], form) as Values | undefined;
  const scope = watched?.scope ?? goal?.scope ?? 'workspace';
  const draft = useMemo(
    () =>
      watched
        ? draftToBody({
            ...watched,
            startDate: dateText(watched.startDate),
            endDate: dateText(watched.endDate),
          })
        : null,
    [watched],
  );
  const settled = useDebouncedValue(open ? draft : null, 400);
  const smart = useSmartCheck(ws.workspaceId, settled);

  const submit = (v: Values) => {
    const body = draftToBody({
      ...v,
      startDate: dateText(v.startDate),
      endDate: dateText(v.endDate),
    });
    if (!body) return;
    clearError();
    const done = {
      onSuccess: (saved: TGoal) => {
        onSaved?.(saved);
        onClose();
      },
      onError: handleError,
    };
    if (goal) update.mutate({ id: goal.id, body }, done);
    else create.mutate(body, done);
  };

  const parents = parentCandidates(goals.data ?? [], goal?.id ?? null);
  const required = { required: true, message: t('validation.required') };

  return (
    <Drawer
      open={open}
      onClose={onClose}
      size={screens.md === false ? '100%' : 860}
      destroyOnHidden
      title={goal ? t('goals.edit.title', { name: goal.name }) : t('goals.create.title')}
      extra={
        <Space>
          <Button onClick={onClose}>{t('common.cancel')}</Button>
          <Button
            type="primary"
            onClick={() => form.submit()}
            loading={create.isPending || update.isPending}
            data-testid="goal-save"
          >
            {t('common.save')}
          </Button>
        </Space>
      }
      data-testid="goal-drawer"
    >
      <Row gutter={24}>
        <Col xs={24} md={14}>
          <FormErrorAlert error={formError} />
          <Form<Values>
            form={form}
            layout="vertical"
            initialValues={initialValues(goal, today)}
            onFinish={submit}
            data-testid="goal-form"
          >
            <Form.Item
              name="name"
              label={t('goals.field.name')}
              rules={[{ ...required, whitespace: true }]}
            >
              <Input
                maxLength={100}
                placeholder={t('goals.field.namePlaceholder')}
                data-testid="goal-name"
              />
            </Form.Item>
            <Form.Item name="metric" label={t('goals.field.metric')} rules={[required]}>
              <Select
                options={GOAL_METRICS.map((k) => ({ value: k, label: m.label(k) }))}
                showSearch={{ optionFilterProp: 'label' }}
                data-testid="goal-metric"
              />
            </Form.Item>
            <Form.Item name="scope" label={t('goals.field.scope')} rules={[required]}>
              <Radio.Group
                optionType="button"
                options={[
                  { value: 'workspace', label: t('goals.scope.workspace') },
                  { value: 'account', label: t('goals.scope.account') },
                ]}
              />
            </Form.Item>
            {scope === 'account' ? (
              <Form.Item name="accountId" label={t('goals.field.account')} rules={[required]}>
                <Select
                  loading={accounts.isPending}
                  showSearch={{ optionFilterProp: 'label' }}
                  options={(accounts.data ?? []).map((a) => ({
                    value: a.id,
                    label: `${a.name}（${m.platform(a.platform)}）`,
                  }))}
                  data-testid="goal-account"
                />
              </Form.Item>
            ) : null}
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item
                  name="baseline"
                  label={t('goals.field.baseline')}
                  rules={[required]}
                  extra={t('goals.field.baselineExtra')}
                >
                  <InputNumber style={{ width: '100%' }} data-testid="goal-baseline" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item name="target" label={t('goals.field.target')} rules={[required]}>
                  <InputNumber style={{ width: '100%' }} data-testid="goal-target" />
                </Form.Item>
              </Col>
            </Row>
            {watched?.metric === 'engagementRate' ? (
              <Typography.Paragraph type="secondary" style={{ marginTop: -12 }}>
                {t('goals.field.rateHint')}
              </Typography.Paragraph>
            ) : null}
            <Row gutter={12}>
              <Col span={12}>
                <Form.Item name="startDate" label={t('goals.field.startDate')} rules={[required]}>
                  <DatePicker style={{ width: '100%' }} data-testid="goal-start" />
                </Form.Item>
              </Col>
              <Col span={12}>
                <Form.Item
                  name="endDate"
                  label={t('goals.field.endDate')}
                  dependencies={['startDate']}
                  rules={[
                    required,
                    ({ getFieldValue }) => ({
                      validator: (_, value: Dayjs | null) => {
                        const start = getFieldValue('startDate') as Dayjs | null;
                        return !value || !start || value.isAfter(start, 'day')
                          ? Promise.resolve()
                          : Promise.reject(new Error(t('goals.field.endAfterStart')));
                      },
                    }),
                  ]}
                >
                  <DatePicker style={{ width: '100%' }} data-testid="goal-end" />
                </Form.Item>
              </Col>
            </Row>
            <Form.Item name="ownerId" label={t('goals.field.owner')}>
              <Select
                allowClear
                disabled={!ws.can('members.read')}
                loading={members.isPending && members.fetchStatus !== 'idle'}
                placeholder={t('goals.field.ownerNone')}
                showSearch={{ optionFilterProp: 'label' }}
                options={(members.data ?? []).map((u) => ({
                  value: u.userId,
                  label: u.displayName,
                }))}
                data-testid="goal-owner"
              />
            </Form.Item>
            <Form.Item
              name="parentId"
              label={t('goals.field.parent')}
              extra={t('goals.field.parentExtra')}
            >
              <Select
                allowClear
                placeholder={t('goals.field.parentNone')}
                showSearch={{ optionFilterProp: 'label' }}
                options={parents.map((g) => ({ value: g.id, label: g.name }))}
                data-testid="goal-parent"
              />
            </Form.Item>
            <Form.Item name="note" label={t('goals.field.note')} extra={t('goals.field.noteExtra')}>
              <Input.TextArea rows={3} maxLength={1000} showCount data-testid="goal-note" />
            </Form.Item>
          </Form>
        </Col>
        <Col xs={24} md={10}>
          <Card
            size="small"
            title={t('goals.smart.title')}
            data-testid="goal-smart"
            aria-live="polite"
          >
            {draft === null ? (
              <Typography.Text type="secondary">{t('goals.smart.incomplete')}</Typography.Text>
            ) : smart.isError ? (
              <Typography.Text type="secondary">{t('goals.smart.failed')}</Typography.Text>
            ) : (
              <SmartLetters
                smart={smart.data ?? []}
                loading={smart.isFetching && !smart.data}
                testId="goal-smart-letters"
              />
            )}
            <Typography.Paragraph
              type="secondary"
              style={{ fontSize: 12, marginTop: 8, marginBottom: 0 }}
            >
              {t('goals.smart.hint')}
            </Typography.Paragraph>
          </Card>
        </Col>
      </Row>
    </Drawer>
  );
}
