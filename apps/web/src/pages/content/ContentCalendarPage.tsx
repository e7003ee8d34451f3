import { useMemo, useState } from 'react';
import { App, Button, Card, Select, Space, Tag, Tooltip, Typography, Segmented, Table } from 'antd';
import { LeftOutlined, RightOutlined } from '@ant-design/icons';
import { Link, useNavigate } from 'react-router';
import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import { CONTENT_STATUSES, type TContentStatus, type TContentSummary } from '@yunce/contracts';
import {
  analyzeFrequency,
  nodesInRange,
  statutoryHolidaysInRange,
  zonedDayStart,
} from '@yunce/core';
import { useI18n, useT } from '../../app/i18n/context';
import { useWorkspace } from '../../app/workspace';
import { useAccounts } from '../../modules/accounts/api';
import { useContentList, useContentMutations, useContentSettings } from '../../modules/content/api';
import type { MessageKey } from '../../app/i18n/messages';
import {
  addDays,
  calendarWeeks,
  localParts,
  moveToDay,
} from '../../modules/content/utils/calendar';
import { PageHeader } from '../../ui/PageHeader';
import { ErrorState, LoadingState } from '../../ui/states';
import { useErrorMessage } from '../../ui/use-error-message';

const STATUS_BG: Record<string, string> = {
  draft: '#f5f5f5',
  in_review: '#e6f4ff',
  changes_requested: '#fff7e6',
  approved: '#f6ffed',
  scheduled: '#e6fffb',
  published: '#d9f7be',
  failed: '#fff1f0',
  cancelled: '#fafafa',
};

