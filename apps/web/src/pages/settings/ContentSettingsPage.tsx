import { useCallback, useMemo, useState, type ReactNode } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Input,
  Radio,
  Select,
  Space,
  Tag,
  Tooltip,
  Typography,
} from 'antd';
import {
  ArrowDownOutlined,
  ArrowUpOutlined,
  DeleteOutlined,
  PlusOutlined,
} from '@ant-design/icons';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES, type TRole } from '@yunce/contracts';
import { defaultEngine, type TComplianceRuleInfo } from '@yunce/core';
import { api, ApiError, type ApiErrorDetail } from '../../app/api';
import { useI18n } from '../../app/i18n/context';
import type { MessageKey } from '../../app/i18n/messages';
import { useWorkspace } from '../../app/workspace';
import { useContentSettings, type ContentSettings } from '../../modules/content/api';
import { FormErrorAlert } from '../../ui/FormErrorAlert';
import { fieldToPath } from '../../ui/form-errors';
import { PageHeader } from '../../ui/PageHeader';
import { useRoleOptions } from '../../ui/roles';
import { ErrorState, LoadingState } from '../../ui/states';
import { useErrorMessage } from '../../ui/use-error-message';
import type { FormLevelError } from '../../ui/use-form-errors';

type Severity = 'block' | 'warn' | 'info';
type Compliance = ContentSettings['compliance'];
type Step = ContentSettings['approvalFlow']['steps'][number];
type Path = readonly (string | number)[];

const SEVERITIES: readonly Severity[] = ['block', 'warn', 'info'];
const MAX_STEPS = 5;
const MAX_PILLAR_NAME = 20;

// Stable React keys for rows the person adds, removes and reorders.
let lastRowKey = 0;
const rowKey = () => `row-${++lastRowKey}`;

/** Keeps a local draft of `initial`, replaced whenever the server's value changes. */
function useDraft<T, D>(initial: T, toDraft: (value: T) => D) {
  const [base, setBase] = useState(initial);
  const [draft, setDraft] = useState(() => toDraft(initial));
  if (base !== initial) {
    setBase(initial);
    setDraft(toDraft(initial));
  }
  return [draft, setDraft] as const;
}

/** Saves one section; keeps the API error so each field can show its own part of it. */
function useSectionSave(workspaceId: string) {
  const { message } = App.useApp();
  const { t } = useI18n();
  const qc = useQueryClient();
  const errorText = useErrorMessage();
  const [saving, setSaving] = useState(false);
  const [error, setError] = useState<FormLevelError | null>(null);

  const save = useCallback(
    async (body: Record<string, unknown>) => {
      setSaving(true);
      setError(null);
      try {
        await api.patch(`/workspaces/${workspaceId}/content-settings`, body);
        await qc.invalidateQueries({ queryKey: ['content-settings', workspaceId] });
        message.success(t('content.settings.saved'));
      } catch (err) {
        setError({
          message: errorText(err),
          details: err instanceof ApiError ? err.details : [],
        });
      } finally {
        setSaving(false);
      }
    },
    [workspaceId, qc, message, t, errorText],
  );

  /** Messages of the details whose field is `prefix` or lies under it. */
  const errorsAt = useCallback(
    (...prefix: Path): string[] =>
      (error?.details ?? [])
        .filter((d: ApiErrorDetail) => {
          const path = fieldToPath(d.field);
          return prefix.length <= path.length && prefix.every((s, i) => path[i] === s);
        })
        .map((d) => d.message),
    [error],
  );

  return { save, saving, error, errorsAt };
}

function FieldError({ messages }: { messages: readonly string[] }) {
  if (messages.length === 0) return null;
  return (
    <Typography.Text type="danger" role="alert">
      {messages.join('；')}
    </Typography.Text>
  );
}

function Label({ children }: { children: ReactNode }) {
  return <Typography.Text strong>{children}</Typography.Text>;
}

