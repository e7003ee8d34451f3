import { useState } from 'react';
import { App, Button, Card, Empty, Input, List, Space, Steps, Tag, Timeline, Typography } from 'antd';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import type { TComment, TContentItem, TDecision } from '@yunce/contracts';
import { api } from '../../../app/api';
import { useT } from '../../../app/i18n/context';
import { useWorkspace } from '../../../app/workspace';
import { DateTime } from '../../../ui/DateTime';
import { ErrorState } from '../../../ui/states';
import { useErrorMessage } from '../../../ui/use-error-message';
import { useRoleOptions } from '../../../ui/roles';
import type { ContentSettings } from '../api';

type Flow = ContentSettings['approvalFlow'];
export type Anchor = { field: 'title' | 'body'; start: number; end: number; quote: string };

const DECISION_COLOUR: Record<TDecision['decision'], string> = {
  submit: 'blue',
  approve: 'green',
  request_changes: 'orange',
  override: 'red',
};

/** Where the item stands in the flow: every step, the current one highlighted. */
function FlowSteps({ item, flow }: { item: TContentItem; flow: Flow }) {
  const t = useT();
  const roleOptions = useRoleOptions(flow.steps.flatMap((s) => s.roles));
  const roleName = (r: string) => roleOptions.find((o) => o.value === r)?.label ?? r;
  const done = ['approved', 'scheduled', 'published'].includes(item.status);
  const current = done ? flow.steps.length : (item.reviewStep ?? -1);
  return (
    <Steps
      direction="vertical"
      size="small"
      current={current}
      status={item.status === 'changes_requested' ? 'error' : 'process'}
      data-testid="approval-steps"
      items={flow.steps.map((s, i) => ({
        title: (
          <span data-testid={i === item.reviewStep ? 'approval-current-step' : undefined}>
            {s.name}
          </span>
        ),
        description: (
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {s.roles.map(roleName).join(' / ')} ·{' '}
            {s.mode === 'all' ? t('content.settings.all') : t('content.settings.any')}
          </Typography.Text>
        ),
        status:
          done || i < current
            ? 'finish'
            : i === current && item.status === 'in_review'
              ? 'process'
              : i === current && item.status === 'changes_requested'
                ? 'error'
                : 'wait',
      }))}
    />
  );
}

/**
 * The approval side of an item: the flow with the current step, the decisions so far, the
 * reviewer's buttons when it is their turn, and comments (anchored to the selected passage).
 */