/** The content calendar: a month of posts, marketing nodes and holidays; drag to reschedule. */
export default function ContentCalendarPage() {
  const t = useT();
  const { locale } = useI18n();
  const ws = useWorkspace();
  const navigate = useNavigate();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const today = localParts(new Date().toISOString(), ws.timeZone).date;
  const [month, setMonth] = useState(today.slice(0, 7));
  const [accountId, setAccountId] = useState<string | undefined>();
  const [view, setView] = useState<'month' | 'week' | 'list'>('month');
  const [focus, setFocus] = useState(today);
  const [status, setStatus] = useState<TContentStatus | undefined>();
  const [pillar, setPillar] = useState<string | undefined>();
  const [ownerId, setOwnerId] = useState<string | undefined>();
  const members = useQuery({
    enabled: ws.can('members.read'),
    queryKey: ['members', ws.workspaceId],
    queryFn: ({ signal }) =>
      api
        .get<{ members: { userId: string; displayName: string }[] }>(
          `/workspaces/${ws.workspaceId}/members`,
          { signal },
        )
        .then((r) => r.members),
  });
  const settings = useContentSettings(ws.workspaceId);
  const weeks = useMemo(() => {
    if (view !== 'week') return calendarWeeks(month);
    // The Monday-first week that holds the focused day.
    const weekday = (new Date(`${focus}T00:00:00Z`).getUTCDay() + 6) % 7;
    const monday = addDays(focus, -weekday);
    return [[0, 1, 2, 3, 4, 5, 6].map((i) => addDays(monday, i))];
  }, [month, view, focus]);
  const first = weeks[0]?.[0] ?? `${month}-01`;
  const last = weeks.at(-1)?.[6] ?? `${month}-28`;
  const range = {
    from: zonedDayStart(first, ws.timeZone).toISOString(),
    to: zonedDayStart(addDays(last, 1), ws.timeZone).toISOString(),
  };
  const list = useContentList(ws.workspaceId, {
    ...range,
    accountId,
    status,
    pillar,
    ownerId,
    limit: 500,
  });
  const accounts = useAccounts(ws.workspaceId, { status: 'active' });
  const m = useContentMutations(ws.workspaceId);
  const nodes = useMemo(() => nodesInRange(first, last), [first, last]);
  const holidays = useMemo(() => statutoryHolidaysInRange(first, last), [first, last]);

  const byDay = new Map<string, TContentSummary[]>();
  for (const item of list.data ?? []) {
    if (!item.plannedAt) continue;
    const d = localParts(item.plannedAt, ws.timeZone).date;
    byDay.set(d, [...(byDay.get(d) ?? []), item]);
  }
  const account = accounts.data?.find((a) => a.id === accountId);
  const frequency =
    account?.postingPlan && account.postingPlan.postsPerWeek > 0
      ? analyzeFrequency(
          { postsPerWeek: account.postingPlan.postsPerWeek },
          [...byDay.entries()].flatMap(([d, items]) => items.map(() => d)),
          first,
          last,
        )
      : null;
  const gapDays = new Set<string>();
  for (const g of frequency?.gaps ?? [])
    for (let d = g.start; d <= g.end; d = addDays(d, 1)) gapDays.add(d);
  const overloaded = new Set((frequency?.overloadedDays ?? []).map((o) => o.date));

  const move = async (item: TContentSummary, date: string) => {
    if (!item.plannedAt) return;
    const before = item.plannedAt;
    const after = moveToDay(before, date, ws.timeZone);
    if (after === before) return;
    try {
      const saved = await m.update.mutateAsync({
        id: item.id,
        body: { plannedAt: after, baseVersion: item.version },
      });
      message.success({
        content: (
          <Space>
            {t('content.calendar.moved', { date })}
            <Button
              size="small"
              type="link"
              data-testid="calendar-undo"
              onClick={() =>
                void m.update.mutateAsync({
                  id: item.id,
                  body: { plannedAt: before, baseVersion: saved.version },
                })
              }
            >
              {t('content.calendar.undo')}
            </Button>
          </Space>
        ),
        duration: 8,
      });
    } catch (err) {
      message.error(errorText(err));
    }
  };

  const shift = (n: number) => {
    if (view === 'week') {
      const next = addDays(focus, 7 * n);
      setFocus(next);
      setMonth(next.slice(0, 7));
      return;
    }
    const d = new Date(`${month}-01T00:00:00Z`);
    d.setUTCMonth(d.getUTCMonth() + n);
    setMonth(d.toISOString().slice(0, 7));
    setFocus(`${d.toISOString().slice(0, 7)}-01`);
  };

  return (
    <>
      <PageHeader title={t('nav.contentCalendar')} subtitle={t('content.calendar.subtitle')} />
      <Card>
        <Space style={{ marginBottom: 12 }} wrap>
          <Button icon={<LeftOutlined />} onClick={() => shift(-1)} data-testid="calendar-prev" />
          <Typography.Title level={4} style={{ margin: 0 }} data-testid="calendar-month">
            {month}
          </Typography.Title>
          <Button icon={<RightOutlined />} onClick={() => shift(1)} data-testid="calendar-next" />
          <Button
            onClick={() => {
              setMonth(today.slice(0, 7));
              setFocus(today);
            }}
          >
            {t('content.calendar.today')}
          </Button>
          <Segmented
            value={view}
            onChange={(v) => setView(v as 'month' | 'week' | 'list')}
            options={[
              { value: 'month', label: t('content.calendar.viewMonth') },
              { value: 'week', label: t('content.calendar.viewWeek') },
              { value: 'list', label: t('content.calendar.viewList') },
            ]}
            data-testid="calendar-view"
          />
          <Select
            allowClear
            placeholder={t('content.col.status')}
            style={{ width: 130 }}
            value={status}
            onChange={(v?: TContentStatus) => setStatus(v)}
            options={CONTENT_STATUSES.map((x) => ({
              value: x,
              label: t(`content.status.${x}` as MessageKey),
            }))}
          />
          <Select
            allowClear
            placeholder={t('content.filter.pillar')}
            style={{ width: 140 }}
            value={pillar}
            onChange={(v?: string) => setPillar(v)}
            options={[
              ...(settings.data?.builtinPillars ?? []).map((x) => ({
                value: x,
                label: t(`content.pillar.${x}` as MessageKey),
              })),
              ...(settings.data?.customPillars ?? []).map((x) => ({
                value: `custom:${x.id}`,
                label: x.name,
              })),
            ]}
          />
          <Select
            allowClear
            placeholder={t('content.calendar.allAccounts')}
            style={{ width: 220 }}
            value={accountId}
            onChange={(v?: string) => setAccountId(v)}
            options={(accounts.data ?? []).map((a) => ({ value: a.id, label: a.name }))}
            data-testid="calendar-account"
          />
          {members.data ? (
            <Select
              allowClear
              placeholder={t('content.filter.owner')}
              style={{ width: 140 }}
              value={ownerId}
              onChange={(v?: string) => setOwnerId(v)}
              options={members.data.map((m) => ({ value: m.userId, label: m.displayName }))}
            />
          ) : null}
          <Typography.Text type="secondary">{ws.timeZone}</Typography.Text>
        </Space>
        {list.isError ? (
          <ErrorState error={list.error} onRetry={() => void list.refetch()} />
        ) : null}
        {list.isPending ? <LoadingState /> : null}
        {view === 'list' ? (
          <Table
            rowKey="id"
            size="small"
            data-testid="calendar-list"
            dataSource={[...(list.data ?? [])]
              .filter((i) => i.plannedAt)
              .sort((a, b) => (a.plannedAt ?? '').localeCompare(b.plannedAt ?? ''))}
            pagination={false}
            columns={[
              {
                title: t('content.col.planned'),
                dataIndex: 'plannedAt',
                width: 170,
                render: (p: string) => {
                  const x = localParts(p, ws.timeZone);
                  return `${x.date} ${x.time}`;
                },
              },
              {
                title: t('content.col.title'),
                dataIndex: 'title',
                render: (title: string, r: TContentSummary) => (
                  <Link to={ws.path(`content/${r.id}`)}>{title}</Link>
                ),
              },
              {
                title: t('content.col.status'),
                dataIndex: 'status',
                width: 110,
                render: (x: TContentStatus) => <Tag>{t(`content.status.${x}` as MessageKey)}</Tag>,
              },
              {
                title: t('content.col.accounts'),
                render: (_: unknown, r: TContentSummary) =>
                  r.variants.map((v) => <Tag key={v.id}>{v.accountName}</Tag>),
              },
            ]}
          />
        ) : null}
        <div
          style={{
            display: view === 'list' ? 'none' : 'grid',
            gridTemplateColumns: 'repeat(7, 1fr)',
            border: '1px solid #f0f0f0',
          }}
          data-testid="calendar-grid"
        >
          {(locale === 'zh-CN'
            ? ['一', '二', '三', '四', '五', '六', '日']
            : ['Mon', 'Tue', 'Wed', 'Thu', 'Fri', 'Sat', 'Sun']
          ).map((d) => (
            <div
              key={d}
              style={{
                padding: 6,
                fontWeight: 600,
                background: '#fafafa',
                borderBottom: '1px solid #f0f0f0',
              }}
            >
              {d}
            </div>
          ))}
          {weeks.flat().map((day) => {
            const inMonth = view === 'week' || day.slice(0, 7) === month;
            const dayNodes = nodes.filter((n) =>
              'date' in n ? n.date === day : n.start <= day && n.end >= day,
            );
            const holiday = holidays.days.find((h) => h.date === day);
            return (
              <div
                key={day}
                data-testid={`calendar-day-${day}`}
                onDragOver={(e) => e.preventDefault()}
                onDrop={(e) => {
                  const id = e.dataTransfer.getData('text/plain');
                  const item = list.data?.find((i) => i.id === id);
                  if (item) void move(item, day);
                }}
                onDoubleClick={() => void navigate(ws.path('content/new'))}
                style={{
                  minHeight: 110,
                  padding: 4,
                  borderRight: '1px solid #f0f0f0',
                  borderBottom: '1px solid #f0f0f0',
                  background: gapDays.has(day)
                    ? '#fffbe6'
                    : overloaded.has(day)
                      ? '#fff1f0'
                      : inMonth
                        ? '#fff'
                        : '#fafafa',
                  opacity: inMonth ? 1 : 0.6,
                  outline: day === today ? '2px solid #1677ff' : undefined,
                }}
              >
                <Space size={4} wrap>
                  <strong>{Number(day.slice(8))}</strong>
                  {holiday ? (
                    <Tag color={holiday.type === 'off' ? 'red' : 'default'}>
                      {holiday.type === 'off'
                        ? t('content.calendar.holidayOff')
                        : t('content.calendar.workday')}
                    </Tag>
                  ) : null}
                  {gapDays.has(day) ? <Tag color="gold">{t('content.calendar.gap')}</Tag> : null}
                  {overloaded.has(day) ? (
                    <Tag color="red">{t('content.calendar.overload')}</Tag>
                  ) : null}
                </Space>
                {dayNodes.map((n) => (
                  <Tooltip key={n.id} title={n.tip?.[locale]}>
                    <div
                      style={{
                        fontSize: 12,
                        color: n.importance === 'risk' ? '#cf1322' : '#722ed1',
                      }}
                    >
                      {n.name[locale]}
                    </div>
                  </Tooltip>
                ))}
                {(byDay.get(day) ?? []).map((item) => (
                  <div
                    key={item.id}
                    draggable={ws.can('content.write')}
                    onDragStart={(e) => e.dataTransfer.setData('text/plain', item.id)}
                    onClick={() => void navigate(ws.path(`content/${item.id}`))}
                    data-testid={`calendar-item-${item.id}`}
                    title={item.title}
                    style={{
                      fontSize: 12,
                      background: STATUS_BG[item.status],
                      border: '1px solid #d9d9d9',
                      borderRadius: 4,
                      padding: '1px 4px',
                      marginTop: 2,
                      cursor: 'grab',
                      overflow: 'hidden',
                      textOverflow: 'ellipsis',
                      whiteSpace: 'nowrap',
                    }}
                  >
                    {item.plannedAt ? localParts(item.plannedAt, ws.timeZone).time : ''}{' '}
                    {item.title}
                  </div>
                ))}
              </div>
            );
          })}
        </div>
        {frequency ? (
          <Space wrap style={{ marginTop: 12 }}>
            {frequency.weeks.map((w) => (
              <Tag
                key={w.weekStart}
                color={w.status === 'ok' ? 'green' : w.status === 'over' ? 'red' : 'gold'}
              >
                {w.weekStart}:{' '}
                {t('content.calendar.week', { planned: w.planned, target: Math.round(w.target) })}
              </Tag>
            ))}
          </Space>
        ) : null}
      </Card>
    </>
  );
}
