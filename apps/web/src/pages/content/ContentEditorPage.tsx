import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  App,
  Button,
  Card,
  Col,
  DatePicker,
  Drawer,
  Input,
  List,
  Modal,
  Row,
  Select,
  Space,
  Switch,
  Tabs,
  Tag,
  Typography,
  Upload,
} from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import timezone from 'dayjs/plugin/timezone';
import { useNavigate, useParams } from 'react-router';
import {
  can,
  CONTENT_FORMATS,
  type TComment,
  type TContentItem,
  type TContentFormat,
  type TPlatform,
  type TRecommendedSlotView,
} from '@yunce/contracts';
import {
  analyzeTitle,
  compareTitleVariants,
  BUILT_IN_RULE_SETS,
  createComplianceEngine,
  platformName,
  type TPostFinding,
} from '@yunce/core';
import { useI18n, useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { api, ApiError } from '../../app/api';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useAccounts } from '../../modules/accounts/api';
import {
  useContentItem,
  useContentMutations,
  useContentSettings,
  usePublications,
  useVersions,
} from '../../modules/content/api';
import {
  HighlightedTextArea,
  type Mark,
} from '../../modules/content/components/HighlightedTextArea';
import { diffText } from '../../modules/content/utils/diff';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';
import { useErrorMessage } from '../../ui/use-error-message';
import type { MessageKey } from '../../app/i18n/messages';

dayjs.extend(utc);
dayjs.extend(timezone);

type Draft = {
  title: string;
  body: string;
  format: TContentFormat;
  pillar: string | null;
  tags: string[];
  plannedAt: Dayjs | null;
  accountIds: string[];
  sponsored: boolean;
  focusKeyword: string;
  titleVariants: string[];
  /** Per account: its own title/body (null = the master's) and hashtags. */
  variants: Record<string, { title: string | null; body: string | null; hashtags: string[] }>;
};

const EMPTY: Draft = {
  title: '',
  body: '',
  format: 'article',
  pillar: null,
  tags: [],
  plannedAt: null,
  accountIds: [],
  sponsored: false,
  focusKeyword: '',
  titleVariants: [],
  variants: {},
};
const SEVERITY_COLOUR = { block: 'red', warn: 'orange', info: 'blue' } as const;

function draftOf(item: TContentItem, tz: string): Draft {
  return {
    title: item.title,
    body: item.body,
    format: item.format,
    pillar: item.pillar,
    tags: item.tags,
    plannedAt: item.plannedAt ? dayjs(item.plannedAt).tz(tz) : null,
    accountIds: item.variants.map((v) => v.accountId),
    sponsored: item.sponsored,
    focusKeyword: item.focusKeyword ?? '',
    titleVariants: item.titleVariants,
    variants: Object.fromEntries(
      item.variants.map((v) => [
        v.accountId,
        { title: v.title, body: v.body, hashtags: v.hashtags },
      ]),
    ),
  };
}