export function ApprovalPanel({
  item,
  flow,
  canDecide,
  deciding,
  onDecide,
  selection,
}: {
  item: TContentItem;
  flow: Flow | undefined;
  canDecide: boolean;
  deciding: boolean;
  onDecide: (decision: 'approve' | 'request_changes', comment: string) => Promise<boolean>;
  /** The passage selected in the body right now, if any. */
  selection: () => Anchor | null;
}) {
  const t = useT();
  const ws = useWorkspace();
  const { message } = App.useApp();
  const errorText = useErrorMessage();
  const qc = useQueryClient();
  const base = `/workspaces/${ws.workspaceId}/content/${item.id}`;
  const decisionsKey = ['content', ws.workspaceId, 'decisions', item.id, item.status];
  const commentsKey = ['content', ws.workspaceId, 'comments', item.id];
  const decisions = useQuery({
    queryKey: decisionsKey,
    queryFn: ({ signal }) =>
      api.get<{ decisions: TDecision[] }>(`${base}/decisions`, { signal }).then((r) => r.decisions),
  });
  const comments = useQuery({
    queryKey: commentsKey,
    queryFn: ({ signal }) =>
      api.get<{ comments: TComment[] }>(`${base}/comments`, { signal }).then((r) => r.comments),
  });
  const [reviewComment, setReviewComment] = useState('');
  const [text, setText] = useState('');
  const [anchor, setAnchor] = useState<Anchor | null>(null);
  const [posting, setPosting] = useState(false);

  const addComment = async () => {
    setPosting(true);
    try {
      await api.post(`${base}/comments`, { body: text.trim(), ...(anchor ? { anchor } : {}) });
      setText('');
      setAnchor(null);
      await qc.invalidateQueries({ queryKey: commentsKey });
    } catch (err) {
      message.error(errorText(err));
    } finally {
      setPosting(false);
    }
  };

  const decide = async (decision: 'approve' | 'request_changes') => {
    if (await onDecide(decision, reviewComment.trim())) {
      setReviewComment('');
      await qc.invalidateQueries({ queryKey: ['content', ws.workspaceId, 'decisions', item.id] });
    }
  };

  return (
    <Card title={t('content.approval.title')} style={{ marginTop: 16 }} data-testid="approval-panel">
      {flow ? <FlowSteps item={item} flow={flow} /> : null}
      {canDecide ? (
        <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
          <Input.TextArea
            rows={2}
            placeholder={t('content.comment.placeholder')}
            value={reviewComment}
            onChange={(e) => setReviewComment(e.target.value)}
            data-testid="approval-comment"
          />
          <Space wrap>
            <Button
              type="primary"
              onClick={() => void decide('approve')}
              loading={deciding}
              data-testid="approval-approve"
            >
              {t('content.action.approve')}
            </Button>
            <Button
              onClick={() => void decide('request_changes')}
              disabled={deciding}
              data-testid="approval-request-changes"
            >
              {t('content.action.requestChanges')}
            </Button>
          </Space>
        </Space>
      ) : item.status === 'in_review' ? (
        <Typography.Paragraph type="secondary" data-testid="approval-waiting">
          {t('content.approval.waiting')}
        </Typography.Paragraph>
      ) : null}

      <Typography.Title level={5} style={{ marginTop: 8 }}>
        {t('content.approval.history')}
      </Typography.Title>
      {decisions.isError ? (
        <ErrorState error={decisions.error} onRetry={() => void decisions.refetch()} />
      ) : decisions.data?.length ? (
        <Timeline
          data-testid="approval-history"
          items={[...decisions.data].reverse().map((d) => ({
            color: DECISION_COLOUR[d.decision],
            children: (
              <Space direction="vertical" size={0}>
                <Space size={4} wrap>
                  <Tag color={DECISION_COLOUR[d.decision]}>
                    {t(`content.decision.${d.decision}`)}
                  </Tag>
                  <Typography.Text strong>{d.userName ?? '—'}</Typography.Text>
                  <Typography.Text type="secondary">
                    {t('content.version', { version: d.version })}
                    {flow?.steps[d.step] && d.decision !== 'submit'
                      ? ` · ${flow.steps[d.step]?.name}`
                      : ''}
                  </Typography.Text>
                </Space>
                {d.comment ? <span>{d.comment}</span> : null}
                {d.overrideReason ? (
                  <Typography.Text type="danger">
                    {t('content.approval.overrideReason', { reason: d.overrideReason })}
                  </Typography.Text>
                ) : null}
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  <DateTime value={d.createdAt} />
                </Typography.Text>
              </Space>
            ),
          }))}
        />
      ) : (
        <Typography.Paragraph type="secondary">
          {decisions.isPending ? t('common.loading') : t('content.approval.noHistory')}
        </Typography.Paragraph>
      )}

      <Typography.Title level={5}>{t('content.comments.title')}</Typography.Title>
      {comments.isError ? (
        <ErrorState error={comments.error} onRetry={() => void comments.refetch()} />
      ) : (
        <List
          size="small"
          loading={comments.isPending}
          locale={{ emptyText: <Empty description={t('content.comments.empty')} /> }}
          dataSource={comments.data ?? []}
          data-testid="content-comments"
          renderItem={(c) => (
            <List.Item data-testid="content-comment">
              <Space direction="vertical" size={0} style={{ width: '100%' }}>
                <Space size={4} wrap>
                  <Typography.Text strong>{c.userName ?? '—'}</Typography.Text>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {t('content.version', { version: c.version })} ·{' '}
                    <DateTime value={c.createdAt} />
                  </Typography.Text>
                </Space>
                {c.anchor ? (
                  <blockquote
                    style={{
                      margin: '4px 0',
                      padding: '2px 8px',
                      borderLeft: '3px solid #d9d9d9',
                      color: 'rgba(0,0,0,0.55)',
                    }}
                  >
                    {c.anchor.quote}
                  </blockquote>
                ) : null}
                <span style={{ whiteSpace: 'pre-wrap' }}>{c.body}</span>
              </Space>
            </List.Item>
          )}
        />
      )}
      <Space direction="vertical" style={{ width: '100%', marginTop: 8 }}>
        {anchor ? (
          <Tag
            closable
            onClose={() => setAnchor(null)}
            style={{ maxWidth: '100%', whiteSpace: 'normal' }}
            data-testid="comment-anchor"
          >
            {t('content.comments.quoting', { quote: anchor.quote })}
          </Tag>
        ) : null}
        <Input.TextArea
          rows={2}
          value={text}
          onChange={(e) => setText(e.target.value)}
          placeholder={t('content.comments.placeholder')}
          data-testid="comment-input"
        />
        <Space wrap>
          <Button
            size="small"
            onMouseDown={(e) => e.preventDefault()}
            onClick={() => {
              const picked = selection();
              if (picked) setAnchor(picked);
              else message.info(t('content.comments.selectFirst'));
            }}
            data-testid="comment-quote"
          >
            {t('content.comments.anchor')}
          </Button>
          <Button
            type="primary"
            size="small"
            disabled={!text.trim()}
            loading={posting}
            onClick={() => void addComment()}
            data-testid="comment-add"
          >
            {t('content.comments.add')}
          </Button>
        </Space>
      </Space>
    </Card>
  );
}
