import { useEffect, useMemo, useState } from 'react';
import { Alert, App, Button, Card, Input, Radio, Select, Space, Typography } from 'antd';
import { useQueryClient } from '@tanstack/react-query';
import { ROLES, type TRole } from '@yunce/contracts';
import { defaultEngine } from '@yunce/core';
import { api } from '../../app/api';
import { useI18n, useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useContentSettings, type ContentSettings } from '../../modules/content/api';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';
import { useErrorMessage } from '../../ui/use-error-message';
import { useRoleOptions } from '../../ui/roles';
import type { MessageKey } from '../../app/i18n/messages';

/** Settings → Content: approval flow, custom pillars and the workspace's compliance lists. */
export default function ContentSettingsPage() {
  const t = useT();
  const { locale } = useI18n();
  const ws = useWorkspace();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const qc = useQueryClient();
  const settings = useContentSettings(ws.workspaceId);
  const editable = ws.can('content.settings');
  const roleOptions = useRoleOptions(ROLES);
  const [draft, setDraft] = useState<ContentSettings | null>(null);
  useEffect(() => {
    if (settings.data) setDraft(settings.data);
  }, [settings.data]);
  const rules = useMemo(
    () => defaultEngine().rules.filter((r) => !r.id.startsWith('workspace.')),
    [],
  );

  if (settings.isPending || (!draft && !settings.isError)) return <LoadingState />;
  if (settings.isError || !draft)
    return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;

  const save = async (body: Record<string, unknown>) => {
    try {
      await api.patch(`/workspaces/${ws.workspaceId}/content-settings`, body);
      await qc.invalidateQueries({ queryKey: ['content-settings', ws.workspaceId] });
      message.success(t('content.settings.saved'));
    } catch (err) {
      message.error(errorText(err));
    }
  };
  const c = draft.compliance;
  const setC = (patch: Partial<typeof c>) => setDraft({ ...draft, compliance: { ...c, ...patch } });
  const steps = draft.approvalFlow.steps;
  const setSteps = (next: typeof steps) => setDraft({ ...draft, approvalFlow: { steps: next } });

  return (
    <>
      <PageHeader title={t('nav.settingsContent')} subtitle={t('content.settings.subtitle')} />
      {!editable ? (
        <Alert
          type="info"
          showIcon
          message={t('content.settings.readOnly')}
          style={{ marginBottom: 16 }}
        />
      ) : null}
      <Space direction="vertical" style={{ width: '100%' }} size="middle">
        <Card title={t('content.settings.flow')} data-testid="content-settings-flow">
          {steps.map((step, i) => (
            <Space key={i} wrap style={{ display: 'flex', marginBottom: 8 }}>
              <Typography.Text strong>{i + 1}.</Typography.Text>
              <Input
                placeholder={t('content.settings.stepName')}
                value={step.name}
                disabled={!editable}
                onChange={(e) =>
                  setSteps(steps.map((s, k) => (k === i ? { ...s, name: e.target.value } : s)))
                }
                style={{ width: 180 }}
              />
              <Select
                mode="multiple"
                style={{ minWidth: 260 }}
                value={step.roles}
                disabled={!editable}
                options={roleOptions}
                onChange={(roles: TRole[]) =>
                  setSteps(steps.map((s, k) => (k === i ? { ...s, roles } : s)))
                }
              />
              <Radio.Group
                value={step.mode}
                disabled={!editable}
                onChange={(e) =>
                  setSteps(
                    steps.map((s, k) =>
                      k === i ? { ...s, mode: e.target.value as 'any' | 'all' } : s,
                    ),
                  )
                }
              >
                <Radio value="any">{t('content.settings.any')}</Radio>
                <Radio value="all">{t('content.settings.all')}</Radio>
              </Radio.Group>
              {editable && steps.length > 1 ? (
                <Button onClick={() => setSteps(steps.filter((_, k) => k !== i))}>×</Button>
              ) : null}
            </Space>
          ))}
          {editable ? (
            <Space>
              {steps.length < 5 ? (
                <Button
                  onClick={() => setSteps([...steps, { name: '', roles: ['owner'], mode: 'any' }])}
                >
                  {t('content.settings.addStep')}
                </Button>
              ) : null}
              <Button
                type="primary"
                onClick={() => void save({ approvalFlow: draft.approvalFlow })}
                data-testid="content-settings-flow-save"
              >
                {t('common.save')}
              </Button>
            </Space>
          ) : null}
        </Card>
        <Card title={t('content.settings.pillars')} data-testid="content-settings-pillars">
          <Typography.Paragraph type="secondary">
            {draft.builtinPillars.map((p) => t(`content.pillar.${p}` as MessageKey)).join(' · ')}
          </Typography.Paragraph>
          {draft.customPillars.map((p, i) => (
            <Space key={p.id || i} style={{ display: 'flex', marginBottom: 8 }}>
              <Input
                value={p.name}
                disabled={!editable}
                maxLength={20}
                onChange={(e) =>
                  setDraft({
                    ...draft,
                    customPillars: draft.customPillars.map((x, k) =>
                      k === i ? { ...x, name: e.target.value } : x,
                    ),
                  })
                }
              />
              {editable ? (
                <Button
                  onClick={() =>
                    setDraft({
                      ...draft,
                      customPillars: draft.customPillars.filter((_, k) => k !== i),
                    })
                  }
                >
                  ×
                </Button>
              ) : null}
            </Space>
          ))}
          {editable ? (
            <Space>
              <Button
                onClick={() =>
                  setDraft({
                    ...draft,
                    customPillars: [...draft.customPillars, { id: '', name: '' }],
                  })
                }
              >
                {t('content.settings.addPillar')}
              </Button>
              <Button
                type="primary"
                onClick={() =>
                  void save({
                    customPillars: draft.customPillars
                      .filter((p) => p.name.trim())
                      .map((p) => (p.id ? p : { name: p.name })),
                  })
                }
              >
                {t('common.save')}
              </Button>
            </Space>
          ) : null}
        </Card>
        <Card title={t('content.settings.compliance')} data-testid="content-settings-compliance">
          <Space direction="vertical" style={{ width: '100%' }}>
            <Typography.Text>{t('content.settings.banned')}</Typography.Text>
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={c.bannedWords}
              disabled={!editable}
              onChange={(bannedWords: string[]) => setC({ bannedWords })}
              data-testid="content-settings-banned"
            />
            <Typography.Text>{t('content.settings.competitors')}</Typography.Text>
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={c.competitorNames}
              disabled={!editable}
              onChange={(competitorNames: string[]) => setC({ competitorNames })}
            />
            <Typography.Text>{t('content.settings.allow')}</Typography.Text>
            <Select
              mode="tags"
              style={{ width: '100%' }}
              value={c.allowPhrases}
              disabled={!editable}
              onChange={(allowPhrases: string[]) => setC({ allowPhrases })}
            />
            <Typography.Text>{t('content.settings.spellings')}</Typography.Text>
            {c.brandSpellings.map((b, i) => (
              <Space key={i}>
                <Input
                  value={b.wrong}
                  disabled={!editable}
                  onChange={(e) =>
                    setC({
                      brandSpellings: c.brandSpellings.map((x, k) =>
                        k === i ? { ...x, wrong: e.target.value } : x,
                      ),
                    })
                  }
                />
                →
                <Input
                  value={b.right}
                  disabled={!editable}
                  onChange={(e) =>
                    setC({
                      brandSpellings: c.brandSpellings.map((x, k) =>
                        k === i ? { ...x, right: e.target.value } : x,
                      ),
                    })
                  }
                />
                {editable ? (
                  <Button
                    onClick={() =>
                      setC({ brandSpellings: c.brandSpellings.filter((_, k) => k !== i) })
                    }
                  >
                    ×
                  </Button>
                ) : null}
              </Space>
            ))}
            {editable ? (
              <Button
                onClick={() =>
                  setC({ brandSpellings: [...c.brandSpellings, { wrong: '', right: '' }] })
                }
              >
                +
              </Button>
            ) : null}
            <Typography.Text>{t('content.settings.disabled')}</Typography.Text>
            <Select
              mode="multiple"
              style={{ width: '100%' }}
              value={c.disabledRuleIds}
              disabled={!editable}
              onChange={(disabledRuleIds: string[]) => setC({ disabledRuleIds })}
              options={rules.map((r) => ({
                value: r.id,
                label: `${r.id} — ${r.explanation[locale].slice(0, 40)}`,
              }))}
            />
            {editable ? (
              <Button
                type="primary"
                onClick={() =>
                  void save({
                    compliance: {
                      ...c,
                      brandSpellings: c.brandSpellings.filter(
                        (b) => b.wrong.trim() && b.right.trim(),
                      ),
                    },
                  })
                }
                data-testid="content-settings-compliance-save"
              >
                {t('common.save')}
              </Button>
            ) : null}
          </Space>
        </Card>
      </Space>
    </>
  );
}