/** Writing, checking and approving one piece of content. */
export default function ContentEditorPage() {
  const { itemId } = useParams();
  const isNew = !itemId || itemId === 'new';
  const ws = useWorkspace();
  const t = useT();
  const { locale } = useI18n();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const navigate = useNavigate();
  const item = useContentItem(ws.workspaceId, isNew ? undefined : itemId);
  const settings = useContentSettings(ws.workspaceId);
  const accounts = useAccounts(ws.workspaceId, { status: 'active' });
  const m = useContentMutations(ws.workspaceId);
  const [draft, setDraft] = useState<Draft>(EMPTY);
  const [loadedVersion, setLoadedVersion] = useState<number | null>(null);
  const createdId = useRef<string | null>(null);
  const [blocked, setBlocked] = useState<{
    details: readonly { field: string; message: string }[];
  } | null>(null);
  const [overrideReason, setOverrideReason] = useState('');
  const [comment, setComment] = useState('');
  const [versionsOpen, setVersionsOpen] = useState(false);
  const [scheduleOpen, setScheduleOpen] = useState(false);

  useEffect(() => {
    if (item.data && item.data.version !== loadedVersion) {
      setDraft(draftOf(item.data, ws.timeZone));
      setLoadedVersion(item.data.version);
    }
  }, [item.data, loadedVersion, ws.timeZone]);

  const engine = useMemo(
    () => createComplianceEngine(BUILT_IN_RULE_SETS, settings.data?.compliance),
    [settings.data?.compliance],
  );
  const selected = useMemo(
    () => (accounts.data ?? []).filter((a) => draft.accountIds.includes(a.id)),
    [accounts.data, draft.accountIds],
  );
  // Instant feedback as the operator types; the server's findings decide on save.
  type EditorFinding = TPostFinding & { accountName: string | null; accountId: string | null };
  const findings = useMemo(() => {
    const out: EditorFinding[] = [];
    const master = { title: draft.title, body: draft.body, sponsored: draft.sponsored };
    for (const f of engine.checkPost(master, { locale }).findings) {
      out.push({ ...f, accountName: null, accountId: null });
    }
    for (const a of selected) {
      const v = draft.variants[a.id];
      const own = (v?.title ?? null) !== null || (v?.body ?? null) !== null;
      const post = {
        title: v?.title ?? draft.title,
        body: v?.body ?? draft.body,
        hashtags: v?.hashtags ?? [],
        sponsored: draft.sponsored,
        platform: a.platform,
      };
      for (const f of engine.checkPost(post, { locale }).findings) {
        // A variant that uses the master text repeats the master's findings: show those once.
        const dup =
          !own &&
          out.some(
            (o) =>
              o.accountId === null &&
              o.ruleId === f.ruleId &&
              o.start === f.start &&
              o.field === f.field,
          );
        if (!dup) out.push({ ...f, accountName: a.name, accountId: a.id });
      }
    }
    return out;
  }, [engine, draft.title, draft.body, draft.sponsored, draft.variants, selected, locale]);
  const marksOf = (accountId: string | null): Mark[] =>
    findings
      .filter((f) => f.field === 'body' && f.accountId === accountId)
      .map((f) => ({ start: f.start, end: f.end, severity: f.severity }));
  // Variants that use the master text are checked on it: their findings belong in the master too.
  const usesMaster = (accountId: string) => {
    const v = draft.variants[accountId];
    return (v?.title ?? null) === null && (v?.body ?? null) === null;
  };
  const bodyMarks: Mark[] = findings
    .filter((f) => f.field === 'body' && (f.accountId === null || usesMaster(f.accountId)))
    .map((f) => ({ start: f.start, end: f.end, severity: f.severity }));
  const setVariant = (accountId: string, patch: Partial<Draft['variants'][string]>) =>
    setDraft((d) => ({
      ...d,
      variants: {
        ...d.variants,
        [accountId]: { title: null, body: null, hashtags: [], ...d.variants[accountId], ...patch },
      },
    }));
  const blocking = findings.filter((f) => f.severity === 'block').length;

  const current = item.data;
  const writable =
    ws.can('content.write') && (!current || !['published', 'cancelled'].includes(current.status));
  const flow = settings.data?.approvalFlow;
  const step =
    current?.reviewStep !== null && current?.reviewStep !== undefined
      ? flow?.steps[current.reviewStep]
      : undefined;
  const canDecide = current?.status === 'in_review' && Boolean(step?.roles.includes(ws.role));

  const save = useCallback(async (): Promise<TContentItem | null> => {
    const body = {
      title: draft.title,
      body: draft.body,
      format: draft.format,
      pillar: draft.pillar,
      tags: draft.tags,
      plannedAt: draft.plannedAt ? draft.plannedAt.toISOString() : null,
      sponsored: draft.sponsored,
      focusKeyword: draft.focusKeyword || null,
      titleVariants: draft.titleVariants.map((x) => x.trim()).filter(Boolean),
      variants: draft.accountIds.map((accountId) => {
        const v = draft.variants[accountId];
        return {
          accountId,
          title: v?.title ?? null,
          body: v?.body ?? null,
          hashtags: v?.hashtags ?? [],
        };
      }),
    };
    try {
      // Right after the first save the URL still says "new" until the page re-renders: the id
      // we just created decides, so a quick second click never creates a duplicate.
      const targetId = isNew ? createdId.current : itemId;
      const saved = !targetId
        ? await m.create.mutateAsync(body)
        : await m.update.mutateAsync({
            id: targetId,
            body: { ...body, ...(loadedVersion ? { baseVersion: loadedVersion } : {}) },
          });
      createdId.current = saved.id;
      setLoadedVersion(saved.version);
      message.success(t('content.saved', { version: saved.version }));
      if (isNew) void navigate(ws.path(`content/${saved.id}`), { replace: true });
      return saved;
    } catch (err) {
      message.error(errorText(err));
      return null;
    }
  }, [
    draft,
    isNew,
    itemId,
    loadedVersion,
    m.create,
    m.update,
    message,
    t,
    errorText,
    navigate,
    ws,
  ]);

  const submit = async (reason?: string) => {
    const saved = !current || current.version !== loadedVersion ? await save() : current;
    const target = saved ?? current;
    if (!target) return;
    try {
      await m.submit.mutateAsync({ id: target.id, ...(reason ? { overrideReason: reason } : {}) });
      setBlocked(null);
      message.success(t('content.submitted'));
    } catch (err) {
      if (err instanceof ApiError && err.code === 'COMPLIANCE_BLOCKED')
        setBlocked({ details: err.details ?? [] });
      else message.error(errorText(err));
    }
  };

  const decide = async (decision: 'approve' | 'request_changes', reason?: string) => {
    if (!current) return;
    try {
      await m.decide.mutateAsync({
        id: current.id,
        body: {
          decision,
          ...(comment ? { comment } : {}),
          ...(reason ? { overrideReason: reason } : {}),
        },
      });
      setComment('');
      setBlocked(null);
      message.success(
        decision === 'approve' ? t('content.approved') : t('content.changesRequested'),
      );
    } catch (err) {
      if (err instanceof ApiError && err.code === 'COMPLIANCE_BLOCKED')
        setBlocked({ details: err.details ?? [] });
      else message.error(errorText(err));
    }
  };

  const replaceSpan = (f: TPostFinding, text: string) => {
    const field = f.field === 'title' ? 'title' : 'body';
    setDraft((d) => ({ ...d, [field]: d[field].slice(0, f.start) + text + d[field].slice(f.end) }));
  };

  if (!isNew && item.isPending) return <LoadingState />;
  if (!isNew && item.isError)
    return <ErrorState error={item.error} onRetry={() => void item.refetch()} />;

  const platforms = [...new Set(selected.map((a) => a.platform))] as TPlatform[];
  const pillars = [
    ...(settings.data?.builtinPillars ?? []).map((p) => ({
      value: p,
      label: t(`content.pillar.${p}` as MessageKey),
    })),
    ...(settings.data?.customPillars ?? []).map((p) => ({
      value: `custom:${p.id}`,
      label: p.name,
    })),
  ];

  return (
    <>
      <PageHeader
        title={isNew ? t('content.new') : draft.title || t('content.new')}
        subtitle={
          current ? (
            <Space>
              <Tag data-testid="content-status">
                {t(`content.status.${current.status}` as MessageKey)}
              </Tag>
              <span>{t('content.version', { version: current.version })}</span>
              {step ? <span>{t('content.review.step', { step: step.name })}</span> : null}
            </Space>
          ) : undefined
        }
        extra={
          <Space wrap>
            {writable ? (
              <Button
                onClick={() => void save()}
                loading={m.create.isPending || m.update.isPending}
                data-testid="content-save"
              >
                {t('content.action.save')}
              </Button>
            ) : null}
            {writable &&
            (isNew || current?.status === 'draft' || current?.status === 'changes_requested') ? (
              <Button
                type="primary"
                onClick={() => void submit()}
                loading={m.submit.isPending}
                data-testid="content-submit"
              >
                {t('content.action.submit')}
              </Button>
            ) : null}
            {current &&
            (current.status === 'approved' ||
              current.status === 'scheduled' ||
              current.status === 'failed') &&
            ws.can('content.write') ? (
              <Button
                type="primary"
                onClick={() => setScheduleOpen(true)}
                data-testid="content-schedule"
              >
                {t('content.action.schedule')}
              </Button>
            ) : null}
            {current ? (
              <Button
                onClick={() =>
                  void m.duplicate
                    .mutateAsync(current.id)
                    .then((copy) => navigate(ws.path(`content/${copy.id}`)))
                }
                data-testid="content-duplicate"
              >
                {t('content.action.duplicate')}
              </Button>
            ) : null}
            {current && writable ? (
              <Button
                danger
                onClick={() => void m.cancel.mutateAsync(current.id)}
                data-testid="content-cancel"
              >
                {t('content.action.cancel')}
              </Button>
            ) : null}
            {current ? (
              <Button onClick={() => setVersionsOpen(true)} data-testid="content-versions">
                {t('content.action.versions')}
              </Button>
            ) : null}
          </Space>
        }
      />
      {canDecide ? (
        <Card style={{ marginBottom: 16 }} data-testid="approval-panel">
          <Space.Compact style={{ width: '100%' }}>
            <Input
              placeholder={t('content.comment.placeholder')}
              value={comment}
              onChange={(e) => setComment(e.target.value)}
              data-testid="approval-comment"
            />
            <Button
              onClick={() => void decide('request_changes')}
              data-testid="approval-request-changes"
            >
              {t('content.action.requestChanges')}
            </Button>
            <Button
              type="primary"
              onClick={() => void decide('approve')}
              loading={m.decide.isPending}
              data-testid="approval-approve"
            >
              {t('content.action.approve')}
            </Button>
          </Space.Compact>
        </Card>
      ) : null}
      <Row gutter={16}>
        <Col xs={24} lg={16}>
          <Card
            onKeyDown={(e) => {
              if ((e.ctrlKey || e.metaKey) && e.key === 's') {
                e.preventDefault();
                void save();
              }
            }}
          >
            <Space direction="vertical" style={{ width: '100%' }} size="middle">
              <div>
                <Typography.Text strong>{t('content.field.title')}</Typography.Text>
                <Input
                  value={draft.title}
                  maxLength={200}
                  disabled={!writable}
                  onChange={(e) => setDraft({ ...draft, title: e.target.value })}
                  data-testid="content-title"
                  autoFocus={isNew}
                />
                <Space wrap style={{ marginTop: 4 }}>
                  {platforms.map((p) => {
                    const a = analyzeTitle(
                      {
                        title: draft.title,
                        platform: p,
                        focusKeyword: draft.focusKeyword || undefined,
                      },
                      locale,
                    );
                    if (a.limit === null) return null;
                    return (
                      <Tag
                        key={p}
                        color={a.over ? 'red' : 'default'}
                        title={a.warnings.map((w) => w.message).join('\n')}
                      >
                        {t('content.editor.titleMeter', {
                          platform: platformName(p, locale),
                          length: a.length,
                          limit: a.limit,
                        })}
                      </Tag>
                    );
                  })}
                </Space>
                {(() => {
                  // Wording warnings (clickbait, missing keyword) once, from the first target platform.
                  const a = analyzeTitle(
                    {
                      title: draft.title,
                      platform: platforms[0] ?? 'other',
                      focusKeyword: draft.focusKeyword || undefined,
                    },
                    locale,
                  );
                  const notes = a.warnings.filter(
                    (w) =>
                      w.code !== 'title.over_limit' &&
                      w.code !== 'title.empty' &&
                      w.code !== 'title.no_title_field',
                  );
                  return notes.length && draft.title ? (
                    <ul
                      style={{ margin: '4px 0 0', paddingLeft: 18 }}
                      data-testid="content-title-warnings"
                    >
                      {notes.map((w) => (
                        <li key={w.code + (w.span?.start ?? '')}>
                          <Typography.Text type={w.severity === 'warn' ? 'warning' : 'secondary'}>
                            {w.message}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  ) : null;
                })()}
              </div>
              <div data-testid="content-title-variants">
                <Typography.Text>{t('content.titles.variants')}</Typography.Text>
                {(() => {
                  const platform = platforms[0] ?? 'xiaohongshu';
                  const candidates = draft.titleVariants.filter((x) => x.trim());
                  const cmp =
                    candidates.length > 1
                      ? compareTitleVariants(
                          candidates,
                          { platform, focusKeyword: draft.focusKeyword || undefined },
                          locale,
                        )
                      : null;
                  return draft.titleVariants.map((tv, i) => (
                    <Space.Compact key={i} style={{ width: '100%', marginTop: 4 }}>
                      <Input
                        value={tv}
                        disabled={!writable}
                        onChange={(e) =>
                          setDraft({
                            ...draft,
                            titleVariants: draft.titleVariants.map((x, k) =>
                              k === i ? e.target.value : x,
                            ),
                          })
                        }
                        suffix={
                          cmp &&
                          cmp.recommendedIndex !== null &&
                          candidates[cmp.recommendedIndex] === tv ? (
                            <Tag color="green">{t('content.titles.recommended')}</Tag>
                          ) : null
                        }
                      />
                      <Button
                        disabled={!writable}
                        onClick={() => setDraft({ ...draft, title: tv })}
                      >
                        {t('content.titles.use')}
                      </Button>
                      <Button
                        disabled={!writable}
                        onClick={() =>
                          setDraft({
                            ...draft,
                            titleVariants: draft.titleVariants.filter((_, k) => k !== i),
                          })
                        }
                      >
                        ×
                      </Button>
                    </Space.Compact>
                  ));
                })()}
                {writable && draft.titleVariants.length < 5 ? (
                  <Button
                    size="small"
                    type="dashed"
                    style={{ marginTop: 4 }}
                    onClick={() =>
                      setDraft({ ...draft, titleVariants: [...draft.titleVariants, ''] })
                    }
                  >
                    {t('content.titles.add')}
                  </Button>
                ) : null}
              </div>
              <div>
                <Typography.Text strong>{t('content.field.body')}</Typography.Text>
                <HighlightedTextArea
                  value={draft.body}
                  onChange={(body) => setDraft({ ...draft, body })}
                  marks={bodyMarks}
                  testId="content-body"
                />
              </div>
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text>{t('content.field.format')}</Typography.Text>
                  <Select
                    style={{ width: '100%' }}
                    value={draft.format}
                    onChange={(format) => setDraft({ ...draft, format })}
                    options={CONTENT_FORMATS.map((f) => ({
                      value: f,
                      label: t(`content.format.${f}` as MessageKey),
                    }))}
                    data-testid="content-format"
                  />
                </Col>
                <Col span={12}>
                  <Typography.Text>{t('content.field.pillar')}</Typography.Text>
                  <Select
                    style={{ width: '100%' }}
                    allowClear
                    value={draft.pillar ?? undefined}
                    onChange={(pillar?: string) => setDraft({ ...draft, pillar: pillar ?? null })}
                    options={pillars}
                    data-testid="content-pillar"
                  />
                </Col>
              </Row>
              <div>
                <Typography.Text>{t('content.field.accounts')}</Typography.Text>
                <Select
                  mode="multiple"
                  style={{ width: '100%' }}
                  value={draft.accountIds}
                  onChange={(accountIds: string[]) => setDraft({ ...draft, accountIds })}
                  options={(accounts.data ?? []).map((a) => ({
                    value: a.id,
                    label: `${platformName(a.platform, locale)} · ${a.name}`,
                  }))}
                  data-testid="content-accounts"
                />
              </div>
              {selected.length > 0 ? (
                <Tabs
                  size="small"
                  data-testid="content-variants"
                  items={selected.map((a) => {
                    const v = draft.variants[a.id];
                    const own = (v?.title ?? null) !== null || (v?.body ?? null) !== null;
                    return {
                      key: a.id,
                      label: `${platformName(a.platform, locale)} · ${a.name}`,
                      children: (
                        <Space direction="vertical" style={{ width: '100%' }}>
                          <Space>
                            <Switch
                              checked={!own}
                              disabled={!writable}
                              onChange={(useMaster) =>
                                setVariant(
                                  a.id,
                                  useMaster
                                    ? { title: null, body: null }
                                    : { title: draft.title, body: draft.body },
                                )
                              }
                              data-testid={`variant-master-${a.id}`}
                            />
                            <span>{t('content.variant.useMaster')}</span>
                          </Space>
                          {own ? (
                            <>
                              <Input
                                addonBefore={t('content.variant.title')}
                                value={v?.title ?? ''}
                                disabled={!writable}
                                onChange={(e) => setVariant(a.id, { title: e.target.value })}
                              />
                              <HighlightedTextArea
                                value={v?.body ?? ''}
                                onChange={(body) => setVariant(a.id, { body })}
                                marks={marksOf(a.id)}
                                rows={6}
                                testId={`variant-body-${a.id}`}
                              />
                            </>
                          ) : null}
                          <Select
                            mode="tags"
                            style={{ width: '100%' }}
                            placeholder={t('content.variant.hashtags')}
                            value={v?.hashtags ?? []}
                            disabled={!writable}
                            onChange={(hashtags: string[]) => setVariant(a.id, { hashtags })}
                          />
                        </Space>
                      ),
                    };
                  })}
                />
              ) : null}
              <Row gutter={12}>
                <Col span={12}>
                  <Typography.Text>{t('content.field.planned')}</Typography.Text>
                  <DatePicker
                    showTime={{ format: 'HH:mm' }}
                    format="YYYY-MM-DD HH:mm"
                    style={{ width: '100%' }}
                    value={draft.plannedAt}
                    onChange={(plannedAt) =>
                      setDraft({
                        ...draft,
                        plannedAt: plannedAt
                          ? dayjs.tz(plannedAt.format('YYYY-MM-DD HH:mm'), ws.timeZone)
                          : null,
                      })
                    }
                    data-testid="content-planned"
                  />
                  <Typography.Text type="secondary">{ws.timeZone}</Typography.Text>
                </Col>
                <Col span={12}>
                  <Typography.Text>{t('content.field.tags')}</Typography.Text>
                  <Select
                    mode="tags"
                    style={{ width: '100%' }}
                    value={draft.tags}
                    onChange={(tags: string[]) => setDraft({ ...draft, tags })}
                    data-testid="content-tags"
                  />
                </Col>
              </Row>
              <Space>
                <Switch
                  checked={draft.sponsored}
                  onChange={(sponsored) => setDraft({ ...draft, sponsored })}
                  data-testid="content-sponsored"
                />
                <span>{t('content.field.sponsored')}</span>
                <Typography.Text type="secondary">
                  {t('content.field.sponsoredHint')}
                </Typography.Text>
              </Space>
              <Input
                addonBefore={t('content.field.focusKeyword')}
                value={draft.focusKeyword}
                onChange={(e) => setDraft({ ...draft, focusKeyword: e.target.value })}
                data-testid="content-keyword"
              />
            </Space>
          </Card>
        </Col>
        <Col xs={24} lg={8}>
          <Card
            title={t('content.editor.findings')}
            extra={blocking ? <Tag color="red">{blocking}</Tag> : null}
            data-testid="content-findings"
          >
            {findings.length === 0 ? (
              <Typography.Text type="secondary">{t('content.editor.noFindings')}</Typography.Text>
            ) : (
              <List
                size="small"
                dataSource={findings}
                renderItem={(f) => (
                  <List.Item data-testid="content-finding" data-severity={f.severity}>
                    <Space direction="vertical" size={2}>
                      <Space wrap>
                        <Tag color={SEVERITY_COLOUR[f.severity]}>
                          {t(`content.severity.${f.severity}`)}
                        </Tag>
                        <Typography.Text strong>「{f.text || f.field}」</Typography.Text>
                        {f.accountName ? <Tag>{f.accountName}</Tag> : null}
                      </Space>
                      <Typography.Text type="secondary">{f.message}</Typography.Text>
                      {writable && f.end > f.start
                        ? f.suggestions.slice(0, 3).map((s) => (
                            <Button
                              key={s}
                              size="small"
                              type="link"
                              style={{ padding: 0 }}
                              onClick={() => replaceSpan(f, s)}
                            >
                              {t('content.editor.applySuggestion', { text: s })}
                            </Button>
                          ))
                        : null}
                    </Space>
                  </List.Item>
                )}
              />
            )}
          </Card>
          {current ? <PublicationsCard itemId={current.id} /> : null}
          <MediaCard item={current ?? null} writable={writable} />
          {current ? <CommentsCard itemId={current.id} /> : null}
        </Col>
      </Row>
      <Modal
        open={blocked !== null}
        title={t('content.override.title')}
        onCancel={() => setBlocked(null)}
        footer={
          can(ws.role, 'content.override') ? (
            <Button
              type="primary"
              danger
              disabled={overrideReason.trim().length < 5}
              onClick={() =>
                void (current?.status === 'in_review'
                  ? decide('approve', overrideReason)
                  : submit(overrideReason))
              }
              data-testid="override-submit"
            >
              {t('content.override.submit')}
            </Button>
          ) : null
        }
      >
        <Alert
          type="error"
          showIcon
          message={t('content.override.body')}
          style={{ marginBottom: 12 }}
        />
        <List
          size="small"
          dataSource={blocked?.details ?? []}
          renderItem={(d) => <List.Item>{d.message}</List.Item>}
        />
        {can(ws.role, 'content.override') ? (
          <Input.TextArea
            rows={3}
            placeholder={t('content.override.reason')}
            value={overrideReason}
            onChange={(e) => setOverrideReason(e.target.value)}
            data-testid="override-reason"
          />
        ) : null}
      </Modal>
      {current ? (
        <VersionsDrawer
          open={versionsOpen}
          onClose={() => setVersionsOpen(false)}
          itemId={current.id}
        />
      ) : null}
      {current ? (
        <ScheduleModal open={scheduleOpen} onClose={() => setScheduleOpen(false)} item={current} />
      ) : null}
    </>
  );
}

function PublicationsCard({ itemId }: { itemId: string }) {
  const ws = useWorkspace();
  const pubs = usePublications(ws.workspaceId, itemId);
  if (!pubs.data?.length) return null;
  return (
    <Card
      title="发布记录 / Publications"
      style={{ marginTop: 16 }}
      data-testid="content-publications"
    >
      <List
        size="small"
        dataSource={pubs.data}
        renderItem={(p) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Space>
                <Tag>{p.status}</Tag>
                <span>{p.accountName}</span>
              </Space>
              <Typography.Text type="secondary">
                {p.scheduledLocal} ({p.timeZone})
              </Typography.Text>
              {p.url ? (
                <a href={p.url} target="_blank" rel="noreferrer">
                  {p.url}
                </a>
              ) : null}
              {p.lastError ? <Typography.Text type="danger">{p.lastError}</Typography.Text> : null}
            </Space>
          </List.Item>
        )}
      />
    </Card>
  );
}

function VersionsDrawer({
  open,
  onClose,
  itemId,
}: {
  open: boolean;
  onClose: () => void;
  itemId: string;
}) {
  const ws = useWorkspace();
  const t = useT();
  const versions = useVersions(ws.workspaceId, itemId, open);
  const [pair, setPair] = useState<[number, number] | null>(null);
  const list = versions.data ?? [];
  const a = list.find((v) => v.version === pair?.[0]);
  const b = list.find((v) => v.version === pair?.[1]);
  return (
    <Drawer open={open} onClose={onClose} width={760} title={t('content.action.versions')}>
      <Space style={{ marginBottom: 12 }}>
        <Select
          style={{ width: 140 }}
          placeholder="A"
          value={pair?.[0]}
          onChange={(v: number) => setPair([v, pair?.[1] ?? list[0]?.version ?? v])}
          options={list.map((v) => ({
            value: v.version,
            label: t('content.version', { version: v.version }),
          }))}
          data-testid="versions-a"
        />
        <Select
          style={{ width: 140 }}
          placeholder="B"
          value={pair?.[1]}
          onChange={(v: number) => setPair([pair?.[0] ?? list.at(-1)?.version ?? v, v])}
          options={list.map((v) => ({
            value: v.version,
            label: t('content.version', { version: v.version }),
          }))}
          data-testid="versions-b"
        />
      </Space>
      {a && b ? (
        <div data-testid="versions-diff">
          <Typography.Title level={5}>
            {t('content.versions.compare', { a: a.version, b: b.version })}
          </Typography.Title>
          {(['title', 'body'] as const).map((field) => {
            const parts = diffText(a[field], b[field]);
            // Side by side: the older text with what was removed, the newer with what was added.
            const column = (keep: 'removed' | 'added', colour: string) => (
              <Typography.Paragraph
                style={{ whiteSpace: 'pre-wrap', border: '1px solid #f0f0f0', padding: 8, flex: 1 }}
              >
                {parts
                  .filter((p) => p.kind === 'same' || p.kind === keep)
                  .map((p, i) => (
                    <span key={i} style={p.kind === keep ? { background: colour } : undefined}>
                      {p.text}
                    </span>
                  ))}
              </Typography.Paragraph>
            );
            return (
              <div
                key={field}
                style={{ display: 'flex', gap: 8 }}
                data-testid={`versions-diff-${field}`}
              >
                {column('removed', '#ffccc7')}
                {column('added', '#d9f7be')}
              </div>
            );
          })}
        </div>
      ) : (
        <List
          dataSource={list}
          renderItem={(v) => (
            <List.Item>
              <Space direction="vertical" size={0}>
                <strong>{t('content.version', { version: v.version })}</strong>
                <span>{v.title}</span>
                <Typography.Text type="secondary">
                  {v.createdByName} ·{' '}
                  {dayjs(v.createdAt).tz(ws.timeZone).format('YYYY-MM-DD HH:mm')}
                </Typography.Text>
              </Space>
            </List.Item>
          )}
        />
      )}
    </Drawer>
  );
}

function ScheduleModal({
  open,
  onClose,
  item,
}: {
  open: boolean;
  onClose: () => void;
  item: TContentItem;
}) {
  const ws = useWorkspace();
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const m = useContentMutations(ws.workspaceId);
  const [times, setTimes] = useState<Record<string, Dayjs | null>>({});
  const submit = async () => {
    const targets = item.variants
      .filter((v) => times[v.accountId])
      .map((v) => ({
        accountId: v.accountId,
        local: (times[v.accountId] as Dayjs).format('YYYY-MM-DDTHH:mm'),
      }));
    try {
      await m.schedule.mutateAsync({ id: item.id, body: { targets } });
      message.success(t('content.schedule.done'));
      onClose();
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Modal
      open={open}
      onCancel={onClose}
      onOk={() => void submit()}
      title={t('content.schedule.title')}
      okButtonProps={{ 'data-testid': 'schedule-ok' }}
    >
      <Typography.Paragraph type="secondary">
        {t('content.schedule.hint', { tz: ws.timeZone })}
      </Typography.Paragraph>
      {item.variants.map((v) => (
        <div key={v.accountId} style={{ marginBottom: 12 }}>
          <Space style={{ display: 'flex' }}>
            <span style={{ minWidth: 160, display: 'inline-block' }}>{v.accountName}</span>
            <DatePicker
              showTime={{ format: 'HH:mm' }}
              format="YYYY-MM-DD HH:mm"
              value={times[v.accountId] ?? null}
              onChange={(d) => setTimes({ ...times, [v.accountId]: d })}
              data-testid={`schedule-time-${v.accountId}`}
            />
          </Space>
          {open ? (
            <SlotSuggestion
              accountId={v.accountId}
              onUse={(local) => setTimes((cur) => ({ ...cur, [v.accountId]: dayjs(local) }))}
            />
          ) : null}
        </div>
      ))}
    </Modal>
  );
}

/** The server's suggested time for an account, one click to use it. */
function SlotSuggestion({
  accountId,
  onUse,
}: {
  accountId: string;
  onUse: (local: string) => void;
}) {
  const ws = useWorkspace();
  const t = useT();
  const q = useQuery({
    queryKey: ['recommended-slot', ws.workspaceId, accountId],
    queryFn: ({ signal }) =>
      api.get<TRecommendedSlotView>(
        `/workspaces/${ws.workspaceId}/accounts/${accountId}/recommended-slot`,
        { signal },
      ),
  });
  if (q.isPending)
    return <Typography.Text type="secondary">{t('content.schedule.suggesting')}</Typography.Text>;
  if (q.isError || !q.data.slot) return null;
  const slot = q.data.slot;
  return (
    <div style={{ marginLeft: 168 }} data-testid={`schedule-suggestion-${accountId}`}>
      <Typography.Text type="secondary">
        {t('content.schedule.suggested', {
          time: dayjs(slot.local).format('YYYY-MM-DD ddd HH:mm'),
        })}
        {' · '}
        {slot.reason}
      </Typography.Text>{' '}
      <Button size="small" type="link" onClick={() => onUse(slot.local)}>
        {t('content.schedule.useSuggestion')}
      </Button>
    </div>
  );
}

function MediaCard({ item, writable }: { item: TContentItem | null; writable: boolean }) {
  const ws = useWorkspace();
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const qc = useQueryClient();
  const upload = async (file: File, cover: boolean) => {
    if (!item) return;
    try {
      const fresh = await api.upload<TContentItem>(
        `/workspaces/${ws.workspaceId}/content/${item.id}/media?cover=${cover}`,
        file,
      );
      qc.setQueryData(['content', ws.workspaceId, 'item', item.id], fresh);
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Card title={t('content.media.title')} style={{ marginTop: 16 }} data-testid="content-media">
      {!item ? (
        <Typography.Text type="secondary">{t('content.media.saveFirst')}</Typography.Text>
      ) : (
        <Space direction="vertical" style={{ width: '100%' }}>
          {item.coverUrl ? (
            <img src={item.coverUrl} alt="" style={{ maxWidth: '100%', borderRadius: 6 }} />
          ) : null}
          <Space wrap>
            {item.media.map((m) =>
              m.mimeType.startsWith('image/') ? (
                <img
                  key={m.id}
                  src={m.url}
                  alt={m.name ?? ''}
                  style={{ width: 72, height: 72, objectFit: 'cover', borderRadius: 4 }}
                />
              ) : (
                <Tag key={m.id}>{m.name ?? m.mimeType}</Tag>
              ),
            )}
          </Space>
          {writable ? (
            <Space>
              <Upload
                accept="image/png,image/jpeg,image/gif,image/webp"
                showUploadList={false}
                beforeUpload={(f) => (void upload(f, true), false)}
              >
                <Button>{t('content.media.cover')}</Button>
              </Upload>
              <Upload
                accept="image/*,video/mp4,video/quicktime,audio/mpeg,audio/mp4"
                showUploadList={false}
                beforeUpload={(f) => (void upload(f, false), false)}
              >
                <Button>{t('content.media.add')}</Button>
              </Upload>
            </Space>
          ) : null}
        </Space>
      )}
    </Card>
  );
}

function CommentsCard({ itemId }: { itemId: string }) {
  const ws = useWorkspace();
  const t = useT();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const qc = useQueryClient();
  const key = ['content', ws.workspaceId, 'comments', itemId];
  const comments = useQuery({
    queryKey: key,
    queryFn: ({ signal }) =>
      api
        .get<{ comments: TComment[] }>(`/workspaces/${ws.workspaceId}/content/${itemId}/comments`, {
          signal,
        })
        .then((r) => r.comments),
  });
  const [text, setText] = useState('');
  const add = async () => {
    // A passage selected in the body becomes the comment's anchor.
    const el = document.querySelector<HTMLTextAreaElement>('[data-testid="content-body"]');
    const anchor =
      el && el.selectionEnd > el.selectionStart
        ? {
            field: 'body' as const,
            start: el.selectionStart,
            end: el.selectionEnd,
            quote: el.value.slice(el.selectionStart, el.selectionEnd).slice(0, 500),
          }
        : undefined;
    try {
      await api.post(`/workspaces/${ws.workspaceId}/content/${itemId}/comments`, {
        body: text,
        ...(anchor ? { anchor } : {}),
      });
      setText('');
      await qc.invalidateQueries({ queryKey: key });
    } catch (err) {
      message.error(errorText(err));
    }
  };
  return (
    <Card
      title={t('content.comments.title')}
      style={{ marginTop: 16 }}
      data-testid="content-comments"
    >
      <List
        size="small"
        locale={{ emptyText: t('content.comments.empty') }}
        dataSource={comments.data ?? []}
        renderItem={(c) => (
          <List.Item>
            <Space direction="vertical" size={0}>
              <Typography.Text strong>
                {c.userName} · {t('content.version', { version: c.version })}
              </Typography.Text>
              {c.anchor ? (
                <Typography.Text type="secondary">“{c.anchor.quote}”</Typography.Text>
              ) : null}
              <span>{c.body}</span>
            </Space>
          </List.Item>
        )}
      />
      <Space.Compact style={{ width: '100%', marginTop: 8 }}>
        <Input
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('content.comments.anchor')}
          data-testid="comment-input"
        />
        <Button disabled={!text.trim()} onClick={() => void add()} data-testid="comment-add">
          {t('content.comments.add')}
        </Button>
      </Space.Compact>
    </Card>
  );
}