/** Settings → Content: approval flow, custom pillars and the workspace's compliance lists. */
export default function ContentSettingsPage() {
  const { t } = useI18n();
  const ws = useWorkspace();
  const settings = useContentSettings(ws.workspaceId);
  const editable = ws.can('content.settings');

  if (settings.isPending) return <LoadingState tip={t('content.settings.loading')} />;
  if (settings.isError) {
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
  }
  const data = settings.data;

  return (
    <>
      <PageHeader title={t('nav.settingsContent')} subtitle={t('content.settings.subtitle')} />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          title={t('content.settings.readOnly')}
          style={{ marginBottom: 16 }}
          data-testid="content-settings-readonly"
        />
      ) : null}
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        <ApprovalFlowCard
          workspaceId={ws.workspaceId}
          flow={data.approvalFlow}
          editable={editable}
        />
        <PillarsCard
          workspaceId={ws.workspaceId}
          builtin={data.builtinPillars}
          custom={data.customPillars}
          editable={editable}
        />
        <ComplianceCard
          workspaceId={ws.workspaceId}
          compliance={data.compliance}
          editable={editable}
        />
      </Space>
    </>
  );
}

// ── Approval flow ────────────────────────────────────────────────────────────────────────────

type StepRow = Step & { key: string };

function ApprovalFlowCard({
  workspaceId,
  flow,
  editable,
}: {
  workspaceId: string;
  flow: ContentSettings['approvalFlow'];
  editable: boolean;
}) {
  const { t } = useI18n();
  const roleOptions = useRoleOptions(ROLES);
  const { save, saving, error, errorsAt } = useSectionSave(workspaceId);
  const [rows, setRows] = useDraft(flow, (f): StepRow[] =>
    f.steps.map((s) => ({ ...s, key: rowKey() })),
  );

  const update = (index: number, patch: Partial<Step>) =>
    setRows(rows.map((r, i) => (i === index ? { ...r, ...patch } : r)));
  const move = (index: number, by: -1 | 1) => {
    const next = [...rows];
    const [row] = next.splice(index, 1);
    next.splice(index + by, 0, row!);
    setRows(next);
  };

  const onSave = () =>
    void save({
      approvalFlow: {
        steps: rows.map(({ name, roles, mode }) => ({ name: name.trim(), roles, mode })),
      },
    });

  return (
    <Card title={t('content.settings.flow')} data-testid="content-settings-flow">
      <FormErrorAlert error={error} />
      <Typography.Paragraph type="secondary">{t('content.settings.flowHint')}</Typography.Paragraph>
      <Space orientation="vertical" style={{ width: '100%' }}>
        {rows.map((row, i) => {
          const nameErrors = errorsAt('approvalFlow', 'steps', i, 'name');
          const roleErrors = errorsAt('approvalFlow', 'steps', i, 'roles');
          return (
            <div key={row.key} data-testid={`content-settings-step-${i}`}>
              <Space wrap align="start">
                <Tag>{t('content.settings.step', { n: i + 1 })}</Tag>
                <Space orientation="vertical" size={0}>
                  <Input
                    aria-label={t('content.settings.stepName')}
                    placeholder={t('content.settings.stepName')}
                    value={row.name}
                    maxLength={40}
                    disabled={!editable}
                    status={nameErrors.length ? 'error' : undefined}
                    onChange={(e) => update(i, { name: e.target.value })}
                    style={{ width: 180 }}
                  />
                  <FieldError messages={nameErrors} />
                </Space>
                <Space orientation="vertical" size={0}>
                  <Select<TRole[]>
                    mode="multiple"
                    aria-label={t('content.settings.roles')}
                    placeholder={t('content.settings.rolesPlaceholder')}
                    style={{ minWidth: 280 }}
                    value={row.roles}
                    disabled={!editable}
                    status={roleErrors.length ? 'error' : undefined}
                    options={roleOptions}
                    onChange={(roles) => update(i, { roles })}
                  />
                  <FieldError messages={roleErrors} />
                </Space>
                <Radio.Group
                  value={row.mode}
                  disabled={!editable}
                  onChange={(e) => update(i, { mode: e.target.value as Step['mode'] })}
                >
                  <Radio value="any">{t('content.settings.any')}</Radio>
                  <Radio value="all">{t('content.settings.all')}</Radio>
                </Radio.Group>
                {editable ? (
                  <Space size={4}>
                    <Tooltip title={t('content.settings.moveUp')}>
                      <Button
                        icon={<ArrowUpOutlined />}
                        aria-label={t('content.settings.moveUp')}
                        disabled={i === 0}
                        onClick={() => move(i, -1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('content.settings.moveDown')}>
                      <Button
                        icon={<ArrowDownOutlined />}
                        aria-label={t('content.settings.moveDown')}
                        disabled={i === rows.length - 1}
                        onClick={() => move(i, 1)}
                      />
                    </Tooltip>
                    <Tooltip title={t('content.settings.removeStep')}>
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('content.settings.removeStep')}
                        disabled={rows.length <= 1}
                        onClick={() => setRows(rows.filter((_, k) => k !== i))}
                      />
                    </Tooltip>
                  </Space>
                ) : null}
              </Space>
            </div>
          );
        })}
        <FieldError
          messages={errorsAt('approvalFlow').filter(
            (m) => !rows.some((_, i) => errorsAt('approvalFlow', 'steps', i).includes(m)),
          )}
        />
        {editable ? (
          <Space>
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= MAX_STEPS}
              onClick={() =>
                setRows([...rows, { key: rowKey(), name: '', roles: ['lead'], mode: 'any' }])
              }
            >
              {t('content.settings.addStep')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              onClick={onSave}
              data-testid="content-settings-flow-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}

// ── Content pillars ──────────────────────────────────────────────────────────────────────────

type PillarRow = { key: string; id?: string; name: string };

function PillarsCard({
  workspaceId,
  builtin,
  custom,
  editable,
}: {
  workspaceId: string;
  builtin: readonly string[];
  custom: ContentSettings['customPillars'];
  editable: boolean;
}) {
  const { t, tMaybe } = useI18n();
  const { save, saving, error, errorsAt } = useSectionSave(workspaceId);
  const [rows, setRows] = useDraft(custom, (list): PillarRow[] =>
    list.map((p) => ({ key: p.id, id: p.id, name: p.name })),
  );

  const onSave = () => {
    // Blank rows mean nothing; drop them first so error indexes match the rows on screen.
    const kept = rows.filter((r) => r.name.trim() !== '');
    setRows(kept);
    void save({
      customPillars: kept.map((r) =>
        r.id ? { id: r.id, name: r.name.trim() } : { name: r.name.trim() },
      ),
    });
  };

  return (
    <Card title={t('content.settings.pillars')} data-testid="content-settings-pillars">
      <FormErrorAlert error={error} />
      <Space orientation="vertical" style={{ width: '100%' }}>
        <Label>{t('content.settings.builtinPillars')}</Label>
        <Space wrap size={[4, 4]} data-testid="content-settings-builtin-pillars">
          {builtin.map((p) => (
            <Tag key={p}>{tMaybe(`content.pillar.${p}`) ?? p}</Tag>
          ))}
        </Space>
        <Label>{t('content.settings.customPillarsLabel')}</Label>
        {rows.length === 0 ? (
          <Typography.Text type="secondary">
            {t('content.settings.noCustomPillars')}
          </Typography.Text>
        ) : null}
        {rows.map((row, i) => {
          const errors = errorsAt('customPillars', i);
          return (
            <Space key={row.key} align="start" data-testid={`content-settings-pillar-${i}`}>
              <Space orientation="vertical" size={0}>
                <Input
                  aria-label={t('content.settings.pillarName')}
                  placeholder={t('content.settings.pillarName')}
                  value={row.name}
                  disabled={!editable}
                  maxLength={MAX_PILLAR_NAME}
                  status={errors.length ? 'error' : undefined}
                  onChange={(e) =>
                    setRows(rows.map((r, k) => (k === i ? { ...r, name: e.target.value } : r)))
                  }
                  style={{ width: 240 }}
                />
                <FieldError messages={errors} />
              </Space>
              {editable ? (
                <Tooltip title={t('content.settings.removePillar')}>
                  <Button
                    danger
                    icon={<DeleteOutlined />}
                    aria-label={t('content.settings.removePillar')}
                    onClick={() => setRows(rows.filter((_, k) => k !== i))}
                  />
                </Tooltip>
              ) : null}
            </Space>
          );
        })}
        {editable ? (
          <Space>
            <Button
              icon={<PlusOutlined />}
              disabled={rows.length >= 30}
              onClick={() => setRows([...rows, { key: rowKey(), name: '' }])}
            >
              {t('content.settings.addPillar')}
            </Button>
            <Button
              type="primary"
              loading={saving}
              onClick={onSave}
              data-testid="content-settings-pillars-save"
            >
              {t('common.save')}
            </Button>
          </Space>
        ) : null}
      </Space>
    </Card>
  );
}

// ── Compliance lists ─────────────────────────────────────────────────────────────────────────

type SpellingRow = { key: string; wrong: string; right: string };
type OverrideRow = { key: string; ruleId: string | undefined; severity: Severity };
type ComplianceDraft = Omit<Compliance, 'brandSpellings' | 'severityOverrides'> & {
  brandSpellings: SpellingRow[];
  severityOverrides: OverrideRow[];
};

function toComplianceDraft(c: Compliance): ComplianceDraft {
  return {
    ...c,
    brandSpellings: c.brandSpellings.map((b) => ({ ...b, key: rowKey() })),
    severityOverrides: Object.entries(c.severityOverrides).map(([ruleId, severity]) => ({
      key: rowKey(),
      ruleId,
      severity,
    })),
  };
}

/** Trimmed, without blanks or repeats: what a tags input should hold. */
function cleanTags(values: readonly string[]): string[] {
  return [...new Set(values.map((v) => v.trim()).filter((v) => v !== ''))];
}

function shorten(text: string, max = 60): string {
  return text.length > max ? `${text.slice(0, max)}…` : text;
}

function ComplianceCard({
  workspaceId,
  compliance,
  editable,
}: {
  workspaceId: string;
  compliance: Compliance;
  editable: boolean;
}) {
  const { t, locale } = useI18n();
  const { save, saving, error, errorsAt } = useSectionSave(workspaceId);
  const [draft, setDraft] = useDraft(compliance, toComplianceDraft);
  const set = (patch: Partial<ComplianceDraft>) => setDraft({ ...draft, ...patch });

  // The built-in rules only: the workspace's own lists are edited above.
  const rules = useMemo(
    () => defaultEngine().rules.filter((r) => !r.id.startsWith('workspace.')),
    [],
  );
  const ruleOption = useCallback(
    (r: TComplianceRuleInfo) => {
      const category = t(`content.category.${r.category}` as MessageKey);
      const explanation = r.explanation[locale];
      return {
        value: r.id,
        label: `${r.id} · ${category}`,
        title: explanation,
        explanation: shorten(explanation),
        search: `${r.id} ${category} ${explanation}`.toLowerCase(),
      };
    },
    [t, locale],
  );
  const ruleOptions = useMemo(() => rules.map(ruleOption), [rules, ruleOption]);
  type RuleOption = (typeof ruleOptions)[number];
  const renderRule = (option: { data: RuleOption }) => (
    <div>
      <div>{option.data.label}</div>
      <Typography.Text type="secondary" style={{ fontSize: 12, whiteSpace: 'normal' }}>
        {option.data.explanation}
      </Typography.Text>
    </div>
  );
  const filterRule = (input: string, option?: RuleOption) =>
    Boolean(option?.search.includes(input.trim().toLowerCase()));

  const onSave = () => {
    // Drop rows left completely empty so error indexes match the rows on screen.
    const spellings = draft.brandSpellings.filter((b) => b.wrong.trim() || b.right.trim());
    const overrides = draft.severityOverrides.filter((o) => o.ruleId);
    setDraft({ ...draft, brandSpellings: spellings, severityOverrides: overrides });
    const body: Compliance = {
      bannedWords: draft.bannedWords,
      competitorNames: draft.competitorNames,
      allowPhrases: draft.allowPhrases,
      disabledRuleIds: draft.disabledRuleIds,
      brandSpellings: spellings.map((b) => ({ wrong: b.wrong.trim(), right: b.right.trim() })),
      severityOverrides: Object.fromEntries(overrides.map((o) => [o.ruleId!, o.severity])),
    };
    void save({ compliance: body });
  };

  const tagsField = (
    field: 'bannedWords' | 'competitorNames' | 'allowPhrases',
    label: MessageKey,
    testId?: string,
  ) => {
    const errors = errorsAt('compliance', field);
    return (
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Label>{t(label)}</Label>
        <Select<string[]>
          mode="tags"
          aria-label={t(label)}
          placeholder={editable ? t('content.settings.tagsPlaceholder') : undefined}
          style={{ width: '100%' }}
          value={draft[field]}
          disabled={!editable}
          tokenSeparators={[',', '，', '\n']}
          status={errors.length ? 'error' : undefined}
          onChange={(values) => set({ [field]: cleanTags(values) })}
          data-testid={testId}
        />
        <FieldError messages={errors} />
      </Space>
    );
  };

  const chosenOverrides = new Set(draft.severityOverrides.map((o) => o.ruleId));
  const updateOverride = (index: number, patch: Partial<OverrideRow>) =>
    set({
      severityOverrides: draft.severityOverrides.map((o, k) =>
        k === index ? { ...o, ...patch } : o,
      ),
    });
  const updateSpelling = (index: number, patch: Partial<SpellingRow>) =>
    set({
      brandSpellings: draft.brandSpellings.map((b, k) => (k === index ? { ...b, ...patch } : b)),
    });

  return (
    <Card title={t('content.settings.compliance')} data-testid="content-settings-compliance">
      <FormErrorAlert error={error} />
      <Space orientation="vertical" style={{ width: '100%' }} size="middle">
        {tagsField('bannedWords', 'content.settings.banned', 'content-settings-banned')}
        {tagsField(
          'competitorNames',
          'content.settings.competitors',
          'content-settings-competitors',
        )}
        {tagsField('allowPhrases', 'content.settings.allow', 'content-settings-allow')}

        <Space
          orientation="vertical"
          size={4}
          style={{ width: '100%' }}
          data-testid="content-settings-spellings"
        >
          <Label>{t('content.settings.spellings')}</Label>
          {draft.brandSpellings.map((b, i) => {
            const wrongErrors = errorsAt('compliance', 'brandSpellings', i, 'wrong');
            const rightErrors = errorsAt('compliance', 'brandSpellings', i, 'right');
            const rowErrors = errorsAt('compliance', 'brandSpellings', i).filter(
              (m) => !wrongErrors.includes(m) && !rightErrors.includes(m),
            );
            return (
              <Space key={b.key} orientation="vertical" size={0}>
                <Space align="center">
                  <Input
                    aria-label={t('content.settings.spellingWrong')}
                    placeholder={t('content.settings.spellingWrong')}
                    value={b.wrong}
                    disabled={!editable}
                    status={wrongErrors.length ? 'error' : undefined}
                    onChange={(e) => updateSpelling(i, { wrong: e.target.value })}
                  />
                  <span aria-hidden>→</span>
                  <Input
                    aria-label={t('content.settings.spellingRight')}
                    placeholder={t('content.settings.spellingRight')}
                    value={b.right}
                    disabled={!editable}
                    status={rightErrors.length ? 'error' : undefined}
                    onChange={(e) => updateSpelling(i, { right: e.target.value })}
                  />
                  {editable ? (
                    <Tooltip title={t('content.settings.removeSpelling')}>
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('content.settings.removeSpelling')}
                        onClick={() =>
                          set({ brandSpellings: draft.brandSpellings.filter((_, k) => k !== i) })
                        }
                      />
                    </Tooltip>
                  ) : null}
                </Space>
                <FieldError messages={[...wrongErrors, ...rightErrors, ...rowErrors]} />
              </Space>
            );
          })}
          {editable ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                set({
                  brandSpellings: [
                    ...draft.brandSpellings,
                    { key: rowKey(), wrong: '', right: '' },
                  ],
                })
              }
            >
              {t('content.settings.addSpelling')}
            </Button>
          ) : null}
        </Space>

        <Space orientation="vertical" size={4} style={{ width: '100%' }}>
          <Label>{t('content.settings.disabled')}</Label>
          <Select<string[], RuleOption>
            mode="multiple"
            aria-label={t('content.settings.disabled')}
            placeholder={t('content.settings.disabledPlaceholder')}
            style={{ width: '100%' }}
            value={draft.disabledRuleIds}
            disabled={!editable}
            options={ruleOptions}
            optionRender={renderRule}
            showSearch={{ filterOption: filterRule }}
            status={errorsAt('compliance', 'disabledRuleIds').length ? 'error' : undefined}
            onChange={(disabledRuleIds) => set({ disabledRuleIds })}
            data-testid="content-settings-disabled"
          />
          <FieldError messages={errorsAt('compliance', 'disabledRuleIds')} />
        </Space>

        <Space
          orientation="vertical"
          size={4}
          style={{ width: '100%' }}
          data-testid="content-settings-overrides"
        >
          <Label>{t('content.settings.overrides')}</Label>
          <Typography.Text type="secondary">{t('content.settings.overridesHint')}</Typography.Text>
          {draft.severityOverrides.map((o, i) => {
            const errors = o.ruleId ? errorsAt('compliance', 'severityOverrides', o.ruleId) : [];
            return (
              <Space key={o.key} orientation="vertical" size={0}>
                <Space wrap>
                  <Select<string, RuleOption>
                    aria-label={t('content.settings.overrideRule')}
                    placeholder={t('content.settings.overrideRule')}
                    style={{ width: 360 }}
                    value={o.ruleId}
                    disabled={!editable}
                    options={ruleOptions.filter(
                      (r) => r.value === o.ruleId || !chosenOverrides.has(r.value),
                    )}
                    optionRender={renderRule}
                    showSearch={{ filterOption: filterRule }}
                    status={errors.length ? 'error' : undefined}
                    onChange={(ruleId) => updateOverride(i, { ruleId })}
                  />
                  <Radio.Group
                    optionType="button"
                    value={o.severity}
                    disabled={!editable}
                    options={SEVERITIES.map((s) => ({
                      value: s,
                      label: t(`content.severity.${s}`),
                    }))}
                    onChange={(e) => updateOverride(i, { severity: e.target.value as Severity })}
                  />
                  {editable ? (
                    <Tooltip title={t('content.settings.removeOverride')}>
                      <Button
                        danger
                        icon={<DeleteOutlined />}
                        aria-label={t('content.settings.removeOverride')}
                        onClick={() =>
                          set({
                            severityOverrides: draft.severityOverrides.filter((_, k) => k !== i),
                          })
                        }
                      />
                    </Tooltip>
                  ) : null}
                </Space>
                <FieldError messages={errors} />
              </Space>
            );
          })}
          {editable ? (
            <Button
              icon={<PlusOutlined />}
              onClick={() =>
                set({
                  severityOverrides: [
                    ...draft.severityOverrides,
                    { key: rowKey(), ruleId: undefined, severity: 'warn' },
                  ],
                })
              }
            >
              {t('content.settings.addOverride')}
            </Button>
          ) : null}
        </Space>

        {editable ? (
          <div>
            <Button
              type="primary"
              loading={saving}
              onClick={onSave}
              data-testid="content-settings-compliance-save"
            >
              {t('common.save')}
            </Button>
          </div>
        ) : null}
      </Space>
    </Card>
  );
}
